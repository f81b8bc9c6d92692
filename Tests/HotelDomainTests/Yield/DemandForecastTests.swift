import Testing

@testable import HotelDomain

@Suite("Demand forecasts")
struct DemandForecastTests {
    @Test("Pickup history gives the mean and the sample standard deviation")
    func pickup() throws {
        let forecast = try DemandForecast(pickupObservations: [10, 12, 14])
        #expect(forecast.mean == 12)
        #expect(forecast.standardDeviation == 2)
        let single = try DemandForecast(pickupObservations: [7])
        #expect(single.mean == 7 && single.standardDeviation == 0)
        let varied = try DemandForecast(pickupObservations: [3, 9, 4, 0, 8])
        #expect(varied.mean == 4.8)
        #expect(abs(varied.standardDeviation - 3.7013511046643495) < 1e-12)
    }

    @Test("Pickup without observations or with a negative count is refused")
    func pickupErrors() {
        #expect(throws: YieldInputError.noObservations) { try DemandForecast(pickupObservations: []) }
        #expect(throws: YieldInputError.negativeObservation(-2)) { try DemandForecast(pickupObservations: [4, -2]) }
    }

    @Test("A negative or non-finite mean or sd is an error naming the value")
    func validation() {
        #expect(throws: YieldInputError.negativeMean(-3)) { try DemandForecast(mean: -3, standardDeviation: 1) }
        #expect(throws: YieldInputError.negativeStandardDeviation(-2.5)) {
            try DemandForecast(mean: 3, standardDeviation: -2.5)
        }
        #expect(throws: YieldInputError.notFinite(quantity: "demand mean", value: .infinity)) {
            try DemandForecast(mean: .infinity, standardDeviation: 1)
        }
        #expect(
            YieldInputError.negativeStandardDeviation(-2.5).description
                == "demand sd -2.5 is negative; a standard deviation must be 0 or more")
    }

    @Test("A supplied CSV row with a negative value names the row in one line")
    func suppliedRow() throws {
        let row = try SuppliedDemandForecast(
            night: "2027-03-01", roomType: "DLX", ratePlan: "BAR", mean: 12.5, standardDeviation: 4)
        #expect(row.forecast.mean == 12.5 && row.ratePlan == "BAR")
        do {
            _ = try SuppliedDemandForecast(
                night: "2027-03-01", roomType: "DLX", ratePlan: "BAR", mean: -3, standardDeviation: 4)
            Issue.record("a negative mean was accepted")
        } catch {
            #expect(error.description == "2027-03-01 DLX BAR: demand mean -3.0 is negative; a mean must be 0 or more")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("The normal model answers probabilities and quantiles of demand")
    func normalModel() throws {
        let forecast = try DemandForecast(mean: 50, standardDeviation: 18)
        #expect(forecast.probability(demandAtMost: 50) == 0.5)
        #expect(abs(forecast.demand(atProbability: 0.6) - 54.5602478564) < 1e-9)
        let certain = try DemandForecast(mean: 5, standardDeviation: 0)
        #expect(certain.probability(demandAtMost: 4.9) == 0 && certain.probability(demandAtMost: 5) == 1)
        let poisson = try DemandForecast(poissonMean: 25)
        #expect(poisson.standardDeviation == 5)
    }
}
