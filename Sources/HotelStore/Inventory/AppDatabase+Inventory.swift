import GRDB
import HotelDomain

extension AppDatabase {
    /// The daily room condition per night and room type for `from`…`to` (both nights included).
    public func inventory(from: CalendarDate, to: CalendarDate, roomType: Code? = nil) throws -> [InventoryNight] {
        try read { db in
            let hotel = try Self.requireHotel(db)
            if let roomType { _ = try hotel.roomType(roomType) }
            return try Self.inventory(db, hotel: hotel, from: from, to: to, roomType: roomType)
        }
    }

    /// Sets out-of-order rooms and/or the overbooking allowance of a room type on every night of a range.
    ///
    /// Rules: out of order is 0 to the physical rooms; the allowance is 0 to the physical rooms. Setting
    /// them never cancels a booking: a night that ends up oversold is reported by `inventory show` as
    /// negative availability.
    public func setInventory(
        roomType: Code, nights: NightRange, outOfOrder: Int?, overbookingAllowance: Int?, by author: ChangeAuthor
    ) throws {
        try write { db in
            let hotel = try Self.requireHotel(db)
            let type = try hotel.roomType(roomType)
            if let outOfOrder, !(0...type.rooms).contains(outOfOrder) {
                throw DomainError.invalid("out of order \(outOfOrder) is not valid for \(roomType); use 0 to \(type.rooms) rooms")
            }
            if let overbookingAllowance, !(0...type.rooms).contains(overbookingAllowance) {
                throw DomainError.invalid("overbooking allowance \(overbookingAllowance) is not valid for \(roomType); use 0 to \(type.rooms) rooms")
            }
            guard outOfOrder != nil || overbookingAllowance != nil else {
                throw DomainError.invalid("nothing to set; give --out-of-order N and/or --overbook N")
            }
            let before = try Self.inventory(db, hotel: hotel, from: nights.first, to: nights.last, roomType: roomType)
            for night in nights.nights {
                try db.execute(
                    sql: """
                        INSERT INTO inventory_night (room_type_code, night, out_of_order, overbook) VALUES (?, ?, ?, ?)
                        ON CONFLICT(night, room_type_code) DO UPDATE SET
                            out_of_order = COALESCE(?, out_of_order), overbook = COALESCE(?, overbook)
                        """,
                    arguments: [
                        roomType.rawValue, night.description, outOfOrder ?? 0, overbookingAllowance ?? 0, outOfOrder,
                        overbookingAllowance,
                    ])
            }
            let describe: ([InventoryNight]) -> [String: String] = { nights in
                [
                    "outOfOrder": Set(nights.map(\.outOfOrder)).sorted().map(String.init).joined(separator: ","),
                    "overbook": Set(nights.map(\.overbookingAllowance)).sorted().map(String.init).joined(separator: ","),
                ]
            }
            let after = try Self.inventory(db, hotel: hotel, from: nights.first, to: nights.last, roomType: roomType)
            try db.audit(
                author, entity: "inventory", key: "\(roomType) \(nights)", action: "set", old: describe(before), new: describe(after))
        }
    }

    /// Nights where the stored counters differ from the reservations (should never happen): the invariant
    /// sold = Σ rooms of occupying reservations on the night, the same for revenue, and per company the
    /// room-nights that count towards its cumulative tiers; held = Σ unpicked rooms of group blocks and each
    /// block night's pickup = Σ rooms of its group bookings.
    public func inventoryDiscrepancies() throws -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    WITH booked AS (
                        SELECT r.room_type_code AS room_type_code, n.night AS night, SUM(r.rooms) AS sold,
                               SUM(r.rooms * n.amount_minor) AS revenue
                        FROM reservation_night n JOIN reservation r ON r.id = n.reservation_id
                        WHERE r.status IN ('tentative', 'confirmed', 'checked-in', 'checked-out')
                        GROUP BY r.room_type_code, n.night)
                    SELECT i.room_type_code || ' ' || i.night || ': counter ' || i.sold || ' sold / ' || i.revenue_minor
                           || ', bookings ' || COALESCE(b.sold, 0) || ' / ' || COALESCE(b.revenue, 0)
                    FROM inventory_night i LEFT JOIN booked b ON b.room_type_code = i.room_type_code AND b.night = i.night
                    WHERE i.sold != COALESCE(b.sold, 0) OR i.revenue_minor != COALESCE(b.revenue, 0)
                    UNION ALL
                    SELECT b.room_type_code || ' ' || b.night || ': no counter for ' || b.sold || ' booked rooms'
                    FROM booked b LEFT JOIN inventory_night i ON i.room_type_code = b.room_type_code AND i.night = b.night
                    WHERE i.night IS NULL
                    """)
                + String.fetchAll(
                    db,
                    sql: """
                        WITH produced AS (
                            SELECT r.company_code AS company_code, n.night AS night, SUM(r.rooms) AS rooms
                            FROM reservation_night n JOIN reservation r ON r.id = n.reservation_id
                            WHERE r.company_code IS NOT NULL
                              AND r.status IN ('tentative', 'confirmed', 'checked-in', 'checked-out')
                            GROUP BY r.company_code, n.night)
                        SELECT 'company ' || c.company_code || ' ' || c.night || ': counter ' || c.rooms || ', bookings ' || COALESCE(p.rooms, 0)
                        FROM company_night c LEFT JOIN produced p ON p.company_code = c.company_code AND p.night = c.night
                        WHERE c.rooms != COALESCE(p.rooms, 0)
                        UNION ALL
                        SELECT 'company ' || p.company_code || ' ' || p.night || ': no counter for ' || p.rooms || ' room-nights'
                        FROM produced p LEFT JOIN company_night c ON c.company_code = p.company_code AND c.night = p.night
                        WHERE c.night IS NULL
                        """)
                + Self.groupDiscrepancies(db)
        }
    }

    static func inventory(_ db: Database, hotel: Hotel, from: CalendarDate, to: CalendarDate, roomType: Code?) throws
        -> [InventoryNight]
    {
        guard from <= to else {
            throw DomainError.invalid("night range \(from)…\(to) ends before it starts; --to must be on or after --from")
        }
        guard from.days(until: to) < 3_660 else {
            throw DomainError.invalid("night range \(from)…\(to) is longer than 10 years; ask for a shorter range")
        }
        var stored: [String: Row] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: "SELECT * FROM inventory_night WHERE night >= ? AND night <= ?" + (roomType == nil ? "" : " AND room_type_code = ?")),
            arguments: roomType.map { [from.description, to.description, $0.rawValue] } ?? [from.description, to.description])
        while let row = try rows.next() {
            stored["\(row["night"] as String) \(row["room_type_code"] as String)"] = row.copy()
        }
        let types = roomType.map { code in hotel.roomTypes.filter { $0.code == code } } ?? hotel.roomTypes
        var result: [InventoryNight] = []
        result.reserveCapacity((from.days(until: to) + 1) * types.count)
        for night in stride(from: from, through: to, by: 1) {
            let nightText = night.description
            for type in types {
                let row = stored["\(nightText) \(type.code.rawValue)"]
                result.append(
                    InventoryNight(
                        night: night, roomType: type.code, physical: type.rooms, outOfOrder: row?["out_of_order"] ?? 0,
                        sold: row?["sold"] ?? 0, held: row?["held"] ?? 0, overbookingAllowance: row?["overbook"] ?? 0,
                        revenue: Money(minorUnits: row?["revenue_minor"] ?? 0, currency: hotel.currency)))
            }
        }
        return result
    }
}
