import GRDB
import HotelDomain

/// What stays true for the whole of one import transaction, looked up once instead of once per booking:
/// the hotel, the next reservation id (the transaction holds the write lock, so nobody else inserts), the
/// rate plans' LRA flags, the physical rooms per room type, whether any tombstone exists, and the prepared
/// statements of a new booking.
final class ChannelBatch {
    let hotel: Hotel
    let physicalRooms: [Code: Int]
    private var nextID: Int64?
    private var lastRoomAvailability: [Code: Bool] = [:]
    /// Most imports meet no tombstone at all: then no record needs to look for one.
    private(set) var tombstonesExist: Bool
    /// Whether messages recorded before v13 (found by digest key only) exist: then lookups try them too.
    let legacyMessagesExist: Bool

    let messageSeen: PreparedStatement
    let recordMessage: PreparedStatement
    let channelBookingID: PreparedStatement
    let insertReservation: PreparedStatement
    let insertNight: PreparedStatement
    /// The inventory counters of the import (see `ChannelInventory`) and their three statements.
    let inventory: ChannelInventory
    let readLoad: PreparedStatement
    let updateInventory: PreparedStatement
    let insertInventory: PreparedStatement

    init(_ db: Database, inventory: ChannelInventory = ChannelInventory()) throws {
        hotel = try AppDatabase.requireHotel(db)
        physicalRooms = Dictionary(hotel.roomTypes.map { ($0.code, $0.rooms) }, uniquingKeysWith: { first, _ in first })
        tombstonesExist = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM channel_tombstone)") ?? true
        // The reference finds the candidates (see "v13 feed messages found by reservation reference"); the full
        // digest decides. Messages recorded before v13 are found by their digest key.
        legacyMessagesExist =
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM feed_message WHERE reference IS NULL)") ?? true
        messageSeen = try PreparedStatement(
            db,
            sql: legacyMessagesExist
                ? """
                SELECT 1 FROM feed_message WHERE reference = ?1 AND digest = ?2
                UNION ALL SELECT 1 FROM feed_message WHERE digest_key = ?3 AND reference IS NULL AND digest = ?2
                """
                : "SELECT 1 FROM feed_message WHERE reference = ?1 AND digest = ?2")
        recordMessage = try PreparedStatement(
            db,
            sql: """
                INSERT INTO feed_message (reference, digest_key, digest, channel_code, feed_file_id, position, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        channelBookingID = try PreparedStatement(
            db, sql: "SELECT id FROM reservation WHERE channel_code = ? AND channel_reference = ?")
        insertReservation = try PreparedStatement(
            db,
            sql: """
                INSERT INTO reservation (id, confirmation, source, channel_code, channel_reference, guest_name, room_type_code,
                    rate_plan_code, arrival, departure, rooms, status, company_code, vip_level, special_requests, billing, lra,
                    total_minor, currency, booked_on, created_at, updated_at, channel_last_modified, guest_email,
                    guest_phone, adults, child_ages, commission_bp, commission_minor, travel_agent_name,
                    travel_agent_iata, meal_plan, comments, card_last_four, card_expiry)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertNight = try PreparedStatement(db, sql: AppDatabase.insertNightSQL)
        self.inventory = inventory
        readLoad = try PreparedStatement(
            db,
            sql: "SELECT sold + held + out_of_order - overbook FROM inventory_night WHERE night = ? AND room_type_code = ?")
        updateInventory = try PreparedStatement(
            db,
            sql: """
                UPDATE inventory_night SET sold = sold + ?, revenue_minor = revenue_minor + ?
                WHERE night = ? AND room_type_code = ?
                """)
        insertInventory = try PreparedStatement(
            db, sql: "INSERT INTO inventory_night (room_type_code, night, sold, revenue_minor) VALUES (?, ?, ?, ?)")
        try inventory.begin(db)
    }

    /// The id of the next reservation; consumed by the insert.
    func takeReservationID(_ db: Database) throws -> Int64 {
        let id = try nextID ?? AppDatabase.nextReservationID(db)
        nextID = id + 1
        return id
    }

    /// The LRA flag of a rate plan, `nil` when the plan does not exist.
    func lastRoomAvailability(of plan: Code, _ db: Database) throws -> Bool? {
        if let known = lastRoomAvailability[plan] { return known }
        let flag = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT lra FROM rate_plan WHERE code = ?"), arguments: [plan.rawValue])
        if let flag { lastRoomAvailability[plan] = flag }
        return flag
    }

    func noteTombstone() { tombstonesExist = true }

    private var priceBases: [Code: String] = [:]

    /// The basis of a channel booking's nightly prices, "channel BOOKINGCOM": one string shared by all of them.
    func priceBasis(of channel: Code) -> String {
        if let known = priceBases[channel] { return known }
        let basis = "channel \(channel)"
        priceBases[channel] = basis
        return basis
    }

    /// Sells (`sign` 1) or releases (`sign` -1) the nights of an occupying reservation in the import's
    /// counters and returns the nights sold beyond physical capacity.
    func changeInventory(_ reservation: Reservation, sign: Int) throws -> [OverbookedNight] {
        guard reservation.status.occupiesRooms else { return [] }
        // Channel bookings carry no company, so the company counters (cumulative tiers) are not theirs to keep.
        assert(reservation.companyCode == nil)
        let physical = physicalRooms[reservation.roomType] ?? 0
        var overbooked: [OverbookedNight] = []
        for night in reservation.nights {
            let load = try inventory.change(
                reservation.roomType, night.night, rooms: sign * reservation.rooms,
                revenue: Int64(sign) * night.amount.minorUnits * Int64(reservation.rooms), read: readLoad)
            if sign > 0, load > physical {
                overbooked.append(OverbookedNight(roomType: reservation.roomType, night: night.night, excess: load - physical))
            }
        }
        return overbooked
    }

    /// Writes the batch's inventory changes; the last step before the transaction commits.
    func finish() throws {
        try inventory.write(update: updateInventory, insert: insertInventory)
    }
}

/// One open import transaction, handed to the body of `AppDatabase.importChannelMessages`: valid only inside it.
public struct ChannelImportTransaction: @unchecked Sendable {
    let db: Database
    let batch: ChannelBatch
    let author: ChangeAuthor

    /// Applies one message (see `AppDatabase.importChannelMessages`).
    public func apply(_ message: ChannelMessageImport) throws -> ChannelMessageResult {
        try AppDatabase.importChannelMessage(db, message, batch: batch, author: author)
    }

    /// The hotel confirmation of the booking a channel made under `reference`, as this transaction sees it.
    public func confirmation(channel: Code, reference: String) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT confirmation FROM reservation WHERE channel_code = ? AND channel_reference = ?"),
            arguments: [channel.rawValue, reference])
    }
}
