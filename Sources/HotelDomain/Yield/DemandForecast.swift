/// The forecast of one fare class's remaining demand for a night: a mean and a standard deviation, in rooms.
///
/// Demand is modelled as normally distributed, as EMSR-b assumes. Neither value may be negative or
/// non-finite: `DemandForecast(mean: 17.3, standardDeviation: 5.8)` is valid, `mean: -1` throws
/// `YieldInputError.negativeMean(-1)`.
public struct DemandForecast: Sendable, Hashable, CustomStringConvertible {
    /// Expected remaining demand, in rooms.
    public let mean: Double
    /// Standard deviation of remaining demand, in rooms.
    public let standardDeviation: Double

    /// A forecast from a mean and a standard deviation, both 0 or more.
    ///
    /// Example: `try DemandForecast(mean: 50, standardDeviation: 18)` is the high-fare demand of Littlewood's
    /// two-class example; a negative mean or sd throws an error whose description names the value.
    public init(mean: Double, standardDeviation: Double) throws(YieldInputError) {
        guard mean.isFinite else { throw .notFinite(quantity: "demand mean", value: mean) }
        guard standardDeviation.isFinite else {
            throw .notFinite(quantity: "demand sd", value: standardDeviation)
        }
        guard mean >= 0 else { throw .negativeMean(mean) }
        guard standardDeviation >= 0 else { throw .negativeStandardDeviation(standardDeviation) }
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The normal approximation of Poisson demand: sd = √mean.
    ///
    /// Example: `try DemandForecast(poissonMean: 25)` has mean 25 and sd 5.
    public init(poissonMean mean: Double) throws(YieldInputError) {
        let sd = mean.isFinite && mean >= 0 ? mean.squareRoot() : 0
        try self.init(mean: mean, standardDeviation: sd)
    }

    /// A forecast from pickup history: the mean and the sample standard deviation (divisor n − 1) of past
    /// remaining-demand observations for the same fare class and booking horizon.
    ///
    /// Example: observations `[10, 12, 14]` give mean 12 and sd 2. A single observation gives sd 0 (there is no
    /// spread to estimate); no observation or a negative count throws.
    public init(pickupObservations observations: [Int]) throws(YieldInputError) {
        guard !observations.isEmpty else { throw .noObservations }
        var sum = 0.0
        for count in observations {
            guard count >= 0 else { throw .negativeObservation(count) }
            sum += Double(count)
        }
        let mean = sum / Double(observations.count)
        var squares = 0.0
        for count in observations {
            let deviation = Double(count) - mean
            squares += deviation * deviation
        }
        let variance = observations.count > 1 ? squares / Double(observations.count - 1) : 0
        try self.init(mean: mean, standardDeviation: variance.squareRoot())
    }

    /// The probability that demand is at most `rooms` under the normal model.
    ///
    /// Example: for N(50, 18), `probability(demandAtMost: 50)` is 0.5.
    public func probability(demandAtMost rooms: Double) -> Double {
        guard standardDeviation > 0 else { return rooms >= mean ? 1 : 0 }
        return Self.standardNormalCDF((rooms - mean) / standardDeviation)
    }

    /// The demand level that is not exceeded with probability `p` under the normal model.
    ///
    /// Example: for N(50, 18), `demand(atProbability: 0.6)` is 50 + 18 × 0.2533 = 54.56, Littlewood's
    /// protection level for fares 1000 and 400.
    public func demand(atProbability p: Double) -> Double {
        mean + standardDeviation * Self.standardNormalQuantile(p)
    }

    public var description: String {
        "mean \(mean), sd \(standardDeviation)"
    }
}
