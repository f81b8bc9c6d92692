extension OTAMessageType {
    /// The root element of the acknowledgement that answers this message.
    ///
    /// Rule: a push is answered with its RS; an AlpineBits `OTA_ResRetrieveRS` pull is acknowledged with an
    /// `OTA_NotifReportRQ` (the client's acknowledgement of the GuestRequests it received). Example:
    /// `.cancel.acknowledgementName` is `"OTA_CancelRS"`.
    public var acknowledgementName: String {
        switch self {
        case .hotelResNotif: "OTA_HotelResNotifRS"
        case .hotelResModifyNotif: "OTA_HotelResModifyNotifRS"
        case .cancel: "OTA_CancelRS"
        case .resRetrieve: "OTA_NotifReportRQ"
        }
    }

    /// The acknowledgement's required `Version`: the version of its schema in OpenTravel 2015A, e.g. `"6.000"`
    /// for `OTA_HotelResNotifRS`.
    var acknowledgementVersion: String {
        switch self {
        case .hotelResNotif, .hotelResModifyNotif: "6.000"
        case .cancel, .resRetrieve: "4.000"
        }
    }
}
