import Testing

@testable import HotelDomain

/// Reference values: `rate-plans/yield/reference/yield_reference.py`, sections 2 and 3 of
/// `yield_reference.txt` (an independent EMSR-b with scipy's normal quantile).
@Suite("EMSR-b protection levels and nested booking limits")
struct EMSRbTests {
    static func fareClass(_ name: String, _ fare: Int64, _ mean: Double, _ sd: Double) throws -> FareClass {
        try FareClass(name: name, fare: fare, demand: DemandForecast(mean: mean, standardDeviation: sd))
    }

    static func textbookClasses() throws -> [FareClass] {
        [
            try fareClass("F1", 1050, 17.3, 5.8), try fareClass("F2", 567, 45.1, 15.0),
            try fareClass("F3", 534, 39.6, 13.2), try fareClass("F4", 520, 34.0, 11.3),
        ]
    }

    @Test("Littlewood: fares 1000 and 400, high demand N(50, 18) protect 54.56, i.e. 55 rooms")
    func littlewood() throws {
        let levels = try EMSRb.protectionLevels(
            for: [Self.fareClass("HIGH", 1000, 50, 18), Self.fareClass("LOW", 400, 0, 0)], capacity: 100)
        let level = try #require(levels.unrounded.first)
        #expect((level * 100).rounded() / 100 == 54.56)
        #expect(abs(level - 54.5602478564) < 1e-9)
        #expect(levels.rounded == [55])
        #expect(levels.bookingLimits == [100, 45])
    }

    @Test("Four textbook classes protect 16.72, 50.94, 83.15 with booking limits 100/83/49/17")
    func fourClasses() throws {
        let levels = try EMSRb.protectionLevels(for: Self.textbookClasses(), capacity: 100)
        #expect(levels.unrounded.map { ($0 * 100).rounded() / 100 } == [16.72, 50.94, 83.15])
        for (level, reference) in zip(levels.unrounded, [16.7174844210, 50.9441863816, 83.1548385006]) {
            #expect(abs(level - reference) < 1e-9)
        }
        #expect(levels.rounded == [17, 51, 83])
        #expect(levels.bookingLimits == [100, 83, 49, 17])
        #expect(levels.classCount == 4)
    }

    @Test(
        "Levels round to the nearest room, halves up",
        arguments: [(0.0, 0), (0.49, 0), (0.5, 1), (54.49, 54), (54.5, 55), (54.56, 55), (-3.0, 0)])
    func rounding(level: Double, expected: Int) {
        #expect(ProtectionLevels.roundHalfUp(level) == expected)
    }

    @Test("Booking limits never go below zero when protection exceeds capacity")
    func limitsFloorAtZero() throws {
        let levels = try EMSRb.protectionLevels(for: Self.textbookClasses(), capacity: 60)
        #expect(levels.bookingLimits == [60, 43, 9, 0])
    }

    @Test("Protection for more classes is never smaller, so limits stay nested")
    func levelsAreNested() throws {
        // Alone, EMSR-b gives class 2's level (about 0) below class 1's (6.9): the nested level keeps 6.9.
        let classes = [
            try Self.fareClass("A", 1000, 10, 1), try Self.fareClass("B", 999, 0.1, 5),
            try Self.fareClass("C", 998, 10, 1),
        ]
        let levels = try EMSRb.protectionLevels(for: classes, capacity: 50)
        #expect(levels.unrounded[1] == levels.unrounded[0])
        #expect(levels.bookingLimits == levels.bookingLimits.sorted(by: >))
    }

    @Test("Equal fares and zero demand protect nothing")
    func degenerateInputs() throws {
        let equal = try EMSRb.protectionLevels(
            for: [Self.fareClass("A", 500, 30, 5), Self.fareClass("B", 500, 30, 5)], capacity: 40)
        #expect(equal.unrounded == [0])
        let noDemand = try EMSRb.protectionLevels(
            for: [Self.fareClass("A", 900, 0, 0), Self.fareClass("B", 500, 30, 5)], capacity: 40)
        #expect(noDemand.unrounded == [0])
        let single = try EMSRb.protectionLevels(for: [Self.fareClass("A", 900, 10, 3)], capacity: 40)
        #expect(single.unrounded.isEmpty && single.bookingLimits == [40])
    }

    @Test("Fares out of order, no classes or a bad capacity are refused with the values")
    func invalidInputs() throws {
        let swapped = [try Self.fareClass("LOW", 400, 10, 2), try Self.fareClass("HIGH", 1000, 10, 2)]
        #expect(
            throws: YieldInputError.faresNotDescending(higher: "LOW", higherFare: 400, lower: "HIGH", lowerFare: 1000)
        ) {
            try EMSRb.protectionLevels(for: swapped, capacity: 10)
        }
        #expect(throws: YieldInputError.noFareClasses) { try EMSRb.protectionLevels(for: [], capacity: 10) }
        #expect(throws: YieldInputError.capacityOutOfRange(-1)) {
            try EMSRb.protectionLevels(for: Self.textbookClasses(), capacity: -1)
        }
        #expect(throws: YieldInputError.fareNotPositive(fareClass: "COMP", fare: 0)) {
            try Self.fareClass("COMP", 0, 1, 1)
        }
        let error = YieldInputError.faresNotDescending(higher: "LOW", higherFare: 400, lower: "HIGH", lowerFare: 1000)
        #expect(
            error.description
                == "fare class HIGH (1000) is listed after LOW (400) but pays more; list fare classes from the highest fare to the lowest"
        )
    }

    @Test("A year of nights × room types × five classes is computed quickly")
    func recommendWorkload() throws {
        let classes = try Self.textbookClasses() + [Self.fareClass("F5", 400, 20, 6)]
        var protectedRooms = 0
        for night in 0..<(365 * 10) {
            let levels = try EMSRb.protectionLevels(for: classes, capacity: 80 + night % 40)
            protectedRooms += levels.rounded.last ?? 0
        }
        #expect(protectedRooms > 0)
    }
}
