import Foundation
import HotelDomain
import Testing

@testable import HotelStore

@Suite("Intermediaries, commission statements and approvals")
struct CommissionStoreTests {
    typealias F = StoreFixtures
    let today = StoreFixtures.date("2026-11-23")

    /// The fixture hotel with 6% tax, TRAVELCO (10%, IATA 12345678) and GLOBALTOURS (8%).
    func database() throws -> AppDatabase {
        let database = try F.database()
        try database.setCommissionTaxRate(BasisPoints(600), by: F.author)
        for (code, iata, percent) in [("TRAVELCO", "12345678", 1_000), ("GLOBALTOURS", "87654321", 800)] {
            try database.addIntermediary(
                Intermediary(
                    code: Code(code), name: code, iata: IATANumber(parsing: iata),
                    terms: CommissionTerms(
                        percent: BasisPoints(percent), flatPerNight: F.money("0"), flatPerStay: F.money("0"))),
                by: F.author)
        }
        return database
    }

    /// Books STD at BAR (760.00 a night in spring) through `intermediary` and checks the guest in and out.
    func stayed(_ database: AppDatabase, _ arrival: String, nights: Int, via intermediary: Code?) throws -> Reservation
    {
        let request = try BookingRequest(
            guestName: "Chen Li", roomType: "STD", stay: Stay(arrival: F.date(arrival), nights: nights),
            intermediaryCode: intermediary)
        let booking = try database.book(request, today: today, by: F.author)
        _ = try database.transition(booking.confirmation, .checkIn, today: F.date(arrival), by: F.author)
        return try database.transition(booking.confirmation, .checkOut, today: F.date(arrival), by: F.author)
    }

    func claim(
        _ line: Int, _ reference: String, _ arrival: String, _ departure: String, _ claimed: String,
        currency: String = "CNY"
    )
        throws -> CommissionStatementLine
    {
        let currency = try Currency(currency)
        return .claim(
            CommissionClaim(
                line: line, reference: reference, guest: "Chen Li", arrival: F.date(arrival),
                departure: F.date(departure),
                roomRevenue: try Money(parsing: "0", currency: currency),
                claimed: try Money(parsing: claimed, currency: currency)),
            currency: currency)
    }

    @Test("A booking through an unknown intermediary is refused and nothing is written")
    func unknownIntermediary() throws {
        let database = try database()
        let before = try F.dump(database)
        let request = try BookingRequest(
            guestName: "Chen Li", roomType: "STD", stay: Stay(arrival: F.date("2027-03-01"), nights: 2),
            intermediaryCode: "NOPE")
        #expect(throws: DomainError.notFound("intermediary NOPE does not exist; known: GLOBALTOURS, TRAVELCO")) {
            try database.book(request, today: today, by: F.author)
        }
        #expect(try F.dump(database) == before)
    }

    @Test("Commission due lists the intermediary's own bookings departing in the range, with the amount")
    func due() throws {
        let database = try database()
        let mine = try stayed(database, "2027-03-01", nights: 2, via: "TRAVELCO")
        _ = try stayed(database, "2027-03-05", nights: 1, via: "GLOBALTOURS")
        _ = try stayed(database, "2027-04-10", nights: 1, via: "TRAVELCO")
        let (_, tax, lines) = try database.commissionDue("TRAVELCO", departures: F.nights("2027-03-01", "2027-03-31"))
        #expect(tax.value == 600)
        #expect(lines.map(\.reservation.confirmation) == [mine.confirmation])
        // 2 × 760.00 = 1520.00 → 1433.96 net of 6% → 143.40.
        #expect(lines.map(\.due.amount.minorUnits) == [14_340])
        #expect(mine.intermediaryCode == "TRAVELCO")
    }

    @Test("An approved booking is ALREADY_PAID in later statements and cannot be approved twice")
    func approval() throws {
        let database = try database()
        let booking = try stayed(database, "2027-03-01", nights: 2, via: "TRAVELCO")
        let first = try database.checkStatement(
            intermediary: "TRAVELCO", fileName: "march.csv",
            lines: [try claim(2, booking.confirmation, "2027-03-01", "2027-03-03", "143.40")], exchangeRates: [],
            today: today, by: F.author)
        #expect(first.results.map(\.reason) == [nil])
        let second = try database.checkStatement(
            intermediary: "TRAVELCO", fileName: "march-again.csv",
            lines: [try claim(2, booking.confirmation, "2027-03-01", "2027-03-03", "143.40")], exchangeRates: [],
            today: today, by: F.author)
        let approved = try database.approveClaims(statement: first.id, lines: nil, by: F.author)
        #expect(approved.map(\.approved.minorUnits) == [14_340])
        #expect(throws: DomainError.self) { try database.approveClaims(statement: first.id, lines: [2], by: F.author) }
        let before = try F.dump(database)
        #expect(
            throws: DomainError.refused(
                "line 2 of statement \(second.id): booking \(booking.confirmation) was already approved in statement \(first.id)"
            )
        ) { try database.approveClaims(statement: second.id, lines: nil, by: F.author) }
        #expect(try F.dump(database) == before)
        let third = try database.checkStatement(
            intermediary: "TRAVELCO", fileName: "april.csv",
            lines: [try claim(2, booking.confirmation, "2027-03-01", "2027-03-03", "143.40")], exchangeRates: [],
            today: today, by: F.author)
        #expect(third.results.map(\.reason) == [.alreadyPaid])
        #expect(third.due.minorUnits == 0)
        let audit = try database.auditLog(entity: "commission_statement", key: String(first.id))
        #expect(audit.map(\.action) == ["approve", "check"])
    }

    @Test("A statement in another currency is refused without a rate, and converted with one")
    func currencies() throws {
        let database = try database()
        let booking = try stayed(database, "2027-03-01", nights: 2, via: "TRAVELCO")
        let lines = [try claim(2, booking.confirmation, "2027-03-01", "2027-03-03", "20.00", currency: "USD")]
        let before = try F.dump(database)
        #expect(throws: DomainError.self) {
            try database.checkStatement(
                intermediary: "TRAVELCO", fileName: "usd.csv", lines: lines, exchangeRates: [], today: today,
                by: F.author)
        }
        #expect(try F.dump(database) == before)
        let report = try database.checkStatement(
            intermediary: "TRAVELCO", fileName: "usd.csv", lines: lines,
            exchangeRates: [try ExchangeRate(parsing: "USD=7.17", to: F.cny)], today: today, by: F.author)
        // 20.00 USD × 7.17 = 143.40 CNY: exactly what is due.
        #expect(report.results.map(\.claimed.minorUnits) == [14_340])
        #expect(report.linesOK == 1)
    }

    @Test("A second intermediary with the same IATA number or code is refused")
    func duplicates() throws {
        let database = try database()
        let terms = try CommissionTerms(
            percent: BasisPoints(500), flatPerNight: F.money("0"), flatPerStay: F.money("0"))
        #expect(throws: DomainError.self) {
            try database.addIntermediary(
                Intermediary(code: "OTHER", name: "Other", iata: IATANumber(parsing: "12345678"), terms: terms),
                by: F.author)
        }
        #expect(throws: DomainError.self) {
            try database.addIntermediary(
                Intermediary(code: "TRAVELCO", name: "Again", iata: nil, terms: terms), by: F.author)
        }
        #expect(try database.intermediaries().map(\.code) == ["GLOBALTOURS", "TRAVELCO"])
    }
}
