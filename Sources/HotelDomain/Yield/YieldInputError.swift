/// An input to the yield maths that cannot be used, with the offending value and what would be valid.
///
/// Every case renders as one line through `description`, e.g.
/// `demand sd -2.5 is negative; a standard deviation must be 0 or more`.
public enum YieldInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A demand mean below zero.
    case negativeMean(Double)
    /// A scenario fare class whose mean demand is below zero.
    case negativeMeanDemand(fareClass: String, meanDemand: Double)
    /// A demand standard deviation below zero.
    case negativeStandardDeviation(Double)
    /// A named quantity that is NaN or infinite.
    case notFinite(quantity: String, value: Double)
    /// A pickup history with no observation to average.
    case noObservations
    /// A remaining-demand observation below zero.
    case negativeObservation(Int)
    /// No fare class was given.
    case noFareClasses
    /// A fare class with an empty name.
    case emptyFareClassName
    /// Two fare classes with the same name.
    case duplicateFareClass(String)
    /// A fare of zero or less (fares are minor units).
    case fareNotPositive(fareClass: String, fare: Int64)
    /// Fare classes not listed from the highest fare to the lowest.
    case faresNotDescending(higher: String, higherFare: Int64, lower: String, lowerFare: Int64)
    /// A capacity outside the accepted range.
    case capacityOutOfRange(Int)
    /// A show-up probability outside (0, 1].
    case showUpProbabilityOutOfRange(Double)
    /// A walk cost or room value of zero or less.
    case amountNotPositive(quantity: String, minorUnits: Int64)
    /// A demand factor below zero or not finite.
    case demandFactorOutOfRange(Double)
    /// A simulation run count outside the accepted range.
    case runsOutOfRange(Int)
    /// The number of booking periods of an interleaved scenario is missing or too small.
    case periodsOutOfRange(periods: Int?, expectedRequests: Double)
    /// Booking periods given for a low-before-high scenario, where they mean nothing.
    case periodsWithoutInterleaving(Int)
    /// The dynamic programme would need too large a table.
    case scenarioTooLarge(periods: Int, capacity: Int)
    /// Revenue totals that could overflow a 64-bit integer.
    case revenueOverflow(runs: Int)
    /// A supplied forecast row whose values are invalid, with the row's identifiers.
    indirect case invalidSuppliedForecast(night: String, roomType: String, ratePlan: String, YieldInputError)

    public var description: String {
        switch self {
        case .negativeMean(let mean):
            return "demand mean \(mean) is negative; a mean must be 0 or more"
        case .negativeMeanDemand(let name, let mean):
            return "mean demand \(mean) of fare class \(name) is negative; a mean must be 0 or more"
        case .negativeStandardDeviation(let sd):
            return "demand sd \(sd) is negative; a standard deviation must be 0 or more"
        case .notFinite(let quantity, let value):
            return "\(quantity) \(value) is not a finite number"
        case .noObservations:
            return "no pickup observations to forecast from; give at least one remaining-demand count"
        case .negativeObservation(let count):
            return "remaining-demand observation \(count) is negative; counts must be 0 or more"
        case .noFareClasses:
            return "no fare classes given; give at least one"
        case .emptyFareClassName:
            return "a fare class has an empty name"
        case .duplicateFareClass(let name):
            return "fare class \(name) is listed twice; names must be unique"
        case .fareNotPositive(let name, let fare):
            return "fare class \(name) has fare \(fare) minor units; a fare must be more than 0"
        case .faresNotDescending(let higher, let higherFare, let lower, let lowerFare):
            return
                "fare class \(lower) (\(lowerFare)) is listed after \(higher) (\(higherFare)) but pays more; "
                + "list fare classes from the highest fare to the lowest"
        case .capacityOutOfRange(let capacity):
            return "capacity \(capacity) is out of range; use 0 to 100000 rooms (1 or more for a simulation)"
        case .showUpProbabilityOutOfRange(let probability):
            return "show-up probability \(probability) is out of range; use a value above 0 and at most 1"
        case .amountNotPositive(let quantity, let minorUnits):
            return "\(quantity) \(minorUnits) minor units must be more than 0"
        case .demandFactorOutOfRange(let factor):
            return "demand factor \(factor) is out of range; use a finite value of 0 or more"
        case .runsOutOfRange(let runs):
            return "run count \(runs) is out of range; use 1 to 10000000"
        case .periodsOutOfRange(let periods, let expected):
            let given = periods.map { "\($0) periods" } ?? "no periods"
            return
                "\(given) for interleaved arrivals with \(expected) expected requests; "
                + "at most one request arrives per period, so use at least that many periods (and at most 1000000)"
        case .periodsWithoutInterleaving(let periods):
            return "periods \(periods) only apply to interleaved arrivals; remove them for low-before-high"
        case .scenarioTooLarge(let periods, let capacity):
            return
                "\(periods) periods × \(capacity) rooms is too large for the dynamic programme; "
                + "keep periods × (capacity + 1) at most 50000000"
        case .revenueOverflow(let runs):
            return "\(runs) runs could overflow the revenue total; use fewer runs"
        case .invalidSuppliedForecast(let night, let roomType, let ratePlan, let error):
            return "\(night) \(roomType) \(ratePlan): \(error.description)"
        }
    }
}
