import HotelDomain

/// One `RoomStay` read into the hotel's terms, before room stays are merged into the reservation.
struct RoomStayReading: Sendable {
    var line: Int
    var roomTypeCode: String?
    var roomType: Code?
    var ratePlanCode: String?
    var ratePlan: Code?
    var stay: Stay?
    var rooms: Int
    /// The nightly `Rate`s, each over the nights it covers; empty when the room stay has only a total.
    var periods: [RatePeriod]
    /// The room stay's `Total` (all its rooms).
    var total: Money?
    var party: Party?
}

/// A `Rate` over the nights `first ..< end` at `amount` per room and night.
struct RatePeriod: Hashable, Sendable {
    var first: CalendarDate
    var end: CalendarDate
    var amount: Money

    /// `the Rate for the nights 2027-03-01…2027-03-02`.
    var description: String {
        let last = end.adding(days: -1)
        return first == last ? "the Rate for the night \(first)" : "the Rate for the nights \(first)…\(last)"
    }
}

/// Adults and the ages of the children.
struct Party: Hashable, Sendable {
    var adults: Int
    var childAges: [Int]
}

extension ChannelNormalizer {
    /// Reads one room stay: codes mapped, stay, rooms, nightly rates, total and party.
    ///
    /// Rule: `RoomType/@RoomTypeCode` (else `RoomRate/@RoomTypeCode`) through the channel's room-type mapping;
    /// `RatePlan/@RatePlanCode` (else `RoomRate/@RatePlanCode`, else the channel's default rate plan) through
    /// its rate-plan mapping; rooms from `RoomType/@NumberOfUnits` (else `RoomRate/@NumberOfUnits`, else 1).
    /// A room stay without room type code keeps `roomType == nil` (OpenTravel's samples 07 and 10 name none):
    /// there is nothing to map, and the importer decides. `TimeSpan` and `GuestCounts` fall back to those of
    /// `ResGlobalInfo`. Example: AlpineBits' `RoomTypeCode="bigsuite"` with `bigsuite` → STE gives STE.
    func roomStay(
        _ roomStay: OTARoomStay, global: OTAResGlobalInfo, reading: Reading
    ) throws(RecordProblem) -> RoomStayReading {
        let roomTypeCode =
            Self.trimmed(roomStay.roomTypes.first?.roomTypeCode)
            ?? Self.trimmed(roomStay.roomRates.first?.roomTypeCode)
        let ratePlanCode =
            Self.trimmed(roomStay.ratePlans.first?.ratePlanCode)
            ?? Self.trimmed(roomStay.roomRates.first?.ratePlanCode)
        var result = RoomStayReading(
            line: roomStay.line, roomTypeCode: roomTypeCode, ratePlanCode: ratePlanCode, rooms: 1, periods: [])
        result.roomType = try reading.value { () throws(RecordProblem) in try mappedRoomType(roomTypeCode) }
        result.ratePlan = try reading.value { () throws(RecordProblem) in
            try mappedRatePlan(ratePlanCode, strict: reading.strict)
        }
        result.rooms =
            try reading.value { () throws(RecordProblem) in
                try rooms(
                    Self.trimmed(roomStay.roomTypes.first?.numberOfUnits)
                        ?? Self.trimmed(roomStay.roomRates.first?.numberOfUnits))
            } ?? 1
        result.stay = try reading.value { () throws(RecordProblem) in
            try stay(of: roomStay, timeSpan: roomStay.timeSpan ?? global.timeSpan, strict: reading.strict)
        }
        if let stay = result.stay {
            result.periods =
                try reading.value { () throws(RecordProblem) in
                    try ratePeriods(of: roomStay, arrival: stay.arrival, departure: stay.departure)
                } ?? []
        }
        result.total = try reading.value { () throws(RecordProblem) in
            try preferredAmount(of: roomStay.total, element: "RoomStay Total")
        }
        let counts = roomStay.guestCounts.isEmpty ? global.guestCounts : roomStay.guestCounts
        result.party = try reading.value { () throws(RecordProblem) in
            try party(of: counts, perRoom: roomStay.guestCountsArePerRoom, rooms: result.rooms)
        }
        return result
    }

    /// The hotel's room type for a channel room-type code; an unmapped code refuses the record with the fix.
    func mappedRoomType(_ code: String?) throws(RecordProblem) -> Code? {
        guard let code else { return nil }
        guard let mapped = channel.roomTypes[code] else {
            throw RecordProblem(
                "room type code \"\(code)\" is not mapped for channel \(channel.code); map it with: "
                    + "channels map --channel \(channel.code) --room-type-code \"\(code)\" --to CODE "
                    + "(CODE: the hotel's room type)")
        }
        return mapped
    }

    /// The hotel's rate plan for a channel rate-plan code, or the channel's default rate plan when the room
    /// stay names none; an unmapped code refuses the record with the fix.
    func mappedRatePlan(_ code: String?, strict: Bool) throws(RecordProblem) -> Code? {
        guard let code else {
            if let fallback = channel.settings.defaultRatePlan { return fallback }
            guard !strict else {
                throw RecordProblem(
                    "the room stay has no RatePlanCode and channel \(channel.code) has no default rate plan; "
                        + "give the channel a default rate plan")
            }
            return nil
        }
        guard let mapped = channel.ratePlans[code] else {
            throw RecordProblem(
                "rate plan code \"\(code)\" is not mapped for channel \(channel.code); map it with: "
                    + "channels map --channel \(channel.code) --rate-plan-code \"\(code)\" --to CODE "
                    + "(CODE: the hotel's rate plan)")
        }
        return mapped
    }

    /// `NumberOfUnits` as a number of rooms: absent is 1; otherwise a whole number from 1 to 999.
    func rooms(_ text: String?) throws(RecordProblem) -> Int {
        guard let text else { return 1 }
        guard let rooms = Int(text), (1...999).contains(rooms) else {
            throw RecordProblem("NumberOfUnits \"\(text)\" is not a number of rooms; expected 1 to 999")
        }
        return rooms
    }

    /// The stay: arrival and departure, nights `arrival ..< departure`.
    ///
    /// Rule: `TimeSpan/@Start` with `@End`, or with `@Duration` in nights or days (`P3N`, `P3D`); both given
    /// must agree. Dates are strict (`2027-02-30` is refused); a stay of zero or fewer nights is refused.
    /// Without a `TimeSpan` start the stay is the span of the dated `Rate`s (OpenTravel's modify sample 10 has
    /// no `TimeSpan` and one `Rate` 2005-10-18 to 2005-10-21: three nights). A quote with only a date window
    /// (AlpineBits' `StartDateWindow`) has no stay. Example: Start 2025-04-18, Duration P4N → departure 04-22.
    func stay(of roomStay: OTARoomStay, timeSpan: OTATimeSpan?, strict: Bool) throws(RecordProblem) -> Stay? {
        guard let start = Self.trimmed(timeSpan?.start) else {
            let periods = roomStay.roomRates.isEmpty ? [] : try ratePeriods(of: roomStay, arrival: nil, departure: nil)
            if let first = periods.map(\.first).min(), let end = periods.map(\.end).max() {
                return try Self.stay(arrival: first, departure: end, from: "the Rates")
            }
            guard !strict else {
                throw RecordProblem(
                    "the room stay at line \(roomStay.line) has no dates; a booking needs TimeSpan Start with End "
                        + "or Duration, e.g. Start=\"2027-03-01\" End=\"2027-03-04\"")
            }
            return nil
        }
        let arrival = try date(start, attribute: "TimeSpan Start")
        var departure: CalendarDate?
        if let end = Self.trimmed(timeSpan?.end) {
            departure = try date(end, attribute: "TimeSpan End")
        }
        if let duration = Self.trimmed(timeSpan?.duration) {
            let byDuration = arrival.adding(days: try nights(duration: duration))
            if let departure, departure != byDuration {
                throw RecordProblem(
                    "TimeSpan End \(departure) and Duration \(duration) disagree: \(duration) from \(arrival) ends "
                        + "on \(byDuration); send one or make them agree")
            }
            departure = byDuration
        }
        guard let departure else {
            throw RecordProblem(
                "TimeSpan Start \(start) has neither End nor Duration; a stay needs its departure or its nights")
        }
        return try Self.stay(arrival: arrival, departure: departure, from: "TimeSpan")
    }

    /// A stay from `arrival` to `departure`, refused when it has no night or too many.
    static func stay(arrival: CalendarDate, departure: CalendarDate, from source: String) throws(RecordProblem)
        -> Stay
    {
        let nights = arrival.days(until: departure)
        guard nights > 0 else {
            throw RecordProblem(
                "\(source) ends on \(departure), which is not after its start \(arrival) (\(nights) nights); "
                    + "a stay has at least one night")
        }
        do {
            return try Stay(arrival: arrival, departure: departure)
        } catch {
            throw RecordProblem("\(source) \(arrival)…\(departure): \(error)")
        }
    }

    /// A strict `YYYY-MM-DD` date; `attribute` names it in the refusal.
    func date(_ text: String, attribute: String) throws(RecordProblem) -> CalendarDate {
        do {
            return try CalendarDate(parsing: text)
        } catch {
            throw RecordProblem(
                "\(attribute) \"\(text)\" is not a real calendar date; write YYYY-MM-DD, e.g. 2027-03-01")
        }
    }

    /// `P3N` or `P3D` (ISO 8601 duration in nights or days) → 3.
    func nights(duration text: String) throws(RecordProblem) -> Int {
        let upper = text.uppercased()
        let digits = upper.dropFirst().dropLast()
        guard upper.hasPrefix("P"), upper.hasSuffix("N") || upper.hasSuffix("D"), !digits.isEmpty,
            digits.count <= 4, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let nights = Int(digits)
        else {
            throw RecordProblem("TimeSpan Duration \"\(text)\" is not a number of nights; write e.g. P3N or P3D")
        }
        return nights
    }

    /// The nightly rates of a room stay, each over the nights it covers.
    ///
    /// Rule: a `Rate` starts on its `EffectiveDate` (else its `RoomRate`'s, for the first rate, else where the
    /// previous rate ended, else on arrival) and ends on its `ExpireDate` — the day after its last night
    /// (OpenTravel) or its last night when the channel's `expireDateInclusive` is set — else after
    /// `UnitMultiplier` nights, else at the `RoomRate`'s `ExpireDate` or departure. Its amount is per room and
    /// night (`RateTimeUnit` Day or absent; another unit is refused): `Base` after tax, else `Rate/Total` after
    /// tax (OpenTravel's sample 08 gives Base 169 + Tax 31 = Total 200, so `Total` is per night like `Base`),
    /// else the same before tax. Example: Effective 2027-03-01, Expire 2027-03-03, 169.00 → 03-01 and 03-02 at
    /// 169.00 (exclusive), plus 03-03 when inclusive.
    func ratePeriods(
        of roomStay: OTARoomStay, arrival: CalendarDate?, departure: CalendarDate?
    ) throws(RecordProblem) -> [RatePeriod] {
        var periods: [RatePeriod] = []
        var cursor = arrival
        for roomRate in roomStay.roomRates {
            for (index, rate) in roomRate.rates.enumerated() {
                let isFirst = index == 0
                let isLast = index == roomRate.rates.count - 1
                let first: CalendarDate
                if let text = Self.trimmed(rate.effectiveDate) {
                    first = try date(text, attribute: "Rate EffectiveDate")
                } else if isFirst, let text = Self.trimmed(roomRate.effectiveDate) {
                    first = try date(text, attribute: "RoomRate EffectiveDate")
                } else if let cursor {
                    first = cursor
                } else {
                    throw RecordProblem(
                        "a Rate has no EffectiveDate and the stay has no TimeSpan Start; the rate's nights are unknown")
                }
                if let unit = Self.trimmed(rate.rateTimeUnit), unit.lowercased() != "day" {
                    throw RecordProblem(
                        "Rate RateTimeUnit \"\(unit)\" (from \(first)) is not supported; rates are read per night "
                            + "(RateTimeUnit Day)")
                }
                let end: CalendarDate
                if let text = Self.trimmed(rate.expireDate) {
                    let expire = try date(text, attribute: "Rate ExpireDate")
                    end = channel.settings.expireDateInclusive ? expire.adding(days: 1) : expire
                } else if let text = Self.trimmed(rate.unitMultiplier) {
                    guard let count = Int(text), (1...Stay.maximumNights).contains(count) else {
                        throw RecordProblem(
                            "Rate UnitMultiplier \"\(text)\" (from \(first)) is not a number of nights; "
                                + "expected 1 to \(Stay.maximumNights)")
                    }
                    end = first.adding(days: count)
                } else if isLast, let text = Self.trimmed(roomRate.expireDate) {
                    let expire = try date(text, attribute: "RoomRate ExpireDate")
                    end = channel.settings.expireDateInclusive ? expire.adding(days: 1) : expire
                } else if let departure {
                    end = departure
                } else {
                    throw RecordProblem(
                        "the Rate from \(first) has no ExpireDate or UnitMultiplier and the stay has no TimeSpan End; "
                            + "the rate's nights are unknown")
                }
                guard first < end else {
                    throw RecordProblem(
                        "the Rate from \(first) ends on \(end) and so covers no night; its ExpireDate must be after "
                            + "its EffectiveDate"
                            + (channel.settings.expireDateInclusive
                                ? "" : " (channel \(channel.code) reads ExpireDate as the day after the last night)"))
                }
                // Base, then Total, with an amount after tax; then Base, then Total, with any amount. (Written out:
                // a list of the four choices cost an array and four copies of the amounts per rate.)
                var amount: Money?
                if Self.trimmed(rate.base?.amountAfterTax) != nil {
                    amount = try preferredAmount(of: rate.base, element: "Rate Base")
                }
                if amount == nil, Self.trimmed(rate.total?.amountAfterTax) != nil {
                    amount = try preferredAmount(of: rate.total, element: "Rate Total")
                }
                if amount == nil { amount = try preferredAmount(of: rate.base, element: "Rate Base") }
                if amount == nil { amount = try preferredAmount(of: rate.total, element: "Rate Total") }
                guard let amount else {
                    throw RecordProblem(
                        "the Rate for \(first)…\(end.adding(days: -1)) has no amount; expected Base or Total with "
                            + "AmountAfterTax or AmountBeforeTax")
                }
                periods.append(RatePeriod(first: first, end: end, amount: amount))
                cursor = end
            }
        }
        return periods
    }

    /// The room stays of one reservation as one: several identical room stays are several rooms.
    ///
    /// Rule: our reservation has one room type, rate plan, stay and nightly price list; a channel that books
    /// several rooms alike may send one `RoomStay` per room, so identical room stays (same room type and rate
    /// plan codes, stay and nightly rates) add up their rooms, totals and guests. Room stays that differ are
    /// refused: "reservation 4711 has 2 room stays with different room types (DBL, STE); each must be its own
    /// reservation at the channel". Example: two RoomStays DLX 2027-03-01…03-04 at 169.00 → 2 rooms.
    func mergedRoomStays(_ stays: [RoomStayReading], reference: String) throws(RecordProblem) -> RoomStayReading {
        guard var merged = stays.first else {
            throw RecordProblem("reservation \(reference) has no room stay")
        }
        for other in stays.dropFirst() {
            let differences: [(Bool, String, String)] = [
                (
                    other.roomTypeCode != merged.roomTypeCode, "room types",
                    Self.list(stays.map { $0.roomTypeCode ?? "none" })
                ),
                (
                    other.ratePlanCode != merged.ratePlanCode, "rate plans",
                    Self.list(stays.map { $0.ratePlanCode ?? "none" })
                ),
                (other.stay != merged.stay, "stays", Self.list(stays.map { $0.stay.map(String.init) ?? "none" })),
                (
                    other.periods != merged.periods
                        || other.total.map({ $0.minorUnits * Int64(merged.rooms) })
                            != merged.total.map({ $0.minorUnits * Int64(other.rooms) }),
                    "prices", "per room and night"
                ),
            ]
            if let difference = differences.first(where: \.0) {
                throw RecordProblem(
                    "reservation \(reference) has \(stays.count) room stays with different \(difference.1) "
                        + "(\(difference.2)); a reservation here has one room type, rate plan, stay and price, so each "
                        + "must be its own reservation at the channel")
            }
            merged.rooms += other.rooms
            if let total = merged.total, let otherTotal = other.total { merged.total = total + otherTotal }
            if let party = merged.party, let otherParty = other.party {
                merged.party = Party(
                    adults: party.adults + otherParty.adults, childAges: party.childAges + otherParty.childAges)
            }
        }
        return merged
    }

    /// `"DBL, STE"`: the distinct values in order.
    static func list(_ values: [String]) -> String {
        var seen: [String] = []
        for value in values where !seen.contains(value) { seen.append(value) }
        return seen.joined(separator: ", ")
    }

    /// `ResGlobalInfo/Total`, when the room stays give none.
    func globalTotal(of reservation: OTAHotelReservation) throws(RecordProblem) -> Money? {
        try preferredAmount(of: reservation.globalInfo.total, element: "ResGlobalInfo Total")
    }

    /// The price of one room for each night of the stay, in stay order.
    ///
    /// Rule: from the `Rate`s where present, which must cover every night of the stay exactly once (a night
    /// without a rate, priced twice, or outside the stay refuses the record, naming the night); else the
    /// total (all rooms) divided by the rooms and spread evenly over the nights in minor units, the remainder
    /// on the last night; a booking with neither is refused. A total that does not divide by the rooms loses
    /// less than one minor unit per room in `nights`; `total` keeps it exactly as sent. Example: 100.00 over 3
    /// nights → 33.33, 33.33, 33.34.
    func nightlyPrices(_ roomStay: RoomStayReading, total: Money?) throws(RecordProblem) -> [ChannelNight]? {
        guard let stay = roomStay.stay else { return nil }
        let nights = stay.nights
        if !roomStay.periods.isEmpty {
            var prices: [Money?] = Array(repeating: nil, count: nights.count)
            for period in roomStay.periods {
                for night in stride(from: period.first, to: period.end, by: 1) {
                    let index = stay.arrival.days(until: night)
                    guard nights.indices.contains(index) else {
                        throw RecordProblem(
                            "\(period.description) prices the night \(night), which is not a night of the stay "
                                + "\(stay)")
                    }
                    guard prices[index] == nil else {
                        throw RecordProblem("the night \(night) is priced by more than one Rate")
                    }
                    prices[index] = period.amount
                }
            }
            return try nights.enumerated().map { (index, night) throws(RecordProblem) in
                guard let amount = prices[index] else {
                    throw RecordProblem(
                        "the night \(night) has no Rate; the Rates must cover every night of the stay \(stay) once")
                }
                return ChannelNight(night: night, amount: amount)
            }
        }
        guard let total else {
            throw RecordProblem(
                "the stay \(stay) has no price: no RoomRates/Rate and no Total; a booking needs one of them")
        }
        let perRoom = total.minorUnits / Int64(roomStay.rooms)
        let perNight = perRoom / Int64(nights.count)
        let last = perRoom - perNight * Int64(nights.count - 1)
        return nights.enumerated().map { index, night in
            ChannelNight(
                night: night,
                amount: Money(minorUnits: index == nights.count - 1 ? last : perNight, currency: total.currency))
        }
    }
}
