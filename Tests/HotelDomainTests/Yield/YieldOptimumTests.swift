import Testing

@testable import HotelDomain

/// Reference values: `rate-plans/yield/reference/yield_reference.py`, sections 5 and 6 of
/// `yield_reference.txt` (dynamic programmes maximising over every admissible decision by brute force).
@Suite("Exact optimum by dynamic programming")
struct YieldOptimumTests {
    @Test(
        "Static DP, fares 100/60, Poisson means 0.8/1.5, matches brute force",
        arguments: [(1, 58.899322033657, 55.067103588278), (2, 108.126919619975, 74.187890047178)])
    func staticTiny(capacity: Int, expected: Double, highOnly: Double) {
        let demand = [PoissonDemand(mean: 0.8), PoissonDemand(mean: 1.5)]
        let optimum = StaticYieldOptimum(fares: [100, 60], demand: demand, capacity: capacity)
        #expect(abs(optimum.expectedRevenue - expected) < 1e-9)
        let high = StaticYieldOptimum(fares: [100], demand: [demand[0]], capacity: capacity)
        #expect(abs(high.expectedRevenue - highOnly) < 1e-9)
    }

    @Test("Static DP protects a room for the high class exactly when its expected marginal value beats 60")
    func staticProtection() {
        // The first room kept for the high class is worth 100·P(D ≥ 1) = 55.07 < 60: protect nothing.
        let lowValue = StaticYieldOptimum(
            fares: [100, 60], demand: [PoissonDemand(mean: 0.8), PoissonDemand(mean: 1.5)], capacity: 2)
        #expect(lowValue.protectionLevels == [0])
        // A richer high class (mean 3: 100·P(D ≥ 1) = 95.0 > 60, 100·P(D ≥ 2) = 80.1 > 60) protects 2 rooms.
        let rich = StaticYieldOptimum(
            fares: [100, 60], demand: [PoissonDemand(mean: 3), PoissonDemand(mean: 1.5)], capacity: 2)
        #expect(rich.protectionLevels == [2])
    }

    @Test(
        "Dynamic DP, fares 100/60, request probabilities 0.3/0.5 over 3 periods, matches the Bellman recursion",
        arguments: [(1, 80.4), (2, 141.6)])
    func dynamicTiny(capacity: Int, expected: Double) {
        let optimum = DynamicYieldOptimum(
            fares: [100, 60], arrivalProbabilities: [0.3, 0.5], periods: 3, capacity: capacity)
        #expect(abs(optimum.expectedRevenue - expected) < 1e-9)
    }

    @Test("Dynamic DP with one room rejects the low fare early and accepts it in the last period")
    func dynamicDecisions() {
        let optimum = DynamicYieldOptimum(
            fares: [100, 60], arrivalProbabilities: [0.3, 0.5], periods: 3, capacity: 1)
        // Period 1: the room is worth V_2(1) = 72 > 60 later, so class 1 is refused; period 3: nothing follows.
        #expect(!optimum.accepts(classIndex: 1, period: 1, roomsLeft: 1))
        #expect(optimum.accepts(classIndex: 1, period: 3, roomsLeft: 1))
        #expect(optimum.accepts(classIndex: 0, period: 1, roomsLeft: 1))
        #expect(!optimum.accepts(classIndex: 0, period: 1, roomsLeft: 0))
    }

    @Test("The shipped scenarios' optimal expected revenue matches the reference")
    func shippedScenarios() throws {
        let lowBeforeHigh = try YieldSimulator(scenario: YieldSimulatorTests.lowBeforeHigh())
        #expect(abs(lowBeforeHigh.optimumExpectedRevenue - 1_263_882.539604) < 1e-3)
        let interleaved = try YieldSimulator(scenario: YieldSimulatorTests.interleaved())
        #expect(abs(interleaved.optimumExpectedRevenue - 1_399_846.445776) < 1e-3)
        #expect(lowBeforeHigh.initialProtectionLevels.rounded == [12, 37, 68])
        #expect(lowBeforeHigh.initialProtectionLevels.bookingLimits == [100, 88, 63, 32])
    }

    @Test("Poisson demand tables sum to one and sample by inverse distribution")
    func poissonTable() {
        let demand = PoissonDemand(mean: 2)
        #expect(abs(demand.probabilities.reduce(0, +) - 1) < 1e-12)
        #expect(abs(demand.probabilities[0] - 0.1353352832366127) < 1e-12)
        #expect(demand.sample(0) == 0)
        #expect(demand.sample(0.1353) == 0)
        #expect(demand.sample(0.1354) == 1)
        #expect(demand.sample(0.9999999999) > 5)
        #expect(PoissonDemand(mean: 0).sample(0.7) == 0)
    }
}
