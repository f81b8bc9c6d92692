import Foundation
import GRDB
import HotelDomain
import Testing

@testable import HotelStore

@Suite("Storage use cases")
struct StoreTests {
    typealias F = StoreFixtures

    @Test("Initialising the same hotel twice changes nothing; another hotel code is refused")
    func initIsIdempotent() throws {
        let database = try F.database()
        let before = try F.dump(database)
        #expect(try database.initialize(F.hotel, by: F.author) == false)
        #expect(try F.dump(database) == before)
        let other = try Hotel(code: "OTHER", name: "Other", currency: F.cny, timeZone: "UTC", roomTypes: F.hotel.roomTypes)
        #expect(throws: DomainError.refused("this database belongs to hotel SHBUND; hotel OTHER needs its own --db file")) {
            try database.initialize(other, by: F.author)
        }
    }

    @Test("Room counts can change on re-init, and the change is audited")
    func reinitUpdatesRooms() throws {
        let database = try F.database()
        var hotel = F.hotel
        hotel.roomTypes[0].rooms = 50
        #expect(try database.initialize(hotel, by: ChangeAuthor(user: "gm")) == true)
        #expect(try database.hotel().roomTypes[0].rooms == 50)
        let entry = try #require(try database.auditLog(entity: "hotel").first)
        #expect(entry.user == "gm")
        #expect(entry.action == "update")
        #expect(entry.oldValue?.contains("STD=48x2") == true)
        #expect(entry.newValue?.contains("STD=50x2") == true)
    }

    @Test("A duplicate company code is refused and the database is unchanged")
    func duplicateCompany() throws {
        let database = try F.database()
        let before = try F.dump(database)
        let duplicate = try Company(code: "ACME", name: "Another Acme", segment: .mice, creditLimit: F.money("1.00"))
        #expect(
            throws: DomainError.refused(
                "company code ACME is already used by \"Acme Industrial Ltd\"; choose another code or use 'companies update ACME'")
        ) { try database.addCompany(duplicate, by: F.author) }
        #expect(try F.dump(database) == before)
    }

    @Test("A parent company must exist")
    func parentMustExist() throws {
        let database = try F.database()
        let child = try Company(code: "ACME-SH", name: "Acme Shanghai", segment: .corporate, creditLimit: F.money("0"), parentCode: "NOPE")
        #expect(throws: DomainError.self) { try database.addCompany(child, by: F.author) }
    }

    @Test("Companies read back exactly as stored, credit limit in minor units")
    func companyRoundTrip() throws {
        let database = try F.database()
        let company = try database.company("ACME")
        #expect(company == F.acme())
        #expect(company.creditLimit.minorUnits == 2_000_000)
        let minor = try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT credit_limit_minor FROM company") }
        #expect(minor == 2_000_000)
    }

    @Test("An agreement goes draft → submitted → approved; approving twice is refused and audited once")
    func agreementLifecycle() throws {
        let database = try F.database()
        let id = try database.addAgreement(
            Agreement(companyCode: "ACME", type: .cumulativeRoom, validity: F.nights("2027-01-01", "2027-12-31")), by: F.author)
        #expect(id == AgreementID(1))
        let today = F.date("2026-11-23")
        _ = try database.transition(id, .submit, today: today, by: F.author)
        let approved = try database.transition(id, .approve, today: today, by: F.author)
        #expect(approved.recordedStatus == .approved)
        let before = try F.dump(database)
        #expect(throws: DomainError.refused("agreement 1 is approved; only a submitted agreement can be approved")) {
            try database.transition(id, .approve, today: today, by: F.author)
        }
        #expect(try F.dump(database) == before)
        #expect(try database.auditLog(entity: "agreement", key: "1").map(\.action) == ["approve", "submit", "add"])
    }

    @Test("Two approved agreements of one type cannot overlap")
    func overlappingApprovals() throws {
        let database = try F.database()
        let today = F.date("2026-11-23")
        for _ in 0..<2 {
            let id = try database.addAgreement(
                Agreement(companyCode: "ACME", type: .cumulativeRoom, validity: F.nights("2027-01-01", "2027-12-31")), by: F.author)
            _ = try database.transition(id, .submit, today: today, by: F.author)
        }
        _ = try database.transition(AgreementID(1), .approve, today: today, by: F.author)
        #expect(throws: DomainError.self) { try database.transition(AgreementID(2), .approve, today: today, by: F.author) }
    }

    @Test("An agreement for an unknown company is refused")
    func agreementForUnknownCompany() throws {
        let database = try F.database()
        #expect(throws: DomainError.self) {
            try database.addAgreement(
                Agreement(companyCode: "NOPE", type: .cumulativeRoom, validity: F.nights("2027-01-01", "2027-12-31")), by: F.author)
        }
    }

    @Test("A rate plan reads back exactly as imported, tiers and seasons included")
    func ratePlanRoundTrip() throws {
        let database = try F.database()
        #expect(try database.importRatePlan(F.acme27(), sourceFile: "acme-2027.yaml", by: F.author) == .created)
        let plans = try database.ratePlans()
        #expect(plans.first { $0.code == "ACME27" } == F.acme27())
        #expect(plans.first { $0.code == "BAR" } == F.bar)
    }

    @Test("Re-importing an unchanged plan changes nothing; a changed plan is replaced and audited")
    func reimport() throws {
        let database = try F.database()
        _ = try database.importRatePlan(F.acme27(), sourceFile: nil, by: F.author)
        let before = try F.dump(database)
        #expect(try database.importRatePlan(F.acme27(), sourceFile: nil, by: F.author) == .unchanged)
        #expect(try F.dump(database) == before)
        var changed = F.acme27()
        changed.tiers[1] = RateTier(fromRoomNights: 150, rule: .percentOff(BasisPoints(1_800)))
        #expect(try database.importRatePlan(changed, sourceFile: nil, by: F.author) == .replaced)
        let entry = try #require(try database.auditLog(entity: "rate_plan", key: "ACME27").first)
        #expect(entry.action == "replace")
        #expect(entry.oldValue?.contains("from 200: 20% off") == true)
        #expect(entry.newValue?.contains("from 150: 18% off") == true)
    }

    @Test("A negotiated plan for a missing company is refused and leaves the database unchanged")
    func planForMissingCompany() throws {
        let database = try F.database()
        let before = try F.dump(database)
        #expect(
            throws: DomainError.notFound(
                "rate plan ACME27 is for company NOPE, which does not exist; add it with 'companies add --code NOPE ...' first")
        ) { try database.importRatePlan(F.acme27(companies: ["NOPE"]), sourceFile: nil, by: F.author) }
        #expect(try F.dump(database) == before)
    }

    @Test("Two BAR plans may not price the same night")
    func overlappingBARPlans() throws {
        let database = try F.database()
        let other = try RatePlan(
            code: "BAR2", name: "BAR again", kind: .bar, currency: F.cny,
            tiers: [RateTier(rule: .seasons([Season(name: "May", nights: F.nights("2027-05-07", "2027-05-31"), prices: ["DLX": F.money("900.00")])]))])
        #expect(throws: DomainError.invalid("BAR plans BAR2 and BAR both price 2027-05-07; a night has one BAR, so move or end a season")) {
            try database.importRatePlan(other, sourceFile: nil, by: F.author)
        }
    }

    @Test("Quotes from the stored book use the company's approved agreement")
    func quoteFromStore() throws {
        let database = try F.database()
        _ = try database.importRatePlan(F.acme27(), sourceFile: nil, by: F.author)
        let request = try QuoteRequest(roomType: "DLX", stay: Stay(arrival: F.date("2027-03-01"), nights: 3), companyCode: "ACME")
        let before = try database.rateQuoter().quote(request, contracts: database.contracts(of: "ACME"))
        #expect(before.ratePlanCode == "BAR")
        let id = try database.addAgreement(
            Agreement(companyCode: "ACME", type: .cumulativeRoom, validity: F.nights("2027-01-01", "2027-12-31"), openingRoomNights: 199),
            by: F.author)
        _ = try database.transition(id, .submit, today: F.date("2026-11-23"), by: F.author)
        _ = try database.transition(id, .approve, today: F.date("2026-11-23"), by: F.author)
        let after = try database.rateQuoter().quote(request, contracts: database.contracts(of: "ACME"))
        #expect(after.nights.map(\.amount.minorUnits) == [78_200, 73_600, 73_600])
    }

    @Test("A database file uses WAL, foreign keys and a busy timeout")
    func fileDatabaseSettings() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hotelsales-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try AppDatabase.open(path: path)
        try database.initialize(F.hotel, by: F.author)
        let (mode, foreignKeys) = try database.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(foreignKeys == 1)
        #expect(throws: DomainError.self) { try AppDatabase.open(path: "/nonexistent-folder/x.sqlite") }
    }
}

/// SQLite runs in multi-thread mode (GRDB serializes each connection's use): no mutex around every call.
@Suite("SQLite process settings")
struct SQLiteProcessSettingsTests {
    @Test("Connections of a database file and of an in-memory database have no SQLite mutex")
    func noConnectionMutex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try AppDatabase.open(path: folder.appendingPathComponent("hotel.sqlite").path)
        #expect(try file.connectionsHaveMutex == false)
        #expect(try AppDatabase.inMemory().connectionsHaveMutex == false)
    }
}
