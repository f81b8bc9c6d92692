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

extension AppDatabase {
    /// The business state — reservations with their nights, inventory counters, controls, tombstones,
    /// quarantine reasons — without audit rows, run bookkeeping and timestamps: what an interrupted run must
    /// end with to equal an uninterrupted one.
    public func businessDump() throws -> String {
        try read { db in
            let queries = [
                """
                SELECT confirmation, source, channel_code, channel_reference, guest_name, room_type_code, rate_plan_code, arrival,
                       departure, rooms, status, company_code, total_minor, currency, channel_last_modified, child_ages,
                       commission_bp, commission_minor, travel_agent_name, card_last_four
                FROM reservation ORDER BY id
                """,
                "SELECT r.confirmation, n.night, n.amount_minor, n.rate_plan_code FROM reservation_night n JOIN reservation r ON r.id = n.reservation_id ORDER BY r.id, n.night",
                "SELECT * FROM inventory_night WHERE sold != 0 OR out_of_order != 0 OR overbook != 0 OR held != 0 ORDER BY night, room_type_code",
                "SELECT * FROM stay_control ORDER BY night, rate_plan_code, room_type_code",
                "SELECT channel_code, reference, last_modified FROM channel_tombstone ORDER BY channel_code, reference",
                "SELECT channel_code, position, reference, reason, status FROM quarantine ORDER BY channel_code, position, reference",
                "SELECT COUNT(*) FROM feed_message",
                // Groups and VIP (v5): blocks with their pickup and release, group bookings, VIP levels and holders.
                "SELECT code, name, company_code, rate_plan_code, cutoff, attrition_bp, vip_level_code, billing, released_on FROM group_block ORDER BY code",
                "SELECT * FROM group_block_night ORDER BY group_code, night, room_type_code",
                "SELECT g.group_code, r.confirmation, g.guest_key, g.arrival, g.sharer FROM group_reservation g JOIN reservation r ON r.id = g.reservation_id ORDER BY r.id",
                "SELECT code, rank, name, amenities, handling_notes FROM vip_level ORDER BY code",
                "SELECT guest_key, vip_level_code FROM guest_vip ORDER BY guest_key",
                "SELECT confirmation, vip_level, special_requests FROM reservation WHERE vip_level IS NOT NULL OR special_requests IS NOT NULL ORDER BY id",
                // Commissions (v6): intermediaries, who booked through them, checked claims and approvals.
                "SELECT code, name, iata, commission_bp, basis, flat_per_night_minor, flat_per_stay_minor, cap_nights, valid_from, valid_to FROM intermediary ORDER BY code",
                "SELECT confirmation, intermediary_code FROM reservation WHERE intermediary_code IS NOT NULL ORDER BY id",
                "SELECT s.intermediary_code, s.file_name, c.line, c.reference, c.claimed_minor, c.due_minor, c.reason, c.approved_minor FROM commission_claim c JOIN commission_statement s ON s.id = c.statement_id ORDER BY c.statement_id, c.line",
            ]
            return try queries.map { sql in
                try Row.fetchAll(db, sql: sql).map { $0.description }.joined(separator: "\n")
            }.joined(separator: "\n--\n")
        }
    }

    /// SQLite's `PRAGMA integrity_check`: "ok" for a sound file.
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// SQLite's `PRAGMA foreign_key_check`, one "table row → parent" line per broken reference: empty for a
    /// sound file. (Bulk imports write with the checks off and establish the references themselves.)
    public func foreignKeyViolations() throws -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "\(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0) → \(row[2] as String? ?? "?")"
            }
        }
    }
}
