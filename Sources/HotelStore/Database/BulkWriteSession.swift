import Foundation
import GRDB
import GRDBSQLite

/// A bulk import's hold on the database's write-ahead log: checkpoints run on a thread and connection of their
/// own while the import writes, instead of inside the import's commits.
///
/// Why: at a million bookings, the import's commits took 5 s of the writer's thread, largely SQLite's automatic
/// checkpoints (64 MB of WAL copied into the database and both files `fsync`ed), and the reader, its queue full,
/// waited 2 s for them. With this session the commits took 1.9 s and the reader waited 0.4 s (31.9 → 30.8 s).
///
/// Rules: a WAL hook on the writer's connection (which replaces SQLite's automatic checkpoint) tells the
/// checkpointer the log's size after each commit; every `checkpointFrames` new pages it copies the log back
/// (PASSIVE: it never blocks the writer or a reader; a page rewritten by several commits is copied once). The
/// log only starts over from its beginning when a write transaction begins with every page copied, so once it
/// holds `restartFrames` pages, `committed()` waits for a checkpoint begun after that commit: the next batch
/// restarts the log. A reader holding an old snapshot can keep a checkpoint from copying everything; the writer
/// then waits only for the one checkpoint, never for the reader. `end()` stops the thread and gives the writer's
/// connection SQLite's automatic checkpoint back. A process killed meanwhile leaves a WAL that SQLite recovers
/// at the next open, as after any crash.
public final class BulkWriteSession: @unchecked Sendable {
    /// New WAL pages (4 KB) after which the checkpointer copies the log: 64 MB, as SQLite's automatic checkpoint
    /// did for imports.
    static let checkpointFrames = 16_384
    /// WAL pages after which the writer waits for a checkpoint, so that the log restarts: 256 MB.
    static let restartFrames = 65_536
    /// SQLite's automatic checkpoint on the writer's connection after a bulk import (pages).
    static let automaticCheckpointPages = 16_384

    private let writer: any DatabaseWriter
    private let checkpointer: Checkpointer?
    private var ended = false

    init(
        writer: any DatabaseWriter, checkpointFrames: Int = BulkWriteSession.checkpointFrames,
        restartFrames: Int = BulkWriteSession.restartFrames
    ) throws {
        self.writer = writer
        // Only a database file in WAL mode has a log to copy: not the in-memory databases of tests.
        guard let pool = writer as? DatabasePool else {
            checkpointer = nil
            return
        }
        let checkpointer = try Checkpointer(path: pool.path, checkpointFrames: checkpointFrames, restartFrames: restartFrames)
        // The hook replaces SQLite's automatic checkpoint; it keeps the checkpointer alive until `end()`.
        let context = Unmanaged.passRetained(checkpointer).toOpaque()
        writer.writeWithoutTransaction { db in
            _ = sqlite3_wal_hook(db.sqliteConnection, { context, _, _, frames in
                guard let context else { return SQLITE_OK }
                Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue().logHas(frames: Int(frames))
                return SQLITE_OK
            }, context)
        }
        self.checkpointer = checkpointer
    }

    /// Called after each commit of the import, outside its transaction: when the log has grown to
    /// `restartFrames` pages, waits for a checkpoint of all of it, so that the next transaction starts it over.
    public func committed() {
        checkpointer?.waitIfLogIsLong()
    }

    /// Stops the checkpointer (after its current checkpoint) and gives the writer's connection SQLite's automatic
    /// checkpoint back. Idempotent.
    public func end() {
        guard let checkpointer, !ended else { return }
        ended = true
        checkpointer.stop()
        do {
            // Replaces the hook: only then may the checkpointer go.
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.automaticCheckpointPages)")
            }
            Unmanaged.passUnretained(checkpointer).release()
        } catch {
            // The hook still points at the checkpointer: it stays (stopped), which is harmless.
        }
    }

    deinit { end() }

    /// Whether a checkpointer thread copies the log (a database file, not in memory).
    var checkpointsInBackground: Bool { checkpointer != nil }

    /// Checkpoints made so far (for tests).
    var checkpointCount: Int { checkpointer?.state.passes ?? 0 }

    /// The thread and connection that copy the log.
    final class Checkpointer: @unchecked Sendable {
        struct State {
            /// Pages in the log after the writer's last commit.
            var logFrames = 0
            /// The log's size when the last checkpoint was asked for.
            var requestedAt = 0
            /// Checkpoints asked for, and finished.
            var requests = 0
            var passes = 0
            var stopping = false
            var stopped = false
        }

        private let connection: DatabaseQueue
        private let checkpointFrames: Int
        private let restartFrames: Int
        private let condition = NSCondition()
        private var current = State()

        init(path: String, checkpointFrames: Int, restartFrames: Int) throws {
            self.checkpointFrames = checkpointFrames
            self.restartFrames = restartFrames
            var configuration = Configuration()
            configuration.label = "hotelsales.checkpointer"
            connection = try DatabaseQueue(path: path, configuration: configuration)
            // A connection finds the log when it first reads; until then a checkpoint has nothing to copy.
            _ = try connection.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_schema") }
            let thread = Thread { [self] in run() }
            thread.name = "hotelsales checkpointer"
            thread.start()
        }

        var state: State {
            condition.lock()
            defer { condition.unlock() }
            return current
        }

        /// The writer's commit left `frames` pages in the log (SQLite's WAL hook, inside the commit: never waits).
        func logHas(frames: Int) {
            condition.lock()
            defer { condition.unlock() }
            if frames < current.requestedAt { current.requestedAt = 0 }  // the log started over
            current.logFrames = frames
            if frames - current.requestedAt >= checkpointFrames { request() }
        }

        func waitIfLogIsLong() {
            condition.lock()
            defer { condition.unlock() }
            guard current.logFrames >= restartFrames else { return }
            if current.requestedAt < current.logFrames { request() }
            let request = current.requests
            while current.passes < request, !current.stopped { condition.wait() }
        }

        /// Under the lock.
        private func request() {
            current.requestedAt = current.logFrames
            current.requests += 1
            condition.broadcast()
        }

        func stop() {
            condition.lock()
            current.stopping = true
            condition.broadcast()
            while !current.stopped { condition.wait() }
            condition.unlock()
        }

        private func run() {
            condition.lock()
            while true {
                while current.passes == current.requests, !current.stopping { condition.wait() }
                if current.stopping { break }
                let request = current.requests
                condition.unlock()
                // PASSIVE: copies what no reader still needs and waits for no one; SQLITE_BUSY when another
                // process checkpoints at that moment (which then copies the log).
                _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
                condition.lock()
                current.passes = request
                condition.broadcast()
            }
            current.stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }
}

extension AppDatabase {
    /// Starts a bulk import's checkpoints on a thread of their own (see `BulkWriteSession`); call `committed()`
    /// after each commit and `end()` when the import is over.
    public func beginBulkWrites() throws -> BulkWriteSession {
        try BulkWriteSession(writer: writer)
    }
}
