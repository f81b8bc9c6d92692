import GRDB
import HotelDomain

/// A group block with its nights, as `groups show` prints it.
public struct GroupBlockDetails: Sendable {
    public var block: GroupBlock
    public var companyName: String?
    /// By night, then room type.
    public var nights: [BlockNight]

    public var contractedRoomNights: Int { nights.reduce(0) { $0 + $1.contracted } }
    public var pickedUpRoomNights: Int { nights.reduce(0) { $0 + $1.pickedUp } }
    public var heldRoomNights: Int { nights.reduce(0) { $0 + $1.held } }
    public var releasedRoomNights: Int { nights.reduce(0) { $0 + $1.released } }
}

/// What releasing a block gave back to general inventory.
public struct BlockRelease: Sendable {
    public var group: Code
    public var cutoff: CalendarDate
    /// The nights that still held rooms, with the rooms released on each.
    public var nights: [BlockNight]
    public var releasedRoomNights: Int
    public var pickedUpRoomNights: Int
}

extension AppDatabase {
    /// Contracts a group: its code, name, company, group rate plan, cutoff, attrition, VIP level and billing.
    ///
    /// Rules: the code is new; the company and the VIP level exist; the plan exists, is a `group` plan and,
    /// when it names companies, names the group's company. Rooms come with `setBlock`.
    public func createGroup(_ group: GroupBlock, by author: ChangeAuthor) throws {
        try write { db in
            let hotel = try Self.requireHotel(db)
            if try Self.fetchGroup(db, group.code) != nil {
                throw DomainError.refused(
                    "group \(group.code) already exists; see 'hotelsales groups show \(group.code)'")
            }
            if let company = group.companyCode { _ = try Self.requireCompany(db, company) }
            if let level = group.vipLevel { _ = try Self.requireVIPLevel(db, level) }
            try Self.checkGroupRatePlan(db, group)
            try db.execute(
                sql: """
                    INSERT INTO group_block (code, name, company_code, rate_plan_code, cutoff, attrition_bp, vip_level_code,
                        billing, currency, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    group.code.rawValue, group.name, group.companyCode?.rawValue, group.ratePlanCode.rawValue,
                    group.cutoff.description, group.attrition.value, group.vipLevel?.rawValue, group.billing.rawValue,
                    hotel.currency.code, author.timestamp,
                ])
            try db.audit(
                author, entity: "group", key: group.code.rawValue, action: "create", old: nil, new: Self.snapshot(group)
            )
        }
    }

    /// Sets the rooms a group holds of one room type on each night of `nights` (both included), at `rate` or
    /// at the group plan's price of each night.
    ///
    /// Rules: 0 to the room type's physical rooms (0 gives the nights up); never fewer than already picked
    /// up; the cutoff must fall before the first blocked night; extra rooms must be available on every
    /// night (physical − out of order − sold − held; the overbooking allowance is for transient bookings, not
    /// blocks); a released block takes no more rooms; a direct-bill group's extra held rooms (rooms × rate) pass
    /// the company's credit control unless `overrideCredit` (audited). Held rooms leave general inventory in the
    /// same transaction.
    public func setBlock(
        _ code: Code, roomType: Code, nights: NightRange, rooms: Int, rate: Money?, overrideCredit: Bool = false,
        by author: ChangeAuthor
    ) throws -> GroupBlockDetails {
        try write { db in
            let hotel = try Self.requireHotel(db)
            let type = try hotel.roomType(roomType)
            guard (0...type.rooms).contains(rooms) else {
                throw DomainError.invalid(
                    "rooms \(rooms) is beyond the hotel's \(type.rooms) physical \(roomType) rooms; block 0 to \(type.rooms) rooms"
                )
            }
            guard nights.count <= Stay.maximumNights else {
                throw DomainError.invalid(
                    "block \(nights) has \(nights.count) nights; block at most \(Stay.maximumNights) nights at a time")
            }
            if let rate, rate.minorUnits < 0 {
                throw DomainError.invalid(
                    "rate \(rate.decimalText) is negative; give the group rate per room and night")
            }
            let group = try Self.requireGroup(db, code)
            if let releasedOn = group.releasedOn {
                throw DomainError.refused(
                    "group \(code) was released on \(releasedOn); a released block takes no more rooms (contract a new group)"
                )
            }
            let before = try Self.blockNights(db, code)
            let firstNight = min(nights.first, before.filter { $0.contracted > 0 }.map(\.night).min() ?? nights.first)
            if rooms > 0 { try group.checkCutoff(before: firstNight) }
            let plan = try Self.fetchRatePlan(db, group.ratePlanCode)
            let book = RateBook(plans: try Self.fetchRatePlans(db))
            let stock = try Self.inventory(db, hotel: hotel, from: nights.first, to: nights.last, roomType: roomType)
            var changes: [(night: CalendarDate, old: BlockNight?, new: BlockNight)] = []
            for item in stock {
                let old = before.first { $0.night == item.night && $0.roomType == roomType }
                let nightRate: Money
                if let rate {
                    nightRate = rate
                } else if let old {
                    nightRate = old.rate
                } else {
                    guard let plan else {
                        throw DomainError.notFound("rate plan \(group.ratePlanCode) of group \(code) does not exist")
                    }
                    do {
                        nightRate = try book.price(of: plan, roomType: roomType, on: item.night).amount
                    } catch let error as DomainError {
                        throw DomainError.refused("\(error.description); give the group rate with --rate AMOUNT")
                    }
                }
                var new = old ?? BlockNight(night: item.night, roomType: roomType, contracted: 0, rate: nightRate)
                new.contracted = rooms
                new.rate = nightRate
                guard rooms >= new.pickedUp + new.released else {
                    throw DomainError.refused(
                        "group \(code) has \(new.pickedUp) \(roomType) room\(new.pickedUp == 1 ? "" : "s") picked up on \(item.night); the block cannot go below that (\(rooms) asked)"
                    )
                }
                let extra = new.held - (old?.held ?? 0)
                if extra > item.available {
                    throw DomainError.refused(
                        "\(roomType) has \(max(0, item.available)) of \(item.physical) rooms free on \(item.night) (\(item.outOfOrder) out of order, \(item.sold) sold, \(item.held) held by blocks); blocking \(rooms) for \(code) needs \(extra) more"
                    )
                }
                if old != new { changes.append((item.night, old, new)) }
            }
            // Credit control: a direct-bill block commits the company to its unpicked rooms, like a booking.
            if group.billing == .directBill, let company = group.companyCode {
                let added = changes.reduce(Int64(0)) { sum, change in
                    sum + Int64(change.new.held) * change.new.rate.minorUnits
                        - Int64(change.old?.held ?? 0) * (change.old?.rate.minorUnits ?? 0)
                }
                if added > 0 {
                    try Self.checkCredit(
                        db, company: company, expected: Money(minorUnits: added, currency: hotel.currency),
                        override: overrideCredit, author: author, reference: "group \(code)")
                }
            }
            for change in changes {
                try db.execute(
                    sql: """
                        INSERT INTO group_block_night (group_code, room_type_code, night, rooms, rate_minor) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(group_code, room_type_code, night) DO UPDATE SET rooms = excluded.rooms, rate_minor = excluded.rate_minor
                        """,
                    arguments: [
                        code.rawValue, roomType.rawValue, change.night.description, change.new.contracted,
                        change.new.rate.minorUnits,
                    ])
                try Self.adjustHeld(
                    db, roomType: roomType, night: change.night, by: change.new.held - (change.old?.held ?? 0))
            }
            if !changes.isEmpty {
                let describe: ([BlockNight?]) -> [String: String] = { lines in
                    [
                        "roomType": roomType.rawValue, "nights": nights.description,
                        "rooms": lines.map {
                            "\($0?.night.description ?? "")=\($0?.contracted ?? 0)@\($0?.rate.decimalText ?? "-")"
                        }
                        .joined(separator: " "),
                    ]
                }
                try db.audit(
                    author, entity: "group", key: code.rawValue, action: "block", old: describe(changes.map(\.old)),
                    new: describe(changes.map(\.new)))
            }
            return try Self.groupDetails(db, group)
        }
    }

    public func group(_ code: Code) throws -> GroupBlockDetails {
        try read { db in try Self.groupDetails(db, Self.requireGroup(db, code)) }
    }

    /// Every group, by cutoff then code.
    public func groups() throws -> [GroupBlockDetails] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM group_block ORDER BY cutoff, code").map { row in
                try Self.groupDetails(db, Self.group(from: row))
            }
        }
    }

    /// Books one guest into the block: the rooms move from "held by the block" to "sold" on every night in
    /// the same transaction, at the block's rate.
    ///
    /// Rules: every night of the stay must be blocked for the room type and still hold the rooms; a guest
    /// already booked in the group for that arrival is refused (load a rooming list to update them).
    public func bookInBlock(
        _ code: Code, _ entry: RoomingListEntry, rooms: Int = 1, today: CalendarDate, by author: ChangeAuthor
    ) throws -> Reservation {
        try write { db in
            let hotel = try Self.requireHotel(db)
            _ = try hotel.roomType(entry.roomType)
            guard (1...500).contains(rooms) else {
                throw DomainError.invalid("rooms \(rooms) is not valid; book 1 to 500 rooms")
            }
            if let level = entry.vipLevel { _ = try Self.requireVIPLevel(db, level) }
            let group = try Self.requireGroup(db, code)
            if let existing = try Self.groupBooking(
                db, group: code, guestKey: entry.guestKey, arrival: entry.stay.arrival)
            {
                throw DomainError.refused(
                    "\(entry.guestName) arriving \(entry.stay.arrival) is already booked in group \(code) as \(existing.reservation.confirmation) (\(existing.reservation.status.rawValue)); change it with a rooming list"
                )
            }
            return try Self.pickUp(
                db, hotel: hotel, group: group, entry, rooms: rooms, today: today, author: author, action: "create")
        }
    }

    /// Releases the unpicked rooms of every block whose cutoff has passed back to general inventory.
    ///
    /// Rules: a block is due the day after its cutoff; a released block is never released again, so running
    /// this twice (every night, from cron) changes nothing the second time. Each release is audited.
    public func releaseDueBlocks(today: CalendarDate, by author: ChangeAuthor) throws -> [BlockRelease] {
        try write { db in
            let due = try Row.fetchAll(
                db, sql: "SELECT * FROM group_block WHERE released_on IS NULL AND cutoff < ? ORDER BY cutoff, code",
                arguments: [today.description]
            ).map(Self.group(from:))
            return try due.map { try Self.release(db, $0, today: today, author: author, action: "release-due") }
        }
    }

    /// Releases one block now (before or after its cutoff); refused when it was already released.
    public func releaseBlock(_ code: Code, today: CalendarDate, by author: ChangeAuthor) throws -> BlockRelease {
        try write { db in
            let group = try Self.requireGroup(db, code)
            if let releasedOn = group.releasedOn {
                throw DomainError.refused(
                    "group \(code) was already released on \(releasedOn); its unpicked rooms are back in general inventory"
                )
            }
            return try Self.release(db, group, today: today, author: author, action: "release")
        }
    }

    /// The group's attrition: contracted vs picked-up room-nights and the penalty owed.
    public func attrition(_ code: Code) throws -> (GroupBlockDetails, AttritionAssessment) {
        try read { db in
            let hotel = try Self.requireHotel(db)
            let details = try Self.groupDetails(db, Self.requireGroup(db, code))
            return (
                details,
                AttritionAssessment(
                    nights: details.nights, attrition: details.block.attrition, currency: hotel.currency)
            )
        }
    }

    /// Displacement: what a block of `rooms` rooms of `roomType` on `nights` at `rate` would bring against the
    /// transient revenue it would push out, by the yield forecast (pickup history, or `supplied` demand).
    public func evaluateGroup(
        roomType: Code, nights: NightRange, rooms: Int, rate: Money, today: CalendarDate,
        supplied: [SuppliedDemand]? = nil
    ) throws -> DisplacementEvaluation {
        try read { db in
            let hotel = try Self.requireHotel(db)
            let type = try hotel.roomType(roomType)
            guard (1...type.rooms).contains(rooms) else {
                throw DomainError.invalid(
                    "rooms \(rooms) is beyond the hotel's \(type.rooms) physical \(roomType) rooms; evaluate 1 to \(type.rooms) rooms"
                )
            }
            guard rate.minorUnits > 0 else {
                throw DomainError.invalid(
                    "rate \(rate.decimalText) is not valid; give the group rate per room and night, more than 0")
            }
            guard nights.count <= Stay.maximumNights else {
                throw DomainError.invalid(
                    "range \(nights) has \(nights.count) nights; evaluate at most \(Stay.maximumNights) nights")
            }
            let forecasts = try Self.yieldForecast(
                db, from: nights.first, to: nights.last, today: today, supplied: supplied
            )
            .filter { $0.roomType == roomType }
            let stock = try Self.inventory(db, hotel: hotel, from: nights.first, to: nights.last, roomType: roomType)
            let evaluated = stock.map { item in
                DisplacementNight(
                    night: item.night, roomType: roomType, roomsLeft: max(0, item.available), groupRooms: rooms,
                    groupRate: rate,
                    classes: forecasts.filter { $0.night == item.night })
            }
            return DisplacementEvaluation(nights: evaluated, currency: hotel.currency)
        }
    }

    // MARK: - Steps

    /// Books `entry` into the block: validates every night first, then writes the reservation, the sold and
    /// revenue counters, the pickup and the held counter together.
    static func pickUp(
        _ db: Database, hotel: Hotel, group: GroupBlock, _ entry: RoomingListEntry, rooms: Int, today: CalendarDate,
        author: ChangeAuthor, action: String
    ) throws -> Reservation {
        let prices = try blockPrices(db, group: group, roomType: entry.roomType, stay: entry.stay, rooms: rooms)
        let id = try nextReservationID(db)
        let reservation = Reservation(
            confirmation: confirmation(hotel: hotel, id: id), source: .group, guestName: entry.guestName,
            roomType: entry.roomType, ratePlanCode: group.ratePlanCode, stay: entry.stay, rooms: rooms,
            status: .confirmed,
            companyCode: group.companyCode, vipLevel: entry.vipLevel?.rawValue, specialRequests: entry.specialRequests,
            billing: group.billing, lastRoomAvailability: false, nights: prices, bookedOn: today)
        try insert(reservation, id: id, db, author: author)
        try adjustInventory(db, reservation, sign: 1)
        try takeFromBlock(db, group: group.code, reservation)
        try db.execute(
            sql:
                "INSERT INTO group_reservation (reservation_id, group_code, guest_key, arrival, sharer) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, group.code.rawValue, entry.guestKey, entry.stay.arrival.description, entry.sharer])
        var snapshot = Self.snapshot(reservation)
        snapshot["group"] = group.code.rawValue
        snapshot["sharer"] = entry.sharer
        try db.audit(
            author, entity: "reservation", key: reservation.confirmation, action: action, old: nil, new: snapshot)
        return reservation
    }

    /// The block's nightly prices for a stay, or the reason it does not fit the block.
    static func blockPrices(_ db: Database, group: GroupBlock, roomType: Code, stay: Stay, rooms: Int) throws
        -> [NightPrice]
    {
        let lines = try blockNights(db, group.code).filter { $0.contracted > 0 }
        let ofType = lines.filter { $0.roomType == roomType }
        guard !ofType.isEmpty else {
            let blocked = Set(lines.map(\.roomType.rawValue)).sorted().joined(separator: ", ")
            throw DomainError.refused(
                "room type \(roomType) is not blocked for group \(group.code); blocked: \(blocked.isEmpty ? "none" : blocked)"
            )
        }
        let first = ofType.map(\.night).min() ?? stay.arrival
        let last = ofType.map(\.night).max() ?? stay.arrival
        // Every night first, so that a stay outside the block says so even when the block is also full.
        let matched = try stay.nights.map { night in
            guard let line = ofType.first(where: { $0.night == night }) else {
                throw DomainError.refused(
                    "night \(night) of \(stay) is outside group \(group.code)'s \(roomType) block (\(first)…\(last))")
            }
            return line
        }
        return try matched.map { line in
            let night = line.night
            guard line.held >= rooms else {
                if let releasedOn = group.releasedOn {
                    throw DomainError.refused(
                        "group \(group.code)'s \(roomType) block was released on \(releasedOn); on \(night) it has \(line.held) room\(line.held == 1 ? "" : "s") left (\(line.contracted) blocked, \(line.pickedUp) picked up, \(line.released) released)"
                    )
                }
                throw DomainError.refused(
                    "group \(group.code)'s \(roomType) block is full on \(night): \(line.contracted) blocked, \(line.pickedUp) picked up\(line.released > 0 ? ", \(line.released) released" : ""), \(line.held) left; \(rooms) room\(rooms == 1 ? "" : "s") asked"
                )
            }
            return NightPrice(
                night: night, amount: line.rate, ratePlanCode: group.ratePlanCode, season: nil, tier: nil,
                basis: "group \(group.code) block rate")
        }
    }

    /// Moves a group booking's rooms from "held by the block" to picked up (sold is counted by `adjustInventory`).
    static func takeFromBlock(_ db: Database, group: Code, _ reservation: Reservation) throws {
        for night in reservation.stay.nights {
            try db.execute(
                sql: """
                    UPDATE group_block_night SET picked_up = picked_up + ?
                    WHERE group_code = ? AND room_type_code = ? AND night = ? AND rooms - picked_up - released >= ?
                    """,
                arguments: [
                    reservation.rooms, group.rawValue, reservation.roomType.rawValue, night.description,
                    reservation.rooms,
                ])
            guard db.changesCount == 1 else {
                throw DomainError.refused("group \(group)'s \(reservation.roomType) block has no room left on \(night)")
            }
            try adjustHeld(db, roomType: reservation.roomType, night: night, by: -reservation.rooms)
        }
    }

    /// Gives a group booking's rooms back after it stopped occupying them (cancel, no-show, a rooming-list
    /// move): to the block while it holds rooms, to general inventory once it was released.
    static func returnToBlock(_ db: Database, group: GroupBlock, _ reservation: Reservation) throws {
        for night in reservation.stay.nights {
            if group.isReleased {
                try db.execute(
                    sql: """
                        UPDATE group_block_night SET picked_up = picked_up - ?, released = released + ?
                        WHERE group_code = ? AND room_type_code = ? AND night = ?
                        """,
                    arguments: [
                        reservation.rooms, reservation.rooms, group.code.rawValue, reservation.roomType.rawValue,
                        night.description,
                    ])
            } else {
                try db.execute(
                    sql:
                        "UPDATE group_block_night SET picked_up = picked_up - ? WHERE group_code = ? AND room_type_code = ? AND night = ?",
                    arguments: [
                        reservation.rooms, group.code.rawValue, reservation.roomType.rawValue, night.description,
                    ])
                try adjustHeld(db, roomType: reservation.roomType, night: night, by: reservation.rooms)
            }
        }
    }

    /// Called by the reservation use cases after a booking stopped occupying its rooms: a group booking's
    /// rooms go back to its block. Other bookings are left alone.
    static func returnGroupRooms(_ db: Database, reservationID: Int64, _ reservation: Reservation) throws {
        guard
            let code = try String.fetchOne(
                db.cachedStatement(sql: "SELECT group_code FROM group_reservation WHERE reservation_id = ?"),
                arguments: [reservationID])
        else { return }
        try returnToBlock(db, group: requireGroup(db, Code(code)), reservation)
    }

    /// Refuses a change of dates, room type, rooms or plan of a group booking outside its group's rooming list.
    static func refuseStayChangeOfGroupBooking(_ db: Database, reservationID: Int64, confirmation: String) throws {
        guard
            let code = try String.fetchOne(
                db.cachedStatement(sql: "SELECT group_code FROM group_reservation WHERE reservation_id = ?"),
                arguments: [reservationID])
        else { return }
        throw DomainError.refused(
            "reservation \(confirmation) is in group block \(code); change its dates or room type through the group's rooming list ('hotelsales groups rooming-list \(code) FILE.csv')"
        )
    }

    /// Adds `delta` (may be negative) to the rooms held by blocks on a night.
    static func adjustHeld(_ db: Database, roomType: Code, night: CalendarDate, by delta: Int) throws {
        guard delta != 0 else { return }
        if delta > 0 {
            try db.execute(
                sql: """
                    INSERT INTO inventory_night (room_type_code, night, held) VALUES (?, ?, ?)
                    ON CONFLICT(night, room_type_code) DO UPDATE SET held = held + excluded.held
                    """,
                arguments: [roomType.rawValue, night.description, delta])
        } else {
            try db.execute(
                sql: "UPDATE inventory_night SET held = held - ? WHERE night = ? AND room_type_code = ?",
                arguments: [-delta, night.description, roomType.rawValue])
        }
    }

    static func release(_ db: Database, _ group: GroupBlock, today: CalendarDate, author: ChangeAuthor, action: String)
        throws
        -> BlockRelease
    {
        let lines = try blockNights(db, group.code)
        var released: [BlockNight] = []
        for line in lines where line.held > 0 {
            try db.execute(
                sql:
                    "UPDATE group_block_night SET released = released + ? WHERE group_code = ? AND room_type_code = ? AND night = ?",
                arguments: [line.held, group.code.rawValue, line.roomType.rawValue, line.night.description])
            try adjustHeld(db, roomType: line.roomType, night: line.night, by: -line.held)
            var item = line
            item.released = line.held
            released.append(item)
        }
        try db.execute(
            sql: "UPDATE group_block SET released_on = ? WHERE code = ?",
            arguments: [today.description, group.code.rawValue])
        let heldBefore = lines.reduce(0) { $0 + $1.held }
        try db.audit(
            author, entity: "group", key: group.code.rawValue, action: action,
            old: ["held": String(heldBefore), "releasedOn": ""],
            new: ["held": "0", "releasedOn": today.description, "released": String(heldBefore)])
        return BlockRelease(
            group: group.code, cutoff: group.cutoff, nights: released, releasedRoomNights: heldBefore,
            pickedUpRoomNights: lines.reduce(0) { $0 + $1.pickedUp })
    }

    static func checkGroupRatePlan(_ db: Database, _ group: GroupBlock) throws {
        guard let plan = try fetchRatePlan(db, group.ratePlanCode) else {
            throw DomainError.notFound(
                "rate plan \(group.ratePlanCode) does not exist; import the group plan first ('hotelsales rates import rate-plans/GRP-TECH.yaml')"
            )
        }
        guard plan.kind == .group else {
            throw DomainError.refused(
                "rate plan \(plan.code) is a \(plan.kind.rawValue) plan; a group block needs a plan of kind group")
        }
        if !plan.companyCodes.isEmpty {
            guard let company = group.companyCode, plan.companyCodes.contains(company) else {
                throw DomainError.refused(
                    "rate plan \(plan.code) is restricted to \(plan.companyCodes.map(\.rawValue).joined(separator: ", ")); give --company \(plan.companyCodes[0])"
                )
            }
        }
    }

    static func requireGroup(_ db: Database, _ code: Code) throws -> GroupBlock {
        guard let group = try fetchGroup(db, code) else {
            throw DomainError.notFound(
                "group \(code) does not exist; create it with 'hotelsales groups create --code \(code) ...'")
        }
        return group
    }

    static func fetchGroup(_ db: Database, _ code: Code) throws -> GroupBlock? {
        try Row.fetchOne(db, sql: "SELECT * FROM group_block WHERE code = ?", arguments: [code.rawValue]).map(
            group(from:))
    }

    static func group(from row: Row) throws -> GroupBlock {
        try GroupBlock(
            code: Code(row["code"]), name: row["name"],
            companyCode: (row["company_code"] as String?).map { try Code($0) },
            ratePlanCode: Code(row["rate_plan_code"]), cutoff: CalendarDate(parsing: row["cutoff"]),
            attrition: BasisPoints(row["attrition_bp"]),
            vipLevel: (row["vip_level_code"] as String?).map { try Code($0) },
            billing: BillingInstruction(parsing: row["billing"]),
            releasedOn: (row["released_on"] as String?).map { try CalendarDate(parsing: $0) })
    }

    /// The block's nights, by night then room type.
    static func blockNights(_ db: Database, _ code: Code) throws -> [BlockNight] {
        let currency = try Currency(
            String.fetchOne(db, sql: "SELECT currency FROM group_block WHERE code = ?", arguments: [code.rawValue])
                ?? "XXX")
        return try Row.fetchAll(
            db, sql: "SELECT * FROM group_block_night WHERE group_code = ? ORDER BY night, room_type_code",
            arguments: [code.rawValue]
        ).map { row in
            BlockNight(
                night: try CalendarDate(parsing: row["night"]), roomType: try Code(row["room_type_code"]),
                contracted: row["rooms"],
                pickedUp: row["picked_up"], released: row["released"],
                rate: Money(minorUnits: row["rate_minor"], currency: currency))
        }
    }

    static func groupDetails(_ db: Database, _ group: GroupBlock) throws -> GroupBlockDetails {
        let companyName = try group.companyCode.flatMap { code in
            try String.fetchOne(db, sql: "SELECT name FROM company WHERE code = ?", arguments: [code.rawValue])
        }
        return GroupBlockDetails(block: group, companyName: companyName, nights: try blockNights(db, group.code))
    }

    static func snapshot(_ group: GroupBlock) -> [String: String] {
        var values = [
            "code": group.code.rawValue, "name": group.name, "ratePlan": group.ratePlanCode.rawValue,
            "cutoff": group.cutoff.description, "attrition": group.attrition.description,
            "billing": group.billing.rawValue,
        ]
        values["company"] = group.companyCode?.rawValue
        values["vip"] = group.vipLevel?.rawValue
        return values
    }

    /// Nights where the block counters disagree with the blocks and the group bookings (should never happen):
    /// held on each inventory night = Σ (contracted − picked up − released) of the blocks, and picked up on
    /// each block night = Σ rooms of the group's occupying bookings.
    static func groupDiscrepancies(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                WITH blocked AS (
                    SELECT room_type_code, night, SUM(rooms - picked_up - released) AS held
                    FROM group_block_night GROUP BY room_type_code, night)
                SELECT i.room_type_code || ' ' || i.night || ': counter ' || i.held || ' held, blocks ' || COALESCE(b.held, 0)
                FROM inventory_night i LEFT JOIN blocked b ON b.room_type_code = i.room_type_code AND b.night = i.night
                WHERE i.held != COALESCE(b.held, 0)
                UNION ALL
                SELECT b.room_type_code || ' ' || b.night || ': no counter for ' || b.held || ' held rooms'
                FROM blocked b LEFT JOIN inventory_night i ON i.room_type_code = b.room_type_code AND i.night = b.night
                WHERE i.night IS NULL AND b.held != 0
                """)
            + String.fetchAll(
                db,
                sql: """
                    WITH booked AS (
                        SELECT g.group_code AS group_code, r.room_type_code AS room_type_code, n.night AS night,
                               SUM(r.rooms) AS rooms
                        FROM group_reservation g JOIN reservation r ON r.id = g.reservation_id
                        JOIN reservation_night n ON n.reservation_id = r.id
                        WHERE r.status IN ('tentative', 'confirmed', 'checked-in', 'checked-out')
                        GROUP BY g.group_code, r.room_type_code, n.night)
                    SELECT 'group ' || b.group_code || ' ' || b.room_type_code || ' ' || b.night || ': picked up ' || b.picked_up
                           || ', bookings ' || COALESCE(k.rooms, 0)
                    FROM group_block_night b LEFT JOIN booked k
                        ON k.group_code = b.group_code AND k.room_type_code = b.room_type_code AND k.night = b.night
                    WHERE b.picked_up != COALESCE(k.rooms, 0)
                    UNION ALL
                    SELECT 'group ' || k.group_code || ' ' || k.room_type_code || ' ' || k.night || ': ' || k.rooms
                           || ' booked rooms outside the block'
                    FROM booked k LEFT JOIN group_block_night b
                        ON b.group_code = k.group_code AND b.room_type_code = k.room_type_code AND b.night = k.night
                    WHERE b.night IS NULL
                    """)
    }
}
