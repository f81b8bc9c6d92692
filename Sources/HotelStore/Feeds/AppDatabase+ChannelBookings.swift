import Foundation
import GRDB
import HotelDomain

extension AppDatabase {
    /// Applies one channel message in one transaction: every record is created, modified, cancelled, kept
    /// as a tombstone, found unchanged, or quarantined with its reason; the message's digest is recorded so
    /// that importing it again changes nothing.
    ///
    /// Rules (DESIGN.md §6): identity is (channel, channel reservation id); a record older than the stored
    /// `LastModifyDateTime` does not overwrite newer data; a cancellation of an unknown booking leaves a
    /// tombstone that stops an older booking message from resurrecting it; a status-only record changes the
    /// status and nothing else; a modify overlays the whole booking; a channel booking is never refused for
    /// lack of rooms — the nights sold beyond capacity are reported as overbooked.
    public func importChannelMessage(_ message: ChannelMessageImport, by author: ChangeAuthor) throws -> ChannelMessageResult {
        try importChannelMessages([message], by: author)[0]
    }

    /// The reservation a channel booked under `reference`, if any.
    public func reservation(channel: Code, reference: String) throws -> Reservation? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM reservation WHERE channel_code = ? AND channel_reference = ?",
                    arguments: [channel.rawValue, reference])
            else { return nil }
            return try Self.reservation(from: row, db)
        }
    }

    /// Applies several messages in one transaction, so that the disk sees one commit for the batch.
    ///
    /// Why: a commit writes every page the transaction touched to the WAL; one commit per message wrote
    /// about 40 KB per booking and capped a nightly import near 1,200 bookings/s. Each message is still
    /// all-or-nothing without a savepoint of its own: a record is checked completely before anything of it
    /// is written (a refused record is quarantined, which is the message's effect), and any other error —
    /// the disk, a constraint — rolls back the whole batch and fails the import. (A savepoint per message
    /// cost more than the message: SQLite copies every page first touched inside a savepoint to its
    /// sub-journal.) A process killed mid-batch loses the whole uncommitted batch, message digests included,
    /// so importing the file again redoes exactly those messages and ends in the same state as an
    /// uninterrupted import.
    ///
    /// `body` applies the messages one by one as they arrive (`ChannelImportTransaction.apply`), so a batch
    /// is never held in memory; `inventory` carries the inventory counters from one batch of a file to the
    /// next (see `ChannelInventory`). (A dry run imports into `temporaryCopy()`, so that each batch sees the
    /// ones before it.)
    public func importChannelMessages<T: Sendable>(
        inventory: ChannelInventory = ChannelInventory(), by author: ChangeAuthor,
        _ body: @escaping @Sendable (ChannelImportTransaction) throws -> T
    ) throws -> T {
        let work: @Sendable (Database) throws -> T = { db in
            let transaction = ChannelImportTransaction(db: db, batch: try ChannelBatch(db, inventory: inventory), author: author)
            let result = try body(transaction)
            try transaction.batch.finish()
            return result
        }
        do {
            let result = try bulkWrite(work)
            inventory.committed()
            return result
        } catch {
            inventory.forget()
            throw error
        }
    }

    /// Applies the given messages in one transaction (see the streaming form above).
    public func importChannelMessages(
        _ messages: [ChannelMessageImport], inventory: ChannelInventory = ChannelInventory(), by author: ChangeAuthor
    ) throws -> [ChannelMessageResult] {
        try importChannelMessages(inventory: inventory, by: author) { transaction in
            try messages.map { try transaction.apply($0) }
        }
    }

    static func importChannelMessage(
        _ db: Database, _ message: ChannelMessageImport, batch: ChannelBatch, author: ChangeAuthor
    ) throws -> ChannelMessageResult {
        // How the exactly-once table finds the message: its reference (v13), and its digest key for rows before it.
        let identity = message.digest.map {
            (digest: $0, reference: Self.feedMessageReference(message.records, digest: $0), key: Self.feedMessageKey($0))
        }
        if let identity {
            batch.messageSeen.reset()
            batch.messageSeen.bind(identity.reference)
            batch.messageSeen.bind(identity.digest)
            if batch.legacyMessagesExist { batch.messageSeen.bind(identity.key) }
            if try batch.messageSeen.firstInteger() != nil {
                return ChannelMessageResult(alreadyImported: true, outcomes: [])
            }
        }
        var outcomes: [(reference: String?, outcome: ChannelRecordOutcome)] = []
        for record in message.records {
            switch record {
            case .success(let reservation):
                // No savepoint per record: `apply` refuses a record (ChannelRecordError) before it writes
                // anything, and any other error rolls the whole message back.
                let outcome: ChannelRecordOutcome
                do {
                    outcome = try Self.apply(
                        reservation, batch: batch, today: message.today, defaultRoomType: message.defaultRoomType, db,
                        author: author)
                } catch let error as ChannelRecordError {
                    let id = try Self.quarantine(
                        db, message, reference: error.reference ?? reservation.reference, reason: error.reason,
                        author: author)
                    outcome = .quarantined(reason: error.reason, quarantineID: id)
                }
                outcomes.append((reservation.reference, outcome))
            case .failure(let error):
                let id = try Self.quarantine(
                    db, message, reference: error.reference, reason: error.reason, author: author)
                outcomes.append((error.reference, .quarantined(reason: error.reason, quarantineID: id)))
            }
        }
        if let identity, let fileID = message.feedFileID {
            let summary = outcomes.isEmpty ? "empty" : outcomes.map { Self.word($0.outcome) }.joined(separator: ",")
            let insert = batch.recordMessage
            insert.reset()
            insert.bind(identity.reference)
            insert.bind(identity.key)
            insert.bind(identity.digest)
            insert.bind(message.channel.rawValue)
            insert.bind(fileID)
            insert.bind(message.position)
            insert.bind(summary)
            try insert.execute()
        }
        if let retried = message.retriedQuarantineID {
            let stillQuarantined = outcomes.contains { if case .quarantined = $0.outcome { true } else { false } }
            if !stillQuarantined {
                try db.execute(
                    sql: "UPDATE quarantine SET status = 'resolved', resolved_at = ? WHERE id = ?",
                    arguments: [author.timestamp, retried])
            }
        }
        return ChannelMessageResult(alreadyImported: false, outcomes: outcomes)
    }

    /// Quarantines a message that could not be read at all (its records unknown), with its reason.
    @discardableResult
    public func quarantineMessage(
        channel: Code, feedFileID: Int64?, filePath: String, position: Int, line: Int, reason: String, payload: String?,
        by author: ChangeAuthor
    ) throws -> Int64 {
        try write { db in
            let message = ChannelMessageImport(
                channel: channel, digest: nil, feedFileID: feedFileID, filePath: filePath, position: position,
                line: line,
                records: [], payload: { payload }, today: CalendarDate(dayNumber: 0))
            return try Self.quarantine(db, message, reference: nil, reason: reason, author: author)
        }
    }

    static func word(_ outcome: ChannelRecordOutcome) -> String {
        switch outcome {
        case .created: "created"
        case .modified: "modified"
        case .cancelled: "cancelled"
        case .unchanged: "unchanged"
        case .tombstoned: "tombstoned"
        case .quote: "quote"
        case .quarantined: "quarantined"
        }
    }

    static func quarantine(
        _ db: Database, _ message: ChannelMessageImport, reference: String?, reason: String, author: ChangeAuthor
    ) throws -> Int64 {
        if let retried = message.retriedQuarantineID {
            try db.execute(sql: "UPDATE quarantine SET reason = ? WHERE id = ?", arguments: [reason, retried])
            return retried
        }
        try db.execute(
            sql: """
                INSERT INTO quarantine (channel_code, feed_file_id, file_path, position, line, reference, reason, payload, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                message.channel.rawValue, message.feedFileID, message.filePath, message.position, message.line,
                reference,
                reason, message.payload(), author.timestamp,
            ])
        return db.lastInsertedRowID
    }

    // MARK: - One record

    private struct StoredChannelBooking {
        var id: Int64
        var reservation: Reservation
        var lastModified: Int64?
    }

    static func apply(
        _ record: ChannelReservation, batch: ChannelBatch, today: CalendarDate, defaultRoomType: Code?, _ db: Database,
        author: ChangeAuthor
    ) throws -> ChannelRecordOutcome {
        let hotel = batch.hotel
        let existing = try storedChannelBooking(db, channel: record.channel, reference: record.reference, batch: batch)
        let tombstone =
            batch.tombstonesExist
            ? try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT last_modified FROM channel_tombstone WHERE channel_code = ? AND reference = ?"),
                arguments: [record.channel.rawValue, record.reference]) : nil
        if let existing, isStale(record.lastModified, than: existing.lastModified) {
            return .unchanged(
                confirmation: existing.reservation.confirmation,
                reason: "message modified \(record.lastModifiedText ?? "earlier") is older than the stored booking")
        }
        switch record.action {
        case .quote:
            return .quote
        case .cancel:
            guard let existing else {
                let kept: Int64? = tombstone?["last_modified"]
                if tombstone == nil || (record.lastModified ?? Int64.min) > (kept ?? Int64.min) {
                    try db.execute(
                        sql: """
                            INSERT INTO channel_tombstone (channel_code, reference, last_modified, recorded_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT(channel_code, reference) DO UPDATE SET last_modified = excluded.last_modified
                            """,
                        arguments: [record.channel.rawValue, record.reference, record.lastModified, author.timestamp])
                    batch.noteTombstone()
                }
                return .tombstoned
            }
            var reservation = existing.reservation
            switch reservation.status {
            case .cancelled: return .unchanged(confirmation: reservation.confirmation, reason: "already cancelled")
            case .checkedIn, .checkedOut, .noShow:
                throw ChannelRecordError(
                    reference: record.reference,
                    reason:
                        "the channel cancels reservation \(record.reference) (\(reservation.confirmation)), which is \(reservation.status.rawValue); a person must settle it"
                )
            case .tentative, .confirmed:
                _ = try batch.changeInventory(reservation, sign: -1)
                let old = reservation
                reservation.status = .cancelled
                try update(db, id: existing.id, reservation, author: author)
                try setChannelModified(db, id: existing.id, record.lastModified)
                try db.audit(
                    author, entity: "reservation", key: reservation.confirmation, action: "channel-cancel",
                    old: snapshot(old), new: snapshot(reservation))
                return .cancelled(confirmation: reservation.confirmation)
            }
        case .book, .modify:
            if existing == nil, let tombstone {
                let kept: Int64? = tombstone["last_modified"]
                if !(record.lastModified.map { modified in kept.map { modified > $0 } ?? false } ?? false) {
                    return .unchanged(
                        confirmation: nil,
                        reason:
                            "the channel cancelled \(record.reference) earlier; this older booking message does not bring it back"
                    )
                }
            }
            if record.isStatusOnly {
                guard let existing else {
                    throw ChannelRecordError(
                        reference: record.reference,
                        reason:
                            "status update for \(record.reference), a booking this hotel has not received; import the booking message first"
                    )
                }
                var reservation = existing.reservation
                guard record.action == .book, reservation.status == .tentative || reservation.status == .cancelled
                else {
                    return .unchanged(
                        confirmation: reservation.confirmation, reason: "status already \(reservation.status.rawValue)")
                }
                let old = reservation
                let wasOccupying = reservation.status.occupiesRooms
                reservation.status = .confirmed
                let overbooked = wasOccupying ? [] : try batch.changeInventory(reservation, sign: 1)
                try update(db, id: existing.id, reservation, author: author)
                try setChannelModified(db, id: existing.id, record.lastModified)
                try db.audit(
                    author, entity: "reservation", key: reservation.confirmation, action: "channel-status",
                    old: snapshot(old), new: snapshot(reservation))
                return .modified(confirmation: reservation.confirmation, overbooked: overbooked)
            }
            var complete = record
            if complete.roomType == nil {
                // A modify that omits the room type keeps it; a new booking takes the channel's default.
                complete.roomType = existing?.reservation.roomType ?? defaultRoomType
            }
            let incoming = try reservation(
                from: complete, batch: batch, today: today, confirmation: existing?.reservation.confirmation, db)
            if let existing {
                var next = incoming
                next.bookedOn = existing.reservation.bookedOn
                if next.status == .confirmed, existing.reservation.status == .checkedIn { next.status = .checkedIn }
                if next == existing.reservation {
                    try setChannelModified(db, id: existing.id, record.lastModified)
                    return .unchanged(confirmation: next.confirmation, reason: "same as the stored booking")
                }
                _ = try batch.changeInventory(existing.reservation, sign: -1)
                try update(db, id: existing.id, next, author: author)
                try replaceNights(db, id: existing.id, next)
                try storeChannelDetails(db, id: existing.id, record)
                let overbooked = try batch.changeInventory(next, sign: 1)
                try db.audit(
                    author, entity: "reservation", key: next.confirmation, action: "channel-modify",
                    old: snapshot(existing.reservation), new: snapshot(next))
                return .modified(confirmation: next.confirmation, overbooked: overbooked)
            }
            let id = try batch.takeReservationID(db)
            var created = incoming
            created.confirmation = confirmation(hotel: hotel, id: id)
            try insertChannelBooking(batch.insertReservation, created, id: id, record, author: author)
            try insertNights(batch.insertNight, id: id, created)
            let overbooked = try batch.changeInventory(created, sign: 1)
            if tombstone != nil {
                try db.execute(
                    sql: "DELETE FROM channel_tombstone WHERE channel_code = ? AND reference = ?",
                    arguments: [record.channel.rawValue, record.reference])
            }
            // The booking as created is not copied into the row: it is the reservation itself until its first
            // change, whose audit row keeps it as the old value (see `AuditEntry.channelCreate`).
            try db.audit(
                author, entity: "reservation", key: created.confirmation, action: AuditEntry.channelCreate,
                oldJSON: nil, newJSON: nil)
            return .created(confirmation: created.confirmation, overbooked: overbooked)
        }
    }

    /// Whether a record modified at `incoming` is older than what is stored (both known).
    static func isStale(_ incoming: Int64?, than stored: Int64?) -> Bool {
        guard let incoming, let stored else { return false }
        return incoming < stored
    }

    /// The reservation a channel record describes, checked against the hotel.
    static func reservation(
        from record: ChannelReservation, batch: ChannelBatch, today: CalendarDate, confirmation: String?, _ db: Database
    ) throws -> Reservation {
        let hotel = batch.hotel
        func refuse(_ reason: String) -> ChannelRecordError {
            ChannelRecordError(reference: record.reference, reason: reason)
        }
        guard let stay = record.stay else { throw refuse("reservation \(record.reference) has no stay dates") }
        guard let roomType = record.roomType else { throw refuse("reservation \(record.reference) has no room type") }
        guard batch.physicalRooms[roomType] != nil else {
            throw refuse("room type \(roomType) of reservation \(record.reference) is not a room type of \(hotel.code)")
        }
        guard let ratePlan = record.ratePlan else {
            throw refuse(
                "reservation \(record.reference) has no rate plan and channel \(record.channel) has no default rate plan"
            )
        }
        guard let lastRoomAvailability = try batch.lastRoomAvailability(of: ratePlan, db) else {
            throw refuse(
                "rate plan \(ratePlan) of reservation \(record.reference) does not exist; import it or change the channel mapping"
            )
        }
        let guestName = record.guest.name.trimmingWhitespace
        guard !guestName.isEmpty else {
            throw refuse("reservation \(record.reference) has no guest name")
        }
        guard record.rooms >= 1, record.rooms <= 500 else {
            throw refuse("reservation \(record.reference) asks for \(record.rooms) rooms; 1 to 500 are valid")
        }
        // Night by night, without making the two lists.
        guard record.nights.count == stay.nightCount,
            record.nights.indices.allSatisfy({ record.nights[$0].night == stay.arrival.adding(days: $0) })
        else {
            throw refuse(
                "the nightly prices of reservation \(record.reference) do not cover \(stay.nightRange) night by night")
        }
        for night in record.nights where night.amount.currency != hotel.currency || night.amount.minorUnits < 0 {
            throw refuse(
                "price \(night.amount) on \(night.night) of reservation \(record.reference) is not a \(hotel.currency) amount of 0 or more"
            )
        }
        let basis = batch.priceBasis(of: record.channel)
        return Reservation(
            confirmation: confirmation ?? "", source: .channel, channelCode: record.channel,
            channelReference: record.reference,
            guestName: guestName, roomType: roomType, ratePlanCode: ratePlan, stay: stay,
            rooms: record.rooms, status: .confirmed,
            specialRequests: record.specialRequests.isEmpty ? nil : record.specialRequests.joined(separator: "; "),
            lastRoomAvailability: lastRoomAvailability,
            nights: record.nights.map {
                NightPrice(
                    night: $0.night, amount: $0.amount, ratePlanCode: ratePlan, season: nil, tier: nil,
                    basis: basis)
            },
            bookedOn: today)
    }

    /// Stores what the channel said beyond the stay. A modify overlays the booking, but contacts, the travel
    /// agent and the card guarantee that it leaves out are kept: channels often omit them in modifications.
    static func storeChannelDetails(_ db: Database, id: Int64, _ record: ChannelReservation) throws {
        let (commissionBasisPoints, commissionMinor) = commissionColumns(record)
        try db.cachedStatement(
            sql: """
                UPDATE reservation SET channel_last_modified = ?, guest_email = COALESCE(?, guest_email),
                    guest_phone = COALESCE(?, guest_phone), adults = ?, child_ages = ?, commission_bp = ?, commission_minor = ?,
                    travel_agent_name = COALESCE(?, travel_agent_name), travel_agent_iata = COALESCE(?, travel_agent_iata),
                    meal_plan = ?, comments = ?, card_last_four = COALESCE(?, card_last_four),
                    card_expiry = COALESCE(?, card_expiry)
                WHERE id = ?
                """
        ).execute(
            arguments: [
                record.lastModified, record.guest.email, record.guest.phone, record.guest.adults,
                record.guest.childAges.map(String.init).joined(separator: ","), commissionBasisPoints, commissionMinor,
                record.travelAgent?.name, record.travelAgent?.iataNumber, record.mealPlan,
                record.comments.isEmpty ? nil : record.comments.joined(separator: "\n"),
                record.cardLastFour.map { String($0.suffix(4)) }, record.cardExpiry, id,
            ])
    }

    /// The commission as the channel sent it: basis points, or an amount in minor units.
    static func commissionColumns(_ record: ChannelReservation) -> (Int?, Int64?) {
        switch record.commission {
        case .percent(let share): (share.value, nil)
        case .amount(let amount): (nil, amount.minorUnits)
        case nil: (nil, nil)
        }
    }

    /// A new channel booking with everything the channel said, in one insert (its nights follow).
    static func insertChannelBooking(
        _ statement: PreparedStatement, _ reservation: Reservation, id: Int64, _ record: ChannelReservation,
        author: ChangeAuthor
    ) throws {
        let (commissionBasisPoints, commissionMinor) = commissionColumns(record)
        statement.reset()
        statement.bind(id)
        statement.bind(reservation.confirmation)
        statement.bind(reservation.source.rawValue)
        statement.bind(reservation.channelCode?.rawValue)
        statement.bind(reservation.channelReference)
        statement.bind(reservation.guestName)
        statement.bind(reservation.roomType.rawValue)
        statement.bind(reservation.ratePlanCode.rawValue)
        statement.bind(reservation.stay.arrival.description)
        statement.bind(reservation.stay.departure.description)
        statement.bind(reservation.rooms)
        statement.bind(reservation.status.rawValue)
        statement.bind(reservation.companyCode?.rawValue)
        statement.bind(reservation.vipLevel)
        statement.bind(reservation.specialRequests)
        statement.bind(reservation.billing.rawValue)
        statement.bind(reservation.lastRoomAvailability)
        statement.bind(reservation.total.minorUnits)
        statement.bind(reservation.total.currency.code)
        statement.bind(reservation.bookedOn.description)
        statement.bind(author.timestamp)
        statement.bind(author.timestamp)
        statement.bind(record.lastModified)
        statement.bind(record.guest.email)
        statement.bind(record.guest.phone)
        statement.bind(record.guest.adults)
        statement.bind(record.guest.childAges.map(String.init).joined(separator: ","))
        statement.bind(commissionBasisPoints)
        statement.bind(commissionMinor)
        statement.bind(record.travelAgent?.name)
        statement.bind(record.travelAgent?.iataNumber)
        statement.bind(record.mealPlan)
        statement.bind(record.comments.isEmpty ? nil : record.comments.joined(separator: "\n"))
        statement.bind(record.cardLastFour.map { String($0.suffix(4)) })
        statement.bind(record.cardExpiry)
        try statement.execute()
    }

    static func setChannelModified(_ db: Database, id: Int64, _ lastModified: Int64?) throws {
        guard let lastModified else { return }
        try db.execute(
            sql:
                "UPDATE reservation SET channel_last_modified = MAX(COALESCE(channel_last_modified, ?), ?) WHERE id = ?",
            arguments: [lastModified, lastModified, id])
    }

    private static func storedChannelBooking(_ db: Database, channel: Code, reference: String, batch: ChannelBatch)
        throws -> StoredChannelBooking?
    {
        // Most records are new bookings: a look at the index answers them without reading a row.
        batch.channelBookingID.reset()
        batch.channelBookingID.bind(channel.rawValue)
        batch.channelBookingID.bind(reference)
        guard let id = try batch.channelBookingID.firstInteger(),
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM reservation WHERE id = ?"), arguments: [id])
        else { return nil }
        return StoredChannelBooking(
            id: row["id"], reservation: try reservation(from: row, db), lastModified: row["channel_last_modified"])
    }
}

extension AppDatabase {
    /// The channel details of a channel booking; `nil` for a direct or company booking.
    public func channelDetails(_ confirmation: String) throws -> ChannelBookingDetails? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM reservation WHERE confirmation = ? AND channel_code IS NOT NULL",
                    arguments: [confirmation.uppercased()])
            else { return nil }
            let ages: String = row["child_ages"] ?? ""
            return ChannelBookingDetails(
                channel: try Code(row["channel_code"] as String), reference: row["channel_reference"],
                lastModified: row["channel_last_modified"], email: row["guest_email"], phone: row["guest_phone"],
                adults: row["adults"], childAges: ages.split(separator: ",").compactMap { Int($0) },
                commissionBasisPoints: row["commission_bp"], commissionMinorUnits: row["commission_minor"],
                travelAgentName: row["travel_agent_name"], travelAgentIATA: row["travel_agent_iata"],
                mealPlan: row["meal_plan"], comments: row["comments"], cardLastFour: row["card_last_four"],
                cardExpiry: row["card_expiry"])
        }
    }
}
