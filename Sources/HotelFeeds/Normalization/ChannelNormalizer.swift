import HotelDomain

/// Turns the booking messages of one channel, as parsed, into `ChannelReservation`s in the hotel's terms: an
/// action, the channel's reservation id, nights with prices in the hotel's currency, mapped room type and rate
/// plan, guest, commission and travel agent.
///
/// Rule: one result per `HotelReservation` (or one for an `OTA_CancelRQ`), so that a bad record is refused on
/// its own and the rest of the message still imports. A refused record is a `ChannelRecordError` naming the
/// value and what would be valid; it never stops the others. The per-channel reading rules (implied decimals,
/// inclusive `ExpireDate`, commission as a fraction, hotel codes, code mappings) come from `channel`.
/// Example: AlpineBits' sample reservation, for a channel mapping `bigsuite` → STE, gives book
/// `6b34fe24ac2ff810`, Otto Mustermann, STE 2022-01-01…2022-01-12 (11 nights), total 299.00 EUR spread as
/// 27.18 a night and 27.20 on the last, commission 15%, travel agent ACME Travel Agency.
///
///     let normalizer = ChannelNormalizer(channel: alpine, currency: try Currency("EUR"))
///     for result in normalizer.normalize(message) {
///         switch result {
///         case .success(let reservation): store(reservation)
///         case .failure(let error): quarantine(error.reference, reason: error.reason)
///         }
///     }
public struct ChannelNormalizer: Sendable {
    /// The channel whose messages are read, with its mappings and settings.
    public let channel: Channel
    /// The hotel's currency: every amount must be in it (or carry no currency code, then it is assumed).
    public let currency: Currency

    /// A normalizer for `channel`'s messages to a hotel that sells in `currency`.
    public init(channel: Channel, currency: Currency) {
        self.channel = channel
        self.currency = currency
    }

    /// The records of `message`, in document order, each normalized or refused with its reason.
    ///
    /// Rule: an `OTA_CancelRQ` gives exactly one record (its `UniqueID`); any other message one record per
    /// `HotelReservation`, none when `HotelReservations` is empty. Example: AlpineBits' push status update
    /// (sample 04) gives two status-only records, book `6b34fe24ac999999` and cancel `6b34fe24ac244444`.
    public func normalize(_ message: OTABookingMessage) -> [Result<ChannelReservation, ChannelRecordError>] {
        if message.type == .cancel {
            return [cancellation(in: message)]
        }
        return message.reservations.map { result(for: $0, in: message) }
    }

    /// One `HotelReservation`: identity first (an error without it has no reference), then everything else.
    private func result(
        for reservation: OTAHotelReservation, in message: OTABookingMessage
    ) -> Result<ChannelReservation, ChannelRecordError> {
        let reference: String
        do {
            reference = try self.reference(of: reservation)
        } catch {
            return .failure(ChannelRecordError(reference: nil, reason: error.reason))
        }
        do {
            return .success(try record(of: reservation, reference: reference, in: message))
        } catch {
            return .failure(ChannelRecordError(reference: reference, reason: error.reason))
        }
    }

    /// An `OTA_CancelRQ`: always `.cancel`, status-only, identified by its `UniqueID`, timed by the root
    /// `TimeStamp`; a hotel code in its `Verification` must be one of the channel's.
    ///
    /// Example: OpenTravel's sample (11) cancels `99999999` at 2010-10-18T14:28:47-05:00 (1_287_430_127_000 ms);
    /// its `CancelType="Initiate"` does not change the action.
    private func cancellation(in message: OTABookingMessage) -> Result<ChannelReservation, ChannelRecordError> {
        guard let cancellation = message.cancellation,
            let reference = Self.preferredUniqueID(cancellation.uniqueIDs)
        else {
            return .failure(
                ChannelRecordError(
                    reference: nil,
                    reason: "OTA_CancelRQ at line \(message.line) has no UniqueID with an ID; "
                        + "a cancellation must name the channel's reservation id"))
        }
        do {
            let (lastModified, lastModifiedText) = try lastModification(of: nil, in: message)
            let hotelCode = try checkedHotelCode(among: [cancellation.verification?.basicPropertyInfo?.hotelCode])
            return .success(
                ChannelReservation(
                    channel: channel.code, reference: reference, action: .cancel, isStatusOnly: true,
                    lastModified: lastModified, lastModifiedText: lastModifiedText, hotelCode: hotelCode))
        } catch {
            return .failure(ChannelRecordError(reference: reference, reason: error.reason))
        }
    }

    /// Reads one identified reservation.
    ///
    /// Rule: a record without `RoomStays` is status-only: identity, action, last modification and hotel code,
    /// nothing else (AlpineBits sends cancellations and status updates that way, samples 02 and 04). A book or
    /// modify is read strictly: every unreadable value refuses the record. A quote (Requested) or a cancel that
    /// does carry room stays is read leniently: what can be read is kept and the rest left empty, because a
    /// quote request is acknowledged and ignored, and a cancel needs only its id (no mapping, no prices).
    private func record(
        of reservation: OTAHotelReservation, reference: String, in message: OTABookingMessage
    ) throws(RecordProblem) -> ChannelReservation {
        let action = try self.action(of: reservation, in: message)
        let (lastModified, lastModifiedText) = try lastModification(of: reservation, in: message)
        let hotelCode = try checkedHotelCode(
            among: reservation.roomStays.map(\.basicPropertyInfo?.hotelCode)
                + [reservation.globalInfo.basicPropertyInfo?.hotelCode])
        var record = ChannelReservation(
            channel: channel.code, reference: reference, action: action,
            isStatusOnly: reservation.roomStays.isEmpty, lastModified: lastModified,
            lastModifiedText: lastModifiedText, hotelCode: hotelCode)
        guard !reservation.roomStays.isEmpty else { return record }

        let strict = action == .book || action == .modify
        let reading = Reading(strict: strict)

        let stays = try reservation.roomStays.map { (roomStay) throws(RecordProblem) in
            try self.roomStay(roomStay, global: reservation.globalInfo, reading: reading)
        }
        let merged =
            try reading.value { () throws(RecordProblem) in
                try mergedRoomStays(stays, reference: reference)
            } ?? stays[0]
        record.roomType = merged.roomType
        record.ratePlan = merged.ratePlan
        record.stay = merged.stay
        record.rooms = merged.rooms
        record.total = try reading.value { () throws(RecordProblem) in
            if let total = merged.total { return total }
            return try globalTotal(of: reservation)
        }
        record.nights =
            try reading.value { () throws(RecordProblem) in
                try nightlyPrices(merged, total: record.total)
            } ?? []

        record.guest = guest(of: reservation, party: merged.party)
        if strict, record.guest.name.isEmpty {
            throw RecordProblem(
                "reservation \(reference) has no guest name; a booking needs the lead guest's GivenName or Surname "
                    + "in ResGuests/ResGuest/Profiles/ProfileInfo/Profile/Customer/PersonName")
        }
        record.commission = try reading.value { () throws(RecordProblem) in
            try commission(of: reservation)
        }
        record.travelAgent = travelAgent(of: reservation, in: message)
        record.mealPlan = mealPlan(of: reservation)
        record.comments = comments(of: reservation)
        record.specialRequests = specialRequests(of: reservation)
        if let card = paymentCard(of: reservation) {
            record.cardLastFour = card.lastFourDigits
            record.cardExpiry = card.expireDate
        }
        return record
    }

    /// `LastModifyDateTime`, else `CreateDateTime`, else the message's `TimeStamp`, as epoch milliseconds.
    ///
    /// Rule: the first one present is used and must be a valid date-time, or the record is refused (it could
    /// not be ordered against newer data). None at all gives `nil`. Example: sample 04's second record has
    /// both and uses `LastModifyDateTime="2023-06-12T12:00:00+01:00"`, 1_686_567_600_000 ms.
    func lastModification(
        of reservation: OTAHotelReservation?, in message: OTABookingMessage
    ) throws(RecordProblem) -> (Int64?, String?) {
        if let text = reservation?.lastModifyDateTime, !text.isEmpty {
            return (try FeedTimestamp(parsing: text, attribute: "LastModifyDateTime").millisecondsSince1970, text)
        }
        if let text = reservation?.createDateTime, !text.isEmpty {
            return (try FeedTimestamp(parsing: text, attribute: "CreateDateTime").millisecondsSince1970, text)
        }
        if let text = message.timeStamp, !text.isEmpty {
            return (try FeedTimestamp(parsing: text, attribute: "TimeStamp").millisecondsSince1970, text)
        }
        return (nil, nil)
    }

    /// The hotel code of the record, checked against the channel's.
    ///
    /// Rule: `BasicPropertyInfo/@HotelCode` of the room stays, else of `ResGlobalInfo`; when the channel lists
    /// hotel codes, every code the record carries must be one of them, else the record is for another hotel.
    /// A record that names no hotel is accepted (status updates rarely do). Example: channel codes `SHBUND`,
    /// message `HotelCode="123"` → refused.
    func checkedHotelCode(among codes: [String?]) throws(RecordProblem) -> String? {
        let present = codes.compactMap { $0 }.filter { !$0.isEmpty }
        let accepted = channel.settings.hotelCodes
        if !accepted.isEmpty {
            for code in present where !accepted.contains(code) {
                throw RecordProblem(
                    "hotel code \"\(code)\" is not one of this channel's hotel codes "
                        + "\(accepted.joined(separator: ", ")); the message is for another hotel, or add \"\(code)\" "
                        + "to the hotel codes of channel \(channel.code)")
            }
        }
        return present.first
    }
}

/// Whether a value that cannot be read refuses the record (book, modify) or is left empty (quote, cancel).
struct Reading {
    let strict: Bool

    /// The value `read` gives; when it fails, the failure (strict) or `nil` (lenient).
    func value<Value>(_ read: () throws(RecordProblem) -> Value?) throws(RecordProblem) -> Value? {
        do {
            return try read()
        } catch {
            if strict { throw error }
            return nil
        }
    }
}
