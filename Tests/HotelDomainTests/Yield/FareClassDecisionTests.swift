import Testing

@testable import HotelDomain

@Suite("Which fare classes close")
struct FareClassDecisionTests {
    static func textbookLevels() throws -> ProtectionLevels {
        try EMSRb.protectionLevels(for: EMSRbTests.textbookClasses(), capacity: 100)
    }

    @Test(
        "A class is open while remaining capacity exceeds the rounded protection of the higher classes",
        arguments: [
            (100, [true, true, true, true]), (84, [true, true, true, true]), (83, [true, true, true, false]),
            (52, [true, true, true, false]), (51, [true, true, false, false]), (18, [true, true, false, false]),
            (17, [true, false, false, false]), (1, [true, false, false, false]), (0, [false, false, false, false]),
        ])
    func openWhileAboveProtection(remaining: Int, expected: [Bool]) throws {
        let levels = try Self.textbookLevels()
        #expect(levels.decisions(remainingCapacity: remaining).map(\.isOpen) == expected)
        #expect((0..<4).map { levels.isOpen(classIndex: $0, remainingCapacity: remaining) } == expected)
    }

    @Test("The open rule is the same as total sold below the booking limit")
    func sameAsBookingLimit() throws {
        let levels = try Self.textbookLevels()
        for sold in 0...100 {
            for index in 0..<4 {
                #expect(
                    levels.isOpen(classIndex: index, remainingCapacity: 100 - sold)
                        == (sold < levels.bookingLimits[index]))
            }
        }
    }

    @Test("Each decision explains itself with the rooms left and the rooms protected")
    func reasons() throws {
        let levels = try Self.textbookLevels()
        let decisions = levels.decisions(remainingCapacity: 12)
        #expect(
            decisions[1].reason(className: "CORP", night: "2027-03-04")
                == "close CORP on 2027-03-04: 12 rooms left, 16.7 (rounded 17) protected for higher classes")
        #expect(decisions[0].reason(className: "BAR") == "keep BAR open: highest fare class, 12 rooms left")
        #expect(
            levels.decisions(remainingCapacity: 60)[2].reason(className: "AAA")
                == "keep AAA open: 60 rooms left, 50.9 (rounded 51) protected for higher classes")
        #expect(levels.decisions(remainingCapacity: 0)[0].reason(className: "BAR") == "close BAR: no rooms left")
        #expect(decisions[1].protectedForHigherClasses == levels.unrounded[0])
        #expect(decisions[3].bookingLimit == 17)
    }

    @Test("An unknown class index is never open")
    func unknownClass() throws {
        let levels = try Self.textbookLevels()
        #expect(!levels.isOpen(classIndex: 4, remainingCapacity: 100))
        #expect(!levels.isOpen(classIndex: -1, remainingCapacity: 100))
    }
}
