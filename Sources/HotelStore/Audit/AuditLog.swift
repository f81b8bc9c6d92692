import Foundation
import GRDB
import HotelDomain

/// Who makes a change and when: the OS user or `--user`, and the moment of the command.
public struct ChangeAuthor: Sendable {
    public let user: String
    public let at: Date
    /// `2027-03-01T08:15:02.123Z`: UTC with milliseconds, so audit rows sort by time as text. Formatted once:
    /// a date formatter costs more than the insert it stamps.
    let timestamp: String

    public init(user: String, at: Date = Date()) {
        self.user = user
        self.at = at
        timestamp = AuditEntry.format(at)
    }
}

/// One row of the audit log: who changed what, when, from which value to which.
public struct AuditEntry: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit_log"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    public var at: String
    public var user: String
    public var entity: String
    public var entityKey: String
    public var action: String
    /// The record before the change, as JSON with sorted keys; `nil` for a creation.
    public var oldValue: String?
    /// The record after the change, as JSON with sorted keys; `nil` for a deletion.
    public var newValue: String?

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: date)
    }
}

extension Database {
    /// Records a change in the audit log, inside the use case's transaction.
    func audit(
        _ author: ChangeAuthor, entity: String, key: String, action: String, old: [String: String]?,
        new: [String: String]?
    ) throws {
        try cachedStatement(
            sql: "INSERT INTO audit_log (at, user, entity, entity_key, action, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [author.timestamp, author.user, entity, key, action, old.map(Self.json), new.map(Self.json)])
    }

    /// `{"a":"1","b":"x"}` with sorted keys and JSON string escapes: deterministic, and far cheaper than
    /// JSONSerialization for these flat snapshots.
    static func json(_ snapshot: [String: String]) -> String {
        var text = "{"
        for (index, key) in snapshot.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            appendQuoted(key, to: &text)
            text += ":"
            appendQuoted(snapshot[key] ?? "", to: &text)
        }
        return text + "}"
    }

    private static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

extension AppDatabase {
    /// The audit log, newest first, optionally for one entity (and key).
    public func auditLog(entity: String? = nil, key: String? = nil, limit: Int = 100) throws -> [AuditEntry] {
        try read { db in
            var request = AuditEntry.all()
            if let entity { request = request.filter(Column("entity") == entity) }
            if let key { request = request.filter(Column("entity_key") == key) }
            return try request.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }
}
