import Testing

@testable import HotelDomain

@Suite("Rate plan rules")
struct RatePlanTests {
    typealias F = PricingFixtures

    @Test("Overlapping seasons are refused, naming both seasons")
    func overlappingSeasons() {
        #expect(throws: DomainError.self) {
            try RatePlan(
                code: "BAR", name: "BAR", kind: .bar, currency: F.cny,
                tiers: [
                    RateTier(
                        rule: .seasons([
                            Season(name: "Spring", nights: F.nights("2027-03-01", "2027-05-01"), prices: ["DLX": F.money("920.00")]),
                            Season(name: "Golden Week", nights: F.nights("2027-05-01", "2027-05-07"), prices: ["DLX": F.money("1299.99")]),
                        ]))
                ])
        }
    }

    @Test("Tiers must start at 0 and increase")
    func tierOrder() {
        #expect(throws: DomainError.self) {
            try RatePlan(
                code: "X", name: "X", kind: .negotiated, currency: F.cny, basePlanCode: "BAR", companyCodes: ["ACME"],
                tiers: [RateTier(fromRoomNights: 10, rule: .percentOff(BasisPoints(1_000)))])
        }
        #expect(throws: DomainError.self) {
            try RatePlan(
                code: "X", name: "X", kind: .negotiated, currency: F.cny, basePlanCode: "BAR", companyCodes: ["ACME"],
                tiers: [
                    RateTier(fromRoomNights: 0, rule: .percentOff(BasisPoints(1_000))),
                    RateTier(fromRoomNights: 0, rule: .percentOff(BasisPoints(2_000))),
                ])
        }
    }

    @Test("A negotiated plan must name a company and a discount must name a base plan")
    func requiredLinks() {
        #expect(throws: DomainError.self) {
            try RatePlan(code: "X", name: "X", kind: .negotiated, currency: F.cny, basePlanCode: "BAR", tiers: [RateTier(rule: .percentOff(BasisPoints(1_000)))])
        }
        #expect(throws: DomainError.self) {
            try RatePlan(code: "X", name: "X", kind: .negotiated, currency: F.cny, companyCodes: ["ACME"], tiers: [RateTier(rule: .percentOff(BasisPoints(1_000)))])
        }
    }

    @Test("Negative prices are refused")
    func negativePrice() {
        #expect(throws: DomainError.self) {
            try RatePlan(
                code: "X", name: "X", kind: .negotiated, currency: F.cny, validity: F.nights("2027-01-01", "2027-12-31"),
                companyCodes: ["ACME"], tiers: [RateTier(rule: .fixed(["DLX": F.money("-1.00")]))])
        }
    }

    @Test("The tier for a night is the last one whose threshold has been reached")
    func tierChoice() {
        #expect(F.acme27.tier(roomNightsBefore: 0).index == 0)
        #expect(F.acme27.tier(roomNightsBefore: 199).index == 0)
        #expect(F.acme27.tier(roomNightsBefore: 200).index == 1)
        #expect(F.acme27.tiers[0].label(nextFrom: 200) == "0–199 room-nights")
    }

    @Test("A plan in another currency or with an unknown room type does not fit the hotel")
    func validateAgainstHotel() throws {
        let usdPlan = try RatePlan(
            code: "USD", name: "USD", kind: .bar, currency: Currency("USD"),
            tiers: [RateTier(rule: .seasons([Season(name: "All", nights: F.nights("2027-01-01", "2027-12-31"), prices: ["DLX": Money(minorUnits: 100, currency: Currency("USD"))])]))])
        #expect(throws: DomainError.self) { try usdPlan.validate(against: F.hotel) }
        let penthouse = try RatePlan(
            code: "P", name: "P", kind: .bar, currency: F.cny,
            tiers: [RateTier(rule: .seasons([Season(name: "All", nights: F.nights("2027-01-01", "2027-12-31"), prices: ["PENT": F.money("5000.00")])]))])
        #expect(throws: DomainError.self) { try penthouse.validate(against: F.hotel) }
    }
}
