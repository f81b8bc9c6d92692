/// A `yield simulate` scenario: fare classes with Poisson demand, capacity, demand factor and arrival pattern.
///
/// Decodes from YAML or JSON with kebab-case keys (see `rate-plans/yield/README.md`):
///
///     name: low-before-high
///     capacity: 100
///     demand-factor: 1.0
///     arrival-pattern: low-before-high     # or interleaved, which also needs `periods`
///     runs: 20000                          # optional, default 1000
///     seed: 20270301                       # optional, default 1
///     fare-classes:                        # highest fare first
///       - { name: F1, fare-minor-units: 20000, mean-demand: 15 }
///
/// Class i's expected demand is `mean-demand × demand-factor`. Decoding validates like the initialiser and
/// throws `YieldInputError` with a one-line description.
public struct YieldScenario: Codable, Sendable, Hashable {
    /// The scenario's name, shown in reports.
    public let name: String
    /// Optional free text explaining the scenario's choices.
    public let summary: String?
    /// Optional ISO 4217 code for display; fares are in its minor units.
    public let currency: String?
    /// Rooms to sell, 1…100000.
    public let capacity: Int
    /// Multiplies every class's mean demand; 1.0 = as listed.
    public let demandFactor: Double
    /// How booking requests of the classes are ordered in time.
    public let arrivalPattern: YieldArrivalPattern
    /// Booking periods of an interleaved scenario (at most one request each); nil for low-before-high.
    public let periods: Int?
    /// Default number of simulated runs.
    public let runs: Int
    /// Default seed of the random demand.
    public let seed: UInt64
    /// The fare classes, highest fare first.
    public let fareClasses: [SimulatedFareClass]

    /// The default run count when a scenario gives none.
    public static let defaultRuns = 1_000
    /// The default seed when a scenario gives none.
    public static let defaultSeed: UInt64 = 1

    /// A validated scenario.
    ///
    /// Rules: capacity 1…100000; at least one class, names non-empty and unique, fares > 0 listed from the highest
    /// down; means and demand factor finite and ≥ 0; runs 1…10000000; interleaved arrivals need periods ≥ the
    /// total expected requests (at most one request per period), ≤ 1000000 and periods × (capacity + 1) ≤
    /// 50000000; low-before-high takes no periods. Example: capacity 0 throws `capacityOutOfRange(0)`.
    public init(
        name: String, summary: String? = nil, currency: String? = nil, capacity: Int, demandFactor: Double,
        arrivalPattern: YieldArrivalPattern, periods: Int? = nil, runs: Int = YieldScenario.defaultRuns,
        seed: UInt64 = YieldScenario.defaultSeed, fareClasses: [SimulatedFareClass]
    ) throws(YieldInputError) {
        guard (1...EMSRb.maximumCapacity).contains(capacity) else { throw .capacityOutOfRange(capacity) }
        guard demandFactor.isFinite, demandFactor >= 0 else { throw .demandFactorOutOfRange(demandFactor) }
        guard (1...Self.maximumRuns).contains(runs) else { throw .runsOutOfRange(runs) }
        guard !fareClasses.isEmpty else { throw .noFareClasses }
        var names = Set<String>()
        var expectedRequests = 0.0
        for (index, fareClass) in fareClasses.enumerated() {
            guard !fareClass.name.isEmpty else { throw .emptyFareClassName }
            guard names.insert(fareClass.name).inserted else { throw .duplicateFareClass(fareClass.name) }
            guard fareClass.fare > 0 else { throw .fareNotPositive(fareClass: fareClass.name, fare: fareClass.fare) }
            guard fareClass.meanDemand.isFinite else {
                throw .notFinite(quantity: "mean demand of \(fareClass.name)", value: fareClass.meanDemand)
            }
            guard fareClass.meanDemand >= 0 else {
                throw .negativeMeanDemand(fareClass: fareClass.name, meanDemand: fareClass.meanDemand)
            }
            if index > 0, fareClasses[index - 1].fare < fareClass.fare {
                let higher = fareClasses[index - 1]
                throw .faresNotDescending(
                    higher: higher.name, higherFare: higher.fare, lower: fareClass.name, lowerFare: fareClass.fare)
            }
            expectedRequests += fareClass.meanDemand * demandFactor
        }
        switch arrivalPattern {
        case .lowBeforeHigh:
            if let periods { throw .periodsWithoutInterleaving(periods) }
        case .interleaved:
            guard let periods, periods >= 1, periods <= Self.maximumPeriods, Double(periods) >= expectedRequests
            else { throw .periodsOutOfRange(periods: periods, expectedRequests: expectedRequests) }
            guard periods * (capacity + 1) <= Self.maximumTableSize else {
                throw .scenarioTooLarge(periods: periods, capacity: capacity)
            }
        }
        self.name = name
        self.summary = summary
        self.currency = currency
        self.capacity = capacity
        self.demandFactor = demandFactor
        self.arrivalPattern = arrivalPattern
        self.periods = periods
        self.runs = runs
        self.seed = seed
        self.fareClasses = fareClasses
    }

    static let maximumRuns = 10_000_000
    static let maximumPeriods = 1_000_000
    static let maximumTableSize = 50_000_000

    /// Class i's expected demand over the horizon: mean demand × demand factor.
    public func expectedDemand(ofClass index: Int) -> Double {
        fareClasses[index].meanDemand * demandFactor
    }

    enum CodingKeys: String, CodingKey {
        case name, summary, currency, capacity
        case demandFactor = "demand-factor"
        case arrivalPattern = "arrival-pattern"
        case periods, runs, seed
        case fareClasses = "fare-classes"
    }

    /// Decodes and validates; a missing `runs` or `seed` takes the default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            name: container.decode(String.self, forKey: .name),
            summary: container.decodeIfPresent(String.self, forKey: .summary),
            currency: container.decodeIfPresent(String.self, forKey: .currency),
            capacity: container.decode(Int.self, forKey: .capacity),
            demandFactor: container.decode(Double.self, forKey: .demandFactor),
            arrivalPattern: container.decode(YieldArrivalPattern.self, forKey: .arrivalPattern),
            periods: container.decodeIfPresent(Int.self, forKey: .periods),
            runs: container.decodeIfPresent(Int.self, forKey: .runs) ?? Self.defaultRuns,
            seed: container.decodeIfPresent(UInt64.self, forKey: .seed) ?? Self.defaultSeed,
            fareClasses: container.decode([SimulatedFareClass].self, forKey: .fareClasses))
    }
}

/// The order in which booking requests of the fare classes arrive in a simulation.
///
/// `low-before-high`: all requests of the lowest fare class first, then the next higher, and so on (the
/// assumption under which EMSR-b and the static optimum are derived). `interleaved`: requests of every class mixed
/// over `periods` booking periods, class i asking with probability (expected demand of i) / periods in each.
public enum YieldArrivalPattern: String, Codable, Sendable, Hashable, CaseIterable {
    case lowBeforeHigh = "low-before-high"
    case interleaved
}

/// One fare class of a simulation scenario: its name, fare in minor units and Poisson mean demand.
///
/// Keys `name`, `fare-minor-units`, `mean-demand`. Example: `{ name: F1, fare-minor-units: 20000, mean-demand: 15 }`
/// is a 200.00 fare with 15 expected requests before the demand factor.
public struct SimulatedFareClass: Codable, Sendable, Hashable {
    /// The class's name.
    public let name: String
    /// The fare, in minor units.
    public let fare: Int64
    /// Expected requests over the booking horizon (Poisson mean), before the scenario's demand factor.
    public let meanDemand: Double

    /// A fare class of a scenario; the scenario validates it.
    ///
    /// Example: `SimulatedFareClass(name: "F1", fare: 20_000, meanDemand: 15)`.
    public init(name: String, fare: Int64, meanDemand: Double) {
        self.name = name
        self.fare = fare
        self.meanDemand = meanDemand
    }

    enum CodingKeys: String, CodingKey {
        case name
        case fare = "fare-minor-units"
        case meanDemand = "mean-demand"
    }
}
