import GRDB
import HotelDomain

extension AppDatabase {
    /// "v10 feed message digest key": the exactly-once table looked up by a 64-bit integer key.
    ///
    /// Why: v3 keyed `feed_message` by the 64-character hex SHA-256 (WITHOUT ROWID). Digests are random, so
    /// every message inserted into a different leaf of a b-tree of ~100 bytes a row: at a million messages
    /// the table is about 100 MB, three times the page cache, and each batch of 1,024 messages dirtied close to
    /// 1,024 pages (4 MB of WAL) for the digests alone. Now the rows are appended in rowid order and the
    /// random part is an index of 8-byte integers (the first 8 bytes of the digest), five times smaller; the
    /// full digest stays in the row and a lookup compares it, so a collision of the first 8 bytes can never
    /// make a new message look imported.
    static func registerFeedMessageKeyMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10 feed message digest key") { db in
            try db.execute(
                sql: """
                    CREATE TABLE feed_message_keyed (
                        id INTEGER PRIMARY KEY,
                        digest_key INTEGER NOT NULL, -- the first 8 bytes of the digest, as a signed integer
                        digest TEXT NOT NULL,        -- SHA-256 of channel + the parsed message, hex
                        channel_code TEXT NOT NULL,
                        feed_file_id INTEGER NOT NULL REFERENCES feed_file(id),
                        position INTEGER NOT NULL,
                        outcome TEXT NOT NULL
                    );
                    """)
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO feed_message_keyed (digest_key, digest, channel_code, feed_file_id, position, outcome)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            let rows = try Row.fetchCursor(
                db, sql: "SELECT digest, channel_code, feed_file_id, position, outcome FROM feed_message ORDER BY feed_file_id, position")
            while let row = try rows.next() {
                let digest: String = row["digest"]
                try insert.execute(arguments: [
                    feedMessageKey(digest), digest, row["channel_code"], row["feed_file_id"], row["position"],
                    row["outcome"],
                ])
            }
            try db.execute(
                sql: """
                    DROP TABLE feed_message;
                    ALTER TABLE feed_message_keyed RENAME TO feed_message;
                    CREATE INDEX feed_message_digest_key ON feed_message(digest_key);
                    """)
        }
    }

    /// "v13 feed messages found by reservation reference": the exactly-once table is looked up by the channel
    /// reference of the message's first record (the message's `reference` column) and the full digest.
    ///
    /// Why: the v10 key, the first 8 bytes of a SHA-256, is random, so every imported message put an entry at a
    /// random place of its index: at a million messages each import batch dirtied most of the index's leaf pages
    /// (several MB of write-ahead log per batch, written again at each checkpoint), about a tenth of the import.
    /// Channels number their reservations in increasing order, so new references go to the end of the index,
    /// like `reservation_channel`'s. A reservation's few messages (booking, modifications, cancellation, resends)
    /// share a reference; the digest tells them apart. Messages recorded before v13 have no reference; they stay
    /// in the digest-key index (now only theirs) and are still found by it.
    static func registerFeedMessageReferenceMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13 feed messages found by reservation reference") { db in
            try db.execute(
                sql: """
                    ALTER TABLE feed_message ADD COLUMN reference TEXT;
                    DROP INDEX feed_message_digest_key;
                    CREATE INDEX feed_message_digest_key ON feed_message(digest_key) WHERE reference IS NULL;
                    CREATE INDEX feed_message_reference ON feed_message(reference) WHERE reference IS NOT NULL;
                    """)
        }
    }

    /// The lookup reference of a message (v13): the channel reference of its first record, or, for a message
    /// without one (no records, or a first record refused before its reference was read), `#` and the first 16
    /// hex digits of its digest. Example: a booking of Booking.com reservation 4711009921 → "4711009921".
    static func feedMessageReference(_ records: [Result<ChannelReservation, ChannelRecordError>], digest: String) -> String {
        let first: String?
        switch records.first {
        case .success(let record): first = record.reference
        case .failure(let error): first = error.reference
        case nil: first = nil
        }
        if let first, !first.isEmpty, !first.hasPrefix("#") { return first }
        return "#" + digest.prefix(16)
    }

    /// The lookup key of a message digest: its first 16 hex digits (8 bytes) as a signed 64-bit integer.
    /// Example: "ff00…" → -72057594037927936 (0xff00000000000000 as Int64).
    static func feedMessageKey(_ digest: String) -> Int64 {
        var value: UInt64 = 0
        var count = 0
        for byte in digest.utf8 {
            guard count < 16 else { break }
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            default: nibble = 0
            }
            value = value << 4 | UInt64(nibble)
            count += 1
        }
        return Int64(bitPattern: value << (4 * UInt64(16 - count)))
    }
}
