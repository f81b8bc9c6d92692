/// `ResGlobalInfo`: what a reservation says for all of its room stays.
///
/// Rule: a channel may give the total, guests or time span here instead of per room stay; the importer reads
/// room-stay values first and falls back to these. Example: AlpineBits sends the travel agent as
/// `profiles[0]` with `profileType: "4"`.
public struct OTAResGlobalInfo: Sendable, Equatable, Codable {
    /// `HotelReservationIDs/HotelReservationID`, e.g. `ResID_Type="14" ResID_Value="82329987"`.
    public var hotelReservationIDs: [OTAHotelReservationID] = []
    /// `Comments/Comment` of the whole reservation.
    public var comments: [OTAComment] = []
    /// `SpecialRequests/SpecialRequest` of the whole reservation.
    public var specialRequests: [OTASpecialRequest] = []
    /// `CancelPenalties/CancelPenalty` of the whole reservation.
    public var cancelPenalties: [OTACancelPenalty] = []
    /// `Profiles/ProfileInfo/Profile`: travel agent (`ProfileType="4"`), company, booker.
    public var profiles: [OTAProfile] = []
    /// `BasicPropertyInfo`, e.g. `HotelCode="123"`.
    public var basicPropertyInfo: OTAPropertyInfo?
    /// `Total` of the whole reservation.
    public var total: OTAAmount?
    /// `TimeSpan` of the whole reservation.
    public var timeSpan: OTATimeSpan?
    /// `GuestCounts/GuestCount` of the whole reservation.
    public var guestCounts: [OTAGuestCount] = []
    /// `Guarantee` elements of the whole reservation (card details are in the reservation's `paymentCards`).
    public var guarantees: [OTAGuarantee] = []
    /// `Commission` elements outside any rate plan.
    public var commissions: [OTACommission] = []

    /// Empty global info.
    public init() {}
}
