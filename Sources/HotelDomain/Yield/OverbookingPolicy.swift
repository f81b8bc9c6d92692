import Foundation

/// How far to sell beyond a night's capacity, given the show-up rate, the cost of walking a guest and the value
/// of a sold room.
///
/// Model: each of n bookings shows up independently with probability p, so show-ups X_n ~ Binomial(n, p). A
/// guest who shows and gets a room earns the room value v; a no-show earns nothing; a guest who shows when all C
/// rooms are taken is walked: the hotel pays the walk cost w (relocation, transport, goodwill) and earns nothing
/// from that guest. Adding booking n + 1 to n held bookings changes expected profit by
///
///     Δ(n + 1) = p · [ v · P(X_n < C) − w · P(X_n ≥ C) ]
///
/// because the new booking matters only if it shows (probability p), and then it either fills a free room or,
/// when the other n already filled the house, causes one walk. Δ decreases in n, so sell while Δ > 0, i.e.
/// while P(X_n ≥ C) < v / (v + w). (If w is taken to include the walked guest's lost room revenue, w' = v + w,
/// this is the textbook rule p·v > p·w'·P(X_n ≥ C).) The allowance is the largest a ≥ 0 with Δ(C + a) > 0
/// (Δ(C) is always positive). Example: C = 100, p = 0.9, w = 25000, v = 12000 → allowance 9 (booking 109 is
/// walked with probability 23.6% if it shows, booking 110 with 34.0%; break-even 32.4%).
public struct OverbookingPolicy: Sendable, Hashable {
    /// Rooms available to sell before overbooking.
    public let capacity: Int
    /// The probability that a booking shows up, in [0.01, 1].
    public let showUpProbability: Double
    /// The cost of walking one guest, in minor units; more than 0.
    public let walkCost: Int64
    /// The value of a room sold to a guest who shows, in minor units; more than 0.
    public let roomValue: Int64

    /// A policy; throws when capacity is outside 0…100000, p outside [0.01, 1] or an amount is not positive.
    ///
    /// Example: `try OverbookingPolicy(capacity: 100, showUpProbability: 0.9, walkCost: 25_000, roomValue: 12_000)`.
    public init(capacity: Int, showUpProbability: Double, walkCost: Int64, roomValue: Int64) throws(YieldInputError) {
        guard (0...EMSRb.maximumCapacity).contains(capacity) else { throw .capacityOutOfRange(capacity) }
        guard showUpProbability >= 0.01, showUpProbability <= 1 else {
            throw .showUpProbabilityOutOfRange(showUpProbability)
        }
        guard walkCost > 0 else { throw .amountNotPositive(quantity: "walk cost", minorUnits: walkCost) }
        guard roomValue > 0 else { throw .amountNotPositive(quantity: "room value", minorUnits: roomValue) }
        self.capacity = capacity
        self.showUpProbability = showUpProbability
        self.walkCost = walkCost
        self.roomValue = roomValue
    }

    /// A policy with the show-up rate in basis points (9000 = 90%).
    ///
    /// Example: `showUpRateBasisPoints: 9500` is p = 0.95.
    public init(capacity: Int, showUpRateBasisPoints: Int, walkCost: Int64, roomValue: Int64) throws(YieldInputError) {
        try self.init(
            capacity: capacity, showUpProbability: Double(showUpRateBasisPoints) / 10_000, walkCost: walkCost,
            roomValue: roomValue)
    }

    /// v / (v + w): the largest walk probability at which one more booking still pays.
    ///
    /// Example: v = 12000, w = 25000 → 0.3243.
    public var breakEvenWalkProbability: Double {
        Double(roomValue) / (Double(roomValue) + Double(walkCost))
    }

    /// P(X_{n−1} ≥ C): the probability that booking number `booking`, if it shows, finds every room taken.
    ///
    /// Example: C = 100, p = 0.9 → booking 100 has 0, booking 110 has 0.3403.
    public func walkProbability(ofBooking booking: Int) -> Double {
        var walk = OverbookingWalkProbabilities(capacity: capacity, showUpProbability: showUpProbability)
        while walk.booking < booking { walk.advance() }
        return walk.probability
    }

    /// Δ(n): the expected profit, in minor units, of adding booking number `booking` to the ones before it.
    ///
    /// Example: C = 100, p = 0.9, w = 25000, v = 12000 → booking 110 has Δ = −532.32.
    public func expectedMarginalGain(ofBooking booking: Int) -> Double {
        marginalGain(walkProbability: walkProbability(ofBooking: booking))
    }

    /// The largest allowance a ≥ 0 whose last booking, C + a, still has a positive expected marginal gain.
    ///
    /// Example: C = 100, p = 0.95, w = 30000, v = 15000 → 4 rooms; with p = 1 nobody no-shows → 0.
    public func allowance() -> OverbookingAllowance {
        var walk = OverbookingWalkProbabilities(capacity: capacity, showUpProbability: showUpProbability)
        var lastWalkProbability = 0.0
        while walk.booking <= capacity {
            lastWalkProbability = walk.probability
            walk.advance()
        }
        let limit = 100 * max(capacity, 1) + 1_000
        while marginalGain(walkProbability: walk.probability) > 0, walk.booking - capacity <= limit {
            lastWalkProbability = walk.probability
            walk.advance()
        }
        return OverbookingAllowance(
            rooms: walk.booking - 1 - capacity,
            capacity: capacity,
            walkProbabilityOfLastBooking: lastWalkProbability,
            walkProbabilityOfNextBooking: walk.probability,
            breakEvenWalkProbability: breakEvenWalkProbability,
            expectedGainOfNextBooking: marginalGain(walkProbability: walk.probability))
    }

    private func marginalGain(walkProbability: Double) -> Double {
        showUpProbability * (Double(roomValue) * (1 - walkProbability) - Double(walkCost) * walkProbability)
    }
}

/// P(X_{n−1} ≥ C) for n = 1, 2, …, advanced one booking at a time without allocating.
///
/// Recurrence: P(X_{m+1} ≥ C) = P(X_m ≥ C) + p · P(X_m = C − 1), with P(X_m = C − 1) carried in logs.
struct OverbookingWalkProbabilities {
    let capacity: Int
    let showUpProbability: Double
    /// The booking whose walk probability `probability` is.
    private(set) var booking = 1
    /// P(X_{booking−1} ≥ C).
    private(set) var probability: Double
    /// log P(X_{booking−1} = C − 1), meaningful once booking − 1 ≥ C − 1.
    private var logPointMass: Double

    init(capacity: Int, showUpProbability: Double) {
        self.capacity = capacity
        self.showUpProbability = showUpProbability
        probability = capacity == 0 ? 1 : 0
        logPointMass = capacity == 1 ? 0 : -.infinity
    }

    mutating func advance() {
        let held = booking - 1  // m: bookings before the current one
        booking += 1
        guard capacity > 0 else { return }
        if showUpProbability >= 1 {
            probability = held + 1 >= capacity ? 1 : 0
            return
        }
        if held + 1 < capacity - 1 { return }
        if held + 1 == capacity - 1 {
            logPointMass = Double(capacity - 1) * log(showUpProbability)
            return
        }
        probability = min(1, probability + showUpProbability * exp(logPointMass))
        logPointMass += log1p(-showUpProbability) + log(Double(held + 1)) - log(Double(held + 2 - capacity))
    }
}
