import ArgumentParser
import Foundation
import HotelDomain
import HotelFiles

/// `hotelsales yield simulate --scenario FILE [--runs N] [--seed S] [--format table|json]`
struct YieldSimulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Compare FCFS, EMSR-b and the exact optimum on the same simulated demand of a scenario file.",
        discussion: """
            Reads a scenario (rate-plans/yield/README.md), simulates it --runs times from --seed (default: the \
            scenario's runs and seed) and prints, per policy, the mean revenue per run with its standard error, \
            the share of the dynamic programme's expected optimal revenue V it earns, and its shortfall: the mean \
            of (DP optimum's revenue − the policy's revenue) over the same runs, ± its standard error. Then V and \
            one verdict line per EMSR-b policy (within x% of the optimum, y% above or below FCFS). The table \
            shows amounts in the scenario's currency with its minor-unit decimals (2 when it names none). No \
            database is read or written.

            JSON shape (stable):
              {"scenario": "low-before-high", "summary": "…",
               "currency": "EUR", "capacity": 100, "demandFactor": 1,
               "arrivalPattern": "low-before-high", "periods": null,
               "runs": 20000, "seed": 20270301,
               "fareClasses": [{"name": "F1", "fareMinorUnits": 20000,
                                "meanDemand": 15, "expectedDemand": 15}],
               "optimumExpectedRevenue": AMOUNT,
               "policies": [{"policy": "fcfs", "title": "FCFS",
                             "meanRevenue": AMOUNT, "standardError": AMOUNT,
                             "percentOfOptimum": "98.93",
                             "shortfall": AMOUNT,
                             "shortfallStandardError": AMOUNT,
                             "totalRevenueMinorUnits": 25006886000}],
               "verdicts": ["EMSR-b is within 0.07% of the optimum and 1.0% above FCFS"]}
            AMOUNT (a mean or standard error, in general not a whole number of minor units):
              {"amount": "12503.44", "minorUnits": 1250344,
               "exactMinorUnits": "1250344.30", "currency": "EUR"}
            amount: decimal text in the currency, rounded half away from zero to the minor unit; minorUnits: the \
            same rounded, as an integer; exactMinorUnits: the unrounded minor units with 2 decimals; currency: \
            null when the scenario names none. Policies come in the order fcfs, emsr-b-once, emsr-b-reoptimised, \
            optimum; percentOfOptimum is null when V is 0; periods is null for low-before-high.

            Example: hotelsales yield simulate --scenario rate-plans/yield/interleaved.yaml --runs 2000 --format json
            """)

    /// The output forms of `yield simulate`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: "The scenario file (YAML), e.g. rate-plans/yield/low-before-high.yaml.") var scenario: String
    @Option(help: "Simulated runs, 1 to 1000000 (default: the scenario's).") var runs: Int?
    @Option(help: "Seed of the random demand (default: the scenario's).") var seed: UInt64?
    @Option(help: "table or json.") var format: Format = .table

    static let runRange = 1...1_000_000

    func validate() throws {
        if let runs, !Self.runRange.contains(runs) {
            throw ValidationError("--runs \(runs) is out of range; use 1 to 1000000")
        }
    }

    func run() throws {
        let loaded = try YieldScenarioFile.load(path: scenario)
        let report: YieldSimulationReport
        do {
            report = try YieldSimulator(scenario: loaded).simulate(runs: runs, seed: seed)
        } catch {
            throw DomainError.invalid("\(scenario): \(error.description)")
        }
        let document = try YieldSimulationDocument(scenario: loaded, report: report)
        switch format {
        case .table: Console.out(document.text())
        case .json: Console.out(Table.json(document.object()))
        }
    }
}

/// The rendered forms of a simulation report: the table for people, the JSON documented in `YieldSimulate`.
struct YieldSimulationDocument {
    let scenario: YieldScenario
    let report: YieldSimulationReport
    let currency: Currency?

    init(scenario: YieldScenario, report: YieldSimulationReport) throws {
        self.scenario = scenario
        self.report = report
        currency = try scenario.currency.map { try Currency($0) }
    }

    // MARK: Figures

    /// The policy's share of V in percent, or nil when V is 0.
    func percentOfOptimum(_ result: YieldPolicyResult) -> Double? {
        report.optimumExpectedRevenue > 0 ? result.meanRevenue / report.optimumExpectedRevenue * 100 : nil
    }

    /// One line per EMSR-b policy (one for both when they earn the same, as with low-before-high arrivals).
    func verdicts() -> [String] {
        guard let fcfs = report.result(for: .firstComeFirstServed), let once = report.result(for: .emsrbOnce),
            let reoptimised = report.result(for: .emsrbReoptimised)
        else { return [] }
        if once.totalRevenue == reoptimised.totalRevenue {
            return [verdict("EMSR-b", once, fcfs: fcfs)]
        }
        return [
            verdict(reoptimised.policy.title, reoptimised, fcfs: fcfs), verdict(once.policy.title, once, fcfs: fcfs),
        ]
    }

    private func verdict(_ name: String, _ result: YieldPolicyResult, fcfs: YieldPolicyResult) -> String {
        let optimum = report.optimumExpectedRevenue
        let toOptimum: String
        if optimum > 0 {
            let gap = (optimum - result.meanRevenue) / optimum * 100
            if gap < 0 {
                toOptimum = "\(Self.fixed(-gap, 2))% above the optimum's expected value (sampling noise)"
            } else if gap <= 1 {
                toOptimum = "within \(Self.fixed(gap, 2))% of the optimum"
            } else {
                toOptimum = "\(Self.fixed(gap, 2))% below the optimum"
            }
        } else {
            toOptimum = "at the optimum (no revenue is possible)"
        }
        let toFCFS: String
        var losesToFCFS = false
        if fcfs.meanRevenue > 0 {
            let difference = (result.meanRevenue - fcfs.meanRevenue) / fcfs.meanRevenue * 100
            let text = Self.fixed(abs(difference), 1)
            if text == "0.0" {
                toFCFS = "level with FCFS"
            } else if difference > 0 {
                toFCFS = "\(text)% above FCFS"
            } else {
                toFCFS = "\(text)% below FCFS"
                losesToFCFS = true
            }
        } else {
            toFCFS = result.meanRevenue > 0 ? "above FCFS" : "level with FCFS"
        }
        let tail =
            losesToFCFS && result.policy == .emsrbOnce
            ? ": computed once and never refreshed, it loses to FCFS" : ""
        return "\(name) is \(toOptimum) and \(toFCFS)\(tail)"
    }

    // MARK: Table

    func text() -> String {
        let unit = currency.map { "amounts in \($0.code)" } ?? "amounts in major units (the scenario names no currency)"
        var lines: [String] = []
        lines.append("Scenario        \(scenario.name)" + (scenario.summary.map { ": \($0)" } ?? ""))
        lines.append("Capacity        \(scenario.capacity) rooms")
        let classes = scenario.fareClasses.enumerated().map { index, fareClass in
            "\(fareClass.name) \(Self.number(scenario.expectedDemand(ofClass: index))) at \(amountText(Double(fareClass.fare)))"
        }
        lines.append("Demand factor   \(scenario.demandFactor); expected requests \(classes.joined(separator: ", "))")
        let arrivals =
            scenario.arrivalPattern == .interleaved
            ? "interleaved over \(scenario.periods ?? 0) periods" : scenario.arrivalPattern.rawValue
        lines.append("Arrivals        \(arrivals)")
        lines.append("Runs            \(report.runs), seed \(report.seed); \(unit)")
        lines.append("")
        var table = Table(columns: [
            .init(key: "policy", title: "POLICY"),
            .init(key: "mean", title: "MEAN REVENUE", alignRight: true),
            .init(key: "se", title: "STD ERROR", alignRight: true),
            .init(key: "ofOptimum", title: "OF OPTIMUM V", alignRight: true),
            .init(key: "shortfall", title: "SHORTFALL VS DP", alignRight: true),
        ])
        table.rows = report.results.map { result in
            [
                .text(result.policy.title), .text(amountText(result.meanRevenue)),
                .text(amountText(result.standardError)),
                .text(percentOfOptimum(result).map { Self.fixed($0, 2) + "%" } ?? "–"),
                .text(amountText(result.meanShortfallFromOptimum) + " ± " + amountText(result.shortfallStandardError)),
            ]
        }
        lines.append(table.render(.table))
        lines.append("")
        let code = currency.map { " \($0.code)" } ?? ""
        lines.append(
            "Optimum expected value V (dynamic programme): \(amountText(report.optimumExpectedRevenue))\(code)")
        lines += verdicts()
        return lines.joined(separator: "\n")
    }

    // MARK: JSON

    func object() -> [String: Any] {
        [
            "scenario": scenario.name,
            "summary": scenario.summary.map { $0 as Any } ?? NSNull(),
            "currency": currency.map { $0.code as Any } ?? NSNull(),
            "capacity": scenario.capacity,
            "demandFactor": scenario.demandFactor,
            "arrivalPattern": scenario.arrivalPattern.rawValue,
            "periods": scenario.periods.map { $0 as Any } ?? NSNull(),
            "runs": report.runs,
            "seed": NSNumber(value: report.seed),
            "fareClasses": scenario.fareClasses.enumerated().map { index, fareClass in
                [
                    "name": fareClass.name, "fareMinorUnits": NSNumber(value: fareClass.fare),
                    "meanDemand": fareClass.meanDemand, "expectedDemand": scenario.expectedDemand(ofClass: index),
                ] as [String: Any]
            },
            "optimumExpectedRevenue": amountObject(report.optimumExpectedRevenue),
            "policies": report.results.map { result in
                [
                    "policy": result.policy.rawValue, "title": result.policy.title,
                    "meanRevenue": amountObject(result.meanRevenue),
                    "standardError": amountObject(result.standardError),
                    "percentOfOptimum": percentOfOptimum(result).map { Self.fixed($0, 2) as Any } ?? NSNull(),
                    "shortfall": amountObject(result.meanShortfallFromOptimum),
                    "shortfallStandardError": amountObject(result.shortfallStandardError),
                    "totalRevenueMinorUnits": NSNumber(value: result.totalRevenue),
                ] as [String: Any]
            },
            "verdicts": verdicts(),
        ]
    }

    // MARK: Amounts

    /// Minor units (possibly fractional, a mean) rounded half away from zero to a whole minor unit.
    private static func roundedMinorUnits(_ minorUnits: Double) -> Int64 {
        let rounded = minorUnits.rounded(.toNearestOrAwayFromZero)
        guard rounded.isFinite, abs(rounded) < 9.0e18 else { return 0 }
        return Int64(rounded)
    }

    /// `1250344.3` minor units of EUR → `"12503.44"`.
    func amountText(_ minorUnits: Double) -> String {
        let rounded = Self.roundedMinorUnits(minorUnits)
        if let currency { return Money(minorUnits: rounded, currency: currency).decimalText }
        let magnitude = rounded.magnitude
        let fraction = String(magnitude % 100)
        let padded = String(repeating: "0", count: 2 - fraction.count) + fraction
        return "\(rounded < 0 ? "-" : "")\(magnitude / 100).\(padded)"
    }

    private func amountObject(_ minorUnits: Double) -> [String: Any] {
        [
            "amount": amountText(minorUnits),
            "minorUnits": NSNumber(value: Self.roundedMinorUnits(minorUnits)),
            "exactMinorUnits": Self.fixed(minorUnits, 2),
            "currency": currency.map { $0.code as Any } ?? NSNull(),
        ]
    }

    /// `value` with `decimals` decimals; never `-0.00`.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." })
            ? String(text.dropFirst()) : text
    }

    /// A demand figure: `18` or `12.5`.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : fixed(value, 1)
    }
}
