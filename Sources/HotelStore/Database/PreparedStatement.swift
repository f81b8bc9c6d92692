import GRDB
import GRDBSQLite

/// A statement from GRDB's cache, bound by position and stepped with SQLite's C API: no `StatementArguments`,
/// no `Row`. Only for the per-record statements of bulk imports, where GRDB's generic binding cost more
/// than SQLite's work; everything else uses GRDB.
///
/// Use: `reset()`, one `bind` per parameter in order, then `execute()` or `firstInteger()`.
final class PreparedStatement {
    private let statement: Statement
    private let connection: SQLiteConnection?
    private var position: Int32 = 0

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        connection = db.sqliteConnection
    }

    private var handle: SQLiteStatement { statement.sqliteStatement }

    /// Forgets the previous run and its values.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        position = 0
    }

    func bind(_ value: String?) {
        position += 1
        guard var value else { return }  // cleared bindings are NULL
        value.withUTF8 { bytes in
            _ = sqlite3_bind_text(handle, position, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    func bind(_ value: Int64?) {
        position += 1
        guard let value else { return }
        sqlite3_bind_int64(handle, position, value)
    }

    func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }

    /// Runs the statement to its end.
    func execute() throws {
        while try step() {}
    }

    /// Runs the statement and returns the first column of its first row (`nil` without a row or for NULL).
    func firstInteger() throws -> Int64? {
        guard try step() else { return nil }
        let value = sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        sqlite3_reset(handle)
        return value
    }

    private func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let message = connection.map { String(cString: sqlite3_errmsg($0)) }
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// SQLite copies the bytes before `bind` returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
