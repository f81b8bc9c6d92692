import Foundation
import HotelDomain
import Testing

@testable import HotelStore

/// What `pmsExport` selects: entities, the audit-log window and the chain of recorded export runs.
@Suite("PMS export: selection from the audit log")
struct ExportStoreTests {
    typealias F = StoreFixtures

    @Test(
        "--what: names in canonical order once; unknown names invalid; entities without tables refused",
        arguments: [
            ("rates, companies,RATES", "companies,rates", DomainError.Kind?.none),
            ("reservations", "reservations", nil),
            ("companies,rooms", nil, .invalidInput),
            (" , ", nil, .invalidInput),
            ("blocks", nil, .refused),
            ("rates,intermediaries", nil, .refused),
        ] as [(String, String?, DomainError.Kind?)])
    func parseList(text: String, expected: String?, failure: DomainError.Kind?) {
        do {
            let entities = try ExportEntity.parseList(text)
            #expect(entities.map(\.rawValue).joined(separator: ",") == expected)
            #expect(failure == nil)
        } catch let error as DomainError {
            #expect(error.kind == failure, "\(error)")
        } catch {
            Issue.record(error)
        }
    }

    static func run(_ snapshot: PMSExportSnapshot, entities: [String]) -> ExportRun {
        ExportRun(
            startedAt: "2027-03-01T00:00:00.000Z", user: "lwang", kind: .sinceLast, since: nil, entities: entities,
            format: "both", auditID: snapshot.auditID, asOf: snapshot.asOf, outDirectory: "/tmp", manifest: "m.json",
            files: 1, records: 1)
    }

    @Test("Each entity continues from the newest run that included it; only changed records come back")
    func sinceLastExport() throws {
        let database = try F.database()
        try database.addCompany(
            try Company(code: "GLOBEX", name: "Globex", segment: .corporate, creditLimit: F.money("0.00")), by: F.author
        )
        let request = try BookingRequest(
            guestName: "Chen Li", roomType: "DLX", stay: Stay(arrival: F.date("2027-03-01"), nights: 2))
        _ = try database.book(request, today: F.date("2027-01-10"), by: F.author)

        var visited: [String] = []
        let first = try database.pmsExport(entities: [.companies, .reservations], window: .sinceLastExport) {
            record, _ in
            visited.append(record.reservation.confirmation)
        }
        #expect(first.selections.map(\.scope) == [.firstExport, .firstExport])
        #expect(first.companies.map(\.company.code) == ["ACME", "GLOBEX"])
        #expect(visited == ["SHBUND-0000001"])
        let firstRun = try database.recordExport(Self.run(first, entities: ["companies", "reservations"]))

        // Only companies are exported next: reservations keep their place in the chain.
        try database.updateCompany("GLOBEX", by: ChangeAuthor(user: "lwang")) { $0.phone = "+86 21 0000" }
        let second = try database.pmsExport(entities: [.companies], window: .sinceLastExport) { _, _ in }
        #expect(second.companies.map(\.company.code) == ["GLOBEX"])
        #expect(second.selections.first?.scope == .afterExport(run: firstRun, auditID: first.auditID, asOf: first.asOf))
        try database.recordExport(Self.run(second, entities: ["companies"]))

        _ = try database.transition("SHBUND-0000001", .cancel, today: F.date("2027-01-11"), by: F.author)
        visited = []
        let third = try database.pmsExport(entities: [.companies, .reservations], window: .sinceLastExport) {
            record, _ in
            visited.append("\(record.reservation.confirmation) \(record.reservation.status.rawValue)")
        }
        #expect(third.companies.isEmpty)
        #expect(visited == ["SHBUND-0000001 cancelled"])
        #expect(third.selections.last?.scope == .afterExport(run: firstRun, auditID: first.auditID, asOf: first.asOf))
        #expect(third.auditID > second.auditID)
    }

    @Test("A lifted control is exported as open; a changed base plan re-exports the plans derived from it")
    func restrictionsAndDerivedPlans() throws {
        let database = try F.database()
        _ = try database.importRatePlan(F.acme27(), sourceFile: nil, by: F.author)
        let nights = F.nights("2027-05-01", "2027-05-02")
        try database.setControls(
            ratePlan: "BAR", roomType: nil, nights: nights, change: ControlChange(closed: true), by: F.author)
        let full = try database.pmsExport(entities: [.rates, .restrictions], window: .full) { _, _ in }
        #expect(full.ratePlans.map(\.code) == ["ACME27", "BAR"])
        #expect(full.controls.map { "\($0.night) \($0.summary)" } == ["2027-05-01 closed", "2027-05-02 closed"])
        try database.recordExport(Self.run(full, entities: ["rates", "restrictions"]))

        try database.setControls(
            ratePlan: "BAR", roomType: nil, nights: F.nights("2027-05-02", "2027-05-02"), change: .open, by: F.author)
        var cheaper = F.bar
        cheaper.name = "BAR 2027 (revised)"
        _ = try database.importRatePlan(cheaper, sourceFile: nil, by: F.author)
        let next = try database.pmsExport(entities: [.rates, .restrictions], window: .sinceLastExport) { _, _ in }
        #expect(next.ratePlans.map(\.code) == ["ACME27", "BAR"])
        #expect(next.controls.map { "\($0.night) \($0.summary)" } == ["2027-05-02 open"])
    }
}
