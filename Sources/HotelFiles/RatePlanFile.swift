import HotelDomain

/// A rate-plan file from `rate-plans/`: a BAR plan with seasons, or a negotiated, group, package or net plan
/// priced by seasons, by fixed prices, or as a discount off a base plan, optionally in cumulative tiers.
///
/// Amounts are written as decimal text (`820.00`) and read without floating point; percentages as `15%`.
/// The README's "Rate-plan files" section documents every key with examples.
public enum RatePlanFile {
    public static func load(path: String, currency: Currency) throws -> RatePlan {
        try YAMLDocument.decode(Shape.self, path: path).ratePlan(currency: currency, name: path)
    }

    public static func parse(_ text: String, currency: Currency, name: String = "rate-plan file") throws -> RatePlan {
        try YAMLDocument.decode(Shape.self, text: text, name: name).ratePlan(currency: currency, name: name)
    }

    struct Shape: Decodable {
        var code: String
        var name: String
        var kind: String
        var currency: String?
        var mealPlan: String?
        var cancellation: String?
        var commissionable: Bool?
        var validFrom: String?
        var validTo: String?
        var base: String?
        var companies: [String]?
        var lra: Bool?
        // A single-tier plan may put its prices at the top level.
        var seasons: [SeasonShape]?
        var prices: [String: String]?
        var percentOff: String?
        var amountOff: String?
        var tiers: [TierShape]?

        enum CodingKeys: String, CodingKey {
            case code, name, kind, currency, cancellation, commissionable, base, companies, lra, seasons, prices, tiers
            case mealPlan = "meal-plan"
            case validFrom = "valid-from"
            case validTo = "valid-to"
            case percentOff = "percent-off"
            case amountOff = "amount-off"
        }

        func ratePlan(currency hotelCurrency: Currency, name fileName: String) throws -> RatePlan {
            do {
                return try build(hotelCurrency)
            } catch let error as DomainError {
                throw DomainError(error.kind, "\(fileName): \(error.description)")
            }
        }

        private func build(_ hotelCurrency: Currency) throws -> RatePlan {
            let planCurrency = try currency.map(Currency.init) ?? hotelCurrency
            let planCode = try Code(code, of: "rate plan code")
            let validity: NightRange?
            switch (validFrom, validTo) {
            case (nil, nil): validity = nil
            case (let from?, let to?): validity = try NightRange(first: CalendarDate(parsing: from), last: CalendarDate(parsing: to))
            default:
                throw DomainError.invalid("rate plan \(planCode) gives only one of valid-from and valid-to; give both or neither")
            }
            let topLevel = TierShape(
                fromRoomNights: 0, seasons: seasons, prices: prices, percentOff: percentOff, amountOff: amountOff)
            let tierShapes: [TierShape]
            if let tiers {
                guard topLevel.isEmpty else {
                    throw DomainError.invalid(
                        "rate plan \(planCode) has both tiers and top-level prices; put all prices inside the tiers")
                }
                tierShapes = tiers
            } else {
                tierShapes = [topLevel]
            }
            return try RatePlan(
                code: planCode, name: name, kind: RatePlanKind(parsing: kind), currency: planCurrency,
                mealPlan: mealPlan.map(MealPlan.init(parsing:)) ?? .roomOnly, cancellationPolicy: cancellation ?? "",
                commissionable: commissionable, validity: validity, basePlanCode: base.map { try Code($0, of: "base plan code") },
                companyCodes: (companies ?? []).map { try Code($0, of: "company code") }, lastRoomAvailability: lra ?? false,
                tiers: tierShapes.map { try $0.tier(planCode: planCode, currency: planCurrency) })
        }
    }

    struct TierShape: Decodable {
        var fromRoomNights: Int?
        var seasons: [SeasonShape]?
        var prices: [String: String]?
        var percentOff: String?
        var amountOff: String?

        enum CodingKeys: String, CodingKey {
            case seasons, prices
            case fromRoomNights = "from-room-nights"
            case percentOff = "percent-off"
            case amountOff = "amount-off"
        }

        var isEmpty: Bool { seasons == nil && prices == nil && percentOff == nil && amountOff == nil }

        func tier(planCode: Code, currency: Currency) throws -> RateTier {
            let from = fromRoomNights ?? 0
            guard from >= 0 else {
                throw DomainError.invalid("rate plan \(planCode) has a tier from \(from) room-nights; use 0 or more")
            }
            let given = [seasons != nil, prices != nil, percentOff != nil, amountOff != nil].filter { $0 }.count
            guard given == 1 else {
                throw DomainError.invalid(
                    "rate plan \(planCode)'s tier from \(from) room-nights gives \(given) kinds of price; give exactly one of seasons, prices, percent-off or amount-off")
            }
            if let seasons {
                return RateTier(fromRoomNights: from, rule: .seasons(try seasons.map { try $0.season(currency: currency) }))
            }
            if let prices {
                return RateTier(fromRoomNights: from, rule: .fixed(try PriceList.read(prices, currency: currency)))
            }
            if let percentOff {
                return RateTier(fromRoomNights: from, rule: .percentOff(try BasisPoints(parsing: percentOff)))
            }
            let amount = try Money(parsing: amountOff ?? "", currency: currency)
            return RateTier(fromRoomNights: from, rule: .amountOff(amount))
        }
    }

    struct SeasonShape: Decodable {
        var name: String
        var from: String
        var to: String
        var prices: [String: String]

        func season(currency: Currency) throws -> Season {
            let nights = try NightRange(first: CalendarDate(parsing: from), last: CalendarDate(parsing: to))
            return Season(name: name, nights: nights, prices: try PriceList.read(prices, currency: currency))
        }
    }
}

/// Reads `{STD: 680.00, DLX: 820.00}` into room-type codes and money, refusing negative prices.
enum PriceList {
    static func read(_ prices: [String: String], currency: Currency) throws -> [Code: Money] {
        var result: [Code: Money] = [:]
        for (roomType, amountText) in prices.sorted(by: { $0.key < $1.key }) {
            let code = try Code(roomType, of: "room type code")
            let amount = try Money(parsing: amountText, currency: currency)
            guard amount.minorUnits >= 0 else {
                throw DomainError.invalid("price \(amountText) for \(code) is negative; prices must be 0 or more")
            }
            result[code] = amount
        }
        return result
    }
}
