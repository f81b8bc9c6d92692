import Testing

@testable import HotelDomain

/// Commission due on a booking and the verdict on a claimed line (issue 6).
@Suite("Commission due and claim checks")
struct CommissionTests {
    static let cny = try! Currency("CNY")
    static func money(_ text: String) -> Money { try! Money(parsing: text, currency: cny) }
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }
    static let tax = BasisPoints(600)

    /// 10% of room revenue net of tax, at most 29 nights, stays 2027-03-01…2027-12-31.
    static let terms = try! CommissionTerms(
        percent: BasisPoints(1_000), flatPerNight: money("0"), flatPerStay: money("0"), capNights: 29,
        validFrom: date("2027-03-01"), validTo: date("2027-12-31"))

    /// A booking at `price` a night on `plan`, in `status`.
    static func booking(
        _ arrival: String = "2027-05-10", nights: Int = 3, price: String = "780.00", rooms: Int = 1,
        status: ReservationStatus = .checkedOut, plan: Code = "BAR", feed: ChannelCommission? = nil
    ) -> CommissionableBooking {
        let stay = try! Stay(arrival: date(arrival), nights: nights)
        let reservation = Reservation(
            confirmation: "SHBUND-0000001", source: .direct, guestName: "Chen Li", roomType: "STD", ratePlanCode: plan,
            stay: stay, rooms: rooms, status: status,
            nights: stay.nights.map {
                NightPrice(night: $0, amount: money(price), ratePlanCode: plan, season: nil, tier: nil, basis: "")
            },
            bookedOn: date("2026-11-23"), intermediaryCode: "TRAVELCO")
        return CommissionableBooking(reservation: reservation, nonCommissionablePlans: ["ACME27"], feedCommission: feed)
    }

    @Test("IATA numbers are exactly 8 digits", arguments: ["1234567", "123456789", "1234567X", "", "1234 5678"])
    func refusesIATA(text: String) throws {
        #expect(throws: DomainError.self) { try IATANumber(parsing: text) }
        #expect(try IATANumber(parsing: "12345678").rawValue == "12345678")
    }

    @Test(
        "Revenue net of an included tax rounds half away from zero",
        arguments: [
            ("2340.00", Int64(220_755)), ("1900.00", 179_245), ("1560.00", 147_170), ("0.00", 0), ("1.06", 100),
        ])
    func netOfTax(gross: String, net: Int64) {
        #expect(CommissionTerms.netOfTax(Self.money(gross), Self.tax).minorUnits == net)
    }

    @Test("A stayed booking owes the percent of its revenue net of tax: 3 × 780.00 → 2207.55 → 220.76")
    func stayedBooking() {
        let due = Self.terms.due(for: Self.booking(), taxRate: Self.tax)
        #expect(due.amount.minorUnits == 22_076)
        #expect(due.eligibleRevenue.minorUnits == 220_755)
        #expect(due.countedNights == 3)
        #expect(due.onTaxInclusiveRevenue?.minorUnits == 23_400)
        #expect(due.nothingDueReason == nil)
        #expect(due.arithmetic == "10% of 2207.55 (2340.00 less 6% tax; 3 nights × 1 room) = 220.76")
    }

    @Test(
        "Cancelled, no-show and never checked-in bookings owe nothing",
        arguments: [
            ReservationStatus.cancelled, .noShow, .confirmed, .tentative,
        ])
    func noStay(status: ReservationStatus) {
        let due = Self.terms.due(for: Self.booking(status: status), taxRate: Self.tax)
        #expect(due.amount.minorUnits == 0)
        #expect(due.nothingDueReason == .noStay)
    }

    @Test("The cap counts the first 29 nights of a 31-night stay")
    func cap() {
        let due = Self.terms.due(for: Self.booking("2027-05-01", nights: 31), taxRate: Self.tax)
        #expect(due.countedNights == 29)
        // 29 × 780.00 = 22620.00 → 21339.62 net → 2133.96; all 31 nights: 24180.00 → 22811.32 → 2281.13.
        #expect(due.amount.minorUnits == 213_396)
        #expect(due.withoutCap?.minorUnits == 228_113)
    }

    @Test("A non-commissionable rate plan owes nothing; nights outside the terms owe nothing")
    func exclusions() {
        let corporate = Self.terms.due(for: Self.booking(plan: "ACME27"), taxRate: Self.tax)
        #expect(corporate.amount.minorUnits == 0)
        #expect(corporate.nothingDueReason == .notCommissionable)
        let february = Self.terms.due(for: Self.booking("2027-02-20", nights: 2), taxRate: Self.tax)
        #expect(february.nothingDueReason == .outsideTerms)
        // 2027-02-27…2027-03-02: only the nights of March 1 and 2 are within the terms.
        let straddling = Self.terms.due(for: Self.booking("2027-02-27", nights: 4), taxRate: Self.tax)
        #expect(straddling.countedNights == 2)
        #expect(straddling.amount.minorUnits == 14_717)
        #expect(straddling.withNightsOutsideTerms?.minorUnits == 29_434)
    }

    @Test("A channel's own commission from its feed replaces the contract's and the difference is noted")
    func feedCommission() {
        let percent = Self.terms.due(for: Self.booking(feed: .percent(BasisPoints(1_200))), taxRate: Self.tax)
        #expect(percent.amount.minorUnits == 26_491)
        #expect(percent.notes == ["the feed's commission 12% differs from the contract's 10%"])
        let amount = Self.terms.due(for: Self.booking(feed: .amount(Self.money("250.00"))), taxRate: Self.tax)
        #expect(amount.amount.minorUnits == 25_000)
        #expect(amount.notes == ["the feed's commission 250.00 differs from the contract's 220.76"])
    }

    @Test("Flat amounts are per room-night and per room-stay, on top of the percent")
    func flatAmounts() throws {
        let terms = try CommissionTerms(
            percent: BasisPoints(0), basis: .roomIncludingTax, flatPerNight: Self.money("15.00"),
            flatPerStay: Self.money("50.00"))
        let due = terms.due(for: Self.booking(nights: 3, rooms: 2), taxRate: Self.tax)
        #expect(due.amount.minorUnits == 15_00 * 6 + 50_00 * 2)
    }

    @Test("Terms that pay nothing, a zero cap or an inverted validity are refused")
    func refusedTerms() {
        #expect(throws: DomainError.self) {
            try CommissionTerms(percent: BasisPoints(0), flatPerNight: Self.money("0"), flatPerStay: Self.money("0"))
        }
        #expect(throws: DomainError.self) {
            try CommissionTerms(
                percent: BasisPoints(1_000), flatPerNight: Self.money("0"), flatPerStay: Self.money("0"), capNights: 0)
        }
        #expect(throws: DomainError.self) {
            try CommissionTerms(
                percent: BasisPoints(1_000), flatPerNight: Self.money("0"), flatPerStay: Self.money("0"),
                validFrom: Self.date("2027-12-31"), validTo: Self.date("2027-01-01"))
        }
    }

    // MARK: - Claims

    func check(
        _ booking: CommissionableBooking, claimed: String, revenue: String = "2207.55", arrival: String = "2027-05-10",
        departure: String = "2027-05-13", owner: Code? = "TRAVELCO", paidIn: Int64? = nil, duplicateOf: Int? = nil
    ) -> ClaimResult {
        let claim = CommissionClaim(
            line: 2, reference: "SHBUND-0000001", guest: "Chen Li", arrival: Self.date(arrival),
            departure: Self.date(departure), roomRevenue: Self.money(revenue), claimed: Self.money(claimed))
        let due = Self.terms.due(for: booking, taxRate: Self.tax)
        return ClaimCheck(intermediary: "TRAVELCO", taxRate: Self.tax).check(
            claim, booking: .found(booking.reservation, owner: owner, paidInStatement: paidIn, due: due),
            duplicateOfLine: duplicateOf)
    }

    @Test(
        "Claims on a stayed 3-night booking (due 220.76) get their reason code",
        arguments: [
            ("220.76", "2207.55", "2027-05-13", nil),  // exact
            ("220.75", "2207.55", "2027-05-13", nil),  // one minor unit is rounding
            ("220.74", "2207.55", "2027-05-13", ClaimReason.amountMismatch),
            ("234.00", "2340.00", "2027-05-13", .wrongBase),  // 10% of the tax-inclusive revenue
            ("250.00", "2500.00", "2027-05-13", .wrongBase),  // 10% of revenue with extras
            ("264.91", "2207.55", "2027-05-13", .wrongPercent),  // 12%
            ("294.34", "2943.40", "2027-05-14", .stayChanged),  // a night more than stayed
            ("200.00", "2000.00", "2027-05-13", .stayChanged),  // another room revenue
            ("230.00", "2207.55", "2027-05-13", .amountMismatch),
        ])
    func claimVerdicts(claimed: String, revenue: String, departure: String, reason: ClaimReason?) {
        let result = check(Self.booking(), claimed: claimed, revenue: revenue, departure: departure)
        #expect(result.reason == reason, "\(result.explanation)")
        #expect(result.due.minorUnits == 22_076)
    }

    @Test("Ownership, payment and duplication come before the amounts")
    func bookingLevelReasons() {
        #expect(check(Self.booking(), claimed: "220.76", owner: "GLOBALTOURS").reason == .agentMismatch)
        #expect(check(Self.booking(), claimed: "220.76", owner: nil).reason == .agentMismatch)
        let paid = check(Self.booking(), claimed: "220.76", paidIn: 1)
        #expect(paid.reason == .alreadyPaid)
        #expect(paid.due.minorUnits == 0)
        #expect(check(Self.booking(), claimed: "220.76", duplicateOf: 2).reason == .duplicateClaim)
        #expect(check(Self.booking(status: .noShow), claimed: "73.59").reason == .noStay)
        #expect(check(Self.booking(status: .noShow), claimed: "0.00").reason == nil)
        #expect(check(Self.booking(plan: "ACME27"), claimed: "152.36").reason == .notCommissionable)
        let capped = check(
            Self.booking("2027-05-01", nights: 31), claimed: "2281.13", revenue: "24180.00", arrival: "2027-05-01",
            departure: "2027-06-01")
        #expect(capped.reason == .overCap)
        #expect(capped.due.minorUnits == 213_396)
        let unknown = ClaimCheck(intermediary: "TRAVELCO", taxRate: Self.tax).check(
            CommissionClaim(
                line: 5, reference: "TC-1", guest: "X", arrival: Self.date("2027-05-01"),
                departure: Self.date("2027-05-02"),
                roomRevenue: Self.money("1.00"), claimed: Self.money("0.10")),
            booking: .unknown, duplicateOfLine: nil)
        #expect(unknown.reason == .unknownBooking)
        #expect(unknown.difference.minorUnits == 10)
    }

    @Test("Exchange rates convert to the hotel's currency, rounding half away from zero")
    func exchangeRates() throws {
        let usd = try ExchangeRate(parsing: "USD=7.17", to: Self.cny)
        #expect(usd.convert(Money(minorUnits: 2_500, currency: try Currency("USD")))?.minorUnits == 17_925)
        let jpy = try ExchangeRate(parsing: "jpy=0.048125", to: Self.cny)
        // 10001 JPY × 0.048125 = 481.298125 → 481.30 CNY.
        #expect(jpy.convert(Money(minorUnits: 10_001, currency: try Currency("JPY")))?.minorUnits == 48_130)
        #expect(usd.description == "USD=7.17")
        for text in ["USD", "USD=7,17", "USD=0", "CNY=1", "USD=1.1234567", "US=7"] {
            #expect(throws: DomainError.self) { try ExchangeRate(parsing: text, to: Self.cny) }
        }
    }
}
