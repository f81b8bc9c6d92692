import GRDB
import HotelDomain

/// What loading a rooming list did, line by line.
public struct RoomingListReport: Sendable {
    public struct Line: Sendable {
        public var line: Int
        public var guestName: String
        public var outcome: RoomingListOutcome
    }

    public var group: Code
    public var lines: [Line]
    /// Occupying group bookings that no line of this list names (left as they are).
    public var notInList: [String]

    public var notPlaced: [Line] {
        lines.filter { if case .notPlaced = $0.outcome { true } else { false } }
    }

    public func count(_ matches: (RoomingListOutcome) -> Bool) -> Int { lines.filter { matches($0.outcome) }.count }
}

/// A group booking with its rooming-list key and sharer.
struct GroupBooking {
    var id: Int64
    var reservation: Reservation
    var sharer: String?
}

extension AppDatabase {
    /// Loads a group's rooming list: each line books its guest into the block, updates the guest's booking
    /// when the list was loaded before, or is reported with the reason it cannot be placed.
    ///
    /// Rules: a room type the hotel does not have or a VIP level that does not exist refuses the whole list
    /// (naming the line) and nothing is written; a line that does not fit the block (a night outside it, a
    /// room type not blocked, the block full or released) is reported and the other lines are placed. A
    /// line is identified by group, guest name and arrival, so loading the same list again books nobody
    /// twice; a line only changes what it gives (an empty VIP or requests field keeps the booking's value).
    /// With `dryRun` everything is worked out and rolled back.
    public func loadRoomingList(
        _ code: Code, _ entries: [RoomingListEntry], listName: String, dryRun: Bool = false, today: CalendarDate,
        by author: ChangeAuthor
    ) throws -> RoomingListReport {
        let work: @Sendable (Database) throws -> RoomingListReport = { db in
            let hotel = try Self.requireHotel(db)
            let group = try Self.requireGroup(db, code)
            for entry in entries {
                do {
                    _ = try hotel.roomType(entry.roomType)
                    if let level = entry.vipLevel { _ = try Self.requireVIPLevel(db, level) }
                } catch let error as DomainError {
                    throw DomainError.invalid("\(listName) line \(entry.line): \(error.description)")
                }
            }
            var firstLine: [String: Int] = [:]
            var lines: [RoomingListReport.Line] = []
            var named: Set<Int64> = []
            for entry in entries {
                let key = "\(entry.guestKey)|\(entry.stay.arrival)"
                if let earlier = firstLine[key] {
                    lines.append(
                        .init(
                            line: entry.line, guestName: entry.guestName,
                            outcome: .notPlaced(
                                reason:
                                    "repeats line \(earlier) (same guest and arrival); one line per guest and arrival"))
                    )
                    continue
                }
                firstLine[key] = entry.line
                var outcome = RoomingListOutcome.notPlaced(reason: "")
                do {
                    try db.inSavepoint {
                        outcome = try Self.place(
                            db, hotel: hotel, group: group, entry, today: today, author: author, named: &named)
                        return .commit
                    }
                } catch let error as DomainError where error.kind != .invalidInput {
                    outcome = .notPlaced(reason: error.description)
                }
                lines.append(.init(line: entry.line, guestName: entry.guestName, outcome: outcome))
            }
            let others = try Row.fetchAll(
                db,
                sql: """
                    SELECT g.reservation_id, r.confirmation FROM group_reservation g JOIN reservation r ON r.id = g.reservation_id
                    WHERE g.group_code = ? AND r.status IN ('tentative', 'confirmed', 'checked-in') ORDER BY r.id
                    """, arguments: [code.rawValue]
            ).filter { !named.contains($0[0]) }.map { $0[1] as String }
            let report = RoomingListReport(group: code, lines: lines, notInList: others)
            let created = report.count { if case .created = $0 { true } else { false } }
            let updated = report.count { if case .updated = $0 { true } else { false } }
            if created + updated > 0 {
                try db.audit(
                    author, entity: "group", key: code.rawValue, action: "rooming-list", old: nil,
                    new: [
                        "file": listName, "lines": String(entries.count), "created": String(created),
                        "updated": String(updated),
                        "notPlaced": String(report.notPlaced.count),
                    ])
            }
            return report
        }
        return dryRun ? try rollingBack(work) : try write(work)
    }

    /// One line: a new booking, an update of the guest's booking, or nothing to do.
    static func place(
        _ db: Database, hotel: Hotel, group: GroupBlock, _ entry: RoomingListEntry, today: CalendarDate,
        author: ChangeAuthor,
        named: inout Set<Int64>
    ) throws -> RoomingListOutcome {
        guard
            let existing = try groupBooking(
                db, group: group.code, guestKey: entry.guestKey, arrival: entry.stay.arrival)
        else {
            let reservation = try pickUp(
                db, hotel: hotel, group: group, entry, rooms: 1, today: today, author: author, action: "rooming-list")
            named.insert(
                try Int64.fetchOne(
                    db, sql: "SELECT id FROM reservation WHERE confirmation = ?", arguments: [reservation.confirmation])
                    ?? 0)
            return .created(confirmation: reservation.confirmation)
        }
        named.insert(existing.id)
        let old = existing.reservation
        var new = old
        var changes: [String] = []
        if entry.stay != old.stay {
            new.stay = entry.stay
            changes.append("departure \(old.stay.departure) → \(entry.stay.departure)")
        }
        if entry.roomType != old.roomType {
            new.roomType = entry.roomType
            changes.append("room type \(old.roomType) → \(entry.roomType)")
        }
        if let level = entry.vipLevel?.rawValue, level != old.vipLevel {
            new.vipLevel = level
            changes.append("VIP \(old.vipLevel ?? "none") → \(level)")
        }
        if let requests = entry.specialRequests, requests != old.specialRequests {
            new.specialRequests = requests
            changes.append("requests \"\(requests)\"")
        }
        let sharerChanged = entry.sharer != nil && entry.sharer != existing.sharer
        if sharerChanged { changes.append("sharer \(entry.sharer ?? "")") }
        guard !changes.isEmpty else { return .unchanged(confirmation: old.confirmation) }
        guard old.status == .tentative || old.status == .confirmed else {
            throw DomainError.refused(
                "\(old.confirmation) is \(old.status.rawValue); the list's changes (\(changes.joined(separator: ", "))) are not applied"
            )
        }
        if new.stay != old.stay || new.roomType != old.roomType {
            try adjustInventory(db, old, sign: -1)
            try returnToBlock(db, group: group, old)
            do {
                new.nights = try blockPrices(db, group: group, roomType: new.roomType, stay: new.stay, rooms: new.rooms)
            } catch let error as DomainError {
                throw DomainError(error.kind, "\(old.confirmation) cannot move: \(error.description)")
            }
            try replaceNights(db, id: existing.id, new)
            try adjustInventory(db, new, sign: 1)
            try takeFromBlock(db, group: group.code, new)
        }
        try update(db, id: existing.id, new, author: author)
        if sharerChanged {
            try db.execute(
                sql: "UPDATE group_reservation SET sharer = ? WHERE reservation_id = ?",
                arguments: [entry.sharer, existing.id])
        }
        var before = snapshot(old)
        before["sharer"] = existing.sharer
        var after = snapshot(new)
        after["sharer"] = entry.sharer ?? existing.sharer
        try db.audit(
            author, entity: "reservation", key: old.confirmation, action: "rooming-list", old: before, new: after)
        return .updated(confirmation: old.confirmation, changes: changes)
    }

    /// The group's booking for a guest and arrival, whatever its status.
    static func groupBooking(_ db: Database, group: Code, guestKey: String, arrival: CalendarDate) throws
        -> GroupBooking?
    {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT r.*, g.sharer AS group_sharer FROM group_reservation g JOIN reservation r ON r.id = g.reservation_id
                    WHERE g.group_code = ? AND g.guest_key = ? AND g.arrival = ?
                    """,
                arguments: [group.rawValue, guestKey, arrival.description])
        else { return nil }
        let reservation = try reservation(from: row, db)
        if !reservation.status.occupiesRooms {
            throw DomainError.refused(
                "\(reservation.guestName)'s booking \(reservation.confirmation) arriving \(arrival) is \(reservation.status.rawValue); it is not booked again from the list"
            )
        }
        return GroupBooking(id: row["id"], reservation: reservation, sharer: row["group_sharer"])
    }
}
