/// What a stay costs: the price of every night, the plan, season and tier that produced it, and the total.
public struct RateQuote: Sendable {
    public var roomType: Code
    public var stay: Stay
    public var rooms: Int
    public var companyCode: Code?
    /// The plan chosen for the stay; nights without access to it fall back to BAR (see each night's plan).
    public var ratePlanCode: Code
    public var ratePlanName: String
    public var lastRoomAvailability: Bool
    public var mealPlan: MealPlan
    public var cancellationPolicy: String
    public var nights: [NightPrice]
    public var notes: [String]

    /// Sum of the nightly prices for one room.
    public var totalPerRoom: Money {
        nights.dropFirst().reduce(nights[0].amount) { $0 + $1.amount }
    }

    /// The stay's total for all rooms.
    public var total: Money { totalPerRoom.times(rooms) }
}

/// A request for a price: room type, stay, rooms, and optionally the company and a named plan.
public struct QuoteRequest: Sendable {
    public var roomType: Code
    public var stay: Stay
    public var rooms: Int
    public var companyCode: Code?
    public var ratePlanCode: Code?

    public init(roomType: Code, stay: Stay, rooms: Int = 1, companyCode: Code? = nil, ratePlanCode: Code? = nil) throws {
        guard (1...500).contains(rooms) else {
            throw DomainError.invalid("rooms \(rooms) is not valid; quote 1 to 500 rooms")
        }
        self.roomType = roomType
        self.stay = stay
        self.rooms = rooms
        self.companyCode = companyCode
        self.ratePlanCode = ratePlanCode
    }
}

/// What the company has signed, for pricing: its approved and other agreements, and the room-nights each
/// cumulative agreement has accumulated before the stay (opening balance included).
public struct CompanyContracts: Sendable {
    public var company: Company
    public var agreements: [Agreement]
    public var accumulatedRoomNights: [AgreementID: Int]

    public init(company: Company, agreements: [Agreement], accumulatedRoomNights: [AgreementID: Int] = [:]) {
        self.company = company
        self.agreements = agreements
        self.accumulatedRoomNights = accumulatedRoomNights
    }

    /// The approved cumulative-room agreement that covers `night`, if any.
    func roomAgreement(on night: CalendarDate) -> Agreement? {
        agreements.first { $0.type == .cumulativeRoom && $0.grantsRates(on: night) }
    }

    /// Room-nights accumulated before the stay under `agreement`.
    func accumulated(_ agreement: Agreement) -> Int {
        agreement.id.flatMap { accumulatedRoomNights[$0] } ?? agreement.openingRoomNights
    }
}

/// Prices stays: BAR for the public, the company's negotiated or long-stay rate when its agreements allow.
///
/// Rules:
/// - Without a company or plan, every night is priced at BAR.
/// - With a company, each negotiated plan for it is tried: a night is sold at the negotiated price only when
///   an approved cumulative-room agreement of the company covers it (other nights fall back to BAR, with a
///   note); the night's tier is chosen by the room-nights accumulated before it, this stay's earlier nights
///   included, so a tier threshold can be crossed mid-stay. An approved long-stay agreement covering the
///   stay gives its discount off BAR when the stay is long enough. The cheapest total wins.
/// - With `ratePlanCode`, exactly that plan is priced, and a negotiated plan must be accessible every night.
public struct RateQuoter: Sendable {
    public let hotel: Hotel
    public let book: RateBook

    public init(hotel: Hotel, book: RateBook) {
        self.hotel = hotel
        self.book = book
    }

    public func quote(_ request: QuoteRequest, contracts: CompanyContracts? = nil) throws -> RateQuote {
        _ = try hotel.roomType(request.roomType)
        if let contracts, let requested = request.companyCode, contracts.company.code != requested {
            throw DomainError.invalid("contracts of \(contracts.company.code) were given for company \(requested)")
        }
        if let planCode = request.ratePlanCode {
            return try quoteNamedPlan(planCode, request: request, contracts: contracts)
        }
        let bar = try barQuote(request)
        guard let contracts else { return bar }
        var candidates: [RateQuote] = []
        var notes: [String] = []
        for plan in book.plans.values.sorted(by: { $0.code < $1.code })
        where plan.kind == .negotiated && plan.companyCodes.contains(contracts.company.code) {
            do {
                if let candidate = try negotiatedQuote(plan, request: request, contracts: contracts, strict: false) {
                    candidates.append(candidate)
                } else {
                    notes.append(
                        "\(plan.code) not available: \(contracts.company.code) has no approved cumulative-room agreement covering \(request.stay.nightRange)")
                }
            } catch let error as DomainError {
                notes.append("\(plan.code) not available: \(error.description)")
            }
        }
        if let longStay = try longStayQuote(request, contracts: contracts, bar: bar) {
            candidates.append(longStay)
        }
        guard var best = candidates.min(by: { $0.total < $1.total }) else {
            var fallback = bar
            fallback.companyCode = contracts.company.code
            fallback.notes = notes + ["\(contracts.company.code) has no contracted rate for this stay; BAR applies"]
            return fallback
        }
        for other in candidates where other.ratePlanCode != best.ratePlanCode {
            best.notes.append("\(other.ratePlanCode) would cost \(other.total.decimalText); \(best.ratePlanCode) is lower")
        }
        if best.total > bar.total {
            best.notes.append("BAR would cost \(bar.total.decimalText) for this stay, below the contracted rate")
        }
        best.notes = notes + best.notes
        return best
    }

    private func quoteNamedPlan(_ code: Code, request: QuoteRequest, contracts: CompanyContracts?) throws -> RateQuote {
        let plan = try book.plan(code)
        if !plan.companyCodes.isEmpty {
            guard let contracts, plan.companyCodes.contains(contracts.company.code) else {
                let companies = plan.companyCodes.map(\.rawValue).joined(separator: ", ")
                throw DomainError.refused("rate plan \(code) is restricted to \(companies); give --company \(plan.companyCodes[0])")
            }
            if plan.kind == .negotiated {
                guard let quote = try negotiatedQuote(plan, request: request, contracts: contracts, strict: true) else {
                    throw DomainError.refused("\(contracts.company.code) has no approved agreement giving access to \(code)")
                }
                return quote
            }
        }
        let nights = try request.stay.nights.map { try book.price(of: plan, roomType: request.roomType, on: $0) }
        return makeQuote(plan, request: request, nights: nights, notes: [])
    }

    private func barQuote(_ request: QuoteRequest) throws -> RateQuote {
        var nights: [NightPrice] = []
        var firstPlan: RatePlan?
        for night in request.stay.nights {
            guard let plan = book.barPlan(on: night) else {
                throw DomainError.refused(
                    "no BAR plan has a season covering \(night); import a BAR plan whose seasons include it (rates import FILE)")
            }
            firstPlan = firstPlan ?? plan
            nights.append(try book.price(of: plan, roomType: request.roomType, on: night))
        }
        guard let plan = firstPlan else { throw DomainError.invalid("the stay has no nights") }
        return makeQuote(plan, request: request, nights: nights, notes: [])
    }

    /// The plan priced night by night, BAR on nights without access; `nil` when no night has access.
    private func negotiatedQuote(
        _ plan: RatePlan, request: QuoteRequest, contracts: CompanyContracts, strict: Bool
    ) throws -> RateQuote? {
        var nights: [NightPrice] = []
        var notes: [String] = []
        var anyAccess = false
        var producedInStay: [AgreementID: Int] = [:]
        for night in request.stay.nights {
            let withinPlan = plan.validity?.contains(night) ?? true
            if let agreement = contracts.roomAgreement(on: night), withinPlan {
                anyAccess = true
                let key = agreement.id ?? AgreementID(0)
                let before = contracts.accumulated(agreement) + producedInStay[key, default: 0]
                nights.append(try book.price(of: plan, roomType: request.roomType, on: night, roomNightsBefore: before))
                producedInStay[key, default: 0] += request.rooms
            } else {
                let reason =
                    withinPlan
                    ? "no approved cumulative-room agreement of \(contracts.company.code) covers \(night)"
                    : "\(plan.code) is not valid on \(night)"
                if strict { throw DomainError.refused("\(plan.code) cannot be sold on \(night): \(reason)") }
                guard let bar = book.barPlan(on: night) else {
                    throw DomainError.refused("no BAR plan has a season covering \(night)")
                }
                nights.append(try book.price(of: bar, roomType: request.roomType, on: night))
                notes.append("\(night) priced at BAR: \(reason)")
            }
        }
        guard anyAccess else { return nil }
        return makeQuote(plan, request: request, nights: nights, notes: notes)
    }

    private func longStayQuote(_ request: QuoteRequest, contracts: CompanyContracts, bar: RateQuote) throws -> RateQuote? {
        let nights = request.stay.nights
        guard
            let agreement = contracts.agreements.first(where: { agreement in
                agreement.type == .longStay && nights.allSatisfy { agreement.grantsRates(on: $0) }
            }),
            let minimum = agreement.terms.longStayMinimumNights, let discount = agreement.terms.longStayDiscount
        else { return nil }
        guard request.stay.nightCount >= minimum else { return nil }
        var quote = bar
        quote.companyCode = contracts.company.code
        quote.ratePlanName = "Long-stay agreement \(agreement.id.map(\.description) ?? "")"
        quote.nights = bar.nights.map { night in
            var discounted = night
            discounted.amount = night.amount.reduced(by: discount)
            discounted.basis = "long stay (\(minimum)+ nights): \(discount) off \(night.ratePlanCode) \(night.amount.decimalText)"
            return discounted
        }
        quote.notes = ["long-stay agreement \(agreement.id.map(\.description) ?? "") applies: \(request.stay.nightCount) nights ≥ \(minimum)"]
        return quote
    }

    private func makeQuote(_ plan: RatePlan, request: QuoteRequest, nights: [NightPrice], notes: [String]) -> RateQuote {
        RateQuote(
            roomType: request.roomType, stay: request.stay, rooms: request.rooms, companyCode: request.companyCode,
            ratePlanCode: plan.code, ratePlanName: plan.name, lastRoomAvailability: plan.lastRoomAvailability,
            mealPlan: plan.mealPlan, cancellationPolicy: plan.cancellationPolicy, nights: nights, notes: notes)
    }
}
