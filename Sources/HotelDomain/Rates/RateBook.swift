/// All rate plans of the hotel, able to price any plan on any night.
///
/// Rule: a night's BAR is the `bar` plan whose season covers that night; a derived plan's price is its
/// base plan's price that night less the tier's discount. Example: BAR DLX 920.00 on 2027-03-01 and ACME27
/// at 15% off gives 782.00.
public struct RateBook: Sendable {
    public let plans: [Code: RatePlan]
    /// The BAR plans by code, sorted once: `barPlan(on:)` is asked for every night of every quote.
    private let barPlans: [RatePlan]

    public init(plans: [RatePlan]) {
        var byCode: [Code: RatePlan] = [:]
        for plan in plans { byCode[plan.code] = plan }
        self.plans = byCode
        barPlans = byCode.values.filter { $0.kind == .bar }.sorted { $0.code < $1.code }
    }

    public func plan(_ code: Code) throws -> RatePlan {
        guard let plan = plans[code] else {
            let known = plans.keys.sorted().map(\.rawValue).joined(separator: ", ")
            throw DomainError.notFound(
                "rate plan \(code) does not exist; known plans: \(known.isEmpty ? "none (import one with 'rates import FILE')" : known)")
        }
        return plan
    }

    /// The BAR plan that has a season covering `night`, if any.
    public func barPlan(on night: CalendarDate) -> RatePlan? {
        barPlans.first { plan in
            plan.tiers.contains { tier in
                if case .seasons(let seasons) = tier.rule { return seasons.contains { $0.nights.contains(night) } }
                return false
            }
        }
    }

    /// The price of one room of `roomType` on `night` under `plan`, given the room-nights accumulated before it.
    public func price(
        of plan: RatePlan, roomType: Code, on night: CalendarDate, roomNightsBefore: Int = 0
    ) throws -> NightPrice {
        try price(of: plan, roomType: roomType, on: night, roomNightsBefore: roomNightsBefore, depth: 0)
    }

    private func price(
        of plan: RatePlan, roomType: Code, on night: CalendarDate, roomNightsBefore: Int, depth: Int
    ) throws -> NightPrice {
        guard depth < 8 else {
            throw DomainError.invalid("rate plan \(plan.code) is derived through more than 8 plans; derive it from BAR directly")
        }
        if let validity = plan.validity, !validity.contains(night) {
            throw DomainError.refused("rate plan \(plan.code) is valid \(validity); it has no price on \(night)")
        }
        let (index, tier) = plan.tier(roomNightsBefore: roomNightsBefore)
        let tierLabel =
            plan.isCumulative
            ? tier.label(nextFrom: index + 1 < plan.tiers.count ? plan.tiers[index + 1].fromRoomNights : nil) : nil
        switch tier.rule {
        case .seasons(let seasons):
            guard let season = seasons.first(where: { $0.nights.contains(night) }) else {
                let covered = seasons.map { $0.nights.description }.joined(separator: ", ")
                throw DomainError.refused("rate plan \(plan.code) has no season covering \(night); its seasons cover \(covered)")
            }
            guard let amount = season.prices[roomType] else {
                throw DomainError.refused(
                    "rate plan \(plan.code) has no \(roomType) price in season \"\(season.name)\"; it prices \(season.prices.keys.sorted().map(\.rawValue).joined(separator: ", "))")
            }
            return NightPrice(
                night: night, amount: amount, ratePlanCode: plan.code, season: season.name, tier: tierLabel,
                basis: "\(plan.code) \(season.name) \(roomType)")
        case .fixed(let prices):
            guard let amount = prices[roomType] else {
                throw DomainError.refused(
                    "rate plan \(plan.code) has no \(roomType) price; it prices \(prices.keys.sorted().map(\.rawValue).joined(separator: ", "))")
            }
            return NightPrice(
                night: night, amount: amount, ratePlanCode: plan.code, season: nil, tier: tierLabel,
                basis: "fixed \(plan.code) \(roomType)")
        case .percentOff(let discount):
            let base = try basePrice(of: plan, roomType: roomType, on: night, depth: depth)
            return NightPrice(
                night: night, amount: base.amount.reduced(by: discount), ratePlanCode: plan.code, season: base.season,
                tier: tierLabel, basis: "\(discount) off \(base.ratePlanCode) \(base.amount.decimalText)")
        case .amountOff(let reduction):
            let base = try basePrice(of: plan, roomType: roomType, on: night, depth: depth)
            guard reduction <= base.amount else {
                throw DomainError.refused(
                    "rate plan \(plan.code) takes \(reduction.decimalText) off \(base.ratePlanCode) \(base.amount.decimalText) on \(night), which is below zero")
            }
            return NightPrice(
                night: night, amount: base.amount - reduction, ratePlanCode: plan.code, season: base.season,
                tier: tierLabel, basis: "\(reduction.decimalText) off \(base.ratePlanCode) \(base.amount.decimalText)")
        }
    }

    private func basePrice(of plan: RatePlan, roomType: Code, on night: CalendarDate, depth: Int) throws -> NightPrice {
        guard let baseCode = plan.basePlanCode else {
            throw DomainError.invalid("rate plan \(plan.code) has a discount but no base plan")
        }
        let base = try self.plan(baseCode)
        return try price(of: base, roomType: roomType, on: night, roomNightsBefore: 0, depth: depth + 1)
    }
}

/// The price of one room for one night, with what produced it.
public struct NightPrice: Hashable, Sendable {
    public var night: CalendarDate
    public var amount: Money
    public var ratePlanCode: Code
    /// The season of the plan (or of its base plan) that priced the night.
    public var season: String?
    /// The cumulative tier that applied, e.g. "200+ room-nights"; `nil` for plans without tiers.
    public var tier: String?
    /// How the amount was reached, e.g. "15% off BAR 920.00".
    public var basis: String

    public init(night: CalendarDate, amount: Money, ratePlanCode: Code, season: String?, tier: String?, basis: String) {
        self.night = night
        self.amount = amount
        self.ratePlanCode = ratePlanCode
        self.season = season
        self.tier = tier
        self.basis = basis
    }
}
