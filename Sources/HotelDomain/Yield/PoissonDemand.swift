import Foundation

/// The Poisson distribution of one fare class's demand, tabulated for dynamic programming and sampling.
///
/// The table runs from 0 to a point beyond which the probability is below 1e-17 and is renormalised to sum to 1.
struct PoissonDemand: Sendable, Hashable {
    /// P(D = d) for d = 0…`probabilities.count − 1`.
    let probabilities: [Double]
    /// P(D ≤ d), the last entry exactly 1.
    let cumulative: [Double]

    init(mean: Double) {
        guard mean > 0 else {
            probabilities = [1]
            cumulative = [1]
            return
        }
        let logMean = log(mean)
        let limit = Int(mean + 40 * mean.squareRoot() + 100)
        var masses: [Double] = []
        masses.reserveCapacity(limit + 1)
        var logMass = -mean
        var total = 0.0
        var demand = 0
        while true {
            let mass = exp(logMass)
            masses.append(mass)
            total += mass
            if (Double(demand) > mean && mass < 1e-17) || demand >= limit { break }
            demand += 1
            logMass += logMean - log(Double(demand))
        }
        var running = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(masses.count)
        for index in masses.indices {
            masses[index] /= total
            running += masses[index]
            cumulative.append(running)
        }
        cumulative[cumulative.count - 1] = 1
        probabilities = masses
        self.cumulative = cumulative
    }

    /// The demand whose cumulative interval holds `unit` (uniform in [0, 1)): inverse-CDF sampling.
    func sample(_ unit: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if unit < cumulative[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
