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
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v9 nightly run log and lock")
        let digest = "ff00000000000000" + String(repeating: "0", count: 48)
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO feed_file (path, sha256, bytes, channel_code, started_at, user) VALUES ('a.xml', '00', 1, NULL, 't', 'u')")
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
