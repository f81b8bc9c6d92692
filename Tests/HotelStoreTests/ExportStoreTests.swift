import Foundation
import HotelDomain
import Testing

@testable import HotelStore

/// What `pmsExport` selects: entities, the audit-log window and the chain of recorded export runs.
@Suite("PMS export: selection from the audit log")
struct ExportStoreTests {
    typealias F = StoreFixtures

    @Test(
        "--what: names in canonical order once; unknown names invalid",
        arguments: [
            ("rates, companies,RATES", "companies,rates", DomainError.Kind?.none),
            ("reservations", "reservations", nil),
            ("companies,rooms", nil, .invalidInput),
            (" , ", nil, .invalidInput),
            ("blocks", "blocks", nil),
            ("rates,intermediaries", "intermediaries,rates", nil),
            (
                "blocks,reservations,restrictions,rates,intermediaries,companies",
                "companies,intermediaries,rates,restrictions,reservations,blocks", nil
            ),
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

    static let groupPlan = try! RatePlan(
        code: "GRP-TECH", name: "Tech Summit group rate", kind: .group, currency: F.cny,
        validity: F.nights("2027-04-28", "2027-05-08"), companyCodes: ["ACME"],
        tiers: [RateTier(rule: .fixed(["DLX": F.money("890.00"), "STD": F.money("760.00")]))])

    static func terms(_ percent: Int, _ basis: CommissionBasis) throws -> CommissionTerms {
        try CommissionTerms(
            percent: BasisPoints(percent), basis: basis, flatPerNight: F.money("0.00"), flatPerStay: F.money("0.00"))
    }

    @Test("Intermediaries come back when added; a new tax rate re-sends those paid on revenue net of tax")
    func intermediariesSinceLastExport() throws {
        let database = try F.database()
        try database.addIntermediary(
            Intermediary(
                code: "TRAVELCO", name: "TravelCo Agency", iata: IATANumber(parsing: "12345678"),
                terms: Self.terms(1_000, .roomNetOfTax)), by: F.author)
        try database.addIntermediary(
            Intermediary(code: "GROSSCO", name: "Gross Travel", iata: nil, terms: Self.terms(800, .roomIncludingTax)),
            by: F.author)
        let first = try database.pmsExport(entities: [.intermediaries], window: .sinceLastExport) { _, _ in }
        #expect(first.selections.map(\.scope) == [.firstExport])
        #expect(first.intermediaries.map(\.intermediary.code) == ["GROSSCO", "TRAVELCO"])
        #expect(first.intermediaries.last?.intermediary.iata?.rawValue == "12345678")
        #expect(first.commissionTaxRate == BasisPoints(0))
        try database.recordExport(Self.run(first, entities: ["intermediaries"]))

        let nothing = try database.pmsExport(entities: [.intermediaries], window: .sinceLastExport) { _, _ in }
        #expect(nothing.intermediaries.isEmpty)

        try database.addIntermediary(
            Intermediary(code: "NEWCO", name: "New Agency", iata: nil, terms: Self.terms(500, .roomIncludingTax)),
            by: F.author)
        try database.setCommissionTaxRate(BasisPoints(600), by: F.author)
        let second = try database.pmsExport(entities: [.intermediaries], window: .sinceLastExport) { _, _ in }
        #expect(second.intermediaries.map(\.intermediary.code) == ["NEWCO", "TRAVELCO"])
        #expect(second.commissionTaxRate == BasisPoints(600))
    }

    @Test("A block comes back with its own changes and with every change of its bookings (pickup, cancellation)")
    func blocksSinceLastExport() throws {
        let database = try F.database()
        _ = try database.importRatePlan(Self.groupPlan, sourceFile: nil, by: F.author)
        for code in ["TECH27", "EXPO27"] as [Code] {
            try database.createGroup(
                GroupBlock(
                    code: code, name: "Group \(code)", companyCode: "ACME", ratePlanCode: "GRP-TECH",
                    cutoff: F.date("2027-04-20"), attrition: BasisPoints(2_000)), by: F.author)
            _ = try database.setBlock(
                code, roomType: "DLX", nights: F.nights("2027-05-01", "2027-05-02"), rooms: 5, rate: nil, by: F.author)
        }
        let first = try database.pmsExport(entities: [.blocks], window: .sinceLastExport) { _, _ in }
        #expect(first.blocks.map(\.block.code) == ["EXPO27", "TECH27"])
        let tech = try #require(first.blocks.last)
        #expect(tech.companyName == "Acme Industrial Ltd")
        #expect(tech.currency == F.cny)
        #expect(
            tech.nights.map { "\($0.night) \($0.roomType) \($0.contracted) \($0.pickedUp) \($0.rate.decimalText)" } == [
                "2027-05-01 DLX 5 0 890.00", "2027-05-02 DLX 5 0 890.00",
            ])
        try database.recordExport(Self.run(first, entities: ["blocks"]))

        // A pickup: the booking's audit row names the reservation, not the group.
        let booked = try database.bookInBlock(
            "TECH27",
            RoomingListEntry(
                line: 2, guestName: "Chen Li", stay: Stay(arrival: F.date("2027-05-01"), nights: 2), roomType: "DLX"),
            today: F.date("2027-03-01"), by: F.author)
        // A booking outside any group changes no block.
        _ = try database.book(
            BookingRequest(
                guestName: "Anna Berg", roomType: "STD", stay: Stay(arrival: F.date("2027-05-01"), nights: 1)),
            today: F.date("2027-03-01"), by: F.author)
        let second = try database.pmsExport(entities: [.blocks], window: .sinceLastExport) { _, _ in }
        #expect(second.blocks.map(\.block.code) == ["TECH27"])
        #expect(second.blocks.first?.nights.map(\.pickedUp) == [1, 1])
        try database.recordExport(Self.run(second, entities: ["blocks"]))

        _ = try database.transition(booked.confirmation, .cancel, today: F.date("2027-03-02"), by: F.author)
        let third = try database.pmsExport(entities: [.blocks], window: .sinceLastExport) { _, _ in }
        #expect(third.blocks.map(\.block.code) == ["TECH27"])
        #expect(third.blocks.first?.nights.map(\.pickedUp) == [0, 0])
        try database.recordExport(Self.run(third, entities: ["blocks"]))

        _ = try database.releaseBlock("EXPO27", today: F.date("2027-03-03"), by: F.author)
        let fourth = try database.pmsExport(entities: [.blocks], window: .sinceLastExport) { _, _ in }
        #expect(fourth.blocks.map(\.block.code) == ["EXPO27"])
        #expect(fourth.blocks.first?.block.releasedOn == F.date("2027-03-03"))
        #expect(fourth.blocks.first?.nights.map(\.released) == [5, 5])
    }

    @Test("A reservation carries its intermediary (or the one its channel's IATA number names) and its group")
    func reservationAgentAndGroup() throws {
        let database = try F.database()
        _ = try database.importRatePlan(Self.groupPlan, sourceFile: nil, by: F.author)
        try database.addIntermediary(
            Intermediary(
                code: "TRAVELCO", name: "TravelCo Agency", iata: IATANumber(parsing: "12345678"),
                terms: Self.terms(1_000, .roomNetOfTax)), by: F.author)
        try database.createGroup(
            GroupBlock(
                code: "TECH27", name: "Tech Summit 2027", companyCode: "ACME", ratePlanCode: "GRP-TECH",
                cutoff: F.date("2027-04-20")), by: F.author)
        _ = try database.setBlock(
            "TECH27", roomType: "DLX", nights: F.nights("2027-05-01", "2027-05-02"), rooms: 5, rate: nil, by: F.author)
        let stay = try Stay(arrival: F.date("2027-05-01"), nights: 2)
        _ = try database.book(
            BookingRequest(guestName: "Chen Li", roomType: "STD", stay: stay, intermediaryCode: "TRAVELCO"),
            today: F.date("2027-03-01"), by: F.author)
        _ = try database.bookInBlock(
            "TECH27", RoomingListEntry(line: 2, guestName: "Zhang Wei", stay: stay, roomType: "DLX"),
            today: F.date("2027-03-01"), by: F.author)
        let channel = try database.book(
            BookingRequest(guestName: "Otto Berg", roomType: "STD", stay: stay), today: F.date("2027-03-01"),
            by: F.author)
        let other = try database.book(
            BookingRequest(guestName: "Ana Lee", roomType: "STD", stay: stay), today: F.date("2027-03-01"),
            by: F.author)
        // As a channel import stores its travel agents: by IATA number, known to the hotel or not.
        try database.writer.write { db in
            try db.execute(
                sql: "UPDATE reservation SET travel_agent_name = ?, travel_agent_iata = ? WHERE confirmation = ?",
                arguments: ["TRAVELCO GmbH (channel)", "12345678", channel.confirmation])
            try db.execute(
                sql: "UPDATE reservation SET travel_agent_name = ?, travel_agent_iata = ? WHERE confirmation = ?",
                arguments: ["Unknown Travel", "87654321", other.confirmation])
        }
        var lines: [String] = []
        _ = try database.pmsExport(entities: [.reservations], window: .full) { record, _ in
            lines.append(
                [
                    record.reservation.confirmation, record.travelAgentCode ?? "-", record.travelAgentName ?? "-",
                    record.travelAgentIATA ?? "-", record.groupCode ?? "-",
                ].joined(separator: " | "))
        }
        #expect(
            lines == [
                "SHBUND-0000001 | TRAVELCO | TravelCo Agency | 12345678 | -",
                "SHBUND-0000002 | - | - | - | TECH27",
                "SHBUND-0000003 | TRAVELCO | TravelCo Agency | 12345678 | -",
                "SHBUND-0000004 | - | Unknown Travel | 87654321 | -",
            ])
    }
}
