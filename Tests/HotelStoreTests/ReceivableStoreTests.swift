import Foundation
import GRDB
import HotelDomain
import Testing

@testable import HotelStore

@Suite("Receivables in the store: posting, payments, balances, credit control")
struct ReceivableStoreTests {
    typealias F = StoreFixtures
    let today = StoreFixtures.date("2027-02-01")

    /// Books DLX at BAR (920.00 a night in spring) for ACME, direct-bill, and checks it in and out.
    func stay(_ database: AppDatabase, arrival: String, nights: Int) throws -> Reservation {
        var request = try BookingRequest(
            guestName: "Chen Li", roomType: "DLX", stay: Stay(arrival: F.date(arrival), nights: nights), companyCode: "ACME",
            billing: .directBill)
        request.overrideCredit = false
        let booked = try database.book(request, today: today, by: F.author)
        _ = try database.transition(booked.confirmation, .checkIn, today: F.date(arrival), by: F.author)
        return try database.transition(booked.confirmation, .checkOut, today: booked.stay.departure, by: F.author)
    }

    @Test("Check-out posts a direct-bill stay to the company's account, due after its payment terms")
    func postedAtCheckOut() throws {
        let database = try F.database()
        let stay = try stay(database, arrival: "2027-03-01", nights: 2)
        let statement = try database.statement(company: "ACME", asOf: F.date("2027-03-31"))
        #expect(statement.entries.count == 1)
        let invoice = try #require(statement.openInvoices.first)
        #expect(invoice.number == "AR-000001")
        #expect(invoice.confirmation == stay.confirmation)
        #expect(invoice.amount.minorUnits == 184_000)
        #expect(invoice.issuedOn == F.date("2027-03-03"))
        #expect(invoice.dueOn == F.date("2027-04-02"))
        #expect(try database.receivableBalance("ACME").minorUnits == 184_000)
        // A second post of the same stay without an amount is refused; an extra charge is accepted.
        #expect(throws: DomainError.self) {
            try database.postCharges(company: "ACME", booking: stay.confirmation, amount: nil, today: F.date("2027-03-03"), by: F.author)
        }
        let extra = try database.postCharges(
            company: "ACME", booking: stay.confirmation, amount: F.money("320.00"), today: F.date("2027-03-05"), by: F.author)
        #expect(extra.number == "AR-000002")
        #expect(try database.receivableBalance("ACME").minorUnits == 216_000)
    }

    @Test("Partial, targeted and over-payments: balances always equal the sum of their entries")
    func balancesEqualEntries() throws {
        let database = try F.database()
        _ = try stay(database, arrival: "2027-03-01", nights: 2)  // AR-000001 1840.00, due 04-02
        _ = try stay(database, arrival: "2027-03-10", nights: 1)  // AR-000002 920.00, due 04-10
        let payday = F.date("2027-04-15")
        let partial = try database.recordPayment(
            PaymentRequest(company: "ACME", amount: F.money("1000.00"), receivedOn: payday), today: payday, by: F.author)
        #expect(partial.shares.map(\.invoice) == ["AR-000001"])
        #expect(partial.payment.unapplied.minorUnits == 0)
        let targeted = try database.recordPayment(
            PaymentRequest(company: "ACME", amount: F.money("920.00"), receivedOn: payday, applyTo: ["ar-000002"]), today: payday,
            by: F.author)
        #expect(targeted.shares.map(\.invoice) == ["AR-000002"])
        let over = try database.recordPayment(
            PaymentRequest(company: "ACME", amount: F.money("1000.00"), receivedOn: payday, reference: "TT-1"), today: payday,
            by: F.author)
        #expect(over.shares.map(\.amount.minorUnits) == [84_000])
        #expect(over.payment.unapplied.minorUnits == 16_000)
        #expect(try database.receivableBalance("ACME").minorUnits == -16_000)
        // The credit pays the next invoice at once.
        _ = try stay(database, arrival: "2027-04-20", nights: 1)  // 920.00 less 160.00 credit
        let statement = try database.statement(company: "ACME", asOf: F.date("2027-04-30"))
        #expect(statement.balance.minorUnits == 76_000)
        #expect(statement.openInvoices.map(\.open.minorUnits) == [76_000])
        #expect(statement.credit.minorUnits == 0)
        #expect(statement.entries.map(\.balance.minorUnits) == [184_000, 276_000, 176_000, 84_000, -16_000, 76_000])
        #expect(try database.receivableDiscrepancies() == [])
        // Aging as of a past day sees the invoices before the payments.
        let before = try #require(try database.aging(asOf: F.date("2027-04-12")).first)
        #expect(before.buckets.map(\.minorUnits) == [0, 276_000, 0, 0, 0])
        #expect(before.oldestDaysPastDue == 10)
        #expect(before.utilisation == BasisPoints(1_380))
    }

    @Test("The discrepancy check finds a balance that does not match its entries")
    func discrepancyDetected() throws {
        let database = try F.database()
        _ = try stay(database, arrival: "2027-03-01", nights: 1)
        try database.write { db in try db.execute(sql: "UPDATE ar_account SET balance_minor = balance_minor + 1") }
        #expect(try database.receivableDiscrepancies() == ["company ACME: balance 92001 but entries sum to 92000"])
    }

    @Test("A payment in another currency, unknown invoice or future date is refused and nothing is written")
    func badPayments() throws {
        let database = try F.database()
        _ = try stay(database, arrival: "2027-03-01", nights: 1)
        let before = try F.dump(database)
        let day = F.date("2027-04-15")
        let usd = try Currency("USD")
        #expect(throws: DomainError.self) {
            try database.recordPayment(
                PaymentRequest(company: "ACME", amount: Money(minorUnits: 100, currency: usd), receivedOn: day), today: day, by: F.author)
        }
        #expect(throws: DomainError.self) {
            try database.recordPayment(
                PaymentRequest(company: "ACME", amount: F.money("10.00"), receivedOn: day, applyTo: ["AR-000009"]), today: day, by: F.author)
        }
        #expect(throws: DomainError.self) {
            try database.recordPayment(
                PaymentRequest(company: "ACME", amount: F.money("10.00"), receivedOn: day.adding(days: 1)), today: day, by: F.author)
        }
        #expect(throws: DomainError.self) { try PaymentRequest(company: "ACME", amount: F.money("-5.00"), receivedOn: day) }
        #expect(try F.dump(database) == before)
    }

    @Test("A direct-bill booking over the credit limit is refused with the figures unless overridden, and the override is audited")
    func creditControl() throws {
        let database = try F.database()  // ACME: limit 20000.00
        _ = try stay(database, arrival: "2027-03-01", nights: 10)  // 9200.00 posted
        // 12 nights of DLX at 920.00 = 11040.00: 9200.00 + 11040.00 = 20240.00 > 20000.00.
        var request = try BookingRequest(
            guestName: "Wang Fang", roomType: "DLX", stay: Stay(arrival: F.date("2027-04-01"), nights: 12), companyCode: "ACME",
            billing: .directBill)
        let before = try F.dump(database)
        do {
            _ = try database.book(request, today: today, by: F.author)
            Issue.record("booking over the credit limit was accepted")
        } catch let error as DomainError {
            #expect(error.kind == .refused)
            #expect(
                error.description
                    == "direct billing to ACME refused: balance 9200.00 CNY + open direct-bill bookings and blocks 0.00 + expected charges 11040.00 = 20240.00 exceeds the credit limit 20000.00 CNY by 240.00; give --override-credit to book anyway (audited)")
        }
        #expect(try F.dump(database) == before)
        // Guest-paid bookings are not credit controlled.
        request.billing = .guestPays
        _ = try database.book(request, today: today, by: F.author)
        request.billing = .directBill
        request.overrideCredit = true
        let booked = try database.book(request, today: today, by: ChangeAuthor(user: "gm"))
        let audit = try database.auditLog(entity: "credit", key: "ACME")
        #expect(audit.count == 1)
        #expect(audit.first?.user == "gm")
        #expect(audit.first?.newValue?.contains("\"reference\":\"\(booked.confirmation)\"") == true)
        #expect(audit.first?.newValue?.contains("\"exposure\":\"20240.00 CNY\"") == true)
        // The open direct-bill booking now counts against the limit: a 1-night booking is refused.
        let small = try BookingRequest(
            guestName: "Li", roomType: "DLX", stay: Stay(arrival: F.date("2027-04-20"), nights: 1), companyCode: "ACME", billing: .directBill)
        #expect(throws: DomainError.self) { try database.book(small, today: today, by: F.author) }
    }
}
