import HotelDomain

/// A rate plan with its rate grid: the price of one room per night for each tier and room type, as periods.
public struct PMSRatePlan: Sendable {
    public var plan: RatePlan
    /// Names of the companies the plan is restricted to, by code (those it names that exist).
    public var companyNames: [Code: String]
    public var rates: [PMSRate]

    public init(plan: RatePlan, companyNames: [Code: String], rates: [PMSRate]) {
        self.plan = plan
        self.companyNames = companyNames
        self.rates = rates
    }

    /// The plan priced night by night with `book` and grouped into periods of equal price.
    ///
    /// Rules: the nights are the plan's validity, else the nights of its seasons, else (a derived plan
    /// without validity) those of its base; a night the plan cannot price (no season, no price for the room
    /// type) is left out, so a period never spans it. Each tier is priced as if its threshold were reached
    /// (`roomNightsBefore` = the tier's start). Rows come by room type (the hotel's order), tier, then night.
    /// Example: ACME27 (15% off BAR; 20% from 200) gives, for DLX, 697.00 in Winter and 782.00 in Spring at
    /// tier 0, 656.00 and 736.00 at tier 200.
    public init(plan: RatePlan, book: RateBook, roomTypes: [Code], companyNames: [Code: String]) {
        let nights = Self.nights(of: plan, book: book, depth: 0)
        var rates: [PMSRate] = []
        for roomType in roomTypes {
            for (index, tier) in plan.tiers.enumerated() {
                let label =
                    plan.isCumulative
                    ? tier.label(nextFrom: index + 1 < plan.tiers.count ? plan.tiers[index + 1].fromRoomNights : nil)
                    : nil
                var current: PMSRate?
                for range in nights {
                    for night in range.nights {
                        guard
                            let price = try? book.price(
                                of: plan, roomType: roomType, on: night, roomNightsBefore: tier.fromRoomNights)
                        else {
                            if let done = current { rates.append(done) }
                            current = nil
                            continue
                        }
                        if var open = current, open.amount == price.amount, open.nights.isFollowed(by: night) {
                            open.nights.last = night
                            current = open
                        } else {
                            if let done = current { rates.append(done) }
                            current = PMSRate(
                                fromRoomNights: tier.fromRoomNights, tierLabel: label, roomType: roomType,
                                nights: PMSPeriod(night), amount: price.amount)
                        }
                    }
                }
                if let done = current { rates.append(done) }
            }
        }
        self.init(plan: plan, companyNames: companyNames, rates: rates)
    }

    /// The nights a plan can be priced on, as sorted, non-overlapping ranges.
    static func nights(of plan: RatePlan, book: RateBook, depth: Int) -> [NightRange] {
        if let validity = plan.validity { return [validity] }
        var ranges: [NightRange] = []
        var derived = false
        for tier in plan.tiers {
            switch tier.rule {
            case .seasons(let seasons): ranges += seasons.map(\.nights)
            case .fixed: break
            case .percentOff, .amountOff: derived = true
            }
        }
        if derived, depth < 8, let base = plan.basePlanCode.flatMap({ book.plans[$0] }) {
            ranges += nights(of: base, book: book, depth: depth + 1)
        }
        return merged(ranges)
    }

    private static func merged(_ ranges: [NightRange]) -> [NightRange] {
        var result: [NightRange] = []
        for range in ranges.sorted(by: { $0.first < $1.first }) {
            if let last = result.last, range.first <= last.last.adding(days: 1) {
                if range.last > last.last, let joined = try? NightRange(first: last.first, last: range.last) {
                    result[result.count - 1] = joined
                }
            } else {
                result.append(range)
            }
        }
        return result
    }
}

/// One line of a rate grid: a room type's price per night over a period, for one tier.
public struct PMSRate: Hashable, Sendable {
    /// The tier's threshold in room-nights (0 for the first or only tier).
    public var fromRoomNights: Int
    /// "0–199 room-nights" for a cumulative plan; `nil` for a plan with one tier.
    public var tierLabel: String?
    public var roomType: Code
    public var nights: PMSPeriod
    public var amount: Money

    public init(fromRoomNights: Int, tierLabel: String?, roomType: Code, nights: PMSPeriod, amount: Money) {
        self.fromRoomNights = fromRoomNights
        self.tierLabel = tierLabel
        self.roomType = roomType
        self.nights = nights
        self.amount = amount
    }
}

/// Stay controls of one plan (and room type, or all) over a period of nights with the same restrictions.
public struct PMSControlPeriod: Hashable, Sendable {
    public var ratePlan: Code
    /// `nil`: every room type of the plan.
    public var roomType: Code?
    public var nights: PMSPeriod
    public var closed: Bool
    public var closedToArrival: Bool
    public var closedToDeparture: Bool
    public var minimumStay: Int?
    public var maximumStay: Int?

    /// Consecutive nights with equal controls of the same plan and room type as one period; an empty control
    /// (everything lifted) is kept, so the PMS opens those nights again.
    ///
    /// Example: BAR closed 05-01, 05-02 and CTA on 05-03 → BAR 05-01…05-02 closed; BAR 05-03 CTA.
    public static func periods(_ controls: [StayControl]) -> [PMSControlPeriod] {
        let sorted = controls.sorted {
            ($0.ratePlan, $0.roomType?.rawValue ?? "", $0.night) < ($1.ratePlan, $1.roomType?.rawValue ?? "", $1.night)
        }
        var periods: [PMSControlPeriod] = []
        for control in sorted {
            let period = PMSControlPeriod(
                ratePlan: control.ratePlan, roomType: control.roomType, nights: PMSPeriod(control.night),
                closed: control.closed, closedToArrival: control.closedToArrival,
                closedToDeparture: control.closedToDeparture, minimumStay: control.minimumStay,
                maximumStay: control.maximumStay)
            if let last = periods.last, last.sameRestrictions(as: period), last.nights.isFollowed(by: control.night) {
                periods[periods.count - 1].nights.last = control.night
            } else {
                periods.append(period)
            }
        }
        return periods
    }

    func sameRestrictions(as other: PMSControlPeriod) -> Bool {
        ratePlan == other.ratePlan && roomType == other.roomType && closed == other.closed
            && closedToArrival == other.closedToArrival && closedToDeparture == other.closedToDeparture
            && minimumStay == other.minimumStay && maximumStay == other.maximumStay
    }
}

/// A room type's booking limit over a period of nights: physical rooms − out of order + overbooking allowance.
public struct PMSBookingLimit: Hashable, Sendable {
    public var roomType: Code
    public var nights: PMSPeriod
    public var physical: Int
    public var outOfOrder: Int
    public var overbooking: Int

    /// How many rooms of the type may be sold on each night of the period.
    public var limit: Int { physical - outOfOrder + overbooking }

    /// Consecutive nights of a room type with the same figures as one period, in the order given.
    /// Example: DLX 36 rooms, overbook 2 on 05-01…05-03 → DLX 05-01…05-03 limit 38.
    public static func periods(_ nights: [InventoryNight]) -> [PMSBookingLimit] {
        var periods: [PMSBookingLimit] = []
        for night in nights {
            let next = PMSBookingLimit(
                roomType: night.roomType, nights: PMSPeriod(night.night), physical: night.physical,
                outOfOrder: night.outOfOrder, overbooking: night.overbookingAllowance)
            if let last = periods.last, last.roomType == next.roomType, last.physical == next.physical,
                last.outOfOrder == next.outOfOrder, last.overbooking == next.overbooking,
                last.nights.isFollowed(by: night.night)
            {
                periods[periods.count - 1].nights.last = night.night
            } else {
                periods.append(next)
            }
        }
        return periods
    }
}
