/// The four OpenTravel messages that carry bookings, named by their root element's local name.
///
/// Rule: a message is recognised by namespace URI and local name, never by prefix, so `ota:OTA_CancelRQ` is
/// `.cancel`. Example: `OTAMessageType(rawValue: "OTA_ResRetrieveRS")` is `.resRetrieve`.
public enum OTAMessageType: String, Sendable, Equatable, Codable, CaseIterable {
    /// `OTA_HotelResNotifRQ`: new, modified or cancelled bookings pushed by a channel.
    case hotelResNotif = "OTA_HotelResNotifRQ"
    /// `OTA_HotelResModifyNotifRQ`: full modifications (`HotelResModify`) of existing bookings.
    case hotelResModifyNotif = "OTA_HotelResModifyNotifRQ"
    /// `OTA_CancelRQ`: a cancellation by reservation reference.
    case cancel = "OTA_CancelRQ"
    /// `OTA_ResRetrieveRS`: a pull response, e.g. AlpineBits GuestRequests with a `ReservationsList`.
    case resRetrieve = "OTA_ResRetrieveRS"
}
