/// The exact optimum for interleaved arrivals: the dynamic programme over booking periods and rooms left.
///
/// Periods t = 1…T; in each, class i asks for one room with probability q_i (Σ q_i ≤ 1), otherwise nobody asks.
/// With V_{T+1} ≡ 0 and V_t(0) = 0,
///
///     V_t(x) = V_{t+1}(x) + Σ_i q_i · max(0, f_i − [V_{t+1}(x) − V_{t+1}(x − 1)])
///
/// A class-i request in period t with x rooms left is accepted when f_i ≥ V_{t+1}(x) − V_{t+1}(x − 1) (ties
/// accept). The marginal value falls as x grows, so the rule is stored as the fewest rooms left at which each
/// class is accepted. Example: fares 100/60, q = 0.3/0.5, 3 periods, capacity 1 → V_1(1) = 80.4.
struct DynamicYieldOptimum: Sendable, Hashable {
    let periods: Int
    let classCount: Int
    /// `thresholds[(t − 1) · k + i]`: class i is accepted in period t when rooms left ≥ this (capacity + 1: never).
    private let thresholds: [Int32]
    /// V_1(C), in minor units.
    let expectedRevenue: Double

    init(fares: [Int64], arrivalProbabilities: [Double], periods: Int, capacity: Int) {
        let count = fares.count
        let fareValues = fares.map(Double.init)
        var thresholds = [Int32](repeating: Int32(capacity + 1), count: periods * count)
        var next = [Double](repeating: 0, count: capacity + 1)
        var current = next
        for period in stride(from: periods, through: 1, by: -1) {
            let row = (period - 1) * count
            for rooms in stride(from: 1, through: capacity, by: 1) {
                let marginal = next[rooms] - next[rooms - 1]
                var gain = 0.0
                for index in 0..<count where fareValues[index] >= marginal {
                    gain += arrivalProbabilities[index] * (fareValues[index] - marginal)
                    if thresholds[row + index] > Int32(rooms) { thresholds[row + index] = Int32(rooms) }
                }
                current[rooms] = next[rooms] + gain
            }
            swap(&current, &next)
        }
        self.periods = periods
        self.classCount = count
        self.thresholds = thresholds
        self.expectedRevenue = next[capacity]
    }

    /// Whether the optimal policy sells a room to class `classIndex` in `period` with `roomsLeft` rooms.
    func accepts(classIndex: Int, period: Int, roomsLeft: Int) -> Bool {
        roomsLeft > 0 && roomsLeft >= Int(thresholds[(period - 1) * classCount + classIndex])
    }
}
