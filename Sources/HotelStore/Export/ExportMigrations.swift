import GRDB

extension AppDatabase {
    /// Schema of the export layer ("v7 PMS export runs"); registered after v4 by `migrator`.
    static func registerExportMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7 PMS export runs") { db in
            // One row per successful export: `export pms` without --since/--full continues from the newest run
            // of the chain that included the entity (`audit_id`: the newest audit row the export reflected).
            try db.execute(
                sql: """
                    CREATE TABLE export_run (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        started_at TEXT NOT NULL,
                        user TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('full', 'since-last', 'since', 'arrivals')),
                        since TEXT,
                        entities TEXT NOT NULL, -- comma-separated, e.g. 'companies,rates'
                        format TEXT NOT NULL CHECK (format IN ('ota-xml', 'csv', 'both')),
                        audit_id INTEGER NOT NULL,
                        as_of TEXT,
                        out_dir TEXT NOT NULL,
                        manifest TEXT NOT NULL,
                        files INTEGER NOT NULL,
                        records INTEGER NOT NULL
                    );
                    CREATE INDEX export_run_kind ON export_run(kind, id);
                    """)
        }
    }
}
