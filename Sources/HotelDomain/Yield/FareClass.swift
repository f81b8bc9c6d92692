/// One fare class competing for a night's rooms: its name (usually the rate plan code), its fare and its demand.
///
/// Fares are integer minor units (`Int64`), converted to `Double` only inside the statistics.
/// Example: `try FareClass(name: "BAR", fare: 105_000, demand: try DemandForecast(mean: 17.3, standardDeviation: 5.8))`.
public struct FareClass: Sendable, Hashable {
    /// The class's name, used in explanations (e.g. the rate plan code `CORP`).
    public let name: String
    /// The fare one room-night of this class earns, in minor units; more than 0.
    public let fare: Int64
    /// The forecast of this class's remaining demand.
    public let demand: DemandForecast

    /// A fare class; the fare must be more than 0 minor units.
    ///
    /// Example: fare 0 throws `YieldInputError.fareNotPositive(fareClass: "COMP", fare: 0)`.
    public init(name: String, fare: Int64, demand: DemandForecast) throws(YieldInputError) {
        guard fare > 0 else { throw .fareNotPositive(fareClass: name, fare: fare) }
        self.name = name
        self.fare = fare
        self.demand = demand
    }
}
