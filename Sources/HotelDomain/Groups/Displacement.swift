import Foundation

/// One night of a group evaluation: the transient business the block would push out against what the
/// group pays.
///
/// Rule: transient demand per rate class comes from the yield forecast (mean, sd; normal); classes sell
/// highest fare first, so the expected rooms sold by the classes down to k are E[min(D₁ + … + D_k, C)] for
/// capacity C. The expected transient revenue is Σ fare_k × (rooms sold down to k − rooms sold down to
/// k − 1). The displaced revenue is the expected transient revenue with the rooms left now minus that with
/// the rooms left once the group takes its rooms. Example: 30 rooms left, BAR demand mean 20 sd 0 at
/// 1299.99, a group of 20 → 20 − 10 = 10 rooms displaced, 12999.90 of transient revenue.
public struct DisplacementNight: Hashable, Sendable {
    public let night: CalendarDate
    public let roomType: Code
    /// Rooms left for sale before the group: sellable − sold − held.
    public let roomsLeft: Int
    public let groupRooms: Int
    public let groupRate: Money
    /// The forecast's transient demand (Σ class means), rooms.
    public let transientDemand: Double
    /// Expected transient rooms sold without and with the group.
    public let transientRoomsWithout: Double
    public let transientRoomsWith: Double
    public let displacedRevenue: Money
    public let classes: [RateClassForecast]

    public init(
        night: CalendarDate, roomType: Code, roomsLeft: Int, groupRooms: Int, groupRate: Money,
        classes: [RateClassForecast]
    ) {
        self.night = night
        self.roomType = roomType
        self.roomsLeft = roomsLeft
        self.groupRooms = groupRooms
        self.groupRate = groupRate
        let ordered = classes.sorted { ($0.fare.minorUnits, $1.ratePlan) > ($1.fare.minorUnits, $0.ratePlan) }
        self.classes = ordered
        transientDemand = ordered.reduce(0) { $0 + $1.forecast.mean }
        let without = Self.expectedSales(ordered, capacity: roomsLeft)
        let with = Self.expectedSales(ordered, capacity: max(0, roomsLeft - groupRooms))
        transientRoomsWithout = without.rooms
        transientRoomsWith = with.rooms
        displacedRevenue = Money(
            minorUnits: Int64((without.revenue - with.revenue).rounded()), currency: groupRate.currency)
    }

    public var fits: Bool { groupRooms <= roomsLeft }
    public var displacedRooms: Double { transientRoomsWithout - transientRoomsWith }
    public var groupRevenue: Money { groupRate.times(groupRooms) }
    /// Group revenue − displaced transient revenue.
    public var contribution: Money { groupRevenue - displacedRevenue }

    /// Expected rooms sold and revenue (minor units) of nested classes, highest fare first, with `capacity` rooms.
    static func expectedSales(_ classes: [RateClassForecast], capacity: Int) -> (rooms: Double, revenue: Double) {
        var mean = 0.0
        var variance = 0.0
        var soldBefore = 0.0
        var revenue = 0.0
        for item in classes {
            mean += item.forecast.mean
            variance += item.forecast.standardDeviation * item.forecast.standardDeviation
            let sold = expectedMinimum(mean: mean, standardDeviation: variance.squareRoot(), capacity: Double(capacity))
            revenue += Double(item.fare.minorUnits) * max(0, sold - soldBefore)
            soldBefore = max(soldBefore, sold)
        }
        return (soldBefore, revenue)
    }

    /// E[min(D, C)] for normal demand D: μ − σ·L((C − μ)/σ), with L(z) = φ(z) − z(1 − Φ(z)), kept within 0…C.
    ///
    /// Example: μ 20, σ 0, C 10 → 10; μ 10, σ 3, C 10 → 10 − 3 × 0.3989 = 8.80.
    public static func expectedMinimum(mean: Double, standardDeviation: Double, capacity: Double) -> Double {
        guard capacity > 0 else { return 0 }
        guard standardDeviation > 0 else { return max(0, min(mean, capacity)) }
        let z = (capacity - mean) / standardDeviation
        let density = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
        let loss = density - z * (1 - DemandForecast.standardNormalCDF(z))
        return max(0, min(capacity, mean - standardDeviation * loss))
    }
}

/// Whether a group is worth taking: its revenue against the transient revenue it displaces, night by night.
///
/// Rule: accept when the group's room revenue covers the displaced transient revenue; otherwise counter-offer
/// the break-even rate (displaced revenue ÷ group room-nights, rounded up to the minor unit), rounded up to a
/// whole currency unit. A night where the group needs more rooms than are left does not fit.
/// Example: 4 nights × 40 DLX at 890.00 = 142400.00 against 60000.00 displaced → accept.
public struct DisplacementEvaluation: Hashable, Sendable {
    public enum Verdict: Hashable, Sendable {
        case accept
        case counterOffer(Money)
        case doesNotFit([CalendarDate])
    }

    public let nights: [DisplacementNight]
    public let groupRevenue: Money
    public let displacedRevenue: Money
    public let breakEvenRate: Money
    public let verdict: Verdict

    public init(nights: [DisplacementNight], currency: Currency) {
        self.nights = nights
        groupRevenue = nights.reduce(Money.zero(currency)) { $0 + $1.groupRevenue }
        displacedRevenue = nights.reduce(Money.zero(currency)) { $0 + $1.displacedRevenue }
        let roomNights = Int64(nights.reduce(0) { $0 + $1.groupRooms })
        let breakEven = roomNights > 0 ? (displacedRevenue.minorUnits + roomNights - 1) / roomNights : 0
        breakEvenRate = Money(minorUnits: breakEven, currency: currency)
        let short = nights.filter { !$0.fits }.map(\.night)
        if !short.isEmpty {
            verdict = .doesNotFit(short)
        } else if groupRevenue >= displacedRevenue {
            verdict = .accept
        } else {
            let unit = currency.minorPerMajor
            verdict = .counterOffer(Money(minorUnits: (breakEven + unit - 1) / unit * unit, currency: currency))
        }
    }

    public var contribution: Money { groupRevenue - displacedRevenue }

    /// One sentence: what to do and why.
    public var summary: String {
        switch verdict {
        case .accept:
            let losing = nights.filter { $0.contribution.minorUnits < 0 }.map(\.night.description)
            return
                "accept: the group pays \(groupRevenue) against \(displacedRevenue) of transient revenue displaced (contribution \(contribution)); break-even rate \(breakEvenRate.decimalText)"
                + (losing.isEmpty ? "" : " (it earns less than it displaces on \(losing.joined(separator: ", ")))")
        case .counterOffer(let rate):
            return
                "counter-offer at \(rate.decimalText) or more: the group pays \(groupRevenue) but displaces \(displacedRevenue) of transient revenue; break-even rate \(breakEvenRate.decimalText)"
        case .doesNotFit(let short):
            return "does not fit: not enough rooms left on \(short.map(\.description).joined(separator: ", "))"
        }
    }
}
