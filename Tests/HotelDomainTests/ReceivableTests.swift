import HotelDomain
import Testing

@Suite("Receivables: due dates, aging, payment allocation, credit control, dunning")
struct ReceivableTests {
    static let cny = try! Currency("CNY")
    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: cny) }
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }

    @Test("An invoice is due its payment terms after issue and ages from the due date")
    func dueDate() {
        let due = Invoice.dueDate(issuedOn: Self.date("2027-03-03"), termsDays: 30)
        #expect(due == Self.date("2027-04-02"))
        let invoice = Invoice(
            number: "AR-000001", company: "ACME", confirmation: nil, issuedOn: Self.date("2027-03-03"), dueOn: due,
            amount: Self.money(184_000), paid: Self.money(84_000))
        #expect(invoice.open.minorUnits == 100_000)
        #expect(invoice.daysPastDue(asOf: Self.date("2027-04-02")) == 0)
        #expect(invoice.daysPastDue(asOf: Self.date("2027-05-02")) == 30)
    }

    @Test(
        "Aging buckets by days past due",
        arguments: [(-5, AgingBucket.current), (0, .current), (1, .days1to30), (30, .days1to30), (31, .days31to60),
                    (60, .days31to60), (61, .days61to90), (90, .days61to90), (91, .over90), (400, .over90)])
    func buckets(days: Int, bucket: AgingBucket) {
        #expect(AgingBucket(daysPastDue: days) == bucket)
    }

    @Test(
        "Dunning level from the oldest overdue invoice",
        arguments: [(0, nil), (1, DunningLevel.firstReminder), (30, .firstReminder), (31, .secondReminder), (61, .finalNotice), (91, .collection)])
    func dunningLevels(days: Int, level: DunningLevel?) {
        #expect(DunningLevel(daysPastDue: days) == level)
    }

    static let items: [(number: String, dueOn: CalendarDate, open: Money)] = [
        ("AR-000002", date("2027-04-01"), money(400_000)),
        ("AR-000001", date("2027-03-01"), money(300_000)),
    ]

    @Test("A payment pays the oldest due invoice first; a partial payment leaves the rest open")
    func oldestFirst() {
        let (shares, left) = PaymentAllocation.allocate(Self.money(500_000), openItems: Self.items, applyTo: [])
        #expect(shares.map(\.invoice) == ["AR-000001", "AR-000002"])
        #expect(shares.map(\.amount.minorUnits) == [300_000, 200_000])
        #expect(left.minorUnits == 0)
    }

    @Test("An over-payment leaves a credit on account")
    func overPayment() {
        let (shares, left) = PaymentAllocation.allocate(Self.money(800_000), openItems: Self.items, applyTo: [])
        #expect(shares.map(\.amount.minorUnits) == [300_000, 400_000])
        #expect(left.minorUnits == 100_000)
    }

    @Test("--apply-to pays the named invoices only, in the order given")
    func applyTo() {
        let (shares, left) = PaymentAllocation.allocate(Self.money(500_000), openItems: Self.items, applyTo: ["AR-000002"])
        #expect(shares.map(\.invoice) == ["AR-000002"])
        #expect(shares.map(\.amount.minorUnits) == [400_000])
        #expect(left.minorUnits == 100_000)
    }

    @Test("Credit control refuses with the figures when balance + open bookings + expected exceed the limit")
    func creditCheck() throws {
        let check = CreditCheck(
            company: "ACME", balance: Self.money(1_500_000), openBookings: Self.money(200_000), expected: Self.money(312_800),
            limit: Self.money(2_000_000))
        #expect(check.exposure.minorUnits == 2_012_800)
        let refusal = try #require(check.refusal)
        #expect(refusal.kind == .refused)
        #expect(
            refusal.description
                == "direct billing to ACME refused: balance 15000.00 CNY + open direct-bill bookings and blocks 2000.00 + expected charges 3128.00 = 20128.00 exceeds the credit limit 20000.00 CNY by 128.00; give --override-credit to book anyway (audited)")
        let within = CreditCheck(
            company: "ACME", balance: Self.money(1_500_000), openBookings: Self.money(200_000), expected: Self.money(300_000),
            limit: Self.money(2_000_000))
        #expect(within.refusal == nil)
        let noCredit = CreditCheck(company: "SHGOV", balance: Self.money(0), openBookings: Self.money(0), expected: Self.money(1), limit: Self.money(0))
        #expect(noCredit.exceedsLimit)
    }

    @Test("Aging line: balance is open less credit; utilisation against the limit")
    func agingLine() {
        let line = AgingLine(
            company: "ACME", name: "Acme", buckets: [Self.money(100_000), Self.money(50_000), Self.money(0), Self.money(0), Self.money(25_000)],
            credit: Self.money(10_000), creditLimit: Self.money(2_000_000), oldestDaysPastDue: 95)
        #expect(line.open.minorUnits == 175_000)
        #expect(line.overdue.minorUnits == 75_000)
        #expect(line.balance.minorUnits == 165_000)
        #expect(line.utilisation == BasisPoints(825))
    }
}
