/// One row of a supplied demand forecast: the remaining demand of one rate class, for one night and room type.
///
/// Rule: `mean` and `standardDeviation` are demand in rooms (not money), finite and 0 or more, as
/// `SuppliedDemandForecast` checks. Example: the CSV row `2027-03-01,DLX,BAR,12.5,4.0` is
/// `SuppliedDemand(night: 2027-03-01, roomType: "DLX", ratePlan: "BAR", mean: 12.5, standardDeviation: 4)`.
public struct SuppliedDemand: Sendable, Hashable {
    /// The night the demand is for.
    public let night: CalendarDate
    /// The room type.
    public let roomType: Code
    /// The rate plan, i.e. the fare class; its fare is the plan's price that night.
    public let ratePlan: Code
    /// Expected remaining demand, in rooms.
    public let mean: Double
    /// Standard deviation of remaining demand, in rooms.
    public let standardDeviation: Double

    /// A row as read from a demand file; `DemandFile` has already checked the numbers.
    ///
    /// Example: `SuppliedDemand(night: date, roomType: "DLX", ratePlan: "BAR", mean: 12.5, standardDeviation: 4)`.
    public init(night: CalendarDate, roomType: Code, ratePlan: Code, mean: Double, standardDeviation: Double) {
        self.night = night
        self.roomType = roomType
        self.ratePlan = ratePlan
        self.mean = mean
        self.standardDeviation = standardDeviation
    }
}
