/// A rate plan: what a room type costs per night, for whom, with which meals and cancellation policy.
///
/// Rule: prices come from one or more tiers; the first tier starts at 0 room-nights, and a later tier applies
/// to a night once the company has accumulated at least its `fromRoomNights` in the agreement year. A tier
/// prices a night by seasons (fixed prices per room type), by fixed prices for the whole validity, or as a
/// percentage or amount off the base plan's price that night. Example: ACME27 is 15% off BAR up to 199
/// room-nights and 20% off BAR from 200, last room availability (LRA).
public struct RatePlan: Hashable, Sendable {
    public var code: Code
    public var name: String
    public var kind: RatePlanKind
    public var currency: Currency
    public var mealPlan: MealPlan
    public var cancellationPolicy: String
    public var commissionable: Bool
    /// Nights the plan can be sold for; `nil` means whenever its prices exist.
    public var validity: NightRange?
    /// The plan that `percentOff`/`amountOff` tiers are derived from (e.g. BAR).
    public var basePlanCode: Code?
    /// Companies the plan is restricted to (negotiated plans; empty for public plans).
    public var companyCodes: [Code]
    /// Last room availability: sellable while any room of the type is free, ignoring yield closures.
    public var lastRoomAvailability: Bool
    public var tiers: [RateTier]

    public init(
        code: Code, name: String, kind: RatePlanKind, currency: Currency, mealPlan: MealPlan = .roomOnly,
        cancellationPolicy: String = "", commissionable: Bool? = nil, validity: NightRange? = nil,
        basePlanCode: Code? = nil, companyCodes: [Code] = [], lastRoomAvailability: Bool = false, tiers: [RateTier]
    ) throws {
        self.code = code
        self.name = name
        self.kind = kind
        self.currency = currency
        self.mealPlan = mealPlan
        self.cancellationPolicy = cancellationPolicy
        self.commissionable = commissionable ?? kind.isCommissionableByDefault
        self.validity = validity
        self.basePlanCode = basePlanCode
        self.companyCodes = companyCodes
        self.lastRoomAvailability = lastRoomAvailability
        self.tiers = tiers
        try validate()
    }

    private func validate() throws {
        guard !name.trimmingWhitespace.isEmpty else {
            throw DomainError.invalid("rate plan \(code) has no name; give it a name")
        }
        guard let first = tiers.first else {
            throw DomainError.invalid("rate plan \(code) has no prices; give seasons, prices or a discount off a base plan")
        }
        guard first.fromRoomNights == 0 else {
            throw DomainError.invalid(
                "rate plan \(code)'s first tier starts at \(first.fromRoomNights) room-nights; the first tier must start at 0")
        }
        for (earlier, later) in zip(tiers, tiers.dropFirst()) where later.fromRoomNights <= earlier.fromRoomNights {
            throw DomainError.invalid(
                "rate plan \(code)'s tier from \(later.fromRoomNights) room-nights does not follow the tier from \(earlier.fromRoomNights); tiers must increase")
        }
        if kind == .negotiated, companyCodes.isEmpty {
            throw DomainError.invalid("negotiated rate plan \(code) names no company; list the companies it is for")
        }
        if kind == .bar, !companyCodes.isEmpty {
            throw DomainError.invalid("BAR plan \(code) names companies; a best available rate is public, so remove the companies")
        }
        if basePlanCode == code {
            throw DomainError.invalid("rate plan \(code) is derived from itself; name another plan such as BAR")
        }
        for tier in tiers {
            try tier.rule.validate(planCode: code, currency: currency, hasBase: basePlanCode != nil, validity: validity)
        }
    }

    /// The tier that prices a night when `roomNightsBefore` room-nights have accumulated before it.
    ///
    /// Example: tiers from 0 and 200; 199 before → the first tier; 200 before → the second.
    public func tier(roomNightsBefore: Int) -> (index: Int, tier: RateTier) {
        var chosen = 0
        for (index, tier) in tiers.enumerated() where tier.fromRoomNights <= roomNightsBefore {
            chosen = index
        }
        return (chosen, tiers[chosen])
    }

    /// Whether the plan has a tier that depends on cumulative production.
    public var isCumulative: Bool { tiers.count > 1 }

    /// The room types this plan names a price for (derived plans: those of their base).
    public var pricedRoomTypes: Set<Code> {
        var codes = Set<Code>()
        for tier in tiers {
            switch tier.rule {
            case .seasons(let seasons): for season in seasons { codes.formUnion(season.prices.keys) }
            case .fixed(let prices): codes.formUnion(prices.keys)
            case .percentOff, .amountOff: break
            }
        }
        return codes
    }

    /// Checks the plan against the hotel: same currency and only the hotel's room types.
    public func validate(against hotel: Hotel) throws {
        guard currency == hotel.currency else {
            throw DomainError.invalid(
                "rate plan \(code) is in \(currency) but hotel \(hotel.code) sells in \(hotel.currency); write prices in \(hotel.currency)")
        }
        for roomType in pricedRoomTypes.sorted() {
            _ = try hotel.roomType(roomType)
        }
    }
}

/// The commercial kind of a rate plan.
public enum RatePlanKind: String, Sendable, CaseIterable, Codable {
    /// Best available rate: the public price every other plan is measured against.
    case bar
    case negotiated
    case group
    case package
    /// Non-commissionable net rate for wholesalers.
    case net

    public init(parsing text: String) throws {
        guard let kind = RatePlanKind(rawValue: text.lowercased()) else {
            throw DomainError.invalid(
                "rate plan kind \"\(text)\" is not valid; use one of \(RatePlanKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = kind
    }

    /// BAR and packages pay agents commission by default; negotiated, group and net rates do not.
    public var isCommissionableByDefault: Bool { self == .bar || self == .package }
}

/// The meals a rate includes.
public enum MealPlan: String, Sendable, CaseIterable, Codable {
    case roomOnly = "room-only"
    case breakfast
    case halfBoard = "half-board"
    case fullBoard = "full-board"
    case allInclusive = "all-inclusive"

    public init(parsing text: String) throws {
        guard let plan = MealPlan(rawValue: text.lowercased()) else {
            throw DomainError.invalid(
                "meal plan \"\(text)\" is not valid; use one of \(MealPlan.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = plan
    }
}

/// One price tier of a plan, applying from a number of accumulated room-nights.
public struct RateTier: Hashable, Sendable {
    public var fromRoomNights: Int
    public var rule: PriceRule

    public init(fromRoomNights: Int = 0, rule: PriceRule) {
        self.fromRoomNights = fromRoomNights
        self.rule = rule
    }

    /// "0–199 room-nights" or "200+ room-nights", given the next tier's start.
    public func label(nextFrom: Int?) -> String {
        if let nextFrom { return "\(fromRoomNights)–\(nextFrom - 1) room-nights" }
        return "\(fromRoomNights)+ room-nights"
    }
}

/// How a tier prices a night.
public enum PriceRule: Hashable, Sendable {
    /// Fixed prices per room type, by season.
    case seasons([Season])
    /// Fixed prices per room type for every night the plan is valid.
    case fixed([Code: Money])
    /// A percentage off the base plan's price that night, rounded half away from zero.
    case percentOff(BasisPoints)
    /// An amount off the base plan's price that night.
    case amountOff(Money)

    func validate(planCode: Code, currency: Currency, hasBase: Bool, validity: NightRange?) throws {
        switch self {
        case .seasons(let seasons):
            guard !seasons.isEmpty else {
                throw DomainError.invalid("rate plan \(planCode) has an empty season list; give at least one season")
            }
            let sorted = seasons.sorted { $0.nights.first < $1.nights.first }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.nights.overlaps(later.nights) {
                throw DomainError.invalid(
                    "rate plan \(planCode): season \"\(later.name)\" (\(later.nights)) overlaps season \"\(earlier.name)\" (\(earlier.nights)); seasons must not share a night")
            }
            for season in seasons { try Self.validate(prices: season.prices, planCode: planCode, currency: currency) }
        case .fixed(let prices):
            guard validity != nil else {
                throw DomainError.invalid("rate plan \(planCode) has fixed prices but no validity; give valid-from and valid-to")
            }
            try Self.validate(prices: prices, planCode: planCode, currency: currency)
        case .percentOff(let discount):
            guard hasBase else {
                throw DomainError.invalid("rate plan \(planCode) takes \(discount) off but names no base plan; add base: BAR")
            }
            guard discount.value < 10_000 else {
                throw DomainError.invalid("rate plan \(planCode) takes \(discount) off, which makes rooms free; use less than 100%")
            }
        case .amountOff(let amount):
            guard hasBase else {
                throw DomainError.invalid("rate plan \(planCode) takes \(amount.decimalText) off but names no base plan; add base: BAR")
            }
            guard amount.minorUnits >= 0 else {
                throw DomainError.invalid("rate plan \(planCode) takes a negative amount \(amount.decimalText) off; use 0 or more")
            }
        }
    }

    private static func validate(prices: [Code: Money], planCode: Code, currency: Currency) throws {
        guard !prices.isEmpty else {
            throw DomainError.invalid("rate plan \(planCode) has a price list with no room types; give a price per room type")
        }
        for (roomType, price) in prices.sorted(by: { $0.key < $1.key }) {
            guard price.minorUnits >= 0 else {
                throw DomainError.invalid(
                    "rate plan \(planCode): price \(price.decimalText) for \(roomType) is negative; prices must be 0 or more")
            }
            guard price.currency == currency else {
                throw DomainError.invalid("rate plan \(planCode): price for \(roomType) is in \(price.currency), not \(currency)")
            }
        }
    }
}

/// A named period with fixed prices per room type.
///
/// Rule: a season's nights include both ends; two seasons of one plan never share a night.
/// Example: "Spring" 2027-03-01…2027-05-31, STD 720.00, DLX 920.00.
public struct Season: Hashable, Sendable {
    public var name: String
    public var nights: NightRange
    public var prices: [Code: Money]

    public init(name: String, nights: NightRange, prices: [Code: Money]) {
        self.name = name
        self.nights = nights
        self.prices = prices
    }
}
