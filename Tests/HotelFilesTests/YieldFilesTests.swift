import Foundation
import HotelDomain
import Testing

@testable import HotelFiles

@Suite("Yield scenario files and demand forecast files")
struct YieldFilesTests {
    /// The shipped scenarios, read where `yield simulate` users find them (so a change to them is deliberate).
    static let yieldFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rate-plans/yield")

    func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.path(forResource: name, ofType: nil, inDirectory: "Fixtures"))
    }

    /// The one-line message of the `DomainError` that `body` throws, or nil when it throws none.
    func message(_ body: () throws -> Void) -> (DomainError.Kind, String)? {
        do {
            try body()
            return nil
        } catch let error as DomainError {
            return (error.kind, error.description)
        } catch {
            return (.refused, "not a DomainError: \(error)")
        }
    }

    // MARK: Scenarios

    @Test("The shipped low-before-high scenario loads with its capacity, fares, means, pattern, runs and seed")
    func lowBeforeHigh() throws {
        let scenario = try YieldScenarioFile.load(
            path: Self.yieldFolder.appendingPathComponent("low-before-high.yaml").path)
        #expect(scenario.name == "low-before-high")
        #expect(scenario.currency == "EUR")
        #expect(scenario.capacity == 100)
        #expect(scenario.demandFactor == 1.0)
        #expect(scenario.arrivalPattern == .lowBeforeHigh)
        #expect(scenario.periods == nil)
        #expect(scenario.runs == 20_000)
        #expect(scenario.seed == 20_270_301)
        #expect(scenario.fareClasses.map(\.name) == ["F1", "F2", "F3", "F4"])
        #expect(scenario.fareClasses.map(\.fare) == [20_000, 16_000, 12_000, 9_000])
        #expect(scenario.fareClasses.map(\.meanDemand) == [15, 25, 30, 30])
    }

    @Test("The shipped interleaved scenario loads with 1000 periods and demand 1.2 × capacity")
    func interleaved() throws {
        let scenario = try YieldScenarioFile.load(
            path: Self.yieldFolder.appendingPathComponent("interleaved.yaml").path)
        #expect(scenario.name == "interleaved")
        #expect(scenario.currency == "EUR")
        #expect(scenario.capacity == 100)
        #expect(scenario.demandFactor == 1.2)
        #expect(scenario.arrivalPattern == .interleaved)
        #expect(scenario.periods == 1_000)
        #expect(scenario.runs == 5_000)
        #expect(scenario.seed == 20_270_302)
        #expect(scenario.fareClasses.map(\.fare) == [20_000, 16_000, 12_000, 9_000])
        #expect(scenario.fareClasses.map(\.meanDemand) == [15, 25, 30, 30])
        #expect((0..<4).map { scenario.expectedDemand(ofClass: $0).rounded() } == [18, 30, 36, 36])
    }

    static let validScenario = """
        name: small
        capacity: 10
        demand-factor: 1.0
        arrival-pattern: low-before-high
        fare-classes:
          - { name: F1, fare-minor-units: 20000, mean-demand: 5 }
          - { name: F2, fare-minor-units: 9000, mean-demand: 8 }
        """

    @Test("A scenario without runs, seed or currency takes runs 1000 and seed 1")
    func defaults() throws {
        let scenario = try YieldScenarioFile.parse(Self.validScenario, name: "small.yaml")
        #expect(scenario.runs == 1_000)
        #expect(scenario.seed == 1)
        #expect(scenario.currency == nil)
        #expect(scenario.capacity == 10)
    }

    @Test(
        "A bad scenario is refused with one line naming the file and the value",
        arguments: [
            (
                Self.validScenario.replacingOccurrences(of: "demand-factor", with: "demand_factor"),
                "small.yaml: key 'demand_factor' at the top level is not a scenario key; use name, summary, currency, capacity, demand-factor, arrival-pattern, periods, runs, seed, fare-classes"
            ),
            (
                Self.validScenario.replacingOccurrences(of: "mean-demand: 8", with: "mean-demand: 8, fare: 90"),
                "small.yaml: key 'fare' in fare-classes[1] is not a scenario key; use name, fare-minor-units, mean-demand"
            ),
            (
                Self.validScenario.replacingOccurrences(of: "capacity: 10\n", with: ""),
                "small.yaml: key 'capacity' is missing at the top level; add it"
            ),
            (
                Self.validScenario.replacingOccurrences(of: "capacity: 10", with: "capacity: 0"),
                "small.yaml: capacity 0 is out of range; use 0 to 100000 rooms (1 or more for a simulation)"
            ),
            (
                Self.validScenario.replacingOccurrences(of: "mean-demand: 8", with: "mean-demand: -8"),
                "small.yaml: mean demand -8.0 of fare class F2 is negative; a mean must be 0 or more"
            ),
            (
                Self.validScenario.replacingOccurrences(of: "fare-minor-units: 9000", with: "fare-minor-units: 29000"),
                "small.yaml: fare class F2 (29000) is listed after F1 (20000) but pays more; list fare classes from the highest fare to the lowest"
            ),
            (
                Self.validScenario + "\nperiods: 100\n",
                "small.yaml: periods 100 only apply to interleaved arrivals; remove them for low-before-high"
            ),
            (
                Self.validScenario + "\ncurrency: euro\n",
                "small.yaml: currency \"euro\" is not an ISO 4217 code; use three capital letters such as EUR, USD or CNY"
            ),
        ])
    func badScenario(text: String, expected: String) {
        let refusal = message { _ = try YieldScenarioFile.parse(text, name: "small.yaml") }
        #expect(refusal?.0 == .invalidInput)
        #expect(refusal?.1 == expected)
    }

    @Test(
        "A wrongly typed or unknown value is refused quoting the value and what would be valid",
        arguments: [
            (
                "arrival-pattern: low-before-high", "arrival-pattern: sideways",
                "small.yaml: arrival-pattern \"sideways\" is not an arrival pattern; use low-before-high or interleaved"
            ),
            ("capacity: 10", "capacity: ten", "small.yaml: capacity \"ten\" is not a whole number of rooms"),
            ("capacity: 10", "capacity: 10.5", "small.yaml: capacity \"10.5\" is not a whole number of rooms"),
            (
                "demand-factor: 1.0", "demand-factor: high",
                "small.yaml: demand-factor \"high\" is not a number such as 1.2"
            ),
            (
                "demand-factor: 1.0", "demand-factor: 1.0\nseed: -1",
                "small.yaml: seed \"-1\" is not a whole number 0 or more"
            ),
            (
                "fare-minor-units: 9000", "fare-minor-units: 90.00",
                "small.yaml: fare-classes[1].fare-minor-units \"90.00\" is not a whole number of minor units (20000 = 200.00)"
            ),
            (
                "mean-demand: 5", "mean-demand: [5]",
                "small.yaml: fare-classes[0].mean-demand is not a number such as 15"
            ),
        ])
    func badValues(replacing: String, with replacement: String, expected: String) {
        let text = Self.validScenario.replacingOccurrences(of: replacing, with: replacement)
        let refusal = message { _ = try YieldScenarioFile.parse(text, name: "small.yaml") }
        #expect(refusal?.0 == .invalidInput)
        #expect(refusal?.1 == expected)
    }

    @Test("A file that is not YAML is refused in one line")
    func notYAML() {
        let refusal = message { _ = try YieldScenarioFile.parse("name: [small\n", name: "small.yaml") }
        #expect(refusal?.0 == .invalidInput)
        #expect(refusal?.1.hasPrefix("small.yaml: not valid YAML: ") == true)
        #expect(refusal?.1.contains("\n") == false)
    }

    @Test("A missing scenario file is not found, naming the path")
    func missingScenario() {
        let refusal = message { _ = try YieldScenarioFile.load(path: "/nonexistent/scenario.yaml") }
        #expect(refusal?.0 == .notFound)
        #expect(
            refusal?.1
                == "file /nonexistent/scenario.yaml cannot be read; give the path of an existing YAML scenario file")
    }

    // MARK: Demand files

    @Test("A demand file is read in file order, whatever the column order, with codes upper-cased")
    func goodDemand() throws {
        let rows = try DemandFile.load(path: fixture("demand-good.csv"))
        #expect(rows.count == 4)
        #expect(rows.map(\.night.description) == ["2027-03-01", "2027-03-01", "2027-03-02", "2027-03-02"])
        #expect(rows.map(\.roomType.rawValue) == ["DLX", "DLX", "DLX", "STD"])
        #expect(rows.map(\.ratePlan.rawValue) == ["BAR", "CORP", "BAR", "GRP-TECH"])
        #expect(rows.map(\.mean) == [12.5, 20, 0, 8])
        #expect(rows.map(\.standardDeviation) == [4, 6.5, 0, 3.25])
    }

    @Test("CRLF line ends are read; a quoted field with a line break is refused, so line numbers are the file's")
    func lineNumbers() {
        let crlf = try? DemandFile.parse(
            "date,room_type,rate_plan,mean,sd\r\n2027-03-01,DLX,BAR,1,1\r\n", name: "crlf.csv")
        #expect(crlf?.count == 1)
        let text =
            "date,room_type,rate_plan,mean,sd\n2027-03-01,DLX,BAR,1,1\n2027-03-01,STD,BAR,\"1\n\",1\n2027-03-32,DLX,BAR,1,1\n"
        let refusal = message { _ = try DemandFile.parse(text, name: "quoted.csv") }
        #expect(refusal?.1 == "quoted.csv line 3: the mean field \"1\\n\" spans lines; write each row on one line")
        let later = message {
            _ = try DemandFile.parse(text.replacingOccurrences(of: "\"1\n\"", with: "\"1\""), name: "quoted.csv")
        }
        #expect(
            later?.1 == "quoted.csv line 4: date \"2027-03-32\" does not exist; use a real calendar date as YYYY-MM-DD")
    }

    @Test(
        "A bad demand file is refused with one line naming the line and the value",
        arguments: [
            (
                "demand-missing-columns.csv",
                "line 1: missing columns rate_plan, sd; the header must name date,room_type,rate_plan,mean,sd"
            ),
            (
                "demand-extra-column.csv",
                "line 1: column \"fare\" is not a demand column; use exactly date,room_type,rate_plan,mean,sd in any order"
            ),
            (
                "demand-bad-date.csv",
                "line 3: date \"2027-02-30\" does not exist; use a real calendar date as YYYY-MM-DD"
            ),
            (
                "demand-negative-mean.csv",
                "line 4: 2027-03-01 STD BAR: demand mean -3.0 is negative; a mean must be 0 or more"
            ),
            (
                "demand-negative-sd.csv",
                "line 2: 2027-03-01 DLX BAR: demand sd -2.5 is negative; a standard deviation must be 0 or more"
            ),
            (
                "demand-decimal-comma.csv",
                "line 3: mean \"1,5\" is not a number of rooms; write a plain decimal such as 12 or 12.5"
            ),
            (
                "demand-nan.csv",
                "line 3: mean \"NaN\" is not a number of rooms; write a plain decimal such as 12 or 12.5"
            ),
            (
                "demand-infinite.csv",
                "line 2: sd \"inf\" is not a number of rooms; write a plain decimal such as 12 or 12.5"
            ),
            (
                "demand-duplicate.csv",
                "line 4: 2027-03-01 DLX BAR repeats line 2; give one row per night, room type and rate plan"
            ),
            (
                "demand-short-row.csv",
                "line 3: has 4 fields but the header names 5 columns; give date,room_type,rate_plan,mean,sd on every line"
            ),
        ])
    func badDemand(file: String, expected: String) throws {
        let path = try fixture(file)
        let refusal = message { _ = try DemandFile.load(path: path) }
        #expect(refusal?.0 == .invalidInput)
        #expect(refusal?.1 == "\(path) \(expected)")
    }

    @Test("An empty demand file and one with only a header are refused")
    func emptyDemand() throws {
        let empty = try fixture("demand-empty.csv")
        #expect(
            message { _ = try DemandFile.load(path: empty) }?.1
                == "\(empty) is empty; its first line must name the columns date,room_type,rate_plan,mean,sd")
        let headerOnly = try fixture("demand-header-only.csv")
        #expect(
            message { _ = try DemandFile.load(path: headerOnly) }?.1
                == "\(headerOnly) has no data rows; add one line per night, room type and rate plan after the header")
    }

    @Test(
        "Demand numbers are plain decimals: signs, exponents, commas, blanks and non-finite values are refused",
        arguments: [
            "+1", "1e3", "1.", ".5", "1,5", "", "nan", "inf", "-inf", "0x10", "1 5", String(repeating: "9", count: 400),
        ])
    func numberForms(text: String) {
        #expect(throws: DomainError.self) { try DemandFile.number(text, column: "mean") }
    }

    @Test("Plain decimals read as their value, and -0 as 0")
    func numbers() throws {
        #expect(try DemandFile.number("12", column: "mean") == 12)
        #expect(try DemandFile.number("12.25", column: "mean") == 12.25)
        #expect(try DemandFile.number("-3", column: "mean") == -3)
        #expect(try DemandFile.number("-0", column: "mean").sign == .plus)
    }
}
