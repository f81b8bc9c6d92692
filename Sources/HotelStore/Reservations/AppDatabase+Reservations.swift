import GRDB
import HotelDomain

extension AppDatabase {
    /// Books a stay: prices it with the rate engine, checks stay controls and every night's inventory, and
    /// stores it with its nightly prices — all in one transaction, so two processes can never sell the last
    /// room twice.
    ///
    /// Rules: the company's contracted rate applies when its agreement allows (see `RateQuoter`); a night
    /// with no room beyond the overbooking allowance refuses the booking with the night and the figures; a
    /// closed, CTA or CTD night or a length of stay outside min/max refuses it unless the plan is LRA.
    public func book(_ request: BookingRequest, today: CalendarDate, by author: ChangeAuthor) throws -> Reservation {
        try write { db in
            let hotel = try Self.requireHotel(db)
            _ = try hotel.roomType(request.roomType)
            let quote = try Self.price(
                db, hotel: hotel, roomType: request.roomType, stay: request.stay, rooms: request.rooms,
                company: request.companyCode, ratePlan: request.ratePlanCode)
            if try Self.fetchRatePlan(db, quote.ratePlanCode)?.kind == .group {
                throw DomainError.refused(
                    "rate plan \(quote.ratePlanCode) is a group plan; book group guests into their block with 'hotelsales groups book GROUP ...'")
            }
            try Self.checkControls(db, quote: quote)
            try Self.checkInventory(db, hotel: hotel, roomType: request.roomType, stay: request.stay, rooms: request.rooms)
            let id = try Self.nextReservationID(db)
            let reservation = Reservation(
                confirmation: Self.confirmation(hotel: hotel, id: id),
                source: request.companyCode == nil ? .direct : .company, guestName: request.guestName,
                roomType: request.roomType, ratePlanCode: quote.ratePlanCode, stay: request.stay, rooms: request.rooms,
                status: request.tentative ? .tentative : .confirmed, companyCode: request.companyCode,
                vipLevel: request.vipLevel, specialRequests: request.specialRequests, billing: request.billing,
                lastRoomAvailability: quote.lastRoomAvailability, nights: quote.nights, bookedOn: today,
                intermediaryCode: request.intermediaryCode)
            if reservation.billing == .directBill, let company = reservation.companyCode {
                try Self.checkCredit(
                    db, company: company, expected: reservation.total, override: request.overrideCredit, author: author,
                    reference: reservation.confirmation)
            }
            try Self.insert(reservation, id: id, db, author: author)
            if let intermediary = reservation.intermediaryCode { try Self.recordIntermediary(db, id: id, intermediary) }
            try Self.adjustInventory(db, reservation, sign: 1)
            try db.audit(
                author, entity: "reservation", key: reservation.confirmation, action: "create", old: nil,
                new: Self.snapshot(reservation))
            return reservation
        }
    }

    /// Changes a booking. Dates, room type, rooms or plan re-price it and re-check controls and inventory as
    /// if it were booked anew (its own rooms released first); names and requests change nothing else.
    ///
    /// Rules: only tentative, confirmed or checked-in bookings change; a checked-in guest's arrival is fixed.
    public func modify(
        _ confirmation: String, _ change: BookingChange, today: CalendarDate, by author: ChangeAuthor
    ) throws -> Reservation {
        try write { db in
            let hotel = try Self.requireHotel(db)
            let (id, old) = try Self.requireReservation(db, confirmation)
            guard old.status.isModifiable else {
                throw DomainError.refused(
                    "reservation \(confirmation) is \(old.status.rawValue); only a tentative, confirmed or checked-in reservation can be modified")
            }
            if change.changesInventory {
                try Self.refuseStayChangeOfGroupBooking(db, reservationID: id, confirmation: old.confirmation)
            }
            var new = old
            if let name = change.guestName {
                guard !name.trimmingWhitespace.isEmpty else { throw DomainError.invalid("guest name is empty; give the guest's name") }
                new.guestName = name.trimmingWhitespace
            }
            if let vip = change.vipLevel { new.vipLevel = vip }
            if let requests = change.specialRequests { new.specialRequests = requests }
            if change.changesInventory {
                let arrival = change.arrival ?? old.stay.arrival
                if old.status == .checkedIn, arrival != old.stay.arrival {
                    throw DomainError.refused(
                        "reservation \(confirmation) is checked in; its arrival \(old.stay.arrival) cannot change")
                }
                let stay: Stay
                switch (change.nights, change.departure) {
                case (let nights?, nil): stay = try Stay(arrival: arrival, nights: nights)
                case (nil, let departure?): stay = try Stay(arrival: arrival, departure: departure)
                case (nil, nil): stay = try Stay(arrival: arrival, nights: old.stay.nightCount)
                case (.some, .some): throw DomainError.invalid("give either --nights or --departure, not both")
                }
                let rooms = change.rooms ?? old.rooms
                guard (1...500).contains(rooms) else { throw DomainError.invalid("rooms \(rooms) is not valid; book 1 to 500 rooms") }
                let roomType = change.roomType ?? old.roomType
                _ = try hotel.roomType(roomType)
                try Self.adjustInventory(db, old, sign: -1)
                let quote = try Self.price(
                    db, hotel: hotel, roomType: roomType, stay: stay, rooms: rooms, company: old.companyCode,
                    ratePlan: change.ratePlanCode ?? (old.source == .channel ? old.ratePlanCode : nil))
                try Self.checkControls(db, quote: quote)
                try Self.checkInventory(db, hotel: hotel, roomType: roomType, stay: stay, rooms: rooms)
                new.stay = stay
                new.rooms = rooms
                new.roomType = roomType
                new.ratePlanCode = quote.ratePlanCode
                new.nights = quote.nights
                new.lastRoomAvailability = quote.lastRoomAvailability
                try Self.replaceNights(db, id: id, new)
                try Self.adjustInventory(db, new, sign: 1)
            }
            guard new != old else { return old }
            // Credit control again when a direct-bill stay grows: the open bookings already count its old total.
            if new.billing == .directBill, let company = new.companyCode, new.total > old.total {
                try Self.checkCredit(
                    db, company: company, expected: new.total - old.total, override: change.overrideCredit,
                    author: author, reference: confirmation)
            }
            try Self.update(db, id: id, new, author: author)
            try db.audit(
                author, entity: "reservation", key: confirmation, action: "modify", old: Self.snapshot(old),
                new: Self.snapshot(new))
            return new
        }
    }

    /// Cancels, marks no-show, checks in or checks out a booking; cancelled and no-show bookings give their
    /// rooms back to inventory.
    public func transition(
        _ confirmation: String, _ transition: ReservationTransition, today: CalendarDate, by author: ChangeAuthor
    ) throws -> Reservation {
        try write { db in
            let (id, old) = try Self.requireReservation(db, confirmation)
            var new = old
            new.status = try transition.apply(to: old, today: today)
            if old.status.occupiesRooms, !new.status.occupiesRooms {
                try Self.adjustInventory(db, old, sign: -1)
                try Self.returnGroupRooms(db, reservationID: id, old)
            }
            try Self.update(db, id: id, new, author: author)
            try db.audit(
                author, entity: "reservation", key: confirmation, action: transition.rawValue, old: Self.snapshot(old),
                new: Self.snapshot(new))
            // Direct-bill charges go to the company's account at check-out (receivables).
            if transition == .checkOut { try Self.postStayCharges(db, reservationID: id, new, on: today, author: author) }
            return new
        }
    }

    public func reservation(_ confirmation: String) throws -> Reservation {
        try read { db in try Self.requireReservation(db, confirmation).1 }
    }

    /// Reservations by arrival date, then confirmation number.
    public func reservations(_ filter: ReservationFilter) throws -> [Reservation] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let from = filter.arrivalFrom {
                conditions.append("arrival >= ?")
                _ = arguments.append(contentsOf: [from.description])
            }
            if let to = filter.arrivalTo {
                conditions.append("arrival <= ?")
                _ = arguments.append(contentsOf: [to.description])
            }
            if let status = filter.status {
                conditions.append("status = ?")
                _ = arguments.append(contentsOf: [status.rawValue])
            }
            if let company = filter.companyCode {
                conditions.append("company_code = ?")
                _ = arguments.append(contentsOf: [company.rawValue])
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM reservation \(whereClause) ORDER BY arrival, id LIMIT \(max(1, filter.limit))",
                arguments: arguments)
            return try rows.map { try Self.reservation(from: $0, db) }
        }
    }

    // MARK: - Steps shared by book and modify

    /// The id of the next reservation (writes are serialized, so no other process can take it meanwhile).
    static func nextReservationID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM reservation")) ?? 1
    }

    static func confirmation(hotel: Hotel, id: Int64) -> String {
        let digits = String(id)
        return "\(hotel.code)-\(String(repeating: "0", count: max(0, 7 - digits.count)))\(digits)"
    }

    /// The quote for a stay, with the company's production before the stay counted towards its tiers.
    static func price(
        _ db: Database, hotel: Hotel, roomType: Code, stay: Stay, rooms: Int, company: Code?, ratePlan: Code?
    ) throws -> RateQuote {
        let book = RateBook(plans: try fetchRatePlans(db))
        let contracts = try company.map { try companyContracts(db, $0, before: stay.arrival) }
        let request = try QuoteRequest(roomType: roomType, stay: stay, rooms: rooms, companyCode: company, ratePlanCode: ratePlan)
        return try RateQuoter(hotel: hotel, book: book).quote(request, contracts: contracts)
    }

    /// The company's agreements and, per cumulative agreement, the room-nights accumulated before `night`:
    /// the opening balance plus the nights of its occupying reservations within the agreement's validity.
    static func companyContracts(_ db: Database, _ code: Code, before night: CalendarDate) throws
        -> CompanyContracts
    {
        let company = try requireCompany(db, code)
        let agreements = try fetchAgreements(db, company: code)
        var accumulated: [AgreementID: Int] = [:]
        for agreement in agreements where agreement.type == .cumulativeRoom {
            guard let id = agreement.id else { continue }
            // The stay being changed was released from the counters before it is priced again.
            let produced =
                try Int.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT COALESCE(SUM(rooms), 0) FROM company_night
                            WHERE company_code = ? AND night >= ? AND night <= ? AND night < ?
                            """),
                    arguments: [
                        code.rawValue, agreement.validity.first.description, agreement.validity.last.description,
                        night.description,
                    ]) ?? 0
            accumulated[id] = agreement.openingRoomNights + produced
        }
        return CompanyContracts(company: company, agreements: agreements, accumulatedRoomNights: accumulated)
    }

    static func checkControls(_ db: Database, quote: RateQuote) throws {
        let controls = try fetchControls(
            db, from: quote.stay.arrival, to: quote.stay.departure, ratePlan: quote.ratePlanCode)
        try StayControl.check(
            stay: quote.stay, ratePlan: quote.ratePlanCode, roomType: quote.roomType,
            lastRoomAvailability: quote.lastRoomAvailability, controls: controls)
    }

    static func checkInventory(_ db: Database, hotel: Hotel, roomType: Code, stay: Stay, rooms: Int) throws {
        let nights = try inventory(db, hotel: hotel, from: stay.arrival, to: stay.departure.adding(days: -1), roomType: roomType)
        for night in nights where !night.fits(rooms) {
            let left = max(0, night.available)
            throw DomainError.refused(
                "\(roomType) is full on \(night.night): \(left) of \(night.physical) rooms free (\(night.outOfOrder) out of order, \(night.sold) sold, \(night.held) held by blocks) and an overbooking allowance of \(night.overbookingAllowance); \(rooms) room\(rooms == 1 ? "" : "s") asked")
        }
    }

    /// Adds (`sign` 1) or removes (−1) the reservation's rooms and revenue to the inventory counters.
    ///
    /// Releasing is a plain UPDATE: SQLite checks an UPSERT's would-be-inserted row (with negative `sold`)
    /// against the table's CHECK constraints before it resolves the conflict.
    static func adjustInventory(_ db: Database, _ reservation: Reservation, sign: Int) throws {
        guard reservation.status.occupiesRooms else { return }
        for night in reservation.nights {
            let revenue = night.amount.minorUnits * Int64(reservation.rooms)
            if sign > 0 {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO inventory_night (room_type_code, night, sold, revenue_minor) VALUES (?, ?, ?, ?)
                        ON CONFLICT(night, room_type_code) DO UPDATE SET sold = sold + excluded.sold,
                            revenue_minor = revenue_minor + excluded.revenue_minor
                        """
                ).execute(arguments: [reservation.roomType.rawValue, night.night.description, reservation.rooms, revenue])
            } else {
                try db.cachedStatement(
                    sql: """
                        UPDATE inventory_night SET sold = sold - ?, revenue_minor = revenue_minor - ?
                        WHERE night = ? AND room_type_code = ?
                        """
                ).execute(arguments: [reservation.rooms, revenue, night.night.description, reservation.roomType.rawValue])
            }
            if let company = reservation.companyCode {
                if sign > 0 {
                    try db.cachedStatement(
                        sql: """
                            INSERT INTO company_night (company_code, night, rooms) VALUES (?, ?, ?)
                            ON CONFLICT(company_code, night) DO UPDATE SET rooms = rooms + excluded.rooms
                            """
                    ).execute(arguments: [company.rawValue, night.night.description, reservation.rooms])
                } else {
                    try db.cachedStatement(
                        sql: "UPDATE company_night SET rooms = rooms - ? WHERE company_code = ? AND night = ?"
                    ).execute(arguments: [reservation.rooms, company.rawValue, night.night.description])
                }
            }
        }
    }

    static func insert(_ reservation: Reservation, id: Int64, _ db: Database, author: ChangeAuthor) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO reservation (id, confirmation, source, channel_code, channel_reference, guest_name, room_type_code,
                    rate_plan_code, arrival, departure, rooms, status, company_code, vip_level, special_requests, billing, lra,
                    total_minor, currency, booked_on, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                id, reservation.confirmation, reservation.source.rawValue, reservation.channelCode?.rawValue,
                reservation.channelReference, reservation.guestName, reservation.roomType.rawValue,
                reservation.ratePlanCode.rawValue, reservation.stay.arrival.description, reservation.stay.departure.description,
                reservation.rooms, reservation.status.rawValue, reservation.companyCode?.rawValue, reservation.vipLevel,
                reservation.specialRequests, reservation.billing.rawValue, reservation.lastRoomAvailability,
                reservation.total.minorUnits, reservation.total.currency.code, reservation.bookedOn.description,
                author.timestamp, author.timestamp,
            ])
        try insertNights(db, id: id, reservation)
    }

    static let insertNightSQL = """
        INSERT INTO reservation_night (reservation_id, night, amount_minor, rate_plan_code, season, tier, basis)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    static func insertNights(_ db: Database, id: Int64, _ reservation: Reservation) throws {
        try insertNights(PreparedStatement(db, sql: insertNightSQL), id: id, reservation)
    }

    /// The nightly prices of a reservation (a bulk import passes its prepared statement).
    static func insertNights(_ statement: PreparedStatement, id: Int64, _ reservation: Reservation) throws {
        for night in reservation.nights {
            statement.reset()
            statement.bind(id)
            statement.bind(night.night.description)
            statement.bind(night.amount.minorUnits)
            statement.bind(night.ratePlanCode.rawValue)
            statement.bind(night.season)
            statement.bind(night.tier)
            statement.bind(night.basis)
            try statement.execute()
        }
    }

    static func replaceNights(_ db: Database, id: Int64, _ reservation: Reservation) throws {
        try db.execute(sql: "DELETE FROM reservation_night WHERE reservation_id = ?", arguments: [id])
        try insertNights(db, id: id, reservation)
    }

    static func update(_ db: Database, id: Int64, _ reservation: Reservation, author: ChangeAuthor) throws {
        try db.execute(
            sql: """
                UPDATE reservation SET guest_name = ?, room_type_code = ?, rate_plan_code = ?, arrival = ?, departure = ?,
                    rooms = ?, status = ?, vip_level = ?, special_requests = ?, lra = ?, total_minor = ?, updated_at = ?
                WHERE id = ?
                """,
            arguments: [
                reservation.guestName, reservation.roomType.rawValue, reservation.ratePlanCode.rawValue,
                reservation.stay.arrival.description, reservation.stay.departure.description, reservation.rooms,
                reservation.status.rawValue, reservation.vipLevel, reservation.specialRequests,
                reservation.lastRoomAvailability, reservation.total.minorUnits, author.timestamp, id,
            ])
    }

    static func requireReservation(_ db: Database, _ confirmation: String) throws -> (Int64, Reservation) {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM reservation WHERE confirmation = ?", arguments: [confirmation.uppercased()])
        else {
            throw DomainError.notFound(
                "reservation \(confirmation) does not exist; use a confirmation number from 'hotelsales bookings list'")
        }
        return (row["id"], try reservation(from: row, db))
    }

    static func reservation(from row: Row, _ db: Database) throws -> Reservation {
        let currency = try Currency(row["currency"])
        let id: Int64 = row["id"]
        let nights = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM reservation_night WHERE reservation_id = ? ORDER BY night"), arguments: [id]
        ).map { night in
            NightPrice(
                night: try CalendarDate(parsing: night["night"]), amount: Money(minorUnits: night["amount_minor"], currency: currency),
                ratePlanCode: try Code(night["rate_plan_code"]), season: night["season"], tier: night["tier"],
                basis: night["basis"])
        }
        return Reservation(
            confirmation: row["confirmation"], source: ReservationSource(rawValue: row["source"]) ?? .direct,
            channelCode: try (row["channel_code"] as String?).map { try Code($0) }, channelReference: row["channel_reference"],
            guestName: row["guest_name"], roomType: try Code(row["room_type_code"]), ratePlanCode: try Code(row["rate_plan_code"]),
            stay: try Stay(arrival: CalendarDate(parsing: row["arrival"]), departure: CalendarDate(parsing: row["departure"])),
            rooms: row["rooms"], status: try ReservationStatus(parsing: row["status"]),
            companyCode: try (row["company_code"] as String?).map { try Code($0) }, vipLevel: row["vip_level"],
            specialRequests: row["special_requests"], billing: try BillingInstruction(parsing: row["billing"]),
            lastRoomAvailability: row["lra"], nights: nights, bookedOn: try CalendarDate(parsing: row["booked_on"]),
            intermediaryCode: try (row["intermediary_code"] as String?).map { try Code($0) })
    }

    static func snapshot(_ reservation: Reservation) -> [String: String] {
        var values: [String: String] = [
            "confirmation": reservation.confirmation, "guest": reservation.guestName,
            "roomType": reservation.roomType.rawValue, "ratePlan": reservation.ratePlanCode.rawValue,
            "stay": reservation.stay.description, "rooms": String(reservation.rooms), "status": reservation.status.rawValue,
            "total": reservation.total.description, "billing": reservation.billing.rawValue,
            "nightly": reservation.nights.map { "\($0.night)=\($0.amount.decimalText)" }.joined(separator: " "),
        ]
        values["company"] = reservation.companyCode?.rawValue
        values["vip"] = reservation.vipLevel
        values["requests"] = reservation.specialRequests
        values["intermediary"] = reservation.intermediaryCode?.rawValue
        return values
    }

    /// `Database.json(snapshot(reservation))`, written field by field in sorted key order without building the
    /// dictionary: the channel import audits every booking it creates.
    static func snapshotJSON(_ reservation: Reservation) -> String {
        var object = FlatJSONObject()
        object.add("billing", reservation.billing.rawValue)
        object.add("company", reservation.companyCode?.rawValue)
        object.add("confirmation", reservation.confirmation)
        object.add("guest", reservation.guestName)
        object.add("intermediary", reservation.intermediaryCode?.rawValue)
        object.add("nightly", reservation.nights.map { "\($0.night)=\($0.amount.decimalText)" }.joined(separator: " "))
        object.add("ratePlan", reservation.ratePlanCode.rawValue)
        object.add("requests", reservation.specialRequests)
        object.add("roomType", reservation.roomType.rawValue)
        object.add("rooms", String(reservation.rooms))
        object.add("status", reservation.status.rawValue)
        object.add("stay", reservation.stay.description)
        object.add("total", reservation.total.description)
        object.add("vip", reservation.vipLevel)
        return object.text
    }
}
