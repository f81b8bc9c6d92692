import GRDB
import HotelDomain

extension AppDatabase {
    /// Sets up the hotel, or updates it when the same hotel is initialised again (idempotent).
    ///
    /// Rules: one hotel per database — a different hotel code is refused; the currency cannot change once
    /// set; a room type that rate plans price cannot be removed. Returns whether anything changed.
    @discardableResult
    public func initialize(_ hotel: Hotel, by author: ChangeAuthor) throws -> Bool {
        try write { db in
            let existing = try Self.fetchHotel(db)
            if let existing {
                guard existing.code == hotel.code else {
                    throw DomainError.refused(
                        "this database belongs to hotel \(existing.code); hotel \(hotel.code) needs its own --db file")
                }
                guard existing.currency == hotel.currency else {
                    throw DomainError.refused(
                        "hotel \(hotel.code) sells in \(existing.currency); its currency cannot change to \(hotel.currency)")
                }
                if existing == hotel { return false }
                let kept = Set(hotel.roomTypes.map(\.code))
                for removed in existing.roomTypes where !kept.contains(removed.code) {
                    let priced = try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM rate_price WHERE room_type_code = ?", arguments: [removed.code.rawValue]) ?? 0
                    if priced > 0 {
                        throw DomainError.refused(
                            "room type \(removed.code) is missing from the file but rate plans price it; keep it in the hotel file")
                    }
                    try db.execute(sql: "DELETE FROM room_type WHERE code = ?", arguments: [removed.code.rawValue])
                }
            }
            try db.execute(
                sql: """
                    INSERT INTO hotel (id, code, name, currency, time_zone) VALUES (1, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone
                    """,
                arguments: [hotel.code.rawValue, hotel.name, hotel.currency.code, hotel.timeZone])
            for (position, roomType) in hotel.roomTypes.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO room_type (code, name, rooms, max_occupancy, position) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(code) DO UPDATE SET name = excluded.name, rooms = excluded.rooms,
                            max_occupancy = excluded.max_occupancy, position = excluded.position
                        """,
                    arguments: [roomType.code.rawValue, roomType.name, roomType.rooms, roomType.maxOccupancy, position])
            }
            try db.audit(
                author, entity: "hotel", key: hotel.code.rawValue, action: existing == nil ? "init" : "update",
                old: existing.map(Self.snapshot), new: Self.snapshot(hotel))
            return true
        }
    }

    /// The hotel, or an error telling the user to run `init` first.
    public func hotel() throws -> Hotel {
        try read { db in try Self.requireHotel(db) }
    }

    static func requireHotel(_ db: Database) throws -> Hotel {
        guard let hotel = try fetchHotel(db) else {
            throw DomainError.refused(
                "this database has no hotel yet; run 'hotelsales init --hotel rate-plans/hotel.yaml' first")
        }
        return hotel
    }

    static func fetchHotel(_ db: Database) throws -> Hotel? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT code, name, currency, time_zone FROM hotel WHERE id = 1")) else {
            return nil
        }
        let roomTypes = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT code, name, rooms, max_occupancy FROM room_type ORDER BY position, code")
        ).map { row in
            try RoomType(code: Code(row["code"]), name: row["name"], rooms: row["rooms"], maxOccupancy: row["max_occupancy"])
        }
        return try Hotel(
            code: Code(row["code"]), name: row["name"], currency: Currency(row["currency"]), timeZone: row["time_zone"],
            roomTypes: roomTypes)
    }

    static func snapshot(_ hotel: Hotel) -> [String: String] {
        [
            "code": hotel.code.rawValue, "name": hotel.name, "currency": hotel.currency.code, "timeZone": hotel.timeZone,
            "roomTypes": hotel.roomTypes.map { "\($0.code)=\($0.rooms)x\($0.maxOccupancy)" }.joined(separator: ","),
        ]
    }
}
