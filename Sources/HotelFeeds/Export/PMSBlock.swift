import HotelDomain

/// A group block as the PMS sees it: the contract (code, name, company, group rate plan, cutoff, attrition, VIP
/// level, billing, release) and per room type and night the rooms blocked, picked up, released and the rate;
/// written as one `OTA_HotelInvBlockNotifRQ` and as rows of `blocks.csv`.
public struct PMSBlock: Sendable, Equatable {
    public var block: GroupBlock
    public var companyName: String?
    /// By night, then room type.
    public var nights: [BlockNight]
    /// The currency of the rates.
    public var currency: Currency
    /// `created_at` as stored.
    public var createdAt: String?

    public init(
        block: GroupBlock, companyName: String? = nil, nights: [BlockNight], currency: Currency,
        createdAt: String? = nil
    ) {
        self.block = block
        self.companyName = companyName
        self.nights = nights
        self.currency = currency
        self.createdAt = createdAt
    }

    /// Consecutive nights of one room type that the block allocates alike.
    public struct Allocation: Sendable, Equatable {
        public var nights: PMSPeriod
        /// The rooms the group may still use: contracted − released (the picked-up rooms stay the group's).
        public var rooms: Int
        /// The rooms contracted.
        public var contracted: Int
    }

    /// Consecutive nights of one room type at the same group rate (per room and night).
    public struct RatePeriod: Sendable, Equatable {
        public var nights: PMSPeriod
        public var rate: Money
    }

    /// The blocked room types, by code.
    public var roomTypes: [Code] { Set(nights.map(\.roomType)).sorted() }

    /// The first and last blocked night, `nil` for a block without nights yet.
    public var period: PMSPeriod? {
        guard let first = nights.map(\.night).min(), let last = nights.map(\.night).max() else { return nil }
        var period = PMSPeriod(first)
        period.last = last
        return period
    }

    /// A room type's nights, in order.
    public func nights(of roomType: Code) -> [BlockNight] {
        nights.filter { $0.roomType == roomType }.sorted { $0.night < $1.night }
    }

    /// A room type's allocation as periods of equal rooms.
    ///
    /// Example: DLX 10 rooms on 05-01…05-03 and 8 on 05-04 → 05-01…05-03 10, 05-04…05-04 8.
    public func allocations(of roomType: Code) -> [Allocation] {
        var periods: [Allocation] = []
        for night in nights(of: roomType) {
            let rooms = night.contracted - night.released
            if let last = periods.last, last.rooms == rooms, last.contracted == night.contracted,
                last.nights.isFollowed(by: night.night)
            {
                periods[periods.count - 1].nights.last = night.night
            } else {
                periods.append(Allocation(nights: PMSPeriod(night.night), rooms: rooms, contracted: night.contracted))
            }
        }
        return periods
    }

    /// A room type's rates as periods of equal rate.
    public func ratePeriods(of roomType: Code) -> [RatePeriod] {
        var periods: [RatePeriod] = []
        for night in nights(of: roomType) {
            if let last = periods.last, last.rate == night.rate, last.nights.isFollowed(by: night.night) {
                periods[periods.count - 1].nights.last = night.night
            } else {
                periods.append(RatePeriod(nights: PMSPeriod(night.night), rate: night.rate))
            }
        }
        return periods
    }

    /// The contract in words, e.g. "group rate plan GRP-TECH; cutoff 2027-04-20; attrition 20%; VIP level V2;
    /// billing direct-bill to ACME; 40 room-nights blocked, 3 picked up, 0 released".
    public var terms: String {
        var parts = [
            "group rate plan \(block.ratePlanCode)", "cutoff \(block.cutoff)", "attrition \(block.attrition)",
        ]
        if let vip = block.vipLevel { parts.append("VIP level \(vip)") }
        switch block.billing {
        case .directBill: parts.append("billing direct-bill\(block.companyCode.map { " to \($0)" } ?? "")")
        case .guestPays: parts.append("billing guest")
        }
        let contracted = nights.reduce(0) { $0 + $1.contracted }
        let pickedUp = nights.reduce(0) { $0 + $1.pickedUp }
        let released = nights.reduce(0) { $0 + $1.released }
        parts.append("\(contracted) room-nights blocked, \(pickedUp) picked up, \(released) released")
        if let releasedOn = block.releasedOn { parts.append("released on \(releasedOn)") }
        return parts.joined(separator: "; ")
    }
}
