/// The outcome of `YieldSimulator.simulate`: each policy's revenue on the same simulated demand.
///
/// Example (shipped low-before-high scenario, 20000 runs, seed 20270301): FCFS 1250344.30 ± 545.85,
/// EMSR-b 1262992.70 ± 576.55, DP optimum 1263065.80 ± 585.21, expected optimum V = 1263882.54 (minor units).
public struct YieldSimulationReport: Sendable, Hashable {
    /// The scenario's name.
    public let scenarioName: String
    /// The scenario's arrival pattern.
    public let arrivalPattern: YieldArrivalPattern
    /// Simulated runs.
    public let runs: Int
    /// The seed of the simulated demand.
    public let seed: UInt64
    /// The dynamic programme's expected optimal revenue, in minor units.
    public let optimumExpectedRevenue: Double
    /// One result per policy, in `YieldPolicy.allCases` order.
    public let results: [YieldPolicyResult]

    /// The result of `policy`.
    ///
    /// Example: `report.result(for: .firstComeFirstServed)?.meanRevenue`.
    public func result(for policy: YieldPolicy) -> YieldPolicyResult? {
        results.first { $0.policy == policy }
    }
}

/// One policy's simulated revenue: exact total, mean with its standard error, and the paired shortfall from
/// the DP optimum on the same runs.
///
/// Revenue per run is an exact integer sum of fares in minor units; the mean and standard errors are statistics
/// (Double). Example: EMSR-b on the shipped low-before-high scenario, mean 1262992.70, standard error 576.55 and
/// shortfall 73.10 ± 31.87 over 20000 runs.
public struct YieldPolicyResult: Sendable, Hashable {
    /// The policy.
    public let policy: YieldPolicy
    /// The sum of all runs' revenue, in minor units.
    public let totalRevenue: Int64
    /// Mean revenue per run, in minor units.
    public let meanRevenue: Double
    /// Standard error of the mean: sample standard deviation ÷ √runs.
    public let standardError: Double
    /// Mean of (optimum's revenue − this policy's revenue) over the same runs.
    public let meanShortfallFromOptimum: Double
    /// Standard error of that paired difference (small, because the runs share their demand).
    public let shortfallStandardError: Double
}
