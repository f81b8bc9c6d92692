import Foundation
import GRDB
import Testing

@testable import HotelStore

/// A bulk import's checkpoints run on their own thread and connection, and the write-ahead log still starts over.
@Suite("Bulk write session")
struct BulkWriteSessionTests {
    /// A database file with a table whose rows are about 1 KB each (4 per 4 KB page).
    private func fileDatabase(in folder: URL) throws -> (AppDatabase, String) {
        let path = folder.appendingPathComponent("hotel.sqlite").path
        let database = try AppDatabase.open(path: path)
        try database.writer.write { db in try db.execute(sql: "CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)") }
        // An empty log to start from (opening and migrating wrote about 180 pages).
        try database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        return (database, path)
    }

    private func commitBatch(_ database: AppDatabase, batch: Int) throws {
        try database.writer.write { db in
            for row in 0..<40 {
                try db.execute(
                    sql: "INSERT INTO filler (id, body) VALUES (?, ?)",
                    arguments: [batch * 40 + row, String(repeating: "x", count: 1_000)])
            }
        }
    }

    private func walBytes(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? 0
    }

    /// Each batch writes about 12 pages. (20, 60): checkpoints in the background every 20 pages, the writer
    /// waits at 60. (1,000,000, 60): no background checkpoint, only the writer's waits restart the log.
    @Test(
        "Checkpoints run on their own thread, the log restarts, and the automatic checkpoint comes back",
        arguments: [(20, 60), (1_000_000, 60)])
    func backgroundCheckpoints(checkpointFrames: Int, restartFrames: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (database, path) = try fileDatabase(in: folder)

        let session = try BulkWriteSession(
            writer: database.writer, checkpointFrames: checkpointFrames, restartFrames: restartFrames)
        #expect(session.checkpointsInBackground)
        for batch in 0..<100 {
            try commitBatch(database, batch: batch)
            session.committed()
        }
        #expect(session.checkpointCount >= 10)
        // 100 batches wrote about 1,200 pages (5 MB); restarted at 60 or before, the log never held more than
        // 60 pages and a batch (4,120 bytes each with its frame header).
        #expect(walBytes(path) < 100 * 4_120)
        session.end()
        session.end()  // idempotent
        #expect(try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filler") } == 4_000)
        let restored = try database.writer.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint")
        }
        #expect(restored == 16_384)
    }

    @Test("Without the session's waits the log grows with the import (what the restart prevents)")
    func logGrowsWithoutRestart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (database, path) = try fileDatabase(in: folder)
        try database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        for batch in 0..<100 { try commitBatch(database, batch: batch) }
        #expect(walBytes(path) > 900 * 4_120)
    }

    @Test("An in-memory database has no log: the session does nothing")
    func inMemory() throws {
        let session = try BulkWriteSession(writer: try AppDatabase.inMemory().writer)
        #expect(!session.checkpointsInBackground)
        session.committed()
        session.end()
        #expect(session.checkpointCount == 0)
    }
}
