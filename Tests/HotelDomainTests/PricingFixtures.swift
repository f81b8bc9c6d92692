@testable import HotelDomain

/// A small hotel and rate book for pricing tests, with the same figures as `rate-plans/bar-2027.yaml`.
enum PricingFixtures {
    static let cny = try! Currency("CNY")

    static func money(_ text: String) -> Money { try! Money(parsing: text, currency: cny) }
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }
    static func nights(_ first: String, _ last: String) -> NightRange { try! NightRange(first: date(first), last: date(last)) }

    static let hotel = try! Hotel(
        code: "SHBUND", name: "Bund Riverside Hotel Shanghai", currency: cny, timeZone: "Asia/Shanghai",
        roomTypes: [
            try! RoomType(code: "STD", name: "Superior Queen", rooms: 48, maxOccupancy: 2),
            try! RoomType(code: "DLX", name: "Deluxe King", rooms: 36, maxOccupancy: 2),
        ])

    static let bar = try! RatePlan(
        code: "BAR", name: "Best Available Rate 2027", kind: .bar, currency: cny,
        tiers: [
            RateTier(
                rule: .seasons([
                    Season(name: "Spring", nights: nights("2027-03-01", "2027-04-30"), prices: ["STD": money("760.00"), "DLX": money("920.00")]),
                    Season(
                        name: "Golden Week", nights: nights("2027-05-01", "2027-05-07"),
                        prices: ["STD": money("1080.00"), "DLX": money("1299.99")]),
                ]))
        ])

    static let acme27 = try! RatePlan(
        code: "ACME27", name: "Acme corporate 2027", kind: .negotiated, currency: cny, mealPlan: .breakfast,
        validity: nights("2027-01-01", "2027-12-31"), basePlanCode: "BAR", companyCodes: ["ACME"],
        lastRoomAvailability: true,
        tiers: [
            RateTier(fromRoomNights: 0, rule: .percentOff(BasisPoints(1_500))),
            RateTier(fromRoomNights: 200, rule: .percentOff(BasisPoints(2_000))),
        ])

    static let globex27 = try! RatePlan(
        code: "GLOBEX27", name: "Globex fixed 2027", kind: .negotiated, currency: cny,
        validity: nights("2027-01-01", "2027-12-31"), companyCodes: ["GLOBEX"],
        tiers: [
            RateTier(fromRoomNights: 0, rule: .fixed(["STD": money("650.00"), "DLX": money("780.00")])),
            RateTier(fromRoomNights: 300, rule: .fixed(["STD": money("620.00"), "DLX": money("740.00")])),
        ])

    static let gov27 = try! RatePlan(
        code: "GOV27", name: "Government 2027", kind: .negotiated, currency: cny, basePlanCode: "BAR",
        companyCodes: ["SHGOV"], tiers: [RateTier(rule: .amountOff(money("120.00")))])

    static let quoter = RateQuoter(hotel: hotel, book: RateBook(plans: [bar, acme27, globex27, gov27]))

    static func company(_ code: Code) -> Company {
        try! Company(code: code, name: "\(code) Ltd", segment: .corporate, creditLimit: money("0"))
    }

    static func agreement(
        _ id: Int64, _ company: Code, _ type: AgreementType = .cumulativeRoom, status: AgreementStatus = .approved,
        from: String = "2027-01-01", to: String = "2027-12-31", opening: Int = 0, terms: AgreementTerms = AgreementTerms()
    ) -> Agreement {
        try! Agreement(
            id: AgreementID(id), companyCode: company, type: type, validity: nights(from, to), recordedStatus: status,
            terms: terms, openingRoomNights: opening)
    }

    static func request(
        _ roomType: Code, _ arrival: String, nights: Int, rooms: Int = 1, company: Code? = nil, plan: Code? = nil
    ) -> QuoteRequest {
        try! QuoteRequest(
            roomType: roomType, stay: try! Stay(arrival: date(arrival), nights: nights), rooms: rooms, companyCode: company,
            ratePlanCode: plan)
    }
}
