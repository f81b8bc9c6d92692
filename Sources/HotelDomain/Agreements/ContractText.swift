/// The contract text of an agreement, in Markdown, from a template with `{{placeholders}}`.
///
/// Rule: every term of the agreement and every rate it gives access to is written out — for cumulative
/// agreements a price grid per tier, season and room type computed by the same rate engine that quotes
/// stays, so the contract and the quotes can never disagree. An unknown placeholder is an error.
/// Example: `{{company.name}}` → "Acme Industrial Ltd"; `{{rates}}` → the Markdown price tables.
public struct ContractText: Sendable {
    public let hotel: Hotel
    public let company: Company
    public let agreement: Agreement
    public let book: RateBook
    public let today: CalendarDate

    public init(hotel: Hotel, company: Company, agreement: Agreement, book: RateBook, today: CalendarDate) {
        self.hotel = hotel
        self.company = company
        self.agreement = agreement
        self.book = book
        self.today = today
    }

    /// The placeholders a template may use.
    public static let placeholders = [
        "hotel.code", "hotel.name", "company.code", "company.name", "company.address", "company.contact",
        "company.segment", "company.sales-owner", "agreement.id", "agreement.title", "agreement.type", "agreement.from",
        "agreement.to", "agreement.status", "terms", "rates", "date",
    ]

    public static let defaultTemplate = """
        # {{agreement.title}} No. {{agreement.id}}

        Between **{{hotel.name}}** ({{hotel.code}}), "the Hotel", and **{{company.name}}** ({{company.code}}),
        {{company.address}}, "the Company".

        | | |
        |---|---|
        | Agreement | {{agreement.type}} no. {{agreement.id}} |
        | Valid | {{agreement.from}} to {{agreement.to}}, both days included |
        | Status | {{agreement.status}} |
        | Company contact | {{company.contact}} |
        | Hotel sales manager | {{company.sales-owner}} |

        ## Terms

        {{terms}}

        ## Rates

        {{rates}}

        ## General conditions

        1. Rates are per room and night, in the currency stated, and include the service charge and taxes
           applicable on the date of signature unless stated otherwise.
        2. Rates apply only to reservations made by or for the Company that name it, for nights within the
           validity of this agreement while it is approved by both parties.
        3. The Hotel may close rates that are not last room availability (NLRA) on nights of high demand.
        4. Either party may terminate this agreement with 30 days' written notice.

        Prepared on {{date}}.

        | For the Hotel | For the Company |
        |---|---|
        | Name: | Name: |
        | Signature: | Signature: |
        | Date: | Date: |
        """

    /// Fills `template`; an unknown `{{placeholder}}` is refused with the list of valid ones.
    public func render(template: String) throws -> String {
        let values = try self.values()
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                throw DomainError.invalid("the contract template has a '{{' with no closing '}}'; close every placeholder")
            }
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmingWhitespace
            guard let value = values[name] else {
                throw DomainError.invalid(
                    "the contract template uses {{\(name)}}, which is not a placeholder; valid: \(Self.placeholders.joined(separator: ", "))")
            }
            output += value
            rest = rest[close.upperBound...]
        }
        output += rest
        return output.hasSuffix("\n") ? output : output + "\n"
    }

    private func values() throws -> [String: String] {
        let contact = [company.contactName, company.email, company.phone].compactMap { $0 }.joined(separator: ", ")
        return [
            "hotel.code": hotel.code.rawValue, "hotel.name": hotel.name, "company.code": company.code.rawValue,
            "company.name": company.name, "company.address": company.address ?? "address on file",
            "company.contact": contact.isEmpty ? "-" : contact, "company.segment": company.segment.rawValue,
            "company.sales-owner": company.salesOwner ?? "-", "agreement.id": agreement.id?.description ?? "(draft)",
            "agreement.title": agreement.type.title, "agreement.type": agreement.type.rawValue,
            "agreement.from": agreement.validity.first.description, "agreement.to": agreement.validity.last.description,
            "agreement.status": agreement.status(on: today).rawValue, "terms": terms(), "rates": try rates(),
            "date": today.description,
        ]
    }

    private func terms() -> String {
        let terms = agreement.terms
        switch agreement.type {
        case .cumulativeRoom:
            var text = """
                The Company receives the negotiated room rates below for every room-night booked in its name during \
                the validity. Room-nights accumulate over the agreement year; when the total reaches a tier's \
                threshold, the following nights are priced at that tier.
                """
            if agreement.openingRoomNights > 0 {
                text += " Room-nights already produced this agreement year: \(agreement.openingRoomNights)."
            }
            return text
        case .conferenceRoom:
            return """
                Meeting rooms are charged per day part at preferential rates: half day (up to 4 hours) \
                \(terms.meetingHalfDay?.description ?? "-"), full day \(terms.meetingFullDay?.description ?? "-"), per room.
                """
        case .longStay:
            return """
                Stays of \(terms.longStayMinimumNights ?? 0) nights or more receive \(terms.longStayDiscount?.description ?? "-") \
                off the best available rate (BAR) of each night, rounded to the nearest \(hotel.currency.code) minor unit.
                """
        case .directBilling:
            return """
                The Company may sign for the charges of its guests, which are billed to its account up to a credit \
                limit of \(terms.billingCreditLimit?.description ?? company.creditLimit.description), payable within \
                \(terms.billingPaymentTermsDays ?? company.paymentTermsDays) days of the invoice date.
                """
        }
    }

    private func rates() throws -> String {
        switch agreement.type {
        case .cumulativeRoom:
            let plans = book.plans.values.filter { $0.kind == .negotiated && $0.companyCodes.contains(company.code) }
                .sorted { $0.code < $1.code }
            guard !plans.isEmpty else {
                return "No negotiated rate plan names \(company.code) yet; rates are attached when a rate-plan file is imported."
            }
            return try plans.map(planSection).joined(separator: "\n\n")
        case .longStay:
            guard let discount = agreement.terms.longStayDiscount else { return "-" }
            return "Each night: BAR less \(discount). BAR by season (\(hotel.currency.code) per room and night):\n\n"
                + (try grid(for: barSeasons(), rows: { season in
                    try hotel.roomTypes.map { roomType in
                        try barPrice(roomType.code, on: season.first)?.reduced(by: discount).decimalText ?? "-"
                    }
                }))
        case .conferenceRoom, .directBilling:
            return "Room rates: the Hotel's best available rate, or the Company's negotiated rate under a separate agreement."
        }
    }

    private func planSection(_ plan: RatePlan) throws -> String {
        var lines = [
            "### \(plan.code) — \(plan.name)", "",
            "- Availability: \(plan.lastRoomAvailability ? "LRA (last room availability: sellable while any room of the type is free)" : "NLRA (may be closed on high-demand nights)")",
            "- Meals: \(plan.mealPlan.rawValue)",
            "- Cancellation: \(plan.cancellationPolicy.isEmpty ? "as the Hotel's standard policy" : plan.cancellationPolicy)",
            "- Commission to intermediaries: \(plan.commissionable ? "commissionable" : "non-commissionable")",
        ]
        if let validity = plan.validity { lines.append("- Valid for nights \(validity.first) to \(validity.last)") }
        let periods = pricingPeriods(plan)
        for (index, tier) in plan.tiers.enumerated() {
            let next = index + 1 < plan.tiers.count ? plan.tiers[index + 1].fromRoomNights : nil
            lines.append("")
            lines.append("#### \(plan.isCumulative ? tier.label(nextFrom: next) + ": " : "")\(ruleText(tier.rule, plan))")
            lines.append("")
            lines.append(
                try grid(for: periods) { period in
                    hotel.roomTypes.map { roomType in
                        let price = try? book.price(
                            of: plan, roomType: roomType.code, on: period.first, roomNightsBefore: tier.fromRoomNights)
                        return price?.amount.decimalText ?? "-"
                    }
                })
        }
        return lines.joined(separator: "\n")
    }

    private func ruleText(_ rule: PriceRule, _ plan: RatePlan) -> String {
        switch rule {
        case .seasons: "prices by season"
        case .fixed: "fixed prices"
        case .percentOff(let discount): "\(discount) off \(plan.basePlanCode?.rawValue ?? "BAR")"
        case .amountOff(let amount): "\(amount.decimalText) off \(plan.basePlanCode?.rawValue ?? "BAR") per night"
        }
    }

    /// Named periods over which the plan's price is constant: its own seasons, or its base plan's, clipped
    /// to the agreement's validity.
    private func pricingPeriods(_ plan: RatePlan) -> [(name: String, first: CalendarDate, last: CalendarDate)] {
        var source = plan
        var depth = 0
        while depth < 8 {
            for tier in source.tiers {
                if case .seasons(let seasons) = tier.rule { return clip(seasons) }
            }
            guard let base = source.basePlanCode.flatMap({ book.plans[$0] }) else { break }
            source = base
            depth += 1
        }
        let validity = plan.validity ?? agreement.validity
        let first = max(validity.first, agreement.validity.first)
        let last = min(validity.last, agreement.validity.last)
        return first <= last ? [("All nights", first, last)] : []
    }

    private func barSeasons() -> [(name: String, first: CalendarDate, last: CalendarDate)] {
        clip(book.plans.values.filter { $0.kind == .bar }.sorted { $0.code < $1.code }.flatMap { plan in
            plan.tiers.flatMap { tier -> [Season] in
                if case .seasons(let seasons) = tier.rule { return seasons }
                return []
            }
        })
    }

    private func clip(_ seasons: [Season]) -> [(name: String, first: CalendarDate, last: CalendarDate)] {
        seasons.sorted { $0.nights.first < $1.nights.first }.compactMap { season in
            let first = max(season.nights.first, agreement.validity.first)
            let last = min(season.nights.last, agreement.validity.last)
            return first <= last ? (season.name, first, last) : nil
        }
    }

    private func barPrice(_ roomType: Code, on night: CalendarDate) throws -> Money? {
        guard let plan = book.barPlan(on: night) else { return nil }
        return try? book.price(of: plan, roomType: roomType, on: night).amount
    }

    private func grid(
        for periods: [(name: String, first: CalendarDate, last: CalendarDate)],
        rows: ((name: String, first: CalendarDate, last: CalendarDate)) throws -> [String]
    ) throws -> String {
        guard !periods.isEmpty else { return "(no prices within the agreement's validity)" }
        var lines = [
            "| Period | Nights | " + hotel.roomTypes.map { "\($0.code) \(hotel.currency.code)" }.joined(separator: " | ") + " |",
            "|---|---|" + String(repeating: "---:|", count: hotel.roomTypes.count),
        ]
        for period in periods {
            lines.append("| \(period.name) | \(period.first) – \(period.last) | " + (try rows(period)).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}
