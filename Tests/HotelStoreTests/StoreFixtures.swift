import Foundation
import GRDB
import HotelDomain

@testable import HotelStore

enum StoreFixtures {
    static let cny = try! Currency("CNY")
    static let author = ChangeAuthor(user: "lwang")
    static func money(_ text: String) -> Money { try! Money(parsing: text, currency: cny) }
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }
    static func nights(_ first: String, _ last: String) -> NightRange { try! NightRange(first: date(first), last: date(last)) }

    static let hotel = try! Hotel(
        code: "SHBUND", name: "Bund Riverside Hotel Shanghai", currency: cny, timeZone: "Asia/Shanghai",
        roomTypes: [
            try! RoomType(code: "STD", name: "Superior Queen", rooms: 48, maxOccupancy: 2),
            try! RoomType(code: "DLX", name: "Deluxe King", rooms: 36, maxOccupancy: 2),
        ])

    static let bar = try! RatePlan(
        code: "BAR", name: "BAR 2027", kind: .bar, currency: cny,
        tiers: [
            RateTier(
                rule: .seasons([
                    Season(name: "Spring", nights: nights("2027-03-01", "2027-04-30"), prices: ["STD": money("760.00"), "DLX": money("920.00")]),
                    Season(name: "Golden Week", nights: nights("2027-05-01", "2027-05-07"), prices: ["STD": money("1080.00"), "DLX": money("1299.99")]),
                ]))
        ])

    static func acme27(companies: [Code] = ["ACME"]) -> RatePlan {
        try! RatePlan(
            code: "ACME27", name: "Acme 2027", kind: .negotiated, currency: cny, mealPlan: .breakfast,
            cancellationPolicy: "18:00 on arrival day", validity: nights("2027-01-01", "2027-12-31"), basePlanCode: "BAR",
            companyCodes: companies, lastRoomAvailability: true,
            tiers: [
                RateTier(fromRoomNights: 0, rule: .percentOff(BasisPoints(1_500))),
                RateTier(fromRoomNights: 200, rule: .percentOff(BasisPoints(2_000))),
            ])
    }

    static func acme() -> Company {
        try! Company(code: "ACME", name: "Acme Industrial Ltd", segment: .corporate, salesOwner: "lwang", creditLimit: money("20000.00"))
    }

    /// A fresh in-memory database with the hotel, BAR and ACME.
    static func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.initialize(hotel, by: author)
        _ = try database.importRatePlan(bar, sourceFile: nil, by: author)
        try database.addCompany(acme(), by: author)
        return database
    }

    /// An in-memory database migrated up to `version` only (the latest without one), for migration tests.
    static func queue(migratedUpTo version: String? = nil) throws -> DatabaseQueue {
        AppDatabase.processSettings  // before SQLite starts, as every AppDatabase does
        let queue = try DatabaseQueue()
        if let version { try AppDatabase.migrator.migrate(queue, upTo: version) } else { try AppDatabase.migrator.migrate(queue) }
        return queue
    }

    /// A database migrated up to `version` holding one imported feed file (id 1), for the exactly-once table's
    /// migrations: `fill` adds the messages recorded before the migration.
    static func feedFileQueue(migratedUpTo version: String, _ fill: (Database) throws -> Void) throws -> DatabaseQueue {
        let queue = try queue(migratedUpTo: version)
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO feed_file (path, sha256, bytes, channel_code, started_at, user) VALUES ('a.xml', '00', 1, NULL, 't', 'u')")
            try fill(db)
        }
        return queue
    }

    /// Every row of every table, as text: equal dumps mean an unchanged database.
    static func dump(_ database: AppDatabase) throws -> String { try database.contentDump() }
}
