import Testing

@testable import HotelDomain

/// Reference values: `rate-plans/yield/reference/yield_reference.py`, section 4 of `yield_reference.txt`
/// (scipy.stats.binom).
@Suite("Overbooking allowance")
struct OverbookingPolicyTests {
    @Test(
        "The allowance is the last booking whose expected marginal gain is positive",
        arguments: [
            (100, 0.9, Int64(25000), Int64(12000), 9, 0.2364177032, 0.3403098494),
            (100, 0.95, 30000, 15000, 4, 0.2373392151, 0.4009410140),
            (50, 0.8, 10000, 10000, 12, 0.4235746340, 0.5254155155),
            (10, 1.0, 20000, 10000, 0, 0.0, 1.0),
            (200, 0.9, 40000, 15000, 19, 0.2322152205, 0.3019342557),
        ])
    func allowance(
        capacity: Int, showUp: Double, walkCost: Int64, roomValue: Int64, rooms: Int, lastWalk: Double,
        nextWalk: Double
    ) throws {
        let policy = try OverbookingPolicy(
            capacity: capacity, showUpProbability: showUp, walkCost: walkCost, roomValue: roomValue)
        let allowance = policy.allowance()
        #expect(allowance.rooms == rooms)
        #expect(allowance.bookingLimit == capacity + rooms)
        #expect(abs(allowance.walkProbabilityOfLastBooking - lastWalk) < 1e-9)
        #expect(abs(allowance.walkProbabilityOfNextBooking - nextWalk) < 1e-9)
        #expect(allowance.walkProbabilityOfNextBooking >= allowance.breakEvenWalkProbability)
        #expect(allowance.expectedGainOfNextBooking <= 0)
        #expect(policy.expectedMarginalGain(ofBooking: capacity + rooms) > 0)
    }

    @Test("The marginal gain is p·(v·P(room free) − w·P(house full)): booking 110 loses 532.32")
    func marginalGain() throws {
        let policy = try OverbookingPolicy(capacity: 100, showUpProbability: 0.9, walkCost: 25000, roomValue: 12000)
        #expect(abs(policy.expectedMarginalGain(ofBooking: 110) - -532.3179844465) < 1e-6)
        #expect(policy.walkProbability(ofBooking: 100) == 0)
        #expect(abs(policy.breakEvenWalkProbability - 0.3243243243) < 1e-9)
        #expect(policy.expectedMarginalGain(ofBooking: 50) == 0.9 * 12000)
    }

    @Test("Small capacities follow the binomial law exactly")
    func smallCapacity() throws {
        let policy = try OverbookingPolicy(capacity: 2, showUpProbability: 0.5, walkCost: 100, roomValue: 100)
        // Booking 3 finds both rooms taken when bookings 1 and 2 show: 0.25. Booking 4: P(X_3 ≥ 2) = 0.5.
        #expect(policy.walkProbability(ofBooking: 3) == 0.25)
        #expect(abs(policy.walkProbability(ofBooking: 4) - 0.5) < 1e-15)
        #expect(policy.allowance().rooms == 1)
        let empty = try OverbookingPolicy(capacity: 0, showUpProbability: 0.9, walkCost: 100, roomValue: 100)
        #expect(empty.allowance().rooms == 0)
    }

    @Test("The reason states the walk probabilities against the break-even")
    func reason() throws {
        let policy = try OverbookingPolicy(capacity: 100, showUpProbability: 0.9, walkCost: 25000, roomValue: 12000)
        #expect(
            policy.allowance().reason(night: "2027-03-04")
                == "overbook by 9 on 2027-03-04: booking 109 is walked with probability 23.6% if it shows, "
                + "below the break-even 32.4% (room value ÷ (room value + walk cost)); booking 110 would be at 34.0%")
        let full = try OverbookingPolicy(capacity: 10, showUpRateBasisPoints: 10_000, walkCost: 20000, roomValue: 10000)
        #expect(
            full.allowance().reason()
                == "do not overbook: booking 11 would be walked with probability 100.0% if it shows, "
                + "not below the break-even 33.3% (room value ÷ (room value + walk cost))")
    }

    @Test("Impossible inputs are refused with the value")
    func invalidInputs() {
        #expect(throws: YieldInputError.showUpProbabilityOutOfRange(0)) {
            try OverbookingPolicy(capacity: 10, showUpProbability: 0, walkCost: 1, roomValue: 1)
        }
        #expect(throws: YieldInputError.showUpProbabilityOutOfRange(1.2)) {
            try OverbookingPolicy(capacity: 10, showUpProbability: 1.2, walkCost: 1, roomValue: 1)
        }
        #expect(throws: YieldInputError.amountNotPositive(quantity: "walk cost", minorUnits: 0)) {
            try OverbookingPolicy(capacity: 10, showUpProbability: 0.9, walkCost: 0, roomValue: 1)
        }
        #expect(
            YieldInputError.amountNotPositive(quantity: "room value", minorUnits: -5).description
                == "room value -5 minor units must be more than 0")
    }
}
