/// `RoomRate`: the rates charged for one room type and rate plan.
///
/// Rule: a `Rate` may span several nights (`EffectiveDate`..`ExpireDate`); whether the expire date is
/// inclusive is a per-channel setting. Example: `RoomRate RoomTypeCode="DBL" RatePlanCode="BAR"` with three
/// nightly `Rate`s.
public struct OTARoomRate: Sendable, Equatable, Codable {
    /// `RoomTypeCode` given on the room rate, e.g. `"DBL"`.
    public var roomTypeCode: String?
    /// `RatePlanCode` given on the room rate, e.g. `"BAR"`.
    public var ratePlanCode: String?
    /// `NumberOfUnits`, e.g. `"1"`.
    public var numberOfUnits: String?
    /// `EffectiveDate` of the room rate, e.g. `"2025-07-01"`.
    public var effectiveDate: String?
    /// `ExpireDate` of the room rate, e.g. `"2025-07-04"`.
    public var expireDate: String?
    /// `Rates/Rate`.
    public var rates: [OTARate] = []
    /// `Total` of the room rate (all its nights), when the channel sends one.
    public var total: OTAAmount?

    /// An empty room rate.
    public init() {}
}
