import Foundation
import GRDB
import HotelDomain

extension AppDatabase {
    /// "v12 reservation checks without IN lists": the `source`, `status` and `billing` checks of `reservation`
    /// compare with `=` … `OR` instead of `IN (…)`; they accept and refuse exactly the same values.
    ///
    /// Why: SQLite evaluates a `CHECK (x IN ('a', 'b', …))` of three or more values by building a temporary
    /// b-tree of the list on every insert or update of the row (a pager opened and closed, its memory mapped
    /// and unmapped). A feed import inserts hundreds of thousands of reservations: the three checks were about
    /// a tenth of the import's writer thread. A chain of `=` is compared in place.
    ///
    /// How: the change leaves every stored row valid, so SQLite's documented procedure for changing a CHECK
    /// constraint applies (rewrite the table's definition in `sqlite_schema`, bump the schema version) instead
    /// of copying the table.
    static func registerReservationCheckMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12 reservation checks without IN lists") { db in
            guard var definition = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'reservation'")
            else { throw DomainError.refused("the reservation table is missing; the database is damaged") }
            for (column, values) in reservationCheckedValues {
                let list = values.map { "'\($0)'" }.joined(separator: ", ")
                let chain = values.map { "\(column) = '\($0)'" }.joined(separator: " OR ")
                let old = "CHECK (\(column) IN (\(list)))"
                guard definition.contains(old) else {
                    throw DomainError.refused("the reservation table's check of \(column) is not the expected one; the database was changed by another program")
                }
                definition = definition.replacingOccurrences(of: old, with: "CHECK (\(chain))")
            }
            let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(
                sql: "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'reservation'",
                arguments: [definition])
            try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
    }

    /// The values the reservation table accepts, per checked column (as created by migration v2).
    static let reservationCheckedValues: [(column: String, values: [String])] = [
        ("source", ["direct", "company", "group", "channel"]),
        ("status", ["tentative", "confirmed", "checked-in", "checked-out", "cancelled", "no-show"]),
        ("billing", ["guest", "direct-bill"]),
    ]
}
