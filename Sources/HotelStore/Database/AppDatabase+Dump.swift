import GRDB

extension AppDatabase {
    /// Every row of every table of the schema, as ordered text lines: two databases with equal dumps hold
    /// the same data. Used to prove that a refused command left the database unchanged, and that an
    /// interrupted run ends in the same state as an uninterrupted one.
    public func contentDump(excluding excluded: Set<String> = []) throws -> String {
        try read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
            var lines: [String] = []
            for table in tables where !excluded.contains(table) {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY 1, 2")
                lines += rows.map { "\(table): \($0)" }
            }
            return lines.joined(separator: "\n")
        }
    }
}
