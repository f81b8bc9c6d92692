import HotelDomain
import Testing

@Suite("Report periods and the production rule")
struct ReportPeriodTests {
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }

    @Test(
        "A period is a month, a quarter or a year, with its first and last night",
        arguments: [
            ("2027-03", "2027-03-01", "2027-03-31", 31, "2026-03"),
            ("2027-02", "2027-02-01", "2027-02-28", 28, "2026-02"),
            ("2028-02", "2028-02-01", "2028-02-29", 29, "2027-02"),
            ("2027-Q1", "2027-01-01", "2027-03-31", 90, "2026-Q1"),
            ("2027-q4", "2027-10-01", "2027-12-31", 92, "2026-Q4"),
            ("2027", "2027-01-01", "2027-12-31", 365, "2026"),
        ])
    func periods(text: String, first: String, last: String, count: Int, lastYear: String) throws {
        let period = try ReportPeriod(parsing: text)
        #expect(period.nights.first == Self.date(first))
        #expect(period.nights.last == Self.date(last))
        #expect(period.nights.count == count)
        #expect(period.lastYear.description == lastYear)
    }

    @Test(
        "Months outside 01-12, quarters outside Q1-Q4 and other shapes are refused as invalid input",
        arguments: ["2027-13", "2027-00", "2027-Q5", "2027-Q0", "27-03", "2027-3", "2027/03", "", "2027-H1"])
    func invalidPeriods(text: String) {
        #expect(throws: DomainError.self) { try ReportPeriod(parsing: text) }
        do {
            _ = try ReportPeriod(parsing: text)
        } catch let error as DomainError {
            #expect(error.kind == .invalidInput)
            #expect(error.description.contains("\"\(text)\""))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("Past nights count when stayed, future nights while on the books; cancelled and no-show never")
    func productionRule() {
        let today = Self.date("2027-03-10")
        let past = Self.date("2027-03-09")
        let future = Self.date("2027-03-10")
        #expect(ProductionRule.counts(.checkedOut, night: past, today: today))
        #expect(ProductionRule.counts(.checkedIn, night: past, today: today))
        #expect(!ProductionRule.counts(.confirmed, night: past, today: today))
        #expect(!ProductionRule.counts(.tentative, night: past, today: today))
        #expect(ProductionRule.counts(.confirmed, night: future, today: today))
        #expect(ProductionRule.counts(.tentative, night: future, today: today))
        #expect(!ProductionRule.counts(.cancelled, night: future, today: today))
        #expect(!ProductionRule.counts(.noShow, night: past, today: today))
    }

    @Test("Revenue net of tax rounds half away from zero; 0% leaves it as stored")
    func netOfTax() throws {
        let cny = try Currency("CNY")
        #expect(ProductionRule.netOfTax(Money(minorUnits: 106_000, currency: cny), taxRate: BasisPoints(600)).minorUnits == 100_000)
        #expect(ProductionRule.netOfTax(Money(minorUnits: 78_200, currency: cny), taxRate: BasisPoints(600)).minorUnits == 73_774)
        #expect(ProductionRule.netOfTax(Money(minorUnits: 78_200, currency: cny), taxRate: BasisPoints(0)).minorUnits == 78_200)
        #expect(ProductionRule.averageRate(Money(minorUnits: 1_269_600, currency: cny), roomNights: 18).minorUnits == 70_533)
    }

    @Test("Channel line: net revenue, ADR, cancellation rate and average lead time")
    func channelLine() throws {
        let cny = try Currency("CNY")
        let line = ChannelLine(
            channel: "BOOKINGCOM", bookings: 8, cancelled: 2, leadDays: 37, roomNights: 10,
            grossRevenue: Money(minorUnits: 900_000, currency: cny), commission: Money(minorUnits: 135_000, currency: cny))
        #expect(line.netRevenue.minorUnits == 765_000)
        #expect(line.averageRate.minorUnits == 90_000)
        #expect(line.cancellationRate == BasisPoints(2_500))
        #expect(line.averageLeadTenths == 46)  // 4.625 days → 4.6
    }
}
