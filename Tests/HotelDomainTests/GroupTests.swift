import Testing

@testable import HotelDomain

@Suite("Group blocks: attrition, displacement, cutoff; VIP order of arrivals")
struct GroupTests {
    let cny = try! Currency("CNY")
    func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }
    func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: cny) }

    /// Four nights of DLX at `rate`, contracted and picked up per night.
    func nights(_ contracted: [Int], _ pickedUp: [Int], rate: Int64 = 89_000) -> [BlockNight] {
        zip(contracted, pickedUp).enumerated().map { index, pair in
            BlockNight(
                night: date("2027-05-01").adding(days: index), roomType: "DLX", contracted: pair.0, pickedUp: pair.1,
                rate: money(rate))
        }
    }

    @Test("Attrition: (160 × (1 − 20%) − 100) × 890.00 = 28 × 890.00 = 24920.00, with the arithmetic")
    func attritionPenalty() {
        let assessment = AttritionAssessment(
            nights: nights([40, 40, 40, 40], [25, 25, 25, 25]), attrition: BasisPoints(2_000), currency: cny)
        #expect(assessment.contractedRoomNights == 160)
        #expect(assessment.pickedUpRoomNights == 100)
        #expect(assessment.requiredTenThousandths == 1_280_000)
        #expect(assessment.shortfallTenThousandths == 280_000)
        #expect(assessment.penalty.minorUnits == 2_492_000)
        #expect(
            assessment.arithmetic == [
                "contracted 160 room-nights × (100% − 20%) = 128 room-nights the group must take",
                "picked up 100 room-nights",
                "shortfall 128 − 100 = 28 room-nights",
                "penalty 28 × 890.00 = 24920.00 CNY (28 × 89000 = 2492000 minor units)",
            ])
    }

    @Test("Attrition counts fractional room-nights exactly: (37 × 80% − 20) × 890.00 = 9.6 × 890.00 = 8544.00")
    func fractionalAttrition() {
        let assessment = AttritionAssessment(
            nights: [
                BlockNight(
                    night: date("2027-05-01"), roomType: "DLX", contracted: 37, pickedUp: 20, rate: money(89_000))
            ],
            attrition: BasisPoints(2_000), currency: cny)
        #expect(AttritionAssessment.roomNights(assessment.requiredTenThousandths) == "29.6")
        #expect(assessment.penalty.minorUnits == 854_400)
        #expect(assessment.arithmetic.last == "penalty 9.6 × 890.00 = 8544.00 CNY (9.6 × 89000 = 854400 minor units)")
    }

    @Test("No penalty when the pickup reaches the contracted room-nights less the attrition")
    func noShortfall() {
        let assessment = AttritionAssessment(
            nights: nights([40, 40, 40, 40], [32, 32, 32, 32]), attrition: BasisPoints(2_000), currency: cny)
        #expect(assessment.penalty.minorUnits == 0)
        #expect(assessment.arithmetic.last == "no shortfall: 128 ≥ 128; penalty 0 × 890.00 = 0.00 CNY (0 minor units)")
    }

    @Test("Nights at different rates use the average contracted rate: (10 × 890.00 + 10 × 990.00) ÷ 20 = 940.00")
    func averageRate() {
        var lines = nights([10, 10], [0, 0])
        lines[1].rate = money(99_000)
        let assessment = AttritionAssessment(nights: lines, attrition: BasisPoints(0), currency: cny)
        #expect(assessment.rateIsAverage)
        #expect(assessment.rate.minorUnits == 94_000)
        #expect(assessment.penalty.minorUnits == 1_880_000)
    }

    @Test("E[min(D, C)] of normal demand: certain demand is capped; 10 ± 3 with 10 rooms sells 8.80")
    func expectedMinimum() {
        #expect(DisplacementNight.expectedMinimum(mean: 20, standardDeviation: 0, capacity: 12) == 12)
        #expect(DisplacementNight.expectedMinimum(mean: 5, standardDeviation: 0, capacity: 12) == 5)
        #expect(DisplacementNight.expectedMinimum(mean: 20, standardDeviation: 4, capacity: 0) == 0)
        let value = DisplacementNight.expectedMinimum(mean: 10, standardDeviation: 3, capacity: 10)
        #expect(abs(value - (10 - 3 * 0.398_942_280_4)) < 1e-9)
    }

    func forecast(_ plan: Code, fare: Int64, mean: Double, sd: Double = 0) throws -> RateClassForecast {
        RateClassForecast(
            night: date("2027-05-01"), roomType: "DLX", ratePlan: plan, fare: money(fare),
            forecast: try DemandForecast(mean: mean, standardDeviation: sd), source: "supplied")
    }

    @Test("Displacement: 32 rooms left, BAR demand 20 at 1299.99, a group of 20 pushes out 8 rooms = 10399.92")
    func displacementNight() throws {
        let night = DisplacementNight(
            night: date("2027-05-01"), roomType: "DLX", roomsLeft: 32, groupRooms: 20, groupRate: money(89_000),
            classes: [try forecast("BAR", fare: 129_999, mean: 20)])
        #expect(night.transientRoomsWithout == 20)
        #expect(night.transientRoomsWith == 12)
        #expect(night.displacedRooms == 8)
        #expect(night.displacedRevenue.minorUnits == 1_039_992)
        #expect(night.groupRevenue.minorUnits == 1_780_000)
        #expect(night.contribution.minorUnits == 740_008)
    }

    @Test("Displacement pushes out the lowest fares first: the 600.00 class goes before BAR")
    func lowestFaresDisplacedFirst() throws {
        let night = DisplacementNight(
            night: date("2027-05-01"), roomType: "DLX", roomsLeft: 30, groupRooms: 10, groupRate: money(70_000),
            classes: [try forecast("PKG", fare: 60_000, mean: 15), try forecast("BAR", fare: 129_999, mean: 15)])
        // Without the group 15 BAR + 15 PKG; with it 15 BAR + 5 PKG: 10 × 600.00 displaced.
        #expect(night.displacedRevenue.minorUnits == 600_000)
    }

    @Test("The verdict: accept, counter-offer the break-even rate rounded up to a whole unit, or does not fit")
    func verdicts() throws {
        let bar = try forecast("BAR", fare: 129_999, mean: 20)
        let cheap = DisplacementNight(
            night: date("2027-05-01"), roomType: "DLX", roomsLeft: 20, groupRooms: 10, groupRate: money(50_000),
            classes: [bar])
        let low = DisplacementEvaluation(nights: [cheap], currency: cny)
        // 10 rooms × 1299.99 displaced = 12999.90; break-even 1299.99 → counter-offer 1300.00.
        #expect(low.breakEvenRate.minorUnits == 129_999)
        #expect(low.verdict == .counterOffer(money(130_000)))
        let good = DisplacementNight(
            night: date("2027-05-01"), roomType: "DLX", roomsLeft: 40, groupRooms: 10, groupRate: money(50_000),
            classes: [bar])
        #expect(DisplacementEvaluation(nights: [good], currency: cny).verdict == .accept)
        let tooBig = DisplacementNight(
            night: date("2027-05-01"), roomType: "DLX", roomsLeft: 8, groupRooms: 10, groupRate: money(50_000),
            classes: [])
        #expect(DisplacementEvaluation(nights: [tooBig], currency: cny).verdict == .doesNotFit([date("2027-05-01")]))
    }

    @Test("The cutoff must fall before the first blocked night; a block is due for release the day after it")
    func cutoff() throws {
        let group = try GroupBlock(
            code: "TECH27", name: "Tech Summit 2027", ratePlanCode: "GRP-TECH", cutoff: date("2027-04-20"))
        #expect(throws: Never.self) { try group.checkCutoff(before: date("2027-04-21")) }
        #expect(
            throws: DomainError.invalid(
                "cutoff 2027-04-20 of group TECH27 is not before its first blocked night 2027-04-20; the cutoff must fall before arrival (at the latest 2027-04-19)"
            )
        ) { try group.checkCutoff(before: date("2027-04-20")) }
        #expect(!group.isDueForRelease(today: date("2027-04-20")))
        #expect(group.isDueForRelease(today: date("2027-04-21")))
    }

    @Test("Direct billing of a group needs a company")
    func directBillNeedsCompany() {
        #expect(throws: DomainError.self) {
            try GroupBlock(
                code: "TECH27", name: "Tech", ratePlanCode: "GRP-TECH", cutoff: date("2027-04-20"), billing: .directBill
            )
        }
    }

    @Test("A guest gets the highest-ranked VIP level; arrivals are sorted by VIP rank, then name")
    func arrivalsOrder() throws {
        let v1 = try VIPLevel(code: "V1", rank: 1, name: "Chairman level", amenities: "fruit basket; GM greeting")
        let v2 = try VIPLevel(code: "V2", rank: 2, name: "Executive")
        let best = AppliedVIP.highest([
            AppliedVIP(code: "V2", level: v2, source: .group), AppliedVIP(code: "V1", level: v1, source: .guest),
        ])
        #expect(best?.code == "V1")
        #expect(best?.source == .guest)
        func arrival(_ name: String, _ vip: VIPLevel?) -> Arrival {
            Arrival(
                confirmation: "SHBUND-\(name)", guestName: name, roomType: "DLX", rooms: 1, nights: 4,
                ratePlanCode: "BAR",
                status: .confirmed,
                vip: vip.map { AppliedVIP(code: $0.code.rawValue, level: $0, source: .reservation) },
                billing: .guestPays)
        }
        let ordered = Arrival.frontDeskOrder([
            arrival("adams", nil), arrival("Chen Li", v2), arrival("Zhang Wei", v1), arrival("Baker", v2),
            arrival("Abe", nil),
        ])
        #expect(ordered.map(\.guestName) == ["Zhang Wei", "Baker", "Chen Li", "Abe", "adams"])
    }

    @Test("VIP ranks are 1 to 99")
    func vipRank() {
        #expect(throws: DomainError.invalid("VIP rank 0 is not valid; use 1 (highest) to 99")) {
            try VIPLevel(code: "V0", rank: 0, name: "Zero")
        }
    }

    @Test("A rooming-list line is keyed by the guest's name, case and spacing ignored")
    func guestKey() {
        #expect(RoomingListEntry.guestKey("  Chen   LI ") == "chen li")
    }
}
