import GRDB
import HotelDomain

extension AppDatabase {
    /// The completed import of a file with this SHA-256, if any: importing the same file again is a no-op.
    public func completedFeedFile(sha256: String) throws -> FeedFileRecord? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM feed_file WHERE sha256 = ? AND outcome != 'running' AND outcome != 'failed' ORDER BY id LIMIT 1",
                arguments: [sha256]
            ).map(Self.feedFile(from:))
        }
    }

    /// Whether a file of exactly this size was imported completely: only then can a file be a repeat, and
    /// only then must its SHA-256 be known before the import starts (otherwise it is taken while reading).
    public func completedFeedFileExists(bytes: Int64) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM feed_file WHERE bytes = ? AND outcome != 'running' AND outcome != 'failed')",
                arguments: [bytes]) ?? false
        }
    }

    /// Records the start of a file's import and returns its id. `sha256` is empty when the file's digest is
    /// taken while it is read; `finishFeedFile` then records it.
    public func startFeedFile(path: String, sha256: String, bytes: Int64, channel: Code?, by author: ChangeAuthor) throws -> Int64 {
        try write { db in
            try db.execute(
                sql: "INSERT INTO feed_file (path, sha256, bytes, channel_code, started_at, user) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [path, sha256, bytes, channel?.rawValue, author.timestamp, author.user])
            return db.lastInsertedRowID
        }
    }

    /// Records the end of a file's import with its counts and outcome (`complete`, `quarantined`, `failed`).
    public func finishFeedFile(
        id: Int64, counts: FeedFileCounts, outcome: String, sha256: String? = nil, by author: ChangeAuthor
    ) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE feed_file SET finished_at = ?, messages = ?, created = ?, modified = ?, cancelled = ?, unchanged = ?,
                        quarantined = ?, overbooked = ?, ignored = ?, outcome = ?, sha256 = COALESCE(?, sha256)
                    WHERE id = ?
                    """,
                arguments: [
                    author.timestamp, counts.messages, counts.created, counts.modified, counts.cancelled, counts.unchanged,
                    counts.quarantined, counts.overbooked, counts.ignored, outcome, sha256, id,
                ])
        }
    }

    /// Imported files, newest first.
    public func feedHistory(limit: Int = 100) throws -> [FeedFileRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM feed_file ORDER BY id DESC LIMIT ?", arguments: [max(1, limit)]).map(Self.feedFile(from:))
        }
    }

    /// Quarantined messages and records, oldest first; `includeResolved` adds those retried successfully.
    public func quarantine(includeResolved: Bool = false) throws -> [QuarantineEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM quarantine \(includeResolved ? "" : "WHERE status = 'open'") ORDER BY id"
            ).map(Self.quarantineEntry(from:))
        }
    }

    public func quarantineEntry(_ id: Int64) throws -> QuarantineEntry {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM quarantine WHERE id = ?", arguments: [id]) else {
                throw DomainError.notFound("quarantine entry \(id) does not exist; see 'hotelsales feeds quarantine list'")
            }
            return Self.quarantineEntry(from: row)
        }
    }

    static func quarantineEntry(from row: Row) -> QuarantineEntry {
        QuarantineEntry(
            id: row["id"], channel: Code(stringLiteral: row["channel_code"]), filePath: row["file_path"],
            position: row["position"], line: row["line"], reference: row["reference"], reason: row["reason"],
            payload: row["payload"], resolved: (row["status"] as String) == "resolved", createdAt: row["created_at"])
    }

    static func feedFile(from row: Row) -> FeedFileRecord {
        var counts = FeedFileCounts()
        counts.messages = row["messages"]
        counts.created = row["created"]
        counts.modified = row["modified"]
        counts.cancelled = row["cancelled"]
        counts.unchanged = row["unchanged"]
        counts.quarantined = row["quarantined"]
        counts.overbooked = row["overbooked"]
        counts.ignored = row["ignored"]
        return FeedFileRecord(
            id: row["id"], path: row["path"], sha256: row["sha256"], bytes: row["bytes"], channel: row["channel_code"],
            startedAt: row["started_at"], finishedAt: row["finished_at"], user: row["user"], counts: counts,
            outcome: row["outcome"])
    }
}
