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

    let messageSeen: PreparedStatement
    let recordMessage: PreparedStatement
    let channelBookingID: PreparedStatement
    let insertReservation: PreparedStatement
    let insertNight: PreparedStatement
    let sellNight: PreparedStatement

    init(_ db: Database) throws {
        hotel = try AppDatabase.requireHotel(db)
        physicalRooms = Dictionary(hotel.roomTypes.map { ($0.code, $0.rooms) }, uniquingKeysWith: { first, _ in first })
        tombstonesExist = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM channel_tombstone)") ?? true
        // The integer key finds the candidates (see "v10 feed message digest key"); the full digest decides.
        messageSeen = try PreparedStatement(
            db, sql: "SELECT 1 FROM feed_message WHERE digest_key = ? AND digest = ?")
        recordMessage = try PreparedStatement(
            db,
            sql: """
                INSERT INTO feed_message (digest_key, digest, channel_code, feed_file_id, position, outcome)
                VALUES (?, ?, ?, ?, ?, ?)
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
        sellNight = try PreparedStatement(
            db,
            sql: """
                INSERT INTO inventory_night (room_type_code, night, sold, revenue_minor) VALUES (?, ?, ?, ?)
                ON CONFLICT(night, room_type_code) DO UPDATE SET sold = sold + excluded.sold,
                    revenue_minor = revenue_minor + excluded.revenue_minor
                RETURNING sold + held + out_of_order - overbook
                """)
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
}
