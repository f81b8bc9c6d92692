import Foundation
import Testing

@testable import HotelDomain

/// The two shipped scenarios (`rate-plans/yield/low-before-high.yaml` and `interleaved.yaml`), built here with
/// the same values. Run counts are smaller than the files' to keep the debug test fast; the policies share every
/// run's demand, so the comparisons are paired and far more precise than each mean's standard error suggests.
@Suite("Yield simulator")
struct YieldSimulatorTests {
    static let fareClasses = [
        SimulatedFareClass(name: "F1", fare: 20_000, meanDemand: 15),
        SimulatedFareClass(name: "F2", fare: 16_000, meanDemand: 25),
        SimulatedFareClass(name: "F3", fare: 12_000, meanDemand: 30),
        SimulatedFareClass(name: "F4", fare: 9_000, meanDemand: 30),
    ]

    static func lowBeforeHigh() throws -> YieldScenario {
        try YieldScenario(
            name: "low-before-high", currency: "EUR", capacity: 100, demandFactor: 1.0,
            arrivalPattern: .lowBeforeHigh, runs: 20_000, seed: 20_270_301, fareClasses: fareClasses)
    }

    static func interleaved() throws -> YieldScenario {
        try YieldScenario(
            name: "interleaved", currency: "EUR", capacity: 100, demandFactor: 1.2, arrivalPattern: .interleaved,
            periods: 1000, runs: 5_000, seed: 20_270_302, fareClasses: fareClasses)
    }

    @Test("Low before high: EMSR-b comes within 0.5% of the exact optimum and beats FCFS")
    func lowBeforeHighScenario() throws {
        let report = try YieldSimulator(scenario: Self.lowBeforeHigh()).simulate(runs: 2_000)
        let fcfs = try #require(report.result(for: .firstComeFirstServed))
        let emsrb = try #require(report.result(for: .emsrbOnce))
        let optimum = try #require(report.result(for: .optimum))
        #expect(emsrb.meanRevenue >= 0.995 * report.optimumExpectedRevenue)
        #expect(emsrb.meanRevenue >= 0.995 * optimum.meanRevenue)
        #expect(emsrb.meanRevenue > fcfs.meanRevenue)
        // Paired on the same demand, FCFS's extra shortfall is many standard errors away from zero.
        #expect(fcfs.meanShortfallFromOptimum - emsrb.meanShortfallFromOptimum > 5 * fcfs.shortfallStandardError)
        // Re-optimising changes nothing when each class books before all higher ones.
        #expect(report.result(for: .emsrbReoptimised)?.totalRevenue == emsrb.totalRevenue)
        // The DP's decision rule earns its expected value on simulated demand.
        #expect(abs(optimum.meanRevenue - report.optimumExpectedRevenue) < 4 * optimum.standardError)
    }

    @Test("Interleaved: re-optimised EMSR-b beats FCFS within 1% of the optimum; EMSR-b computed once loses to FCFS")
    func interleavedScenario() throws {
        let report = try YieldSimulator(scenario: Self.interleaved()).simulate(runs: 500)
        let fcfs = try #require(report.result(for: .firstComeFirstServed))
        let once = try #require(report.result(for: .emsrbOnce))
        let reoptimised = try #require(report.result(for: .emsrbReoptimised))
        let optimum = try #require(report.result(for: .optimum))
        #expect(reoptimised.meanRevenue > fcfs.meanRevenue)
        #expect(reoptimised.meanRevenue >= 0.99 * report.optimumExpectedRevenue)
        #expect(reoptimised.meanRevenue >= 0.99 * optimum.meanRevenue)
        #expect(once.meanRevenue < fcfs.meanRevenue)
        #expect(optimum.meanRevenue >= max(fcfs.meanRevenue, once.meanRevenue, reoptimised.meanRevenue))
        #expect(abs(optimum.meanRevenue - report.optimumExpectedRevenue) < 4 * optimum.standardError)
    }

    @Test("The same seed gives the same report, and the first runs do not depend on how many follow")
    func reproducible() throws {
        let simulator = try YieldSimulator(scenario: Self.interleaved())
        let first = try simulator.simulate(runs: 50, seed: 9)
        #expect(try simulator.simulate(runs: 50, seed: 9) == first)
        #expect(try simulator.simulate(runs: 50, seed: 10) != first)
        let one = try simulator.simulate(runs: 1, seed: 9)
        let oneAgain = try simulator.simulate(runs: 1, seed: 9)
        #expect(one == oneAgain)
        #expect(one.results.allSatisfy { $0.standardError == 0 })
        #expect(first.runs == 50 && first.seed == 9 && first.scenarioName == "interleaved")
    }

    @Test("Revenue per run is an exact sum of fares")
    func exactRevenue() throws {
        let report = try YieldSimulator(scenario: Self.lowBeforeHigh()).simulate(runs: 10, seed: 3)
        for result in report.results {
            #expect(result.totalRevenue % 1_000 == 0)
            #expect(result.meanRevenue == Double(result.totalRevenue) / 10)
        }
    }

    @Test("The xoshiro256** generator is reproducible and uniform")
    func generator() {
        var first = YieldRandomGenerator(seed: 42)
        var second = YieldRandomGenerator(seed: 42)
        #expect((0..<5).map { _ in first.next() } == (0..<5).map { _ in second.next() })
        var generator = YieldRandomGenerator(seed: 1)
        var sum = 0.0
        for _ in 0..<100_000 {
            let unit = generator.nextUnit()
            #expect(unit >= 0 && unit < 1)
            sum += unit
        }
        #expect(abs(sum / 100_000 - 0.5) < 0.005)
    }

    @Test("A scenario decodes from kebab-case keys, with default runs and seed")
    func decoding() throws {
        let json = """
            {"name": "tiny", "capacity": 3, "demand-factor": 1.2, "arrival-pattern": "interleaved", "periods": 20,
             "fare-classes": [{"name": "A", "fare-minor-units": 500, "mean-demand": 2},
                              {"name": "B", "fare-minor-units": 300, "mean-demand": 4.5}]}
            """
        let scenario = try JSONDecoder().decode(YieldScenario.self, from: Data(json.utf8))
        #expect(scenario.runs == YieldScenario.defaultRuns && scenario.seed == YieldScenario.defaultSeed)
        #expect(scenario.arrivalPattern == .interleaved && scenario.periods == 20)
        #expect(scenario.fareClasses[1] == SimulatedFareClass(name: "B", fare: 300, meanDemand: 4.5))
        #expect(abs(scenario.expectedDemand(ofClass: 1) - 5.4) < 1e-12)
        let encoded = try JSONEncoder().encode(scenario)
        #expect(try JSONDecoder().decode(YieldScenario.self, from: encoded) == scenario)
        #expect(String(decoding: encoded, as: UTF8.self).contains("\"fare-minor-units\":300"))
    }

    @Test("Decoding validates and reports the offending value in one line")
    func decodingValidates() {
        let json = """
            {"name": "bad", "capacity": 3, "demand-factor": 1, "arrival-pattern": "interleaved", "periods": 5,
             "fare-classes": [{"name": "A", "fare-minor-units": 500, "mean-demand": 4},
                              {"name": "B", "fare-minor-units": 300, "mean-demand": 4}]}
            """
        #expect(throws: YieldInputError.periodsOutOfRange(periods: 5, expectedRequests: 8)) {
            try JSONDecoder().decode(YieldScenario.self, from: Data(json.utf8))
        }
        #expect(
            YieldInputError.periodsOutOfRange(periods: 5, expectedRequests: 8).description
                == "5 periods for interleaved arrivals with 8.0 expected requests; at most one request arrives "
                + "per period, so use at least that many periods (and at most 1000000)")
    }

    @Test(
        "Scenarios with impossible values are refused",
        arguments: [
            (0, 1.0, YieldArrivalPattern.lowBeforeHigh, Int?.none, 10, YieldInputError.capacityOutOfRange(0)),
            (10, -1.0, .lowBeforeHigh, nil, 10, .demandFactorOutOfRange(-1)),
            (10, 1.0, .lowBeforeHigh, 100, 10, .periodsWithoutInterleaving(100)),
            (10, 1.0, .interleaved, nil, 10, .periodsOutOfRange(periods: nil, expectedRequests: 100)),
            (10, 1.0, .lowBeforeHigh, nil, 0, .runsOutOfRange(0)),
        ])
    func invalidScenarios(
        capacity: Int, factor: Double, pattern: YieldArrivalPattern, periods: Int?, runs: Int, error: YieldInputError
    ) {
        #expect(throws: error) {
            try YieldScenario(
                name: "x", capacity: capacity, demandFactor: factor, arrivalPattern: pattern, periods: periods,
                runs: runs, fareClasses: Self.fareClasses)
        }
    }

    @Test("Fare classes must be named once each and listed from the highest fare")
    func invalidFareClasses() {
        let duplicate = [Self.fareClasses[0], Self.fareClasses[0]]
        #expect(throws: YieldInputError.duplicateFareClass("F1")) {
            try YieldScenario(
                name: "x", capacity: 10, demandFactor: 1, arrivalPattern: .lowBeforeHigh, fareClasses: duplicate)
        }
        #expect(
            throws: YieldInputError.faresNotDescending(higher: "F4", higherFare: 9000, lower: "F1", lowerFare: 20000)
        ) {
            try YieldScenario(
                name: "x", capacity: 10, demandFactor: 1, arrivalPattern: .lowBeforeHigh,
                fareClasses: [Self.fareClasses[3], Self.fareClasses[0]])
        }
        let negative = [SimulatedFareClass(name: "A", fare: 100, meanDemand: -2)]
        #expect(throws: YieldInputError.negativeMeanDemand(fareClass: "A", meanDemand: -2)) {
            try YieldScenario(
                name: "x", capacity: 10, demandFactor: 1, arrivalPattern: .lowBeforeHigh, fareClasses: negative)
        }
        #expect(
            YieldInputError.negativeMeanDemand(fareClass: "A", meanDemand: -2).description
                == "mean demand -2.0 of fare class A is negative; a mean must be 0 or more")
        #expect(throws: YieldInputError.noFareClasses) {
            try YieldScenario(name: "x", capacity: 10, demandFactor: 1, arrivalPattern: .lowBeforeHigh, fareClasses: [])
        }
    }
}
