import Foundation
import HotelDomain
import Testing

@testable import HotelFiles

@Suite("Hotel and rate-plan files")
struct RatePlanFileTests {
    let cny = try! Currency("CNY")

    func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.path(forResource: name, ofType: nil, inDirectory: "Fixtures"))
    }

    @Test("The sample hotel has five room types and 120 rooms")
    func sampleHotel() throws {
        let hotel = try HotelFile.load(path: fixture("hotel.yaml"))
        #expect(hotel.code == "SHBUND")
        #expect(hotel.currency.code == "CNY")
        #expect(hotel.timeZone == "Asia/Shanghai")
        #expect(hotel.roomTypes.map(\.code.rawValue) == ["STD", "DLX", "EXE", "FAM", "STE"])
        #expect(hotel.totalRooms == 120)
    }

    @Test("The sample BAR plan reads amounts as exact minor units, never through floating point")
    func sampleBAR() throws {
        let plan = try RatePlanFile.load(path: fixture("bar-2027.yaml"), currency: cny)
        #expect(plan.kind == .bar)
        guard case .seasons(let seasons) = plan.tiers[0].rule else {
            Issue.record("BAR should be priced by seasons")
            return
        }
        #expect(seasons.count == 9)
        let golden = try #require(seasons.first { $0.name == "Golden Week" })
        #expect(golden.nights.description == "2027-05-01…2027-05-07")
        #expect(golden.prices["DLX"]?.minorUnits == 129_999)
        #expect(seasons.reduce(0) { $0 + $1.nights.count } == 365)
    }

    @Test("The sample ACME plan has two cumulative tiers off BAR and is LRA")
    func sampleACME() throws {
        let plan = try RatePlanFile.load(path: fixture("acme-2027.yaml"), currency: cny)
        #expect(plan.code == "ACME27")
        #expect(plan.companyCodes == ["ACME"])
        #expect(plan.basePlanCode == "BAR")
        #expect(plan.lastRoomAvailability)
        #expect(plan.mealPlan == .breakfast)
        #expect(plan.tiers == [
            RateTier(fromRoomNights: 0, rule: .percentOff(BasisPoints(1_500))),
            RateTier(fromRoomNights: 200, rule: .percentOff(BasisPoints(2_000))),
        ])
        #expect(!plan.commissionable)
    }

    @Test("Fixed prices per tier are read per room type")
    func sampleGlobex() throws {
        let plan = try RatePlanFile.load(path: fixture("globex-2027.yaml"), currency: cny)
        #expect(plan.tiers[1].fromRoomNights == 300)
        #expect(plan.tiers[1].rule == .fixed(["STD": Money(minorUnits: 62_000, currency: cny), "DLX": Money(minorUnits: 74_000, currency: cny), "EXE": Money(minorUnits: 95_000, currency: cny)]))
    }

    @Test("Malformed YAML is refused with its line and column")
    func malformedYAML() {
        do {
            _ = try RatePlanFile.parse("code: X\nname: [unclosed\n", currency: cny, name: "broken.yaml")
            Issue.record("malformed YAML was accepted")
        } catch let error as DomainError {
            #expect(error.kind == .invalidInput)
            #expect(error.description.hasPrefix("broken.yaml: not valid YAML: "))
            #expect(error.description.contains("line 2, column 7"))
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("A missing key is named with where it is missing")
    func missingKey() {
        #expect(throws: DomainError.invalid("p.yaml: key 'kind' is missing at the top level; add it")) {
            try RatePlanFile.parse("code: X\nname: Plan X\nprices: {DLX: 1.00}\n", currency: cny, name: "p.yaml")
        }
    }

    @Test(
        "Bad values in a plan are refused with the value",
        arguments: [
            ("code: X\nname: X\nkind: bar\nseasons:\n  - {name: A, from: 2027-02-30, to: 2027-03-01, prices: {DLX: 1.00}}\n", "2027-02-30"),
            ("code: X\nname: X\nkind: negotiated\ncompanies: [A]\nbase: BAR\npercent-off: 15,5%\n", "15,5%"),
            ("code: X\nname: X\nkind: bar\nseasons:\n  - {name: A, from: 2027-01-01, to: 2027-03-01, prices: {DLX: 12.345}}\n", "12.345"),
            ("code: X\nname: X\nkind: bar\nseasons:\n  - {name: A, from: 2027-01-01, to: 2027-03-01, prices: {DLX: -1.00}}\n", "-1.00"),
            ("code: X\nname: X\nkind: luxury\nprices: {DLX: 1.00}\n", "luxury"),
            ("code: X\nname: X\nkind: negotiated\ncompanies: [A]\nbase: BAR\npercent-off: 10%\ntiers:\n  - {percent-off: 5%}\n", "tiers"),
        ])
    func badValues(text: String, mentioned: String) {
        do {
            _ = try RatePlanFile.parse(text, currency: cny, name: "plan.yaml")
            Issue.record("accepted a plan with \(mentioned)")
        } catch let error as DomainError {
            #expect(error.description.contains(mentioned), "\(error.description)")
            #expect(error.description.hasPrefix("plan.yaml"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("An unknown time zone is refused")
    func unknownTimeZone() {
        #expect(throws: DomainError.self) {
            try HotelFile.parse("code: H\nname: H\ncurrency: CNY\ntime-zone: Mars/Olympus\nroom-types:\n  - {code: STD, name: S, rooms: 1}\n")
        }
    }
}
