import Foundation
import GRDB
import HotelDomain
import Testing

@testable import HotelStore

/// Migration "v12 reservation checks without IN lists": same values accepted and refused, no temporary b-tree.
@Suite("Reservations: checks without IN lists")
struct ReservationCheckMigrationTests {
    static let insert = """
        INSERT INTO reservation (confirmation, source, guest_name, room_type_code, rate_plan_code, arrival, departure,
            rooms, status, billing, lra, total_minor, currency, booked_on, created_at, updated_at)
        VALUES (?, ?, 'Ada Wong', 'STD', 'BAR', '2027-03-01', '2027-03-03', 1, ?, ?, 0, 158000, 'CNY', '2027-02-01', 't', 't')
        """

    @Test("A reservation insert no longer builds a temporary b-tree for its checks")
    func noEphemeralTable() throws {
        let before = try StoreFixtures.queue(migratedUpTo: "v11 company index only for company bookings")
        let after = try StoreFixtures.queue()
        func opcodeNames(_ queue: DatabaseQueue) throws -> [String] {
            try queue.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN " + Self.insert, arguments: ["X1", "channel", "confirmed", "guest"])
                    .map { $0["opcode"] as String }
            }
        }
        #expect(try opcodeNames(before).contains("OpenEphemeral"))
        #expect(try !opcodeNames(after).contains("OpenEphemeral"))
        let definition = try after.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = 'reservation'")
        }
        #expect(definition?.contains(" IN (") == false)
        #expect(definition?.contains("CHECK (billing = 'guest' OR billing = 'direct-bill')") == true)
    }

    @Test("The same values are accepted and refused as before")
    func sameValues() throws {
        let queue = try StoreFixtures.queue()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            var number = 0
            func insert(_ source: String, _ status: String, _ billing: String) throws {
                number += 1
                try db.execute(sql: Self.insert, arguments: ["X\(number)", source, status, billing])
            }
            for (column, values) in AppDatabase.reservationCheckedValues {
                for value in values {
                    switch column {
                    case "source": try insert(value, "confirmed", "guest")
                    case "status": try insert("direct", value, "guest")
                    default: try insert("direct", "confirmed", value)
                    }
                }
            }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reservation") == 12)
            for (source, status, billing) in [
                ("web", "confirmed", "guest"), ("direct", "Confirmed", "guest"), ("direct", "waitlisted", "guest"),
                ("direct", "confirmed", "company"), ("direct", "confirmed", ""),
            ] {
                #expect(throws: DatabaseError.self) { try insert(source, status, billing) }
            }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reservation") == 12)
        }
    }

    @Test("Reservations stored before the migration are kept, and the database checks clean")
    func keepsRows() throws {
        let queue = try StoreFixtures.queue(migratedUpTo: "v11 company index only for company bookings")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: Self.insert, arguments: ["SHBUND-0000001", "channel", "no-show", "direct-bill"])
        }
        try AppDatabase.migrator.migrate(queue)
        try queue.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT confirmation, status, billing, total_minor FROM reservation")
            #expect(row?["confirmation"] as String? == "SHBUND-0000001")
            #expect(row?["status"] as String? == "no-show")
            #expect(row?["billing"] as String? == "direct-bill")
            #expect(row?["total_minor"] as Int64? == 158_000)
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
        }
    }
}
