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

    /// The action of a booking a channel feed created. Its row stores no new value: a nightly import creates
    /// hundreds of thousands of bookings, and a copy of each in the audit log was a third of the database and
    /// a tenth of the import's time. Nothing is lost: every later change of a reservation is audited with its
    /// old value, so the booking as created is the old value of the reservation's next audit row or, when
    /// there is none, the reservation as it is now. `auditLog` fills it in that way.
    public static let channelCreate = "channel-create"

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
        try audit(author, entity: entity, key: key, action: action, oldJSON: old.map(Self.json), newJSON: new.map(Self.json))
    }

    /// Records a change whose snapshots are already JSON (see `Self.json`).
    func audit(
        _ author: ChangeAuthor, entity: String, key: String, action: String, oldJSON: String?, newJSON: String?
    ) throws {
        let insert = try PreparedStatement(
            self,
            sql: "INSERT INTO audit_log (at, user, entity, entity_key, action, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)")
        insert.reset()
        insert.bind(author.timestamp)
        insert.bind(author.user)
        insert.bind(entity)
        insert.bind(key)
        insert.bind(action)
        insert.bind(oldJSON)
        insert.bind(newJSON)
        try insert.execute()
    }

    /// `{"a":"1","b":"x"}` with sorted keys and JSON string escapes: deterministic, and far cheaper than
    /// JSONSerialization for these flat snapshots.
    static func json(_ snapshot: [String: String]) -> String {
        var object = FlatJSONObject()
        for key in snapshot.keys.sorted() { object.add(key, snapshot[key]) }
        return object.text
    }
}

/// A flat JSON object of string values, written as UTF-8 bytes in the order the fields are added (absent
/// values are left out). The nightly feed import writes one snapshot per booking; appending to a `String`
/// scalar by scalar cost more than the insert.
struct FlatJSONObject {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    init() { bytes.reserveCapacity(512) }

    mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        Self.appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.appendQuoted(value, to: &bytes)
    }

    var text: String { String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self) }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Most values need no escape: copy them whole.
            guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0..<0x20:
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(hexDigits[Int(byte >> 4)])
                    bytes.append(hexDigits[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension AppDatabase {
    /// The audit log, newest first, optionally for one entity (and key).
    public func auditLog(entity: String? = nil, key: String? = nil, limit: Int = 100) throws -> [AuditEntry] {
        try read { db in
            var request = AuditEntry.all()
            if let entity { request = request.filter(Column("entity") == entity) }
            if let key { request = request.filter(Column("entity_key") == key) }
            var entries = try request.order(Column("id").desc).limit(limit).fetchAll(db)
            for index in entries.indices
            where entries[index].action == AuditEntry.channelCreate && entries[index].newValue == nil {
                entries[index].newValue = try Self.bookingAsCreated(db, entries[index])
            }
            return entries
        }
    }

    /// The new value of a `channel-create` row (see `AuditEntry.channelCreate`): the old value of the
    /// reservation's next audit row, else the reservation as stored.
    static func bookingAsCreated(_ db: Database, _ entry: AuditEntry) throws -> String? {
        guard let id = entry.id else { return nil }
        if let next = try Row.fetchOne(
            db,
            sql: """
                SELECT old_value FROM audit_log WHERE entity = 'reservation' AND entity_key = ? AND id > ?
                ORDER BY id LIMIT 1
                """,
            arguments: [entry.entityKey, id])
        {
            return next["old_value"]
        }
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM reservation WHERE confirmation = ?", arguments: [entry.entityKey])
        else { return nil }
        return snapshotJSON(try reservation(from: row, db))
    }
}
