/// Belobaba's expected marginal seat revenue heuristic, version b (EMSR-b), for nested protection levels.
///
/// For fare classes 1…k sorted by fare descending, with normal demand D_i ~ N(μ_i, σ_i), the protection level of
/// classes 1…j against class j+1 is
///
///     y_j = μ_{1..j} + σ_{1..j} · Φ⁻¹(1 − f_{j+1} / f̄_j)
///
/// where μ_{1..j} = Σ μ_i, σ_{1..j} = √(Σ σ_i²) and f̄_j = Σ f_i μ_i / Σ μ_i is the demand-weighted fare of
/// classes 1…j. With two classes this is Littlewood's rule: fares 1000 and 400, high demand N(50, 18) →
/// y_1 = 50 + 18 · Φ⁻¹(0.6) = 54.56.
///
/// Conventions: a level is never below 0, never below the previous level (protection for classes 1…j includes
/// the protection for 1…j−1, so booking limits stay nested), and is 0 when classes 1…j expect no demand or
/// class j+1 pays as much as their weighted fare.
public enum EMSRb {
    /// EMSR-b protection levels and nested booking limits for `fareClasses` (highest fare first) and `capacity`.
    ///
    /// Example (a four-class textbook case): fares 1050/567/534/520, means 17.3/45.1/39.6/34.0,
    /// sd 5.8/15.0/13.2/11.3, capacity 100 → levels 16.72, 50.94, 83.15, rounded 17/51/83, booking limits
    /// 100/83/49/17. Throws when no class is given, a fare is out of order or the capacity is outside 0…100000.
    public static func protectionLevels(
        for fareClasses: [FareClass], capacity: Int
    ) throws(YieldInputError) -> ProtectionLevels {
        guard let first = fareClasses.first else { throw .noFareClasses }
        guard (0...maximumCapacity).contains(capacity) else { throw .capacityOutOfRange(capacity) }
        var higher = first
        for fareClass in fareClasses.dropFirst() {
            guard fareClass.fare <= higher.fare else {
                throw .faresNotDescending(
                    higher: higher.name, higherFare: higher.fare, lower: fareClass.name, lowerFare: fareClass.fare)
            }
            higher = fareClass
        }
        var fares: [Double] = []
        var means: [Double] = []
        var variances: [Double] = []
        fares.reserveCapacity(fareClasses.count)
        means.reserveCapacity(fareClasses.count)
        variances.reserveCapacity(fareClasses.count)
        for fareClass in fareClasses {
            fares.append(Double(fareClass.fare))
            means.append(fareClass.demand.mean)
            variances.append(fareClass.demand.standardDeviation * fareClass.demand.standardDeviation)
        }
        let levels = unroundedLevels(fares: fares, means: means, variances: variances)
        return ProtectionLevels(capacity: capacity, unrounded: levels)
    }

    /// The largest capacity the yield maths accepts, in rooms.
    static let maximumCapacity = 100_000

    /// The k − 1 unrounded EMSR-b levels for fares sorted descending (all positive), means and variances ≥ 0.
    static func unroundedLevels(fares: [Double], means: [Double], variances: [Double]) -> [Double] {
        let count = fares.count
        guard count > 1 else { return [] }
        var levels = [Double](repeating: 0, count: count - 1)
        var mean = 0.0
        var variance = 0.0
        var revenue = 0.0
        var previous = 0.0
        for j in 1..<count {
            mean += means[j - 1]
            variance += variances[j - 1]
            revenue += fares[j - 1] * means[j - 1]
            var level = 0.0
            if mean > 0 {
                let ratio = fares[j] / (revenue / mean)
                if ratio < 1 {
                    level = max(0, mean + variance.squareRoot() * DemandForecast.standardNormalQuantile(1 - ratio))
                }
            }
            previous = max(previous, level)
            levels[j - 1] = previous
        }
        return levels
    }
}
