import Foundation
import GRDB
import HotelDomain
import Testing

@testable import HotelStore

/// The exactly-once table's integer lookup key (migration "v10 feed message digest key").
@Suite("Feed messages: digest key")
struct FeedMessageKeyTests {
    @Test("The key is the digest's first 8 bytes as a signed 64-bit integer")
    func key() {
        #expect(AppDatabase.feedMessageKey("0000000000000001" + String(repeating: "f", count: 48)) == 1)
        #expect(AppDatabase.feedMessageKey("ff00000000000000" + String(repeating: "0", count: 48)) == -72_057_594_037_927_936)
        #expect(AppDatabase.feedMessageKey("7fffffffffffffff" + String(repeating: "a", count: 48)) == Int64.max)
        #expect(AppDatabase.feedMessageKey("FF00000000000000") == AppDatabase.feedMessageKey("ff00000000000000"))
    }

    @Test("Two digests with the same first 8 bytes are two messages; the same digest again is already imported")
    func collision() throws {
        let database = try StoreFixtures.database()
        let author = ChangeAuthor(user: "night")
        let file = try database.startFeedFile(path: "a.xml", sha256: "00", bytes: 1, channel: nil, by: author)
        let prefix = "abcdef0123456789"
        func message(_ rest: String, position: Int) -> ChannelMessageImport {
            ChannelMessageImport(
                channel: "SITEMINDER", digest: prefix + rest, feedFileID: file, filePath: "a.xml", position: position,
                line: 1, records: [], payload: { nil }, today: StoreFixtures.date("2027-03-01"))
        }
        let first = message(String(repeating: "1", count: 48), position: 1)
        let twin = message(String(repeating: "2", count: 48), position: 2)
        #expect(try database.importChannelMessage(first, by: author).alreadyImported == false)
        #expect(try database.importChannelMessage(twin, by: author).alreadyImported == false)
        #expect(try database.importChannelMessage(first, by: author).alreadyImported == true)
        #expect(try database.importChannelMessage(twin, by: author).alreadyImported == true)
    }
}

@Suite("Feed messages: migration to the digest key")
struct FeedMessageKeyMigrationTests {
    @Test("Messages recorded before the migration are still recognised after it, with their outcome")
    func migratesRows() throws {
        let digest = "ff00000000000000" + String(repeating: "0", count: 48)
        let queue = try StoreFixtures.feedFileQueue(migratedUpTo: "v9 nightly run log and lock") { db in
            try db.execute(
                sql: "INSERT INTO feed_message (digest, channel_code, feed_file_id, position, outcome) VALUES (?, 'SITEMINDER', 1, 7, 'created')",
                arguments: [digest])
        }
        try AppDatabase.migrator.migrate(queue)
        let row = try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT digest_key, position, outcome FROM feed_message WHERE digest = ?", arguments: [digest])
        }
        #expect(row?["digest_key"] as Int64? == -72_057_594_037_927_936)
        #expect(row?["position"] as Int? == 7)
        #expect(row?["outcome"] as String? == "created")
    }
}

/// Migration "v13 feed messages found by reservation reference".
@Suite("Feed messages: found by reservation reference")
struct FeedMessageReferenceTests {
    static func booking(_ reference: String) -> ChannelReservation {
        var record = ChannelReservation(channel: "SITEMINDER", reference: reference, action: .book)
        record.guest.name = "Ada Wong"
        return record
    }

    @Test("A message's lookup reference is its first record's channel reference, else # and its digest's first 16 digits")
    func reference() {
        let digest = "abcdef0123456789" + String(repeating: "0", count: 48)
        #expect(AppDatabase.feedMessageReference([.success(Self.booking("4711009921")), .success(Self.booking("X"))], digest: digest) == "4711009921")
        #expect(AppDatabase.feedMessageReference([.failure(ChannelRecordError(reference: "EXP-7731019", reason: "r"))], digest: digest) == "EXP-7731019")
        #expect(AppDatabase.feedMessageReference([.failure(ChannelRecordError(reference: nil, reason: "r"))], digest: digest) == "#abcdef0123456789")
        #expect(AppDatabase.feedMessageReference([], digest: digest) == "#abcdef0123456789")
        // A channel reference that itself starts with # cannot be mistaken for a digest prefix.
        #expect(AppDatabase.feedMessageReference([.success(Self.booking("#abcdef0123456789"))], digest: digest) == "#abcdef0123456789")
    }

    @Test("Lookups use the reference index, and new messages stay out of the digest-key index")
    func plan() throws {
        let database = try StoreFixtures.database()
        let plan = try database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT 1 FROM feed_message WHERE reference = ? AND digest = ?", arguments: ["R", "D"])
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("INDEX feed_message_reference"))
        let definitions = try database.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE name LIKE 'feed_message_%' ORDER BY name")
        }
        #expect(definitions == [
            "CREATE INDEX feed_message_digest_key ON feed_message(digest_key) WHERE reference IS NULL",
            "CREATE INDEX feed_message_reference ON feed_message(reference) WHERE reference IS NOT NULL",
        ])
    }

    @Test("Messages recorded before v13 are still recognised; messages after it are found by reference")
    func legacyAndNew() throws {
        let legacy = "ff00000000000000" + String(repeating: "1", count: 48)
        let queue = try StoreFixtures.feedFileQueue(migratedUpTo: "v12 reservation checks without IN lists") { db in
            try db.execute(
                sql: "INSERT INTO feed_message (digest_key, digest, channel_code, feed_file_id, position, outcome) VALUES (?, ?, 'SITEMINDER', 1, 7, 'empty')",
                arguments: [AppDatabase.feedMessageKey(legacy), legacy])
        }
        let database = try AppDatabase(queue)  // migrates to the latest version
        let author = ChangeAuthor(user: "night")
        try database.initialize(StoreFixtures.hotel, by: author)
        func message(_ digest: String, position: Int) -> ChannelMessageImport {
            ChannelMessageImport(
                channel: "SITEMINDER", digest: digest, feedFileID: 1, filePath: "a.xml", position: position,
                line: 1, records: [], payload: { nil }, today: StoreFixtures.date("2027-03-01"))
        }
        #expect(try database.importChannelMessage(message(legacy, position: 1), by: author).alreadyImported == true)
        let fresh = "ff00000000000000" + String(repeating: "2", count: 48)
        #expect(try database.importChannelMessage(message(fresh, position: 2), by: author).alreadyImported == false)
        #expect(try database.importChannelMessage(message(fresh, position: 3), by: author).alreadyImported == true)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT reference, position FROM feed_message ORDER BY id").map { [$0["reference"] as String? ?? "NULL", String($0["position"] as Int)] }
        }
        #expect(rows == [["NULL", "7"], ["#ff00000000000000", "2"]])
    }
}
