/// The exact optimum for low-before-high arrivals: the static dynamic programme over fare classes.
///
/// Classes 0…k−1 (fare descending) book in the order k−1, …, 0, each with Poisson demand. With V_{−1} ≡ 0,
///
///     V_j(x) = E[ max_{0 ≤ u ≤ min(D_j, x)} f_j·u + V_{j−1}(x − u) ]
///
/// and because V_{j−1} is concave the best u protects y*_j = #{y ≥ 1 : V_{j−1}(y) − V_{j−1}(y − 1) > f_j} rooms:
/// u = min(D_j, max(0, x − y*_j)) (ties accept). The expected optimal revenue is V_{k−1}(C).
/// Example: fares 100/60, means 0.8/1.5, capacity 2 → protect 1 room for the high class, V = 108.1269.
struct StaticYieldOptimum: Sendable, Hashable {
    /// y*_1…y*_{k−1}: rooms protected for classes 0…j−1 when class j books.
    let protectionLevels: [Int]
    /// V_{k−1}(C), in minor units.
    let expectedRevenue: Double

    init(fares: [Int64], demand: [PoissonDemand], capacity: Int) {
        var value = [Double](repeating: 0, count: capacity + 1)
        var next = value
        var levels: [Int] = []
        for (index, fare) in fares.enumerated() {
            let fare = Double(fare)
            var protected = 0
            if index > 0 {
                while protected < capacity, value[protected + 1] - value[protected] > fare { protected += 1 }
                levels.append(protected)
            }
            let masses = demand[index].probabilities
            for rooms in 0...capacity {
                let available = max(0, rooms - protected)
                var expected = 0.0
                var tail = 1.0
                var demandLevel = 0
                while demandLevel < available, demandLevel < masses.count {
                    let mass = masses[demandLevel]
                    expected += mass * (fare * Double(demandLevel) + value[rooms - demandLevel])
                    tail -= mass
                    demandLevel += 1
                }
                expected += max(0, tail) * (fare * Double(available) + value[rooms - available])
                next[rooms] = expected
            }
            swap(&value, &next)
        }
        protectionLevels = levels
        expectedRevenue = value[capacity]
    }
}
