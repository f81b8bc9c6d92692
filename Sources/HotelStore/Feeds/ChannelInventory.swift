import GRDB
import HotelDomain

/// The inventory counters a channel import changes, kept in memory and written once per night and room type
/// at the end of each batch, instead of one upsert per booking night.
///
/// Why: a nightly feed sells the same few hundred nights over and over; three upserts per booking (each
/// returning the night's load for the overbooking report) were the largest single cost of the import.
///
/// Rules: the first touch of a night in a batch reads its row (sold + held + out of order − allowance); every
/// sale or release then moves the in-memory load, so overbooking is reported exactly as the upserts did; the
/// batch's transaction writes each changed night once, before it commits. The loads stay valid for the next
/// batch only if nobody else committed in between (`PRAGMA data_version` unchanged) and the batch committed;
/// otherwise they are read again.
public final class ChannelInventory: @unchecked Sendable {
    struct Key: Hashable {
        var roomType: Code
        var night: CalendarDate
    }

    struct Counter {
        /// Whether the row exists in the database (an update), or must be inserted.
        var stored: Bool
        /// sold + held + out of order − overbooking allowance, including this batch's changes.
        var load: Int
        var soldChange = 0
        var revenueChange: Int64 = 0
    }

    private var counters: [Key: Counter] = [:]
    private var changed: [Key] = []
    /// SQLite's data version when the loads were last known to match the database.
    private var knownVersion: Int64?
    /// The data version at the start of the batch in progress; known once the batch commits.
    private var pendingVersion: Int64?

    public init() {}

    /// Starts a batch: forgets the loads if another connection committed since the last batch.
    func begin(_ db: Database) throws {
        let version = try Int64.fetchOne(db, sql: "PRAGMA data_version")
        if version == nil || version != knownVersion { counters.removeAll(keepingCapacity: true) }
        knownVersion = nil
        changed.removeAll(keepingCapacity: true)
        pendingVersion = version
    }

    /// The batch committed: its loads are the database's.
    func committed() {
        knownVersion = pendingVersion
    }

    /// The batch was rolled back (an error), or another file begins: the loads are read again.
    public func forget() {
        counters.removeAll(keepingCapacity: true)
        changed.removeAll(keepingCapacity: true)
        knownVersion = nil
    }

    /// Sells (`rooms` > 0) or releases (`rooms` < 0) one night and returns its new load.
    func change(
        _ roomType: Code, _ night: CalendarDate, rooms: Int, revenue: Int64, read: PreparedStatement
    ) throws -> Int {
        let key = Key(roomType: roomType, night: night)
        // One hash of the key per night sold: the counter is changed in place.
        let index: [Key: Counter].Index
        if let known = counters.index(forKey: key) {
            index = known
        } else {
            read.reset()
            read.bind(night.description)
            read.bind(roomType.rawValue)
            if let load = try read.firstInteger() {
                counters[key] = Counter(stored: true, load: Int(load))
            } else {
                counters[key] = Counter(stored: false, load: 0)
            }
            index = counters.index(forKey: key)!
        }
        if counters.values[index].soldChange == 0, counters.values[index].revenueChange == 0 { changed.append(key) }
        counters.values[index].load += rooms
        counters.values[index].soldChange += rooms
        counters.values[index].revenueChange += revenue
        return counters.values[index].load
    }

    /// Writes every changed night: an update of the stored row, or an insert of a new one.
    func write(update: PreparedStatement, insert: PreparedStatement) throws {
        for key in changed {
            guard var counter = counters[key], counter.soldChange != 0 || counter.revenueChange != 0 else { continue }
            let statement = counter.stored ? update : insert
            statement.reset()
            if counter.stored {
                statement.bind(counter.soldChange)
                statement.bind(counter.revenueChange)
                statement.bind(key.night.description)
                statement.bind(key.roomType.rawValue)
            } else {
                statement.bind(key.roomType.rawValue)
                statement.bind(key.night.description)
                statement.bind(counter.soldChange)
                statement.bind(counter.revenueChange)
            }
            try statement.execute()
            counter.stored = true
            counter.soldChange = 0
            counter.revenueChange = 0
            counters[key] = counter
        }
        changed.removeAll(keepingCapacity: true)
    }
}
