/// One booking message read from a channel feed, exactly as the channel wrote it.
///
/// Rule: this is the raw model of the message; nothing is normalized. Amounts, dates, codes and statuses are
/// the strings of the XML, so `Total AmountAfterTax="299"` stays `"299"` and a channel's `ResStatus="Book"`
/// stays `"Book"`. Turning them into money, nights and booking statuses is the importer's next step.
/// Example: an `OTA_HotelResNotifRQ` with two `HotelReservation` elements becomes a message of type
/// `.hotelResNotif` with two `reservations`.
public struct OTABookingMessage: Sendable, Equatable, Codable {
    /// Which of the four booking messages this is, e.g. `.hotelResNotif` for `OTA_HotelResNotifRQ`.
    public var type: OTAMessageType = .hotelResNotif
    /// Whether the message root was in the OpenTravel namespace or had no namespace at all.
    public var namespace: OTAMessageNamespace = .openTravel
    /// 1-based position of the message among all messages of the file, e.g. `2` for the second one in a wrapper.
    public var position: Int = 0
    /// Line of the file where the message's start tag ends, e.g. `12`.
    public var line: Int = 0
    /// Root attribute `EchoToken`, e.g. `"354"`; an acknowledgement echoes it back.
    public var echoToken: String?
    /// Root attribute `TimeStamp`, e.g. `"2005-01-26T10:22:00-05:00"`.
    public var timeStamp: String?
    /// Root attribute `Target`, e.g. `"Production"` or `"Test"`.
    public var target: String?
    /// Root attribute `Version`, e.g. `"1.003"`.
    public var version: String?
    /// Root attribute `ResStatus`, e.g. `"Commit"`; a reservation's own `ResStatus` takes precedence over it.
    public var resStatus: String?
    /// Root attribute `TransactionIdentifier`, e.g. `"A1B2"`.
    public var transactionIdentifier: String?
    /// Root attribute `SequenceNmbr`, e.g. `"1"`.
    public var sequenceNumber: String?
    /// Root attribute `PrimaryLangID`, e.g. `"en"`.
    public var primaryLanguageID: String?
    /// Root attribute `RetransmissionIndicator`, e.g. `"true"` when the channel resends a message.
    public var retransmissionIndicator: String?
    /// Root attribute `CorrelationID`, e.g. `"c-778"`.
    public var correlationID: String?
    /// The message's `POS/Source` elements: who sent it (requestor ids, booking channel).
    public var pointOfSale: [OTASource] = []
    /// Whether the message carries `<Success/>` (pull responses such as `OTA_ResRetrieveRS` do).
    public var success: Bool = false
    /// The `Warnings/Warning` elements of a response message.
    public var warnings: [OTAResponseNotice] = []
    /// The `Errors/Error` elements of a response message; a pull that failed has errors and no reservations.
    public var errors: [OTAResponseNotice] = []
    /// Every `HotelReservation` (or `HotelResModify`) of the message, in document order; may be empty.
    public var reservations: [OTAHotelReservation] = []
    /// For `OTA_CancelRQ` only: what is cancelled (`UniqueID`s, `CancelType`, verification); `nil` otherwise.
    public var cancellation: OTACancellation?

    /// An empty message of type `.hotelResNotif`; set the fields you need (tests and normalization use this).
    public init() {}
}
