import GRDB

extension AppDatabase {
    /// Schema of the nightly run ("v9 …"); registered after the receivables migrations by `migrator`.
    static func registerNightlyMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9 nightly run log and lock") { db in
            // One row per `hotelsales nightly` (refused ones included): what it did step by step and how it
            // ended. `no_shows_through` is the last arrival day whose unarrived bookings the run marked, so a
            // night missed by cron is caught up by the next run.
            //
            // `nightly_lock` holds at most one row: the run in progress. It is taken and released in write
            // transactions (BEGIN IMMEDIATE), so two processes can never both take it; the holder is named by
            // pid, host, boot id and the process's start time, so that a holder that died (kill -9, a crash,
            // a reboot) is recognised as stale even when its pid was reused.
            try db.execute(
                sql: """
                    CREATE TABLE nightly_run (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        today TEXT NOT NULL,
                        started_at TEXT NOT NULL,
                        ended_at TEXT,
                        user TEXT NOT NULL,
                        host TEXT NOT NULL,
                        pid INTEGER NOT NULL,
                        status TEXT NOT NULL
                            CHECK (status IN ('running', 'ok', 'attention', 'failed', 'refused', 'interrupted')),
                        exit_code INTEGER,
                        last_step TEXT,
                        feed_files INTEGER NOT NULL DEFAULT 0 CHECK (feed_files >= 0),
                        feed_files_already INTEGER NOT NULL DEFAULT 0 CHECK (feed_files_already >= 0),
                        feed_files_failed INTEGER NOT NULL DEFAULT 0 CHECK (feed_files_failed >= 0),
                        created INTEGER NOT NULL DEFAULT 0 CHECK (created >= 0),
                        modified INTEGER NOT NULL DEFAULT 0 CHECK (modified >= 0),
                        cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
                        unchanged INTEGER NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
                        quarantined INTEGER NOT NULL DEFAULT 0 CHECK (quarantined >= 0),
                        overbooked INTEGER NOT NULL DEFAULT 0 CHECK (overbooked >= 0),
                        no_shows INTEGER NOT NULL DEFAULT 0 CHECK (no_shows >= 0),
                        no_shows_through TEXT,
                        blocks_released INTEGER NOT NULL DEFAULT 0 CHECK (blocks_released >= 0),
                        room_nights_released INTEGER NOT NULL DEFAULT 0 CHECK (room_nights_released >= 0),
                        yield_cells INTEGER NOT NULL DEFAULT 0 CHECK (yield_cells >= 0),
                        yield_closed INTEGER NOT NULL DEFAULT 0 CHECK (yield_closed >= 0),
                        yield_changes INTEGER NOT NULL DEFAULT 0 CHECK (yield_changes >= 0),
                        yield_applied INTEGER NOT NULL DEFAULT 0 CHECK (yield_applied IN (0, 1)),
                        exported_records INTEGER NOT NULL DEFAULT 0 CHECK (exported_records >= 0),
                        exported_files INTEGER NOT NULL DEFAULT 0 CHECK (exported_files >= 0),
                        errors TEXT NOT NULL DEFAULT '', -- one line per error
                        attention TEXT NOT NULL DEFAULT '' -- one line per thing a human must look at
                    );
                    CREATE INDEX nightly_run_today ON nightly_run(today, id);
                    CREATE TABLE nightly_lock (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        run_id INTEGER NOT NULL REFERENCES nightly_run(id),
                        today TEXT NOT NULL,
                        pid INTEGER NOT NULL,
                        host TEXT NOT NULL,
                        boot_id TEXT NOT NULL,
                        process_start TEXT NOT NULL,
                        started_at TEXT NOT NULL
                    );
                    """)
        }
    }
}
