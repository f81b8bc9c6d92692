import Foundation
import CSQLiteConfig
import GRDB
import GRDBSQLite
import HotelDomain

/// The hotel's database: one SQLite file through GRDB, every use case one write transaction.
///
/// Rules: WAL journal, foreign keys on, a busy timeout so that concurrent processes wait instead of failing,
/// `BEGIN IMMEDIATE` for every write (GRDB's default), migrations that never change once landed, and an
/// audit-log row for every change (who, when, old → new).
public struct AppDatabase: Sendable {
    /// How long a process waits for another process's write transaction before giving up.
    public static let busyTimeout: TimeInterval = 30

    let writer: any DatabaseWriter

    /// Opens (creating if needed) and migrates a database.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// The database file at `path`, in WAL mode, migrated to the current schema.
    public static func open(path: String) throws -> AppDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            throw DomainError.notFound("database folder \(directory) does not exist; create it or give another --db path")
        }
        do {
            return try AppDatabase(DatabasePool(path: path, configuration: configuration()))
        } catch let error as DatabaseError {
            throw DomainError.refused("database \(path) cannot be opened: \(error.message ?? error.description)")
        }
    }

    /// A private in-memory database, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()))
    }

    /// SQLite's process-wide settings, made once before the first connection opens (see CSQLiteConfig/shim.h):
    /// multi-thread mode, the only one GRDB supports, without SQLite's own mutex around every call, and no
    /// memory statistics. If SQLite was already initialized they are refused and the defaults stay (safe).
    static let processSettings: Void = {
        _ = hotelsales_sqlite_multithread()
        _ = hotelsales_sqlite_no_memory_statistics()
    }()

    /// Whether SQLite guards this database's connections with a mutex of its own (not in multi-thread mode).
    var connectionsHaveMutex: Bool {
        get throws { try writer.read { db in sqlite3_db_mutex(db.sqliteConnection) != nil } }
    }

    static func configuration() -> Configuration {
        Self.processSettings
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .callback(Self.waitForLock)
        config.label = "hotelsales"
        config.prepareDatabase { db in
            // 32 MB of page cache per connection (SQLite's default is 2 MB): bulk imports touch many index pages.
            try db.execute(sql: "PRAGMA cache_size = -32768")
            // Statement journals and temporary b-trees in memory: they are small, and on disk each cost a
            // write system call per page.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return config
    }

    /// SQLite's busy handler: try again every millisecond, for `busyTimeout` seconds.
    ///
    /// Why: a feed import commits a batch and begins the next one at once, leaving the write lock free only
    /// for the few milliseconds it pauses between batches (`pauseForOtherWriters`). SQLite's own timeout
    /// handler sleeps up to 100 ms between tries, so it rarely saw that window: a second nightly run waited
    /// for the first one's whole import before it could be told that the first holds the lock.
    @Sendable static func waitForLock(tries: Int) -> Bool {
        guard Double(tries) < busyTimeout * 1_000 else { return false }
        usleep(1_000)
        return true
    }

    /// Leaves the write lock free for a moment, so that another process waiting for it gets it (see
    /// `waitForLock`). Called by bulk imports between their batches.
    public static func pauseForOtherWriters() {
        usleep(5_000)
    }

    /// Runs one use case in one write transaction; a `DomainError` thrown inside rolls everything back.
    func write<T: Sendable>(_ useCase: @escaping @Sendable (Database) throws -> T) throws -> T {
        do {
            return try writer.write(useCase)
        } catch let error as DatabaseError {
            throw Self.translate(error)
        }
    }

    /// Runs a use case in a write transaction and rolls it back: what it would do, without doing it.
    func rollingBack<T: Sendable>(_ useCase: @escaping @Sendable (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in try Self.transaction(db, ending: .rollback, useCase) }
        } catch let error as DatabaseError {
            throw Self.translate(error)
        }
    }

    /// Runs one batch of a bulk import in one write transaction, with SQLite's foreign-key checks off for that
    /// transaction only.
    ///
    /// Why: the checks looked up room type, rate plan, reservation and feed file again for every row a
    /// booking writes (about a fifth of the import's time), and the importer has already established each
    /// of those references itself: the room type is one of the hotel's, the rate plan was read, the nights
    /// belong to the reservation just inserted, the feed file is the import's own. Checks are back on before
    /// this returns, whatever happened; the feed tests run `PRAGMA foreign_key_check` after imports.
    func bulkWrite<T: Sendable>(_ useCase: @escaping @Sendable (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                let outcome = Result<T, any Error> { try Self.transaction(db, ending: .commit, useCase) }
                try db.execute(sql: "PRAGMA foreign_keys = ON")
                return try outcome.get()
            }
        } catch let error as DatabaseError {
            throw Self.translate(error)
        }
    }

    /// Runs `useCase` in one `BEGIN IMMEDIATE` transaction of `db`, ended by `completion` unless it throws.
    private static func transaction<T>(
        _ db: Database, ending completion: Database.TransactionCompletion, _ useCase: (Database) throws -> T
    ) throws -> T {
        var result: T?
        try db.inTransaction(.immediate) {
            result = try useCase(db)
            return completion
        }
        guard let result else { throw DomainError.refused("the transaction produced no result") }
        return result
    }

    func read<T: Sendable>(_ query: @escaping @Sendable (Database) throws -> T) throws -> T {
        do {
            return try writer.read(query)
        } catch let error as DatabaseError {
            throw Self.translate(error)
        }
    }

    static func translate(_ error: DatabaseError) -> DomainError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return DomainError.refused(
                "the database stayed locked by another hotelsales process for \(Int(busyTimeout)) s; try again when it has finished")
        case .SQLITE_READONLY:
            return DomainError.refused("the database is read-only; give a writable --db file")
        case .SQLITE_FULL:
            return DomainError.refused("the disk is full; nothing was written — free space and run the command again")
        case .SQLITE_IOERR:
            return DomainError.refused(
                "the database file could not be written or read (disk I/O error: a failing disk, a file-size limit or a full file system); nothing was written — check the disk and run the command again")
        case .SQLITE_CONSTRAINT:
            return DomainError.refused("the change breaks a database rule (\(error.message ?? "constraint")); nothing was written")
        default:
            return DomainError.refused("database error: \(error.message ?? error.description); nothing was written")
        }
    }
}
