import Testing

@testable import HotelDomain

@Suite("Yield recommendations per night and room type")
struct YieldRecommenderTests {
    let cny = try! Currency("CNY")
    let night = try! CalendarDate(parsing: "2027-05-01")

    func classes(_ items: [(Code, Int64, Double, Double)]) throws -> [RateClassForecast] {
        try items.map { code, fare, mean, sd in
            RateClassForecast(
                night: night, roomType: "DLX", ratePlan: code, fare: Money(minorUnits: fare, currency: cny),
                forecast: try DemandForecast(mean: mean, standardDeviation: sd), source: "supplied")
        }
    }

    /// The four-class textbook example (reference: rate-plans/yield/reference/yield_reference.txt, section 3).
    func textbook() throws -> [RateClassForecast] {
        try classes([("BAR", 105_000, 17.3, 5.8), ("PKG", 56_700, 45.1, 15.0), ("CORP", 53_400, 39.6, 13.2), ("NET", 52_000, 34.0, 11.3)])
    }

    func inventory(physical: Int, sold: Int) -> InventoryNight {
        InventoryNight(night: night, roomType: "DLX", physical: physical, sold: sold, revenue: .zero(cny))
    }

    @Test("With 100 rooms left the textbook classes get limits 100/83/49/17 and all stay open")
    func fullHouseAvailable() throws {
        let recommendation = try YieldRecommender.recommend(
            inventory: inventory(physical: 100, sold: 0), classes: textbook().reversed(), showUpRate: BasisPoints(10_000), walkCost: nil)
        #expect(recommendation.classes.map(\.ratePlan) == ["BAR", "PKG", "CORP", "NET"])
        #expect(recommendation.classes.map(\.bookingLimit) == [100, 83, 49, 17])
        #expect(recommendation.classes.compactMap(\.roundedProtectionLevel) == [17, 51, 83])
        #expect(recommendation.classes.compactMap { $0.protectionLevel.map { ($0 * 100).rounded() / 100 } } == [16.72, 50.94, 83.15])
        #expect(recommendation.classes.allSatisfy { $0.open })
        #expect(recommendation.overbookingRooms == 0)  // everyone shows up: no reason to overbook
    }

    @Test("With 40 rooms left the two lowest classes close: 51 and 83 rooms are protected above them")
    func fortyLeft() throws {
        let recommendation = try YieldRecommender.recommend(
            inventory: inventory(physical: 100, sold: 60), classes: textbook(), showUpRate: BasisPoints(10_000), walkCost: nil)
        #expect(recommendation.remainingCapacity == 40)
        #expect(recommendation.classes.map(\.bookingLimit) == [40, 23, 0, 0])
        #expect(recommendation.classes.map(\.open) == [true, true, false, false])
        #expect(recommendation.classes[2].reason.hasPrefix("close CORP on 2027-05-01"))
    }

    @Test("Littlewood on the sample hotel: DLX BAR 920.00 vs GLOBEX 780.00 with BAR demand N(30, 8) protects 21.78")
    func littlewoodSample() throws {
        let items = try classes([("BAR", 92_000, 30, 8), ("GLOBEX27", 78_000, 10, 4)])
        let closing = try YieldRecommender.recommend(
            inventory: inventory(physical: 36, sold: 14), classes: items, showUpRate: BasisPoints(10_000), walkCost: nil)
        #expect(((closing.classes[0].protectionLevel ?? 0) * 100).rounded() / 100 == 21.78)
        // 22 rooms left are not more than the 22 (rounded) protected for BAR: GLOBEX27 closes.
        #expect(!closing.classes[1].open)
        #expect(closing.classes[1].bookingLimit == 0)
        let twentyThree = try YieldRecommender.recommend(
            inventory: inventory(physical: 36, sold: 13), classes: items, showUpRate: BasisPoints(10_000), walkCost: nil)
        #expect(twentyThree.classes[1].open)
        #expect(twentyThree.classes[1].bookingLimit == 1)
    }

    @Test("Overbooking follows the show-up rate: 95% show-up and walk cost twice the fare allow 1 DLX room of 36")
    func overbooking() throws {
        let items = try classes([("BAR", 92_000, 30, 8)])
        let recommendation = try YieldRecommender.recommend(
            inventory: inventory(physical: 36, sold: 0), classes: items, showUpRate: BasisPoints(9_500), walkCost: nil)
        #expect(recommendation.overbookingRooms == 1)
        let costly = try YieldRecommender.recommend(
            inventory: inventory(physical: 36, sold: 0), classes: items, showUpRate: BasisPoints(9_500),
            walkCost: Money(minorUnits: 1_000_000, currency: cny))
        #expect(costly.overbookingRooms == 0)
    }
}
