import Testing

@testable import HotelDomain

/// Reference values: `rate-plans/yield/reference/yield_reference.py`, section 1 of `yield_reference.txt`
/// (scipy.stats.norm).
@Suite("Standard normal distribution")
struct StandardNormalTests {
    @Test(
        "Φ(z) matches scipy to 1e-9 (and to 1e-9 relative in the lower tail)",
        arguments: [
            (-8.0, 6.2209605742717405e-16), (-5.0, 2.8665157187919328e-07), (-3.0, 0.0013498980316300933),
            (-1.96, 0.024997895148220435), (-1.0, 0.15865525393145707), (-0.5, 0.30853753872598688),
            (0.0, 0.5), (0.5, 0.69146246127401312), (1.0, 0.84134474606854293), (1.96, 0.97500210485177952),
            (3.0, 0.9986501019683699), (5.0, 0.99999971334842808),
        ])
    func cumulativeDistribution(z: Double, expected: Double) {
        let value = DemandForecast.standardNormalCDF(z)
        #expect(abs(value - expected) <= 1e-9)
        #expect(abs(value - expected) <= 1e-9 * expected)
    }

    @Test(
        "Φ⁻¹(p) matches scipy to 1e-9 from the far tail to the centre",
        arguments: [
            (1e-300, -37.047096299361201), (1e-10, -6.3613409024040557), (1e-5, -4.2648907939228247),
            (0.001, -3.0902323061678132), (0.025, -1.9599639845400545), (0.1, -1.2815515655446004),
            (0.3, -0.52440051270804089), (0.5, 0), (0.7, 0.52440051270804067), (0.9, 1.2815515655446004),
            (0.975, 1.959963984540054), (0.999, 3.0902323061678132), (1 - 1e-5, 4.2648907939238407),
        ])
    func quantile(p: Double, expected: Double) {
        #expect(abs(DemandForecast.standardNormalQuantile(p) - expected) <= 1e-9)
    }

    @Test("Φ⁻¹ inverts Φ across (0, 1)")
    func quantileInvertsDistribution() {
        for step in 1..<1000 {
            let p = Double(step) / 1000
            #expect(abs(DemandForecast.standardNormalCDF(DemandForecast.standardNormalQuantile(p)) - p) <= 1e-14)
        }
    }

    @Test("Φ⁻¹ is infinite at 0 and 1 and undefined outside [0, 1]")
    func quantileEdges() {
        #expect(DemandForecast.standardNormalQuantile(0) == -.infinity)
        #expect(DemandForecast.standardNormalQuantile(1) == .infinity)
        #expect(DemandForecast.standardNormalQuantile(-0.1).isNaN)
        #expect(DemandForecast.standardNormalQuantile(1.5).isNaN)
        #expect(DemandForecast.standardNormalQuantile(.nan).isNaN)
    }
}
