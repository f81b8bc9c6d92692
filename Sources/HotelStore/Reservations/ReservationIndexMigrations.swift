import GRDB

extension AppDatabase {
    /// "v11 company index only for company bookings": `reservation_company` holds only rows with a company.
    ///
    /// Why: channel bookings (most of the rows, and all of a nightly feed) have no company, so the index
    /// kept one entry per channel booking, ordered by arrival after the NULL company: random positions, so
    /// every import batch dirtied most of its leaf pages (about 4 MB of write-ahead log per 1,024 bookings
    /// at a million rows) for entries no query reads. Lookups name a company (`company_code = ?`), which
    /// SQLite matches to the partial index.
    static func registerReservationIndexMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11 company index only for company bookings") { db in
            try db.execute(
                sql: """
                    DROP INDEX reservation_company;
                    CREATE INDEX reservation_company ON reservation(company_code, arrival) WHERE company_code IS NOT NULL;
                    """)
        }
    }
}
