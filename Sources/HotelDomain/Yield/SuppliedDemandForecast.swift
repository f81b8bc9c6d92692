/// One row of a supplied demand file (`date,room_type,rate_plan,mean,sd`), with its values validated.
///
/// Parsing the CSV belongs to the file layer; this type checks the numbers and says which row is wrong. The row's
/// identifiers are whatever the caller parsed them into (calendar date, room type and rate plan codes, or plain
/// strings); they appear in errors through `description`. Example: mean −3 for `2027-03-01 DLX BAR` throws an
/// error whose description is `2027-03-01 DLX BAR: demand mean -3.0 is negative; a mean must be 0 or more`.
public struct SuppliedDemandForecast<Night, RoomType, RatePlan>: Sendable, Hashable
where
    Night: Hashable & Sendable & CustomStringConvertible,
    RoomType: Hashable & Sendable & CustomStringConvertible,
    RatePlan: Hashable & Sendable & CustomStringConvertible
{
    /// The night the demand is for.
    public let night: Night
    /// The room type.
    public let roomType: RoomType
    /// The rate plan, i.e. the fare class; its fare is the plan's price that night.
    public let ratePlan: RatePlan
    /// The validated remaining-demand forecast.
    public let forecast: DemandForecast

    /// A validated row: mean and sd must be finite and 0 or more.
    ///
    /// Example: `try SuppliedDemandForecast(night: "2027-03-01", roomType: "DLX", ratePlan: "BAR", mean: 12.5,
    /// standardDeviation: 4)`.
    public init(
        night: Night, roomType: RoomType, ratePlan: RatePlan, mean: Double, standardDeviation: Double
    ) throws(YieldInputError) {
        do {
            forecast = try DemandForecast(mean: mean, standardDeviation: standardDeviation)
        } catch {
            throw .invalidSuppliedForecast(
                night: night.description, roomType: roomType.description, ratePlan: ratePlan.description, error)
        }
        self.night = night
        self.roomType = roomType
        self.ratePlan = ratePlan
    }
}
