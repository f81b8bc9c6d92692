import Foundation
import Testing

/// `hotelsales yield simulate` run through the built binary, on the shipped scenarios of `rate-plans/yield/`.
@Suite("hotelsales yield simulate end to end")
struct YieldSimulateTests {
    /// The simulation report as JSON, with each policy's unrounded mean revenue in minor units.
    struct Simulation {
        var object: [String: Any]
        var optimum: Double
        var means: [String: Double]

        init(_ stdout: String) throws {
            object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
            let optimumAmount = try #require(object["optimumExpectedRevenue"] as? [String: Any])
            let optimumText = try #require(optimumAmount["exactMinorUnits"] as? String)
            optimum = try #require(Double(optimumText))
            let policies = try #require(object["policies"] as? [[String: Any]])
            var means: [String: Double] = [:]
            for policy in policies {
                let name = try #require(policy["policy"] as? String)
                let mean = try #require(policy["meanRevenue"] as? [String: Any])
                let meanText = try #require(mean["exactMinorUnits"] as? String)
                let value: Double = try #require(Double(meanText))
                means[name] = value
            }
            self.means = means
        }

        /// How far below the optimum's expected value a policy's mean is, as a fraction of it.
        func gap(_ policy: String) -> Double { (optimum - (means[policy] ?? 0)) / optimum }
    }

    @Test("Low before high: EMSR-b is within 0.5% of the optimum and above FCFS")
    func lowBeforeHigh() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(
            "yield simulate --scenario rate-plans/yield/low-before-high.yaml --runs 2000 --format json")
        #expect(result.status == 0, "\(result.stderr)")
        let simulation = try Simulation(result.stdout)
        #expect(simulation.object["scenario"] as? String == "low-before-high")
        #expect(simulation.object["runs"] as? Int == 2_000)
        #expect(simulation.object["seed"] as? Int == 20_270_301)
        #expect(simulation.object["capacity"] as? Int == 100)
        #expect(simulation.object["currency"] as? String == "EUR")
        let optimum = try #require(simulation.object["optimumExpectedRevenue"] as? [String: Any])
        #expect(optimum["exactMinorUnits"] as? String == "1263882.54")
        #expect(optimum["minorUnits"] as? Int == 1_263_883)
        #expect(optimum["amount"] as? String == "12638.83")
        let emsrb = try #require(simulation.means["emsr-b-once"])
        let fcfs = try #require(simulation.means["fcfs"])
        #expect(simulation.gap("emsr-b-once") < 0.005)
        #expect(emsrb > fcfs)
        #expect(simulation.means["emsr-b-reoptimised"] == emsrb)
        let verdicts = try #require(simulation.object["verdicts"] as? [String])
        #expect(verdicts.count == 1)
        #expect(verdicts.first?.hasPrefix("EMSR-b is within 0.") == true)
        // A database is neither needed nor created.
        #expect(!FileManager.default.fileExists(atPath: runner.databasePath))
    }

    @Test("Interleaved: re-optimised EMSR-b beats FCFS within 1% of the optimum; EMSR-b computed once loses to FCFS")
    func interleaved() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(
            "yield simulate --scenario rate-plans/yield/interleaved.yaml --runs 500 --seed 7 --format json")
        #expect(result.status == 0, "\(result.stderr)")
        let simulation = try Simulation(result.stdout)
        #expect(simulation.object["arrivalPattern"] as? String == "interleaved")
        #expect(simulation.object["periods"] as? Int == 1_000)
        #expect(simulation.object["seed"] as? Int == 7)
        #expect(simulation.optimum == 1_399_846.45)
        let fcfs = try #require(simulation.means["fcfs"])
        let once = try #require(simulation.means["emsr-b-once"])
        let reoptimised = try #require(simulation.means["emsr-b-reoptimised"])
        #expect(reoptimised > fcfs)
        #expect(simulation.gap("emsr-b-reoptimised") < 0.01)
        #expect(once < fcfs)
        let verdicts = try #require(simulation.object["verdicts"] as? [String])
        #expect(verdicts.count == 2)
        #expect(verdicts.last?.hasSuffix("computed once and never refreshed, it loses to FCFS") == true)
    }

    @Test("The table names the scenario, its runs and seed, each policy and the verdict")
    func table() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(
            "yield simulate --scenario rate-plans/yield/low-before-high.yaml --runs 200 --seed 3")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Scenario        low-before-high"))
        #expect(result.stdout.contains("Capacity        100 rooms"))
        #expect(result.stdout.contains("Runs            200, seed 3; amounts in EUR"))
        for title in ["FCFS", "EMSR-b once", "EMSR-b re-optimised", "DP optimum"] {
            #expect(result.stdout.contains("\n\(title) "), "\(title) row")
        }
        #expect(result.stdout.contains("Optimum expected value V (dynamic programme): 12638.83"))
    }

    @Test("The same seed and runs print the same report")
    func reproducible() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let line = "yield simulate --scenario rate-plans/yield/low-before-high.yaml --runs 100 --seed 11 --format json"
        let first = try runner.run(line)
        let second = try runner.run(line)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test("A missing scenario file fails with exit 1 and one line naming it")
    func missingFile() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run("yield simulate --scenario rate-plans/yield/nowhere.yaml")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "hotelsales: file rate-plans/yield/nowhere.yaml cannot be read; give the path of an existing YAML scenario file\n"
        )
    }

    @Test("An invalid scenario file fails with exit 65 and one line")
    func invalidFile() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = runner.directory.appendingPathComponent("bad.yaml").path
        try """
        name: bad
        capacity: 0
        demand-factor: 1.0
        arrival-pattern: low-before-high
        fare-classes:
          - { name: F1, fare-minor-units: 20000, mean-demand: 5 }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runner.run(["yield", "simulate", "--scenario", path])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "hotelsales: \(path): capacity 0 is out of range; use 0 to 100000 rooms (1 or more for a simulation)\n"
        )
    }

    @Test(
        "Runs outside 1…1000000 and a csv format are usage errors (exit 64)",
        arguments: ["--runs 0", "--runs 1000001", "--format csv"])
    func usage(arguments: String) throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run("yield simulate --scenario rate-plans/yield/low-before-high.yaml \(arguments)")
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
    }
}
