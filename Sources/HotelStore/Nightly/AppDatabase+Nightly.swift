import Foundation
import GRDB
import HotelDomain

extension AppDatabase {
    // MARK: - Lock and run log

    /// Logs a new nightly run and takes the nightly lock for it, in one write transaction.
    ///
    /// Rules: at most one run holds the lock. When another run holds it and `isStale` says its process is
    /// still alive, the attempt is logged as refused and `.held` names the holder; when the holder is dead
    /// (killed, crashed, rebooted), its run is marked interrupted and the lock is taken over. Two processes
    /// asking at once are serialized by SQLite's write lock (BEGIN IMMEDIATE), so exactly one of them wins.
    public func startNightlyRun(
        today: CalendarDate, holder: NightlyLockHolder, user: String,
        isStale: @escaping @Sendable (NightlyLockHolder) -> Bool
    ) throws -> NightlyStart {
        try write { db in
            let now = AuditEntry.format(Date())
            var tookOver: NightlyLockHolder?
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM nightly_lock WHERE id = 1") {
                let current = NightlyLockHolder(
                    pid: Int32(truncatingIfNeeded: row["pid"] as Int64), host: row["host"], bootID: row["boot_id"],
                    processStart: row["process_start"], startedAt: row["started_at"], runID: row["run_id"],
                    today: row["today"])
                if !isStale(current) {
                    try db.execute(
                        sql: """
                            INSERT INTO nightly_run (today, started_at, ended_at, user, host, pid, status, exit_code, errors)
                            VALUES (?, ?, ?, ?, ?, ?, 'refused', 1, ?)
                            """,
                        arguments: [
                            today.description, now, now, user, holder.host, holder.pid,
                            "another nightly run holds the lock: \(current.description)",
                        ])
                    return .held(by: current, runID: db.lastInsertedRowID)
                }
                try db.execute(
                    sql: """
                        UPDATE nightly_run SET status = 'interrupted',
                            errors = errors || CASE WHEN errors = '' THEN '' ELSE char(10) END || ?
                        WHERE id = ? AND status = 'running'
                        """,
                    arguments: [
                        "stopped without finishing (killed, crashed or rebooted); its lock was taken over at \(now)",
                        current.runID,
                    ])
                try db.execute(sql: "DELETE FROM nightly_lock")
                tookOver = current
            }
            try db.execute(
                sql: """
                    INSERT INTO nightly_run (today, started_at, user, host, pid, status) VALUES (?, ?, ?, ?, ?, 'running')
                    """,
                arguments: [today.description, holder.startedAt, user, holder.host, holder.pid])
            let runID = db.lastInsertedRowID
            try db.execute(
                sql: """
                    INSERT INTO nightly_lock (id, run_id, today, pid, host, boot_id, process_start, started_at)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    runID, today.description, holder.pid, holder.host, holder.bootID, holder.processStart,
                    holder.startedAt,
                ])
            return .started(runID: runID, tookOver: tookOver)
        }
    }

    /// Records the counts after a step of a run in progress, so that `nightly history` shows how far an
    /// interrupted run got.
    public func recordNightlyStep(runID: Int64, step: String, counts: NightlyCounts) throws {
        try write { db in
            try db.execute(sql: "UPDATE nightly_run SET last_step = ? WHERE id = ?", arguments: [step, runID])
            try Self.storeCounts(db, runID: runID, counts)
        }
    }

    /// Ends a run: its status, exit code, counts, errors and what needs a human; releases the lock it holds.
    public func finishNightlyRun(
        runID: Int64, status: NightlyRunStatus, exitCode: Int32, counts: NightlyCounts, errors: [String],
        attention: [String]
    ) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE nightly_run SET status = ?, exit_code = ?, ended_at = ?,
                        errors = errors || CASE WHEN errors = '' OR ? = '' THEN '' ELSE char(10) END || ?, attention = ?
                    WHERE id = ?
                    """,
                arguments: [
                    status.rawValue, exitCode, AuditEntry.format(Date()), errors.joined(separator: "\n"),
                    errors.joined(separator: "\n"), attention.joined(separator: "\n"), runID,
                ])
            try Self.storeCounts(db, runID: runID, counts)
            try db.execute(sql: "DELETE FROM nightly_lock WHERE run_id = ?", arguments: [runID])
        }
    }

    private static func storeCounts(_ db: Database, runID: Int64, _ counts: NightlyCounts) throws {
        try db.execute(
            sql: """
                UPDATE nightly_run SET feed_files = ?, feed_files_already = ?, feed_files_failed = ?, created = ?,
                    modified = ?, cancelled = ?, unchanged = ?, quarantined = ?, overbooked = ?, no_shows = ?,
                    blocks_released = ?, room_nights_released = ?, yield_cells = ?, yield_closed = ?, yield_changes = ?,
                    yield_applied = ?, exported_records = ?, exported_files = ?
                WHERE id = ?
                """,
            arguments: [
                counts.feedFiles, counts.feedFilesAlreadyImported, counts.feedFilesFailed, counts.created,
                counts.modified, counts.cancelled, counts.unchanged, counts.quarantined, counts.overbooked,
                counts.noShows, counts.blocksReleased, counts.roomNightsReleased, counts.yieldCells,
                counts.yieldClosed, counts.yieldChanges, counts.yieldApplied, counts.exportedRecords,
                counts.exportedFiles, runID,
            ])
    }

    /// The logged nightly runs, newest first.
    public func nightlyRuns(limit: Int = 50) throws -> [NightlyRun] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM nightly_run ORDER BY id DESC LIMIT ?", arguments: [max(1, limit)])
                .map { row in
                    var counts = NightlyCounts()
                    counts.feedFiles = row["feed_files"]
                    counts.feedFilesAlreadyImported = row["feed_files_already"]
                    counts.feedFilesFailed = row["feed_files_failed"]
                    counts.created = row["created"]
                    counts.modified = row["modified"]
                    counts.cancelled = row["cancelled"]
                    counts.unchanged = row["unchanged"]
                    counts.quarantined = row["quarantined"]
                    counts.overbooked = row["overbooked"]
                    counts.noShows = row["no_shows"]
                    counts.blocksReleased = row["blocks_released"]
                    counts.roomNightsReleased = row["room_nights_released"]
                    counts.yieldCells = row["yield_cells"]
                    counts.yieldClosed = row["yield_closed"]
                    counts.yieldChanges = row["yield_changes"]
                    counts.yieldApplied = row["yield_applied"]
                    counts.exportedRecords = row["exported_records"]
                    counts.exportedFiles = row["exported_files"]
                    let errors: String = row["errors"]
                    let attention: String = row["attention"]
                    return NightlyRun(
                        id: row["id"], today: row["today"], startedAt: row["started_at"], endedAt: row["ended_at"],
                        user: row["user"], host: row["host"], pid: Int32(truncatingIfNeeded: row["pid"] as Int64),
                        status: NightlyRunStatus(rawValue: row["status"]) ?? .failed, exitCode: row["exit_code"],
                        lastStep: row["last_step"], counts: counts, noShowsThrough: row["no_shows_through"],
                        errors: errors.isEmpty ? [] : errors.components(separatedBy: "\n"),
                        attention: attention.isEmpty ? [] : attention.components(separatedBy: "\n"))
                }
        }
    }

    // MARK: - Steps

    /// Marks the unarrived guaranteed bookings of yesterday no-show, in one audited transaction.
    ///
    /// Rules: guaranteed means confirmed (a tentative booking is an unguaranteed hold: it is listed, not
    /// marked); a booking that checked in is not touched. The arrival days are yesterday and, when earlier
    /// nights were missed, the days after the last day a run audited (at most 7 days back). Each booking
    /// goes through the same move as `bookings no-show`: its rooms return to inventory (a group booking's to
    /// its block) and an audit row records it. The run notes the day it audited through in the same
    /// transaction, so running the night again marks nothing new.
    public func markNoShows(
        yesterday: CalendarDate, today: CalendarDate, runID: Int64, by author: ChangeAuthor
    ) throws -> NoShowMarking {
        try write { db in
            let audited = try String.fetchOne(
                db,
                sql: "SELECT MAX(no_shows_through) FROM nightly_run WHERE no_shows_through <= ? AND id != ?",
                arguments: [yesterday.description, runID]
            ).map { try CalendarDate(parsing: $0) }
            var first = yesterday
            if let audited, audited < yesterday { first = max(audited.adding(days: 1), yesterday.adding(days: -6)) }
            let arrivals = try NightRange(first: first, last: yesterday)
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM reservation WHERE arrival >= ? AND arrival <= ? AND status = 'confirmed' ORDER BY arrival, id",
                arguments: [first.description, yesterday.description])
            var marked: [String] = []
            for row in rows {
                let id: Int64 = row["id"]
                let old = try Self.reservation(from: row, db)
                var new = old
                new.status = try ReservationTransition.noShow.apply(to: old, today: today)
                try Self.adjustInventory(db, old, sign: -1)
                try Self.returnGroupRooms(db, reservationID: id, old)
                try Self.update(db, id: id, new, author: author)
                try db.audit(
                    author, entity: "reservation", key: old.confirmation, action: ReservationTransition.noShow.rawValue,
                    old: Self.snapshot(old), new: Self.snapshot(new))
                marked.append(old.confirmation)
            }
            let tentative = try String.fetchAll(
                db,
                sql:
                    "SELECT confirmation FROM reservation WHERE arrival >= ? AND arrival <= ? AND status = 'tentative' ORDER BY arrival, id",
                arguments: [first.description, yesterday.description])
            try db.execute(
                sql: "UPDATE nightly_run SET no_shows_through = ?, no_shows = ? WHERE id = ?",
                arguments: [yesterday.description, marked.count, runID])
            return NoShowMarking(arrivals: arrivals, marked: marked, tentativeLeft: tentative)
        }
    }

    /// How many stay controls and overbooking allowances `applyYield` would change for these
    /// recommendations (the same comparison, without writing).
    public func pendingYieldChanges(_ recommendations: [YieldRecommendation]) throws -> Int {
        try read { db in
            var changes = 0
            for recommendation in recommendations {
                let existing = try Self.fetchControls(
                    db, from: recommendation.night, to: recommendation.night, ratePlan: nil)
                for item in recommendation.classes {
                    let current = existing.first {
                        $0.ratePlan == item.ratePlan && $0.roomType == recommendation.roomType
                    }
                    if (current?.closed ?? false) == item.open { changes += 1 }
                }
                let stored =
                    try Int.fetchOne(
                        db.cachedStatement(
                            sql: "SELECT overbook FROM inventory_night WHERE night = ? AND room_type_code = ?"),
                        arguments: [recommendation.night.description, recommendation.roomType.rawValue]) ?? 0
                if stored != recommendation.overbookingRooms { changes += 1 }
            }
            return changes
        }
    }

    // MARK: - What needs a human

    /// Quarantined messages and records still open (`feeds quarantine list`).
    public func openQuarantineCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quarantine WHERE status = 'open'") ?? 0 }
    }

    /// Nights from `first` on where a room type has more rooms sold and held than it can sell, the overbooking
    /// allowance included: "DLX 2027-05-03: 42 sold + 0 held, 40 sellable + 1 allowed (+1)".
    public func oversoldNights(from first: CalendarDate) throws -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT i.room_type_code || ' ' || i.night || ': ' || i.sold || ' sold + ' || i.held || ' held, '
                           || (t.rooms - i.out_of_order) || ' sellable + ' || i.overbook || ' allowed (+'
                           || (i.sold + i.held - (t.rooms - i.out_of_order + i.overbook)) || ')'
                    FROM inventory_night i JOIN room_type t ON t.code = i.room_type_code
                    WHERE i.night >= ? AND i.sold + i.held > t.rooms - i.out_of_order + i.overbook
                    ORDER BY i.night, t.position
                    """,
                arguments: [first.description])
        }
    }
}
