/// One `RoomStay`: a room (or several identical rooms) for a span of nights at a rate plan.
///
/// Rule: codes are the channel's own; mapping `RoomTypeCode`/`RatePlanCode` to the hotel's codes is a
/// per-channel setting applied later. Example: OpenTravel's modify sample has `ratePlans[0].ratePlanCode ==
/// "CORA999"` and one nightly `Rate` of `"280.00"` from 2005-10-18 to 2005-10-21.
public struct OTARoomStay: Sendable, Equatable, Codable {
    /// Line of the file where the room stay's start tag ends.
    public var line: Int = 0
    /// `RoomStayStatus`, e.g. `"Cancelled"` for one room of a multi-room booking.
    public var roomStayStatus: String?
    /// `IndexNumber`, e.g. `"1"`.
    public var indexNumber: String?
    /// `RoomTypes/RoomType`.
    public var roomTypes: [OTARoomType] = []
    /// `RatePlans/RatePlan`.
    public var ratePlans: [OTARatePlan] = []
    /// `RoomRates/RoomRate`, each with its nightly or periodic `Rates/Rate`.
    public var roomRates: [OTARoomRate] = []
    /// `GuestCounts/GuestCount`, e.g. two adults and children aged 9 and 3.
    public var guestCounts: [OTAGuestCount] = []
    /// `GuestCounts/@IsPerRoom`, e.g. `"true"`.
    public var guestCountsArePerRoom: String?
    /// `TimeSpan`, e.g. `Start="2022-01-01" End="2022-01-12"`.
    public var timeSpan: OTATimeSpan?
    /// `Guarantee` elements (card details are in the reservation's `paymentCards`).
    public var guarantees: [OTAGuarantee] = []
    /// `Total` of the room stay.
    public var total: OTAAmount?
    /// `BasicPropertyInfo`, e.g. `HotelCode="WASJW"`.
    public var basicPropertyInfo: OTAPropertyInfo?
    /// `Comments/Comment` of the room stay.
    public var comments: [OTAComment] = []
    /// `SpecialRequests/SpecialRequest` of the room stay.
    public var specialRequests: [OTASpecialRequest] = []
    /// `CancelPenalties/CancelPenalty` of the room stay.
    public var cancelPenalties: [OTACancelPenalty] = []
    /// `ResGuestRPHs/ResGuestRPH/@RPH`: which `ResGuest`s stay in this room, e.g. `["1"]`.
    public var resGuestRPHs: [String] = []
    /// `Commission` elements of the room stay outside any rate plan.
    public var commissions: [OTACommission] = []

    /// An empty room stay.
    public init() {}
}
