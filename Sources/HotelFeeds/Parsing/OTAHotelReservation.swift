/// One `HotelReservation` (or `HotelResModify`) element of a booking message.
///
/// Rule: fields are the strings of the XML; the reservation's `resStatus` wins over the message's when the
/// importer decides new/modify/cancel. Example: AlpineBits' cancellation sample gives `resStatus: "Cancelled"`
/// and one `uniqueIDs` entry `Type="15"`, with no room stays.
public struct OTAHotelReservation: Sendable, Equatable, Codable {
    /// Line of the file where the reservation's start tag ends.
    public var line: Int = 0
    /// `ResStatus`, e.g. `"Reserved"`, `"Cancelled"`, `"Requested"`, `"Book"`, `"Modify"`.
    public var resStatus: String?
    /// `CreateDateTime`, e.g. `"2022-03-21T15:00:00+01:00"`.
    public var createDateTime: String?
    /// `LastModifyDateTime`, e.g. `"2023-06-12T12:00:00+01:00"`; protects newer data from older messages.
    public var lastModifyDateTime: String?
    /// `CreatorID`, e.g. `"CHM"`.
    public var creatorID: String?
    /// `LastModifierID`, e.g. `"CHM"`.
    public var lastModifierID: String?
    /// `RoomStayReservation`, e.g. `"true"`.
    public var roomStayReservation: String?
    /// The reservation's `UniqueID` elements, e.g. `Type="14" ID="6b34fe24ac2ff810"`.
    public var uniqueIDs: [OTAUniqueID] = []
    /// `POS/Source` elements given inside the reservation (some channels put the agent here).
    public var pointOfSale: [OTASource] = []
    /// The `RoomStays/RoomStay` elements.
    public var roomStays: [OTARoomStay] = []
    /// The `ResGuests/ResGuest` elements.
    public var resGuests: [OTAResGuest] = []
    /// `ResGlobalInfo`: reservation ids, comments, travel agent profiles, totals given for the whole booking.
    public var globalInfo = OTAResGlobalInfo()
    /// `Verification`, sent with modifications to prove the booking is the right one.
    public var verification: OTAVerification?
    /// Every payment card found in the reservation, reduced to last four digits and expiry.
    public var paymentCards: [OTAPaymentCardSummary] = []

    /// An empty reservation; set the fields you need.
    public init() {}
}
