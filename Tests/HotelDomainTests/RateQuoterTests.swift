import Testing

@testable import HotelDomain

@Suite("Pricing a stay")
struct RateQuoterTests {
    typealias F = PricingFixtures

    func amounts(_ quote: RateQuote) -> [Int64] { quote.nights.map(\.amount.minorUnits) }

    @Test("Without a company every night is BAR, season by season across a boundary")
    func barAcrossSeasonBoundary() throws {
        let quote = try F.quoter.quote(F.request("DLX", "2027-04-29", nights: 3))
        #expect(amounts(quote) == [92_000, 92_000, 129_999])
        #expect(quote.nights.map(\.season) == ["Spring", "Spring", "Golden Week"])
        #expect(quote.totalPerRoom.minorUnits == 313_999)
        #expect(quote.ratePlanCode == "BAR")
        #expect(!quote.lastRoomAvailability)
    }

    @Test("The departure day is not a night: leaving on the first night of a season does not pay it")
    func departureDayNotPriced() throws {
        let quote = try F.quoter.quote(F.request("DLX", "2027-04-29", nights: 2))
        #expect(amounts(quote) == [92_000, 92_000])
        #expect(quote.total.minorUnits == 184_000)
    }

    @Test("An approved cumulative agreement gives 15% off BAR, rounded half away from zero")
    func negotiatedPercentOff() throws {
        let contracts = CompanyContracts(company: F.company("ACME"), agreements: [F.agreement(1, "ACME")])
        let quote = try F.quoter.quote(F.request("DLX", "2027-04-30", nights: 2, company: "ACME"), contracts: contracts)
        // 920.00 less 15% = 782.00; 1299.99 less 15% = 1104.9915 → 1104.99.
        #expect(amounts(quote) == [78_200, 110_499])
        #expect(quote.total.minorUnits == 188_699)
        #expect(quote.ratePlanCode == "ACME27")
        #expect(quote.lastRoomAvailability)
        #expect(quote.nights[1].basis == "15% off BAR 1299.99")
        #expect(quote.nights[0].tier == "0–199 room-nights")
    }

    @Test("A tier threshold crossed mid-stay reprices the following nights")
    func tierCrossedMidStay() throws {
        let contracts = CompanyContracts(
            company: F.company("ACME"), agreements: [F.agreement(1, "ACME")], accumulatedRoomNights: [AgreementID(1): 198])
        let quote = try F.quoter.quote(F.request("DLX", "2027-03-01", nights: 3, company: "ACME"), contracts: contracts)
        // Before night 1: 198 room-nights, night 2: 199, night 3: 200 → 20% off 920.00 = 736.00.
        #expect(amounts(quote) == [78_200, 78_200, 73_600])
        #expect(quote.nights.map(\.tier) == ["0–199 room-nights", "0–199 room-nights", "200+ room-nights"])
        #expect(quote.total.minorUnits == 230_000)
    }

    @Test("Several rooms count towards the tier on every night")
    func tierCrossedWithSeveralRooms() throws {
        let contracts = CompanyContracts(
            company: F.company("ACME"), agreements: [F.agreement(1, "ACME")], accumulatedRoomNights: [AgreementID(1): 197])
        let quote = try F.quoter.quote(F.request("STD", "2027-03-01", nights: 3, rooms: 2, company: "ACME"), contracts: contracts)
        // Before: 197, 199, 201 → 646.00, 646.00, 608.00 per room (760.00 less 15% / 20%).
        #expect(amounts(quote) == [64_600, 64_600, 60_800])
        #expect(quote.totalPerRoom.minorUnits == 190_000)
        #expect(quote.total.minorUnits == 380_000)
    }

    @Test("Opening room-nights of the agreement count towards the tier")
    func openingRoomNights() throws {
        let contracts = CompanyContracts(company: F.company("ACME"), agreements: [F.agreement(1, "ACME", opening: 250)])
        let quote = try F.quoter.quote(F.request("DLX", "2027-03-10", nights: 1, company: "ACME"), contracts: contracts)
        #expect(amounts(quote) == [73_600])
    }

    @Test(
        "Only an approved agreement within its dates gives access; otherwise BAR applies",
        arguments: [AgreementStatus.draft, .submitted, .terminated])
    func unapprovedAgreementGivesBAR(status: AgreementStatus) throws {
        let contracts = CompanyContracts(company: F.company("ACME"), agreements: [F.agreement(1, "ACME", status: status)])
        let quote = try F.quoter.quote(F.request("DLX", "2027-03-01", nights: 2, company: "ACME"), contracts: contracts)
        #expect(quote.ratePlanCode == "BAR")
        #expect(amounts(quote) == [92_000, 92_000])
        #expect(quote.notes.contains("ACME has no contracted rate for this stay; BAR applies"))
    }

    @Test("Nights outside the agreement's validity fall back to BAR, night by night")
    func partialValidity() throws {
        let contracts = CompanyContracts(
            company: F.company("ACME"), agreements: [F.agreement(1, "ACME", from: "2027-01-01", to: "2027-04-29")])
        let quote = try F.quoter.quote(F.request("DLX", "2027-04-29", nights: 2, company: "ACME"), contracts: contracts)
        #expect(amounts(quote) == [78_200, 92_000])
        #expect(quote.nights.map(\.ratePlanCode) == ["ACME27", "BAR"])
        #expect(quote.notes.contains { $0.hasPrefix("2027-04-30 priced at BAR") })
    }

    @Test("Fixed-price tiers: Globex pays 780.00 for DLX, 740.00 from 300 room-nights")
    func fixedTiers() throws {
        let contracts = CompanyContracts(
            company: F.company("GLOBEX"), agreements: [F.agreement(2, "GLOBEX")], accumulatedRoomNights: [AgreementID(2): 299])
        let quote = try F.quoter.quote(F.request("DLX", "2027-05-01", nights: 2, company: "GLOBEX"), contracts: contracts)
        #expect(amounts(quote) == [78_000, 74_000])
        #expect(!quote.lastRoomAvailability)
    }

    @Test("Amount off BAR: the government rate is BAR less 120.00")
    func amountOff() throws {
        let contracts = CompanyContracts(company: F.company("SHGOV"), agreements: [F.agreement(3, "SHGOV")])
        let quote = try F.quoter.quote(F.request("STD", "2027-04-30", nights: 2, company: "SHGOV"), contracts: contracts)
        #expect(amounts(quote) == [64_000, 96_000])
    }

    @Test("A long-stay agreement gives its discount off BAR from its minimum nights, when cheaper")
    func longStay() throws {
        let terms = AgreementTerms(longStayMinimumNights: 14, longStayDiscount: BasisPoints(2_500))
        let contracts = CompanyContracts(
            company: F.company("ACME"), agreements: [F.agreement(1, "ACME"), F.agreement(4, "ACME", .longStay, terms: terms)])
        let long = try F.quoter.quote(F.request("DLX", "2027-03-01", nights: 14, company: "ACME"), contracts: contracts)
        #expect(long.nights.allSatisfy { $0.amount.minorUnits == 69_000 })  // 920.00 less 25%
        #expect(long.total.minorUnits == 966_000)
        let short = try F.quoter.quote(F.request("DLX", "2027-03-01", nights: 13, company: "ACME"), contracts: contracts)
        #expect(short.ratePlanCode == "ACME27")
        #expect(short.total.minorUnits == 1_016_600)  // 13 × 782.00
    }

    @Test("A negotiated plan asked for by name is refused to another company")
    func restrictedPlan() throws {
        let contracts = CompanyContracts(company: F.company("GLOBEX"), agreements: [F.agreement(2, "GLOBEX")])
        #expect(throws: DomainError.refused("rate plan ACME27 is restricted to ACME; give --company ACME")) {
            try F.quoter.quote(F.request("DLX", "2027-03-01", nights: 1, company: "GLOBEX", plan: "ACME27"), contracts: contracts)
        }
    }

    @Test("A night no BAR season covers is refused with the night")
    func uncoveredNight() {
        #expect(throws: DomainError.self) { try F.quoter.quote(F.request("DLX", "2027-05-07", nights: 2)) }
    }

    @Test("An unknown room type is refused with the valid codes")
    func unknownRoomType() {
        #expect(throws: DomainError.notFound("room type PENT is not a room type of SHBUND; valid: STD, DLX")) {
            try F.quoter.quote(F.request("PENT", "2027-03-01", nights: 1))
        }
    }
}
