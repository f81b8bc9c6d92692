import Foundation
import GRDB
import HotelDomain

/// Who makes a change and when: the OS user or `--user`, and the moment of the command.
public struct ChangeAuthor: Sendable {
    public var user: String
    public var at: Date

    public init(user: String, at: Date = Date()) {
        self.user = user
        self.at = at
    }

    /// `2027-03-01T08:15:02.123Z`: UTC with milliseconds, so audit rows sort by time as text.
    var timestamp: String { AuditEntry.format(at) }
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
        let entry = AuditEntry(
            id: nil, at: author.timestamp, user: author.user, entity: entity, entityKey: key, action: action,
            oldValue: try old.map(Self.json), newValue: try new.map(Self.json))
        try entry.insert(self)
    }

    private static func json(_ snapshot: [String: String]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: snapshot, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
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
