import Foundation
import HotelDomain
import Testing

@testable import HotelStore

@Suite("Group blocks: held and sold counters, pickup, release, rooming lists")
struct GroupBlockTests {
    typealias F = StoreFixtures
    let today = StoreFixtures.date("2027-03-01")

    static let groupPlan = try! RatePlan(
        code: "GRP-TECH", name: "Tech Summit group rate", kind: .group, currency: F.cny,
        validity: F.nights("2027-04-28", "2027-05-08"), companyCodes: ["ACME"],
        tiers: [RateTier(rule: .fixed(["DLX": F.money("890.00"), "STD": F.money("760.00")]))])

    /// The hotel (DLX 36 rooms) with TECH27 blocking 30 DLX on 2027-05-01…2027-05-04 at 890.00.
    func database(rooms: Int = 30) throws -> AppDatabase {
        let database = try F.database()
        _ = try database.importRatePlan(Self.groupPlan, sourceFile: nil, by: F.author)
        try database.createGroup(
            GroupBlock(
                code: "TECH27", name: "Tech Summit 2027", companyCode: "ACME", ratePlanCode: "GRP-TECH",
                cutoff: F.date("2027-04-20"), attrition: BasisPoints(2_000)), by: F.author)
        _ = try database.setBlock(
            "TECH27", roomType: "DLX", nights: F.nights("2027-05-01", "2027-05-04"), rooms: rooms, rate: nil,
            by: F.author)
        return database
    }

    func entry(
        _ guest: String, _ arrival: String = "2027-05-01", nights: Int = 4, _ roomType: Code = "DLX", line: Int = 2
    )
        throws -> RoomingListEntry
    {
        try RoomingListEntry(
            line: line, guestName: guest, stay: Stay(arrival: F.date(arrival), nights: nights), roomType: roomType)
    }

    func dlx(_ database: AppDatabase, _ night: String = "2027-05-02") throws -> InventoryNight {
        try #require(try database.inventory(from: F.date(night), to: F.date(night), roomType: "DLX").first)
    }

    @Test("A block holds its rooms out of general inventory at the group plan's price")
    func blockHolds() throws {
        let database = try database()
        let night = try dlx(database)
        #expect(night.held == 30)
        #expect(night.sold == 0)
        #expect(night.available == 6)
        let details = try database.group("TECH27")
        #expect(details.contractedRoomNights == 120)
        #expect(details.nights.map(\.rate.minorUnits) == [89_000, 89_000, 89_000, 89_000])
        #expect(try database.inventoryDiscrepancies() == [])
    }

    @Test("Pickup moves a room from held to sold, never counting it twice; cancelling gives it back to the block")
    func pickupInvariant() throws {
        let database = try database()
        let reservation = try database.bookInBlock("TECH27", entry("Chen Li"), today: today, by: F.author)
        #expect(reservation.source == .group)
        #expect(reservation.total.minorUnits == 356_000)
        var night = try dlx(database)
        #expect((night.held, night.sold, night.held + night.sold) == (29, 1, 30))
        #expect(night.revenue.minorUnits == 89_000)
        #expect(try database.group("TECH27").pickedUpRoomNights == 4)
        #expect(try database.inventoryDiscrepancies() == [])

        _ = try database.transition(reservation.confirmation, .cancel, today: today, by: F.author)
        night = try dlx(database)
        #expect((night.held, night.sold) == (30, 0))
        #expect(try database.group("TECH27").pickedUpRoomNights == 0)
        #expect(try database.inventoryDiscrepancies() == [])
    }

    @Test("A booking beyond the block or outside it is refused and writes nothing")
    func beyondBlock() throws {
        let database = try database(rooms: 2)
        _ = try database.bookInBlock("TECH27", entry("Chen Li"), rooms: 2, today: today, by: F.author)
        let before = try database.contentDump()
        #expect(
            throws: DomainError.refused(
                "group TECH27's DLX block is full on 2027-05-01: 2 blocked, 2 picked up, 0 left; 1 room asked")
        ) { try database.bookInBlock("TECH27", entry("Wang Fang"), today: today, by: F.author) }
        #expect(
            throws: DomainError.refused(
                "night 2027-05-05 of 2027-05-02…2027-05-06 (4 nights) is outside group TECH27's DLX block (2027-05-01…2027-05-04)"
            )
        ) { try database.bookInBlock("TECH27", entry("Li Na", "2027-05-02"), today: today, by: F.author) }
        #expect(throws: DomainError.refused("room type STD is not blocked for group TECH27; blocked: DLX")) {
            try database.bookInBlock("TECH27", entry("Li Na", nights: 1, "STD"), today: today, by: F.author)
        }
        #expect(try database.contentDump() == before)
    }

    @Test("A block beyond the physical rooms or the free rooms is refused; reducing never goes below the pickup")
    func blockLimits() throws {
        let database = try database()
        _ = try database.book(
            BookingRequest(
                guestName: "Walk-in", roomType: "DLX", stay: Stay(arrival: F.date("2027-05-01"), nights: 1), rooms: 2),
            today: today, by: F.author)
        let before = try database.contentDump()
        #expect(
            throws: DomainError.invalid("rooms 37 is beyond the hotel's 36 physical DLX rooms; block 0 to 36 rooms")
        ) {
            try database.setBlock(
                "TECH27", roomType: "DLX", nights: F.nights("2027-05-01", "2027-05-01"), rooms: 37, rate: nil,
                by: F.author)
        }
        #expect(
            throws: DomainError.refused(
                "DLX has 4 of 36 rooms free on 2027-05-01 (0 out of order, 2 sold, 30 held by blocks); blocking 36 for TECH27 needs 6 more"
            )
        ) {
            try database.setBlock(
                "TECH27", roomType: "DLX", nights: F.nights("2027-05-01", "2027-05-01"), rooms: 36, rate: nil,
                by: F.author)
        }
        #expect(throws: DomainError.self) {
            try database.setBlock(
                "TECH27", roomType: "DLX", nights: F.nights("2027-04-15", "2027-04-15"), rooms: 1, rate: nil,
                by: F.author)
        }
        #expect(try database.contentDump() == before)
        _ = try database.bookInBlock("TECH27", entry("Chen Li"), today: today, by: F.author)
        #expect(throws: DomainError.self) {
            try database.setBlock(
                "TECH27", roomType: "DLX", nights: F.nights("2027-05-01", "2027-05-04"), rooms: 0, rate: nil,
                by: F.author)
        }
        _ = try database.setBlock(
            "TECH27", roomType: "DLX", nights: F.nights("2027-05-01", "2027-05-04"), rooms: 10, rate: nil, by: F.author)
        #expect(try dlx(database).held == 9)
        #expect(try database.inventoryDiscrepancies() == [])
    }

    @Test("release-due releases unpicked rooms once, audited; a later cancellation goes to general inventory")
    func releaseDue() throws {
        let database = try database()
        let reservation = try database.bookInBlock("TECH27", entry("Chen Li"), today: today, by: F.author)
        #expect(try database.releaseDueBlocks(today: F.date("2027-04-20"), by: F.author).isEmpty)
        let releases = try database.releaseDueBlocks(today: F.date("2027-04-21"), by: F.author)
        #expect(releases.map(\.releasedRoomNights) == [116])
        #expect(releases.map(\.pickedUpRoomNights) == [4])
        var night = try dlx(database)
        #expect((night.held, night.sold, night.available) == (0, 1, 35))
        let afterFirst = try database.contentDump(excluding: ["audit_log"])
        #expect(try database.releaseDueBlocks(today: F.date("2027-04-22"), by: F.author).isEmpty)
        #expect(try database.contentDump(excluding: ["audit_log"]) == afterFirst)
        #expect(try database.auditLog(entity: "group", key: "TECH27").filter { $0.action == "release-due" }.count == 1)
        #expect(
            throws: DomainError.refused(
                "group TECH27 was already released on 2027-04-21; its unpicked rooms are back in general inventory")
        ) {
            try database.releaseBlock("TECH27", today: F.date("2027-04-22"), by: F.author)
        }
        #expect(throws: DomainError.self) {
            try database.bookInBlock("TECH27", entry("Wang Fang"), today: today, by: F.author)
        }

        _ = try database.transition(reservation.confirmation, .cancel, today: today, by: F.author)
        night = try dlx(database)
        #expect((night.held, night.sold, night.available) == (0, 0, 36))
        #expect(try database.inventoryDiscrepancies() == [])
    }

    @Test("Loading the same rooming list twice books nobody twice; a changed departure moves the pickup")
    func roomingListRerun() throws {
        let database = try database(rooms: 3)
        let entries = [
            try entry("Zhang Wei", line: 2), try entry("Chen Li", line: 3), try entry("chen  li", line: 4),
            try entry("Li Na", "2027-05-03", nights: 3, line: 5), try entry("Sun Mei", line: 6),
            try entry("Wu Gang", line: 7),
        ]
        let first = try database.loadRoomingList("TECH27", entries, listName: "list.csv", today: today, by: F.author)
        #expect(first.lines.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(first.count { if case .created = $0 { true } else { false } } == 3)
        #expect(first.notPlaced.map(\.line) == [4, 5, 7])
        #expect(
            first.lines[2].outcome
                == .notPlaced(reason: "repeats line 3 (same guest and arrival); one line per guest and arrival"))
        #expect(
            first.lines[5].outcome
                == .notPlaced(
                    reason:
                        "group TECH27's DLX block is full on 2027-05-01: 3 blocked, 3 picked up, 0 left; 1 room asked"))
        let afterFirst = try database.contentDump(excluding: ["audit_log"])

        let second = try database.loadRoomingList("TECH27", entries, listName: "list.csv", today: today, by: F.author)
        #expect(second.count { if case .unchanged = $0 { true } else { false } } == 3)
        #expect(try database.contentDump(excluding: ["audit_log"]) == afterFirst)

        var shorter = entries
        shorter[0] = try entry("Zhang Wei", nights: 2, line: 2)
        let third = try database.loadRoomingList(
            "TECH27", Array(shorter.prefix(1)), listName: "list.csv", today: today, by: F.author)
        guard case .updated(_, let changes) = third.lines[0].outcome else {
            Issue.record("expected an update, got \(third.lines[0].outcome)")
            return
        }
        #expect(changes == ["departure 2027-05-05 → 2027-05-03"])
        #expect(third.notInList.count == 2)
        #expect(try dlx(database, "2027-05-04").held == 1)
        #expect(try dlx(database, "2027-05-02").held == 0)
        #expect(try database.inventoryDiscrepancies() == [])
    }

    @Test("A rooming list naming an unknown room type is refused whole, naming the line")
    func roomingListUnknownRoomType() throws {
        let database = try database()
        let before = try database.contentDump()
        #expect(
            throws: DomainError.invalid(
                "list.csv line 3: room type PENT is not a room type of SHBUND; valid: STD, DLX")
        ) {
            try database.loadRoomingList(
                "TECH27", [try entry("Chen Li"), try entry("Wang Fang", "2027-05-01", nights: 2, "PENT", line: 3)],
                listName: "list.csv", today: today, by: F.author)
        }
        #expect(try database.contentDump() == before)
    }

    @Test("A dry run reports what the list would do and writes nothing")
    func dryRun() throws {
        let database = try database()
        let before = try database.contentDump()
        let report = try database.loadRoomingList(
            "TECH27", [try entry("Chen Li")], listName: "list.csv", dryRun: true, today: today, by: F.author)
        #expect(report.lines[0].outcome == .created(confirmation: "SHBUND-0000001"))
        #expect(try database.contentDump() == before)
    }

    @Test("Stay changes of a group booking go through the rooming list; a group plan is not sold outside a block")
    func groupBookingGuards() throws {
        let database = try database()
        let reservation = try database.bookInBlock("TECH27", entry("Chen Li"), today: today, by: F.author)
        #expect(throws: DomainError.self) {
            try database.modify(reservation.confirmation, BookingChange(nights: 2), today: today, by: F.author)
        }
        let renamed = try database.modify(
            reservation.confirmation, BookingChange(specialRequests: "quiet room"), today: today, by: F.author)
        #expect(renamed.specialRequests == "quiet room")
        #expect(throws: DomainError.self) {
            try database.book(
                BookingRequest(
                    guestName: "X", roomType: "DLX", stay: Stay(arrival: F.date("2027-05-01"), nights: 1),
                    companyCode: "ACME",
                    ratePlanCode: "GRP-TECH"), today: today, by: F.author)
        }
    }
}
