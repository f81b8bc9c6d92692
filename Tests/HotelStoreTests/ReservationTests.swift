import Foundation
import HotelDomain
import Testing

@testable import HotelStore

@Suite("Reservations, inventory and stay controls")
struct ReservationTests {
    typealias F = StoreFixtures
    let today = StoreFixtures.date("2026-11-23")

    func database(acmeOpening: Int = 0) throws -> AppDatabase {
        let database = try F.database()
        _ = try database.importRatePlan(F.acme27(), sourceFile: nil, by: F.author)
        let id = try database.addAgreement(
            Agreement(
                companyCode: "ACME", type: .cumulativeRoom, validity: F.nights("2027-01-01", "2027-12-31"),
                openingRoomNights: acmeOpening), by: F.author)
        _ = try database.transition(id, .submit, today: today, by: F.author)
        _ = try database.transition(id, .approve, today: today, by: F.author)
        return database
    }

    func request(
        _ roomType: Code = "DLX", _ arrival: String = "2027-03-01", nights: Int = 2, rooms: Int = 1, company: Code? = nil,
        plan: Code? = nil, guest: String = "Chen Li"
    ) throws -> BookingRequest {
        try BookingRequest(
            guestName: guest, roomType: roomType, stay: Stay(arrival: F.date(arrival), nights: nights), rooms: rooms,
            companyCode: company, ratePlanCode: plan)
    }

    @Test("A company booking is priced at its negotiated rate and gets a confirmation number")
    func companyBooking() throws {
        let database = try database()
        let reservation = try database.book(request(company: "ACME"), today: today, by: F.author)
        #expect(reservation.confirmation == "SHBUND-0000001")
        #expect(reservation.ratePlanCode == "ACME27")
        #expect(reservation.nights.map(\.amount.minorUnits) == [78_200, 78_200])
        #expect(reservation.total.minorUnits == 156_400)
        #expect(reservation.status == .confirmed)
        #expect(try database.reservation("shbund-0000001") == reservation)
    }

    @Test("Room-nights already booked by the company count towards its tier")
    func productionCountsTowardsTier() throws {
        let database = try database(acmeOpening: 195)
        // 3 nights × 2 rooms before 2027-03-10: 195 + 6 = 201 ≥ 200 → 20% off from the first night.
        _ = try database.book(request(nights: 3, rooms: 2, company: "ACME"), today: today, by: F.author)
        let later = try database.book(request("DLX", "2027-03-10", nights: 1, company: "ACME"), today: today, by: F.author)
        #expect(later.nights.map(\.amount.minorUnits) == [73_600])
        #expect(later.nights[0].tier == "200+ room-nights")
        // A stay before both does not count their production: 195 before 2027-02-28… → still 15% off.
        let earlier = try database.book(request("DLX", "2027-03-01", nights: 1, company: "ACME"), today: today, by: F.author)
        #expect(earlier.nights.map(\.amount.minorUnits) == [78_200])
    }

    @Test("A full night refuses the booking with the night and the figures, and leaves the database unchanged")
    func fullNight() throws {
        let database = try database()
        _ = try database.book(request(nights: 3, rooms: 30), today: today, by: F.author)
        _ = try database.book(request("DLX", "2027-03-02", nights: 1, rooms: 6), today: today, by: F.author)
        let before = try database.contentDump()
        #expect(
            throws: DomainError.refused(
                "DLX is full on 2027-03-02: 0 of 36 rooms free (0 out of order, 36 sold, 0 held by blocks) and an overbooking allowance of 0; 1 room asked")
        ) { try database.book(request(nights: 3), today: today, by: F.author) }
        #expect(try database.contentDump() == before)
    }

    @Test("The overbooking allowance sells exactly that many rooms beyond capacity, LRA included")
    func overbookingAllowance() throws {
        let database = try database()
        _ = try database.book(request(nights: 1, rooms: 36), today: today, by: F.author)
        try database.setInventory(
            roomType: "DLX", nights: F.nights("2027-03-01", "2027-03-01"), outOfOrder: nil, overbookingAllowance: 2,
            by: F.author)
        _ = try database.book(request(nights: 1, rooms: 1), today: today, by: F.author)
        _ = try database.book(request(nights: 1, rooms: 1, company: "ACME"), today: today, by: F.author)
        #expect(throws: DomainError.self) { try database.book(request(nights: 1, rooms: 1, company: "ACME"), today: today, by: F.author) }
        let night = try #require(try database.inventory(from: F.date("2027-03-01"), to: F.date("2027-03-01"), roomType: "DLX").first)
        #expect(night.sold == 38)
        #expect(night.available == -2)
    }

    @Test("Out-of-order rooms reduce what can be sold")
    func outOfOrder() throws {
        let database = try database()
        try database.setInventory(
            roomType: "DLX", nights: F.nights("2027-03-01", "2027-03-02"), outOfOrder: 4, overbookingAllowance: nil, by: F.author)
        _ = try database.book(request(rooms: 32), today: today, by: F.author)
        #expect(throws: DomainError.self) { try database.book(request(rooms: 1), today: today, by: F.author) }
        #expect(throws: DomainError.self) {
            try database.setInventory(
                roomType: "DLX", nights: F.nights("2027-03-01", "2027-03-02"), outOfOrder: 37, overbookingAllowance: nil, by: F.author)
        }
    }

    @Test("Stay controls refuse closed, CTA, CTD and length-of-stay violations with the night")
    func stayControls() throws {
        let database = try database()
        let may = F.nights("2027-05-02", "2027-05-02")
        try database.setControls(ratePlan: "BAR", roomType: "DLX", nights: may, change: ControlChange(closed: true), by: F.author)
        #expect(throws: DomainError.refused("BAR DLX is closed on 2027-05-02; choose other dates or another rate plan")) {
            try database.book(request("DLX", "2027-05-01", nights: 3), today: today, by: F.author)
        }
        // STD is not closed by a DLX control.
        _ = try database.book(request("STD", "2027-05-01", nights: 3), today: today, by: F.author)
        try database.setControls(ratePlan: "BAR", roomType: nil, nights: F.nights("2027-05-04", "2027-05-04"), change: ControlChange(closedToArrival: true), by: F.author)
        #expect(throws: DomainError.refused("BAR is closed to arrival on 2027-05-04; arrive on another day or use another rate plan")) {
            try database.book(request("STD", "2027-05-04", nights: 1), today: today, by: F.author)
        }
        _ = try database.book(request("STD", "2027-05-03", nights: 2), today: today, by: F.author)  // stays over a CTA night
        try database.setControls(ratePlan: "BAR", roomType: nil, nights: F.nights("2027-05-06", "2027-05-06"), change: ControlChange(closedToDeparture: true), by: F.author)
        #expect(throws: DomainError.refused("BAR is closed to departure on 2027-05-06; depart on another day or use another rate plan")) {
            try database.book(request("STD", "2027-05-05", nights: 1), today: today, by: F.author)
        }
        try database.setControls(ratePlan: "BAR", roomType: nil, nights: F.nights("2027-03-05", "2027-03-05"), change: ControlChange(minimumStay: .some(3), maximumStay: .some(5)), by: F.author)
        #expect(throws: DomainError.refused("BAR needs at least 3 nights for arrival on 2027-03-05; the stay has 2")) {
            try database.book(request("STD", "2027-03-05", nights: 2), today: today, by: F.author)
        }
        #expect(throws: DomainError.refused("BAR allows at most 5 nights for arrival on 2027-03-05; the stay has 6")) {
            try database.book(request("STD", "2027-03-05", nights: 6), today: today, by: F.author)
        }
        _ = try database.book(request("STD", "2027-03-05", nights: 3), today: today, by: F.author)
        #expect(throws: DomainError.self) {
            try database.setControls(ratePlan: "BAR", roomType: nil, nights: F.nights("2027-03-05", "2027-03-05"), change: ControlChange(minimumStay: .some(7)), by: F.author)
        }
    }

    @Test("An LRA negotiated rate ignores yield closures")
    func lraIgnoresControls() throws {
        let database = try database()
        try database.setControls(ratePlan: "ACME27", roomType: nil, nights: F.nights("2027-03-01", "2027-03-02"), change: ControlChange(closed: true), by: F.author)
        let reservation = try database.book(request(company: "ACME"), today: today, by: F.author)
        #expect(reservation.ratePlanCode == "ACME27")
        #expect(reservation.lastRoomAvailability)
    }

    @Test("Status rules: no check-in of a cancelled booking, no change after check-out, no-show only from arrival")
    func statusRules() throws {
        let database = try database()
        let first = try database.book(request(), today: today, by: F.author)
        #expect(throws: DomainError.self) { try database.transition(first.confirmation, .noShow, today: F.date("2027-02-28"), by: F.author) }
        #expect(throws: DomainError.self) { try database.transition(first.confirmation, .checkIn, today: F.date("2027-03-03"), by: F.author) }
        _ = try database.transition(first.confirmation, .cancel, today: today, by: F.author)
        #expect(
            throws: DomainError.refused(
                "reservation SHBUND-0000001 is cancelled; only a tentative or confirmed reservation can be checked in")
        ) { try database.transition(first.confirmation, .checkIn, today: F.date("2027-03-01"), by: F.author) }
        let second = try database.book(request(), today: today, by: F.author)
        _ = try database.transition(second.confirmation, .checkIn, today: F.date("2027-03-01"), by: F.author)
        _ = try database.transition(second.confirmation, .checkOut, today: F.date("2027-03-03"), by: F.author)
        #expect(
            throws: DomainError.refused(
                "reservation SHBUND-0000002 is checked-out; only a tentative, confirmed or checked-in reservation can be modified")
        ) { try database.modify(second.confirmation, BookingChange(nights: 3), today: today, by: F.author) }
        #expect(try database.auditLog(entity: "reservation", key: second.confirmation).map(\.action) == ["check-out", "check-in", "create"])
    }

    @Test("Modifying re-prices the new stay and moves the rooms; cancelling gives them back")
    func modifyAndCancel() throws {
        let database = try database()
        let booked = try database.book(request("DLX", "2027-04-29", nights: 2), today: today, by: F.author)
        #expect(booked.total.minorUnits == 184_000)
        let longer = try database.modify(booked.confirmation, BookingChange(nights: 3), today: today, by: F.author)
        #expect(longer.nights.map(\.amount.minorUnits) == [92_000, 92_000, 129_999])
        let moved = try database.modify(booked.confirmation, BookingChange(roomType: "STD", rooms: 2), today: today, by: F.author)
        #expect(moved.total.minorUnits == 2 * (76_000 + 76_000 + 108_000))
        let nights = try database.inventory(from: F.date("2027-04-29"), to: F.date("2027-05-01"))
        #expect(nights.filter { $0.roomType == "DLX" }.map(\.sold) == [0, 0, 0])
        #expect(nights.filter { $0.roomType == "STD" }.map(\.sold) == [2, 2, 2])
        _ = try database.transition(booked.confirmation, .cancel, today: today, by: F.author)
        #expect(try database.inventory(from: F.date("2027-04-29"), to: F.date("2027-05-01")).allSatisfy { $0.sold == 0 && $0.revenue.minorUnits == 0 })
        #expect(try database.inventoryDiscrepancies().isEmpty)
    }

    @Test("The inventory counters always equal the bookings, whatever the sequence of operations")
    func inventoryInvariant() throws {
        let database = try database()
        var generator = SystemRandomNumberGenerator()
        var confirmations: [String] = []
        for step in 0..<150 {
            let roll = Int.random(in: 0..<10, using: &generator)
            do {
                if roll < 6 || confirmations.isEmpty {
                    let arrival = F.date("2027-03-01").adding(days: Int.random(in: 0..<60, using: &generator))
                    let booking = try BookingRequest(
                        guestName: "Guest \(step)", roomType: Bool.random(using: &generator) ? "DLX" : "STD",
                        stay: Stay(arrival: arrival, nights: Int.random(in: 1...4, using: &generator)),
                        rooms: Int.random(in: 1...8, using: &generator), companyCode: Bool.random(using: &generator) ? "ACME" : nil)
                    confirmations.append(try database.book(booking, today: today, by: F.author).confirmation)
                } else if roll < 8, let confirmation = confirmations.randomElement(using: &generator) {
                    _ = try database.modify(confirmation, BookingChange(nights: Int.random(in: 1...5, using: &generator)), today: today, by: F.author)
                } else if let confirmation = confirmations.randomElement(using: &generator) {
                    _ = try database.transition(confirmation, .cancel, today: today, by: F.author)
                }
            } catch is DomainError {
                // Refusals (full nights, cancelled bookings) are part of the sequence.
            }
        }
        #expect(try database.inventoryDiscrepancies() == [])
        let nights = try database.inventory(from: F.date("2027-03-01"), to: F.date("2027-05-07"))
        #expect(nights.allSatisfy { $0.sold <= $0.physical + $0.overbookingAllowance })
    }

    @Test("House ADR and RevPAR of what is on the books")
    func houseFigures() throws {
        let database = try database()
        _ = try database.book(request("DLX", "2027-03-01", nights: 1, rooms: 10), today: today, by: F.author)  // 10 × 920.00
        _ = try database.book(request("STD", "2027-03-01", nights: 1, rooms: 5), today: today, by: F.author)  // 5 × 760.00
        try database.setInventory(roomType: "STD", nights: F.nights("2027-03-01", "2027-03-01"), outOfOrder: 3, overbookingAllowance: nil, by: F.author)
        let nights = try database.inventory(from: F.date("2027-03-01"), to: F.date("2027-03-01"))
        let house = HouseNight(night: F.date("2027-03-01"), roomTypes: nights, currency: F.cny)
        #expect(house.sold == 15)
        #expect(house.sellable == 81)
        #expect(house.revenue.minorUnits == 1_300_000)
        #expect(house.averageDailyRate.minorUnits == 86_667)  // 13000.00 / 15 = 866.666… → 866.67
        #expect(house.revenuePerAvailableRoom.minorUnits == 16_049)  // 13000.00 / 81 = 160.493… → 160.49
        #expect(house.occupancy.value == 1_852)  // 15 / 81 = 18.52%
    }
}
