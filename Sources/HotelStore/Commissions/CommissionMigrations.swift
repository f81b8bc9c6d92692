import GRDB

extension AppDatabase {
    /// Schema of the commissions layer ("v6 intermediaries, commission statements"); registered after v4 by `migrator`.
    static func registerCommissionMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6 intermediaries, commission statements") { db in
            try db.execute(
                sql: """
                    CREATE TABLE intermediary (
                        code TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        iata TEXT UNIQUE CHECK (iata IS NULL OR (length(iata) = 8 AND iata NOT GLOB '*[^0-9]*')),
                        commission_bp INTEGER NOT NULL CHECK (commission_bp BETWEEN 0 AND 10000),
                        basis TEXT NOT NULL CHECK (basis IN ('room-net-of-tax', 'room-including-tax')),
                        flat_per_night_minor INTEGER NOT NULL DEFAULT 0 CHECK (flat_per_night_minor >= 0),
                        flat_per_stay_minor INTEGER NOT NULL DEFAULT 0 CHECK (flat_per_stay_minor >= 0),
                        currency TEXT NOT NULL CHECK (length(currency) = 3),
                        cap_nights INTEGER CHECK (cap_nights >= 1),
                        valid_from TEXT,
                        valid_to TEXT CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
                        created_at TEXT NOT NULL
                    );
                    -- The hotel's prices include tax; commission is usually owed on room revenue net of it.
                    CREATE TABLE commission_setting (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        tax_rate_bp INTEGER NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000)
                    );
                    ALTER TABLE reservation ADD COLUMN intermediary_code TEXT REFERENCES intermediary(code);
                    CREATE INDEX reservation_intermediary ON reservation(intermediary_code) WHERE intermediary_code IS NOT NULL;
                    CREATE TABLE commission_statement (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        intermediary_code TEXT NOT NULL REFERENCES intermediary(code),
                        file_name TEXT NOT NULL,
                        currency TEXT NOT NULL,
                        exchange_rates TEXT NOT NULL DEFAULT '',
                        tax_rate_bp INTEGER NOT NULL,
                        claimed_minor INTEGER NOT NULL,
                        due_minor INTEGER NOT NULL,
                        lines_ok INTEGER NOT NULL,
                        lines_disputed INTEGER NOT NULL,
                        checked_on TEXT NOT NULL,
                        checked_at TEXT NOT NULL,
                        checked_by TEXT NOT NULL
                    );
                    CREATE TABLE commission_claim (
                        statement_id INTEGER NOT NULL REFERENCES commission_statement(id),
                        line INTEGER NOT NULL,
                        reference TEXT NOT NULL,
                        guest TEXT NOT NULL,
                        arrival TEXT,
                        departure TEXT,
                        room_revenue_minor INTEGER,
                        claimed_minor INTEGER NOT NULL,
                        claimed_currency TEXT,
                        claimed_original_minor INTEGER,
                        reservation_id INTEGER REFERENCES reservation(id),
                        confirmation TEXT,
                        due_minor INTEGER NOT NULL CHECK (due_minor >= 0),
                        reason TEXT, -- NULL: OK
                        explanation TEXT NOT NULL,
                        arithmetic TEXT NOT NULL DEFAULT '',
                        approved_minor INTEGER CHECK (approved_minor > 0),
                        approved_at TEXT,
                        approved_by TEXT,
                        PRIMARY KEY (statement_id, line)
                    ) WITHOUT ROWID;
                    -- A booking's commission is paid once: at most one approved claim per reservation.
                    CREATE UNIQUE INDEX commission_claim_paid ON commission_claim(reservation_id)
                        WHERE approved_at IS NOT NULL;
                    """)
        }
    }
}
