import GRDB
import HotelDomain

/// Whether a rate-plan import created a plan, replaced one, or found it unchanged.
public enum RatePlanImportOutcome: String, Sendable {
    case created, replaced, unchanged
}

extension AppDatabase {
    /// Imports a rate plan, creating it or replacing the stored plan of the same code.
    ///
    /// Rules: the plan must use the hotel's currency and room types; every company it names must exist; its
    /// base plan must exist (and not be derived from it); two BAR plans cannot price the same night.
    /// Re-importing an unchanged file changes nothing.
    public func importRatePlan(_ plan: RatePlan, sourceFile: String?, by author: ChangeAuthor) throws -> RatePlanImportOutcome {
        try write { db in
            let hotel = try Self.requireHotel(db)
            try plan.validate(against: hotel)
            for company in plan.companyCodes where try Self.fetchCompany(db, company) == nil {
                throw DomainError.notFound(
                    "rate plan \(plan.code) is for company \(company), which does not exist; add it with 'companies add --code \(company) ...' first")
            }
            let others = try Self.fetchRatePlans(db).filter { $0.code != plan.code }
            let book = RateBook(plans: others + [plan])
            var baseCode = plan.basePlanCode
            var visited: Set<Code> = [plan.code]
            while let code = baseCode {
                guard let base = book.plans[code] else {
                    throw DomainError.notFound("rate plan \(plan.code) is derived from \(code), which does not exist; import \(code) first")
                }
                guard visited.insert(code).inserted else {
                    throw DomainError.invalid("rate plan \(plan.code) is derived from \(code), which is derived from \(plan.code); break the loop")
                }
                baseCode = base.basePlanCode
            }
            if plan.kind == .bar {
                for other in others where other.kind == .bar {
                    if let night = Self.sharedSeasonNight(plan, other) {
                        throw DomainError.invalid(
                            "BAR plans \(plan.code) and \(other.code) both price \(night); a night has one BAR, so move or end a season")
                    }
                }
            }
            let old = try Self.fetchRatePlan(db, plan.code)
            if let old, old == plan { return .unchanged }
            if old != nil {
                try db.execute(sql: "DELETE FROM rate_tier WHERE rate_plan_code = ?", arguments: [plan.code.rawValue])
                try db.execute(sql: "DELETE FROM rate_plan_company WHERE rate_plan_code = ?", arguments: [plan.code.rawValue])
            }
            try db.execute(
                sql: """
                    INSERT INTO rate_plan (code, name, kind, currency, meal_plan, cancellation_policy, commissionable, lra,
                        base_plan_code, valid_from, valid_to, source_file, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind, currency = excluded.currency,
                        meal_plan = excluded.meal_plan, cancellation_policy = excluded.cancellation_policy,
                        commissionable = excluded.commissionable, lra = excluded.lra,
                        base_plan_code = excluded.base_plan_code, valid_from = excluded.valid_from,
                        valid_to = excluded.valid_to, source_file = excluded.source_file, imported_at = excluded.imported_at
                    """,
                arguments: [
                    plan.code.rawValue, plan.name, plan.kind.rawValue, plan.currency.code, plan.mealPlan.rawValue,
                    plan.cancellationPolicy, plan.commissionable, plan.lastRoomAvailability, plan.basePlanCode?.rawValue,
                    plan.validity?.first.description, plan.validity?.last.description, sourceFile, author.timestamp,
                ])
            for company in plan.companyCodes {
                try db.execute(
                    sql: "INSERT INTO rate_plan_company (rate_plan_code, company_code) VALUES (?, ?)",
                    arguments: [plan.code.rawValue, company.rawValue])
            }
            for (tierPosition, tier) in plan.tiers.enumerated() {
                try insert(tier, position: tierPosition, plan: plan.code, db)
            }
            try db.audit(
                author, entity: "rate_plan", key: plan.code.rawValue, action: old == nil ? "import" : "replace",
                old: old.map(Self.snapshot), new: Self.snapshot(plan))
            return old == nil ? .created : .replaced
        }
    }

    private func insert(_ tier: RateTier, position: Int, plan: Code, _ db: Database) throws {
        var percent: Int?
        var amount: Int64?
        let rule: String
        switch tier.rule {
        case .seasons: rule = "seasons"
        case .fixed: rule = "fixed"
        case .percentOff(let discount):
            rule = "percent-off"
            percent = discount.value
        case .amountOff(let reduction):
            rule = "amount-off"
            amount = reduction.minorUnits
        }
        try db.execute(
            sql: """
                INSERT INTO rate_tier (rate_plan_code, position, from_room_nights, rule, percent_off_bp, amount_off_minor)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [plan.rawValue, position, tier.fromRoomNights, rule, percent, amount])
        func insertPrices(_ prices: [Code: Money], season: Int) throws {
            for (roomType, price) in prices.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: """
                        INSERT INTO rate_price (rate_plan_code, tier_position, season_position, room_type_code, amount_minor)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [plan.rawValue, position, season, roomType.rawValue, price.minorUnits])
            }
        }
        switch tier.rule {
        case .seasons(let seasons):
            for (seasonPosition, season) in seasons.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO rate_season (rate_plan_code, tier_position, position, name, first_night, last_night)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        plan.rawValue, position, seasonPosition, season.name, season.nights.first.description,
                        season.nights.last.description,
                    ])
                try insertPrices(season.prices, season: seasonPosition)
            }
        case .fixed(let prices):
            try insertPrices(prices, season: -1)
        case .percentOff, .amountOff:
            break
        }
    }

    /// All rate plans, by code.
    public func ratePlans() throws -> [RatePlan] {
        try read { db in try Self.fetchRatePlans(db) }
    }

    /// The rate plans a company can be quoted (those restricted to it), by code.
    public func ratePlans(for company: Code) throws -> [RatePlan] {
        try read { db in
            _ = try Self.requireCompany(db, company)
            return try Self.fetchRatePlans(db).filter { $0.companyCodes.contains(company) }
        }
    }

    /// Everything needed to price a stay: the hotel and all rate plans.
    public func rateQuoter() throws -> RateQuoter {
        try read { db in RateQuoter(hotel: try Self.requireHotel(db), book: RateBook(plans: try Self.fetchRatePlans(db))) }
    }

    static func fetchRatePlans(_ db: Database) throws -> [RatePlan] {
        let codes = try String.fetchAll(db, sql: "SELECT code FROM rate_plan ORDER BY code")
        return try codes.compactMap { try fetchRatePlan(db, Code($0)) }
    }

    static func fetchRatePlan(_ db: Database, _ code: Code) throws -> RatePlan? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM rate_plan WHERE code = ?", arguments: [code.rawValue]) else {
            return nil
        }
        let currency = try Currency(row["currency"])
        let companies = try String.fetchAll(
            db, sql: "SELECT company_code FROM rate_plan_company WHERE rate_plan_code = ? ORDER BY company_code",
            arguments: [code.rawValue]
        ).map { try Code($0) }
        var pricesByTierSeason: [Int: [Int: [Code: Money]]] = [:]
        for price in try Row.fetchAll(
            db, sql: "SELECT tier_position, season_position, room_type_code, amount_minor FROM rate_price WHERE rate_plan_code = ?",
            arguments: [code.rawValue])
        {
            let tier: Int = price["tier_position"]
            let season: Int = price["season_position"]
            pricesByTierSeason[tier, default: [:]][season, default: [:]][try Code(price["room_type_code"])] = Money(
                minorUnits: price["amount_minor"], currency: currency)
        }
        var seasonsByTier: [Int: [Season]] = [:]
        for season in try Row.fetchAll(
            db, sql: "SELECT * FROM rate_season WHERE rate_plan_code = ? ORDER BY tier_position, position", arguments: [code.rawValue])
        {
            let tier: Int = season["tier_position"]
            let position: Int = season["position"]
            seasonsByTier[tier, default: []].append(
                Season(
                    name: season["name"],
                    nights: try NightRange(
                        first: CalendarDate(parsing: season["first_night"]), last: CalendarDate(parsing: season["last_night"])),
                    prices: pricesByTierSeason[tier]?[position] ?? [:]))
        }
        let tiers = try Row.fetchAll(
            db, sql: "SELECT * FROM rate_tier WHERE rate_plan_code = ? ORDER BY position", arguments: [code.rawValue]
        ).map { tier -> RateTier in
            let position: Int = tier["position"]
            let rule: PriceRule
            switch tier["rule"] as String {
            case "seasons": rule = .seasons(seasonsByTier[position] ?? [])
            case "fixed": rule = .fixed(pricesByTierSeason[position]?[-1] ?? [:])
            case "percent-off": rule = .percentOff(BasisPoints(tier["percent_off_bp"]))
            default: rule = .amountOff(Money(minorUnits: tier["amount_off_minor"], currency: currency))
            }
            return RateTier(fromRoomNights: tier["from_room_nights"], rule: rule)
        }
        let validity: NightRange? =
            switch (row["valid_from"] as String?, row["valid_to"] as String?) {
            case (let from?, let to?): try NightRange(first: CalendarDate(parsing: from), last: CalendarDate(parsing: to))
            default: nil
            }
        return try RatePlan(
            code: code, name: row["name"], kind: RatePlanKind(parsing: row["kind"]), currency: currency,
            mealPlan: MealPlan(parsing: row["meal_plan"]), cancellationPolicy: row["cancellation_policy"],
            commissionable: row["commissionable"], validity: validity,
            basePlanCode: (row["base_plan_code"] as String?).map { try Code($0) }, companyCodes: companies,
            lastRoomAvailability: row["lra"], tiers: tiers)
    }

    /// The first night two BAR plans both price, if any.
    static func sharedSeasonNight(_ one: RatePlan, _ other: RatePlan) -> CalendarDate? {
        func seasons(_ plan: RatePlan) -> [NightRange] {
            plan.tiers.flatMap { tier -> [NightRange] in
                if case .seasons(let seasons) = tier.rule { return seasons.map(\.nights) }
                return []
            }
        }
        for first in seasons(one) {
            for second in seasons(other) where first.overlaps(second) {
                return max(first.first, second.first)
            }
        }
        return nil
    }

    static func snapshot(_ plan: RatePlan) -> [String: String] {
        var values: [String: String] = [
            "code": plan.code.rawValue, "name": plan.name, "kind": plan.kind.rawValue, "mealPlan": plan.mealPlan.rawValue,
            "lra": String(plan.lastRoomAvailability), "commissionable": String(plan.commissionable),
            "companies": plan.companyCodes.map(\.rawValue).joined(separator: ","),
            "tiers": plan.tiers.map(Self.describe).joined(separator: " | "),
        ]
        values["base"] = plan.basePlanCode?.rawValue
        values["validity"] = plan.validity?.description
        return values
    }

    static func describe(_ tier: RateTier) -> String {
        let prices: ([Code: Money]) -> String = { prices in
            prices.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.decimalText)" }.joined(separator: " ")
        }
        let rule: String
        switch tier.rule {
        case .seasons(let seasons): rule = seasons.map { "\($0.name) \($0.nights): \(prices($0.prices))" }.joined(separator: "; ")
        case .fixed(let fixed): rule = "fixed " + prices(fixed)
        case .percentOff(let discount): rule = "\(discount) off"
        case .amountOff(let amount): rule = "\(amount.decimalText) off"
        }
        return "from \(tier.fromRoomNights): \(rule)"
    }
}
