import GRDB
import HotelDomain

/// Who a VIP level is attached to.
public enum VIPHolder: Sendable {
    case booking(String)
    case company(Code)
    case guest(String)
}

/// What saving a VIP level did.
public enum VIPLevelOutcome: String, Sendable {
    case added, updated, unchanged
}

extension AppDatabase {
    /// Adds a VIP level, or updates the one with the same code (audited); an identical level changes nothing.
    public func saveVIPLevel(_ level: VIPLevel, by author: ChangeAuthor) throws -> VIPLevelOutcome {
        try write { db in
            let old = try Self.fetchVIPLevel(db, level.code)
            if old == level { return .unchanged }
            try db.execute(
                sql: """
                    INSERT INTO vip_level (code, rank, name, amenities, handling_notes, created_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET rank = excluded.rank, name = excluded.name, amenities = excluded.amenities,
                        handling_notes = excluded.handling_notes
                    """,
                arguments: [
                    level.code.rawValue, level.rank, level.name, level.amenities, level.handlingNotes, author.timestamp,
                ])
            try db.audit(
                author, entity: "vip", key: level.code.rawValue, action: old == nil ? "add" : "update",
                old: old.map(Self.snapshot),
                new: Self.snapshot(level))
            return old == nil ? .added : .updated
        }
    }

    /// VIP levels by rank, then code.
    public func vipLevels() throws -> [VIPLevel] {
        try read { db in try Self.fetchVIPLevels(db).sorted { ($0.rank, $0.code) < ($1.rank, $1.code) } }
    }

    /// Attaches a VIP level (or none) to a booking, a company or a guest profile, audited.
    ///
    /// Rules: the level must exist; a guest profile is found by name, case and spacing ignored, and gives its
    /// level to every booking of that guest on the arrivals list. Returns a sentence saying what changed.
    public func setVIP(_ holder: VIPHolder, level: Code?, by author: ChangeAuthor) throws -> String {
        try write { db in
            if let level { _ = try Self.requireVIPLevel(db, level) }
            let text = level?.rawValue ?? "none"
            switch holder {
            case .booking(let confirmation):
                let (id, old) = try Self.requireReservation(db, confirmation)
                guard old.vipLevel != level?.rawValue else {
                    return "\(old.confirmation) already has VIP level \(text)."
                }
                var new = old
                new.vipLevel = level?.rawValue
                try Self.update(db, id: id, new, author: author)
                try db.audit(
                    author, entity: "reservation", key: old.confirmation, action: "vip", old: Self.snapshot(old),
                    new: Self.snapshot(new))
                return "\(old.confirmation) (\(old.guestName)): VIP level \(old.vipLevel ?? "none") → \(text)."
            case .company(let code):
                let old = try Self.requireCompany(db, code)
                guard old.vipLevel != level?.rawValue else { return "Company \(code) already has VIP level \(text)." }
                var new = old
                new.vipLevel = level?.rawValue
                try db.execute(
                    sql: "UPDATE company SET vip_level = ? WHERE code = ?", arguments: [new.vipLevel, code.rawValue])
                try db.audit(
                    author, entity: "company", key: code.rawValue, action: "vip", old: Self.snapshot(old),
                    new: Self.snapshot(new))
                return "Company \(code): VIP level \(old.vipLevel ?? "none") → \(text)."
            case .guest(let name):
                let key = RoomingListEntry.guestKey(name)
                guard !key.isEmpty else {
                    throw DomainError.invalid("guest name is empty; give the guest's name, e.g. --guest \"Chen Li\"")
                }
                let old = try String.fetchOne(
                    db, sql: "SELECT vip_level_code FROM guest_vip WHERE guest_key = ?", arguments: [key])
                guard old != level?.rawValue else {
                    return "Guest \(name.trimmingWhitespace) already has VIP level \(text)."
                }
                if let level {
                    try db.execute(
                        sql: """
                            INSERT INTO guest_vip (guest_key, guest_name, vip_level_code) VALUES (?, ?, ?)
                            ON CONFLICT(guest_key) DO UPDATE SET guest_name = excluded.guest_name, vip_level_code = excluded.vip_level_code
                            """,
                        arguments: [key, name.trimmingWhitespace, level.rawValue])
                } else {
                    try db.execute(sql: "DELETE FROM guest_vip WHERE guest_key = ?", arguments: [key])
                }
                try db.audit(
                    author, entity: "guest", key: key, action: "vip", old: old.map { ["vip": $0] },
                    new: level.map { ["vip": $0.rawValue] })
                return "Guest \(name.trimmingWhitespace): VIP level \(old ?? "none") → \(text)."
            }
        }
    }

    /// The arrivals of a day for the front desk (tentative, confirmed and already checked-in bookings),
    /// with each guest's highest VIP level among booking, guest profile, group and company, in front-desk order.
    public func arrivals(on date: CalendarDate, vipOnly: Bool = false, group: Code? = nil) throws -> [Arrival] {
        try read { db in
            if let group { _ = try Self.requireGroup(db, group) }
            let levels = Dictionary(uniqueKeysWithValues: try Self.fetchVIPLevels(db).map { ($0.code.rawValue, $0) })
            let guests = Dictionary(
                try Row.fetchAll(db, sql: "SELECT guest_key, vip_level_code FROM guest_vip").map {
                    ($0[0] as String, $0[1] as String)
                },
                uniquingKeysWith: { first, _ in first })
            var sql = """
                SELECT r.*, c.name AS company_name, c.vip_level AS company_vip, g.group_code, g.sharer, b.name AS group_name,
                       b.vip_level_code AS group_vip
                FROM reservation r
                LEFT JOIN company c ON c.code = r.company_code
                LEFT JOIN group_reservation g ON g.reservation_id = r.id
                LEFT JOIN group_block b ON b.code = g.group_code
                WHERE r.arrival = ? AND r.status IN ('tentative', 'confirmed', 'checked-in')
                """
            var arguments: StatementArguments = [date.description]
            if let group {
                sql += " AND g.group_code = ?"
                _ = arguments.append(contentsOf: [group.rawValue])
            }
            let arrivals = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let reservation = try Self.reservation(from: row, db)
                func applied(_ code: String?, _ source: VIPSource) -> AppliedVIP? {
                    guard let code, !code.isEmpty else { return nil }
                    return AppliedVIP(code: code, level: levels[code.uppercased()], source: source)
                }
                let vip = AppliedVIP.highest(
                    [
                        applied(reservation.vipLevel, .reservation),
                        applied(guests[RoomingListEntry.guestKey(reservation.guestName)], .guest),
                        applied(row["group_vip"], .group), applied(row["company_vip"], .company),
                    ].compactMap { $0 })
                return Arrival(
                    confirmation: reservation.confirmation, guestName: reservation.guestName, sharer: row["sharer"],
                    roomType: reservation.roomType, rooms: reservation.rooms, nights: reservation.stay.nightCount,
                    ratePlanCode: reservation.ratePlanCode, status: reservation.status,
                    companyCode: reservation.companyCode,
                    companyName: row["company_name"],
                    groupCode: try (row["group_code"] as String?).map { try Code($0) },
                    groupName: row["group_name"], vip: vip, specialRequests: reservation.specialRequests,
                    billing: reservation.billing)
            }
            return Arrival.frontDeskOrder(vipOnly ? arrivals.filter { $0.vip != nil } : arrivals)
        }
    }

    static func requireVIPLevel(_ db: Database, _ code: Code) throws -> VIPLevel {
        guard let level = try fetchVIPLevel(db, code) else {
            let known = try fetchVIPLevels(db).map(\.code.rawValue).sorted().joined(separator: ", ")
            throw DomainError.notFound(
                "VIP level \(code) does not exist; known levels: \(known.isEmpty ? "none (add one with 'hotelsales vip levels add')" : known)"
            )
        }
        return level
    }

    static func fetchVIPLevel(_ db: Database, _ code: Code) throws -> VIPLevel? {
        try Row.fetchOne(db, sql: "SELECT * FROM vip_level WHERE code = ?", arguments: [code.rawValue]).map(
            vipLevel(from:))
    }

    static func fetchVIPLevels(_ db: Database) throws -> [VIPLevel] {
        try Row.fetchAll(db, sql: "SELECT * FROM vip_level").map(vipLevel(from:))
    }

    static func vipLevel(from row: Row) throws -> VIPLevel {
        try VIPLevel(
            code: Code(row["code"]), rank: row["rank"], name: row["name"], amenities: row["amenities"],
            handlingNotes: row["handling_notes"])
    }

    static func snapshot(_ level: VIPLevel) -> [String: String] {
        [
            "code": level.code.rawValue, "rank": String(level.rank), "name": level.name, "amenities": level.amenities,
            "notes": level.handlingNotes,
        ]
    }
}
