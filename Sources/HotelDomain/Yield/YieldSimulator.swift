/// Simulates a `YieldScenario` and compares FCFS, EMSR-b (once and re-optimised) and the exact optimum on the
/// same random demand (common random numbers).
///
/// Demand: low-before-high draws each class's Poisson demand per run, then the classes book from the lowest
/// fare up; interleaved draws, in each of the scenario's periods, at most one request (class i with probability
/// expected demand of i ÷ periods). EMSR-b uses the normal approximation of Poisson demand (sd = √mean). With
/// low-before-high the higher classes' remaining demand is still their whole demand whenever a class books, so
/// the re-optimised levels equal the ones computed once and both policies report the same revenue.
/// Example: `try YieldSimulator(scenario: scenario).simulate(runs: 2000, seed: 7)`.
public struct YieldSimulator: Sendable {
    /// The simulated scenario.
    public let scenario: YieldScenario
    /// EMSR-b levels computed once from the whole horizon's expected demand.
    public let initialProtectionLevels: ProtectionLevels
    /// The dynamic programme's expected optimal revenue, in minor units.
    public let optimumExpectedRevenue: Double

    private let fares: [Int64]
    private let model: Model

    private enum Model: Sendable {
        case lowBeforeHigh(demand: [PoissonDemand], optimalLevels: [Int])
        case interleaved(
            cumulativeProbabilities: [Double], reoptimisedLevels: [Int], optimum: DynamicYieldOptimum)
    }

    /// Prepares a scenario: EMSR-b levels and the exact dynamic programme (the expensive part).
    ///
    /// Example: the shipped interleaved scenario (100 rooms, 1000 periods, 4 classes) solves in milliseconds.
    public init(scenario: YieldScenario) throws(YieldInputError) {
        self.scenario = scenario
        let count = scenario.fareClasses.count
        fares = scenario.fareClasses.map(\.fare)
        let fareValues = fares.map(Double.init)
        let means = (0..<count).map { scenario.expectedDemand(ofClass: $0) }
        initialProtectionLevels = ProtectionLevels(
            capacity: scenario.capacity,
            unrounded: EMSRb.unroundedLevels(fares: fareValues, means: means, variances: means))
        switch scenario.arrivalPattern {
        case .lowBeforeHigh:
            let demand = means.map(PoissonDemand.init(mean:))
            let optimum = StaticYieldOptimum(fares: fares, demand: demand, capacity: scenario.capacity)
            optimumExpectedRevenue = optimum.expectedRevenue
            model = .lowBeforeHigh(demand: demand, optimalLevels: optimum.protectionLevels)
        case .interleaved:
            guard let periods = scenario.periods else {
                throw .periodsOutOfRange(periods: nil, expectedRequests: means.reduce(0, +))
            }
            let probabilities = means.map { $0 / Double(periods) }
            var cumulative: [Double] = []
            var running = 0.0
            for probability in probabilities {
                running += probability
                cumulative.append(running)
            }
            var levels: [Int] = []
            levels.reserveCapacity(periods * (count - 1))
            var remaining = [Double](repeating: 0, count: count)
            for period in 1...periods {
                for index in 0..<count { remaining[index] = probabilities[index] * Double(periods - period) }
                let unrounded = EMSRb.unroundedLevels(fares: fareValues, means: remaining, variances: remaining)
                for level in unrounded { levels.append(ProtectionLevels.roundHalfUp(level)) }
            }
            let optimum = DynamicYieldOptimum(
                fares: fares, arrivalProbabilities: probabilities, periods: periods, capacity: scenario.capacity)
            optimumExpectedRevenue = optimum.expectedRevenue
            model = .interleaved(cumulativeProbabilities: cumulative, reoptimisedLevels: levels, optimum: optimum)
        }
    }

    /// Runs the scenario `runs` times (default: the scenario's) from `seed` (default: the scenario's).
    ///
    /// The same seed and run count give the same report on every platform, and the first n runs do not depend
    /// on how many follow. Throws when runs are outside 1…10000000 or the revenue total could overflow.
    public func simulate(runs: Int? = nil, seed: UInt64? = nil) throws(YieldInputError) -> YieldSimulationReport {
        let runs = runs ?? scenario.runs
        let seed = seed ?? scenario.seed
        guard (1...YieldScenario.maximumRuns).contains(runs) else { throw .runsOutOfRange(runs) }
        let highestFare = fares.max() ?? 0
        let perRun = highestFare.multipliedReportingOverflow(by: Int64(scenario.capacity))
        let total = perRun.partialValue.multipliedReportingOverflow(by: Int64(runs))
        guard !perRun.overflow, !total.overflow else { throw .revenueOverflow(runs: runs) }

        var generator = YieldRandomGenerator(seed: seed)
        let policies = YieldPolicy.allCases
        var revenues = [Int64](repeating: 0, count: policies.count)
        var totals = [Int64](repeating: 0, count: policies.count)
        var revenueStatistics = [YieldRunningStatistics](repeating: YieldRunningStatistics(), count: policies.count)
        var shortfallStatistics = [YieldRunningStatistics](repeating: YieldRunningStatistics(), count: policies.count)
        var scratch = Scratch(classCount: fares.count)
        let optimumIndex = policies.firstIndex(of: .optimum) ?? policies.count - 1
        for _ in 0..<runs {
            simulateRun(&generator, &scratch, revenues: &revenues)
            for index in policies.indices {
                totals[index] += revenues[index]
                revenueStatistics[index].add(Double(revenues[index]))
                shortfallStatistics[index].add(Double(revenues[optimumIndex] - revenues[index]))
            }
        }
        let results = policies.indices.map { index in
            YieldPolicyResult(
                policy: policies[index],
                totalRevenue: totals[index],
                meanRevenue: Double(totals[index]) / Double(runs),
                standardError: revenueStatistics[index].standardError,
                meanShortfallFromOptimum: shortfallStatistics[index].mean,
                shortfallStandardError: shortfallStatistics[index].standardError)
        }
        return YieldSimulationReport(
            scenarioName: scenario.name, arrivalPattern: scenario.arrivalPattern, runs: runs, seed: seed,
            optimumExpectedRevenue: optimumExpectedRevenue, results: results)
    }

    /// Reusable per-run buffers.
    private struct Scratch {
        var demand: [Int]
        var arrivalPeriods: [Int] = []
        var arrivalClasses: [Int] = []

        init(classCount: Int) {
            demand = [Int](repeating: 0, count: classCount)
        }
    }

    /// One run's demand, and each policy's revenue on it, in `YieldPolicy.allCases` order.
    private func simulateRun(
        _ generator: inout YieldRandomGenerator, _ scratch: inout Scratch, revenues: inout [Int64]
    ) {
        switch model {
        case .lowBeforeHigh(let demand, let optimalLevels):
            for index in demand.indices { scratch.demand[index] = demand[index].sample(generator.nextUnit()) }
            for (policyIndex, policy) in YieldPolicy.allCases.enumerated() {
                let protection: [Int]?
                switch policy {
                case .firstComeFirstServed: protection = nil
                case .emsrbOnce, .emsrbReoptimised: protection = initialProtectionLevels.rounded
                case .optimum: protection = optimalLevels
                }
                revenues[policyIndex] = lowBeforeHighRevenue(scratch.demand, protection: protection)
            }
        case .interleaved(let cumulative, let reoptimisedLevels, let optimum):
            scratch.arrivalPeriods.removeAll(keepingCapacity: true)
            scratch.arrivalClasses.removeAll(keepingCapacity: true)
            let periods = optimum.periods
            let total = cumulative.last ?? 0
            for period in 1...periods {
                let unit = generator.nextUnit()
                guard unit < total else { continue }
                var index = 0
                while index < cumulative.count - 1, unit >= cumulative[index] { index += 1 }
                scratch.arrivalPeriods.append(period)
                scratch.arrivalClasses.append(index)
            }
            let once = initialProtectionLevels.rounded
            let stride = fares.count - 1
            for (policyIndex, policy) in YieldPolicy.allCases.enumerated() {
                var roomsLeft = scenario.capacity
                var revenue: Int64 = 0
                for arrival in scratch.arrivalPeriods.indices where roomsLeft > 0 {
                    let period = scratch.arrivalPeriods[arrival]
                    let fareClass = scratch.arrivalClasses[arrival]
                    let accept: Bool
                    switch policy {
                    case .firstComeFirstServed:
                        accept = true
                    case .emsrbOnce:
                        accept = fareClass == 0 || roomsLeft > once[fareClass - 1]
                    case .emsrbReoptimised:
                        accept = fareClass == 0 || roomsLeft > reoptimisedLevels[(period - 1) * stride + fareClass - 1]
                    case .optimum:
                        accept = optimum.accepts(classIndex: fareClass, period: period, roomsLeft: roomsLeft)
                    }
                    if accept {
                        roomsLeft -= 1
                        revenue += fares[fareClass]
                    }
                }
                revenues[policyIndex] = revenue
            }
        }
    }

    /// Revenue when classes book from the lowest fare up and class j may take rooms only beyond
    /// `protection[j − 1]` (nil: no protection, FCFS).
    private func lowBeforeHighRevenue(_ demand: [Int], protection: [Int]?) -> Int64 {
        var roomsLeft = scenario.capacity
        var revenue: Int64 = 0
        for index in stride(from: demand.count - 1, through: 0, by: -1) {
            let protected = index > 0 ? (protection?[index - 1] ?? 0) : 0
            let sold = min(demand[index], max(0, roomsLeft - protected))
            roomsLeft -= sold
            revenue += Int64(sold) * fares[index]
        }
        return revenue
    }
}

/// Welford's running mean and variance.
private struct YieldRunningStatistics {
    private(set) var count = 0
    private(set) var mean = 0.0
    private var squares = 0.0

    mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        squares += delta * (value - mean)
    }

    var standardError: Double {
        count > 1 ? (squares / Double(count - 1) / Double(count)).squareRoot() : 0
    }
}
