import Testing

@testable import HotelDomain

@Suite("Money, percentages and currencies")
struct MoneyTests {
    let cny = try! Currency("CNY")
    let jpy = try! Currency("JPY")
    let kwd = try! Currency("KWD")

    @Test(
        "Decimal text is read into exact minor units",
        arguments: [
            ("20000.00", Int64(2_000_000)), ("899.5", 89_950), ("0.05", 5), ("-15.5", -1_550), ("1299.99", 129_999),
            ("0", 0), ("99999999999.99", 9_999_999_999_999),
        ])
    func parsesAmounts(text: String, minor: Int64) throws {
        #expect(try Money(parsing: text, currency: cny).minorUnits == minor)
    }

    @Test(
        "Malformed amounts are refused instead of guessed",
        arguments: ["12,50", "1,250.00", "", ".", "12.", ".5", "+5", " 5", "5 ", "1e3", "12.345", "100000000000", "NaN"])
    func refusesAmounts(text: String) {
        #expect(throws: DomainError.self) { try Money(parsing: text, currency: cny) }
    }

    @Test("The error for too many decimals names the value and the currency's decimals")
    func tooManyDecimalsMessage() {
        #expect(throws: DomainError.invalid("amount \"12.345\" has 3 decimals but CNY has at most 2 decimals")) {
            try Money(parsing: "12.345", currency: cny)
        }
    }

    @Test("Currencies have their ISO 4217 decimals")
    func currencyDecimals() throws {
        #expect(cny.minorDigits == 2)
        #expect(jpy.minorDigits == 0)
        #expect(kwd.minorDigits == 3)
        #expect(try Money(parsing: "1250", currency: jpy).minorUnits == 1_250)
        #expect(throws: DomainError.self) { try Money(parsing: "1250.5", currency: jpy) }
        #expect(try Money(parsing: "12.345", currency: kwd).minorUnits == 12_345)
        #expect(throws: DomainError.self) { try Currency("cny") }
        #expect(throws: DomainError.self) { try Currency("EURO") }
    }

    @Test("Amounts print with exactly the currency's decimals")
    func decimalText() {
        #expect(Money(minorUnits: 110_499, currency: cny).decimalText == "1104.99")
        #expect(Money(minorUnits: -50, currency: cny).decimalText == "-0.50")
        #expect(Money(minorUnits: 5, currency: cny).decimalText == "0.05")
        #expect(Money(minorUnits: 1_250, currency: jpy).decimalText == "1250")
        #expect(Money(minorUnits: 12_005, currency: kwd).description == "12.005 KWD")
    }

    @Test(
        "Percent off rounds half away from zero to the minor unit",
        arguments: [
            (Int64(92_000), 1_500, Int64(78_200)),  // 920.00 less 15% = 782.00
            (129_999, 1_500, 110_499),  // 1299.99 less 15% = 1104.9915 → 1104.99
            (129_999, 2_000, 103_999),  // 1299.99 less 20% = 1039.992 → 1039.99
            (130, 1_500, 111),  // 1.30 less 15% = 1.105 → 1.11 (half up)
            (101, 5_000, 51),  // 1.01 less 50% = 0.505 → 0.51
            (99_900, 1_250, 87_413),  // 999.00 less 12.5% = 874.125 → 874.13
        ])
    func percentOff(base: Int64, discount: Int, expected: Int64) {
        #expect(Money(minorUnits: base, currency: cny).reduced(by: BasisPoints(discount)).minorUnits == expected)
    }

    @Test("A share of an amount rounds half away from zero")
    func share() {
        #expect(Money(minorUnits: 130, currency: cny).share(BasisPoints(1_500)).minorUnits == 20)  // 0.195 → 0.20
        #expect(Money(minorUnits: 78_200, currency: cny).share(BasisPoints(1_000)).minorUnits == 7_820)
        #expect(Money(minorUnits: -130, currency: cny).share(BasisPoints(1_500)).minorUnits == -20)
    }

    @Test(
        "Percentages are read as basis points",
        arguments: [("15%", 1_500), ("15", 1_500), ("12.5%", 1_250), ("12.25%", 1_225), ("0%", 0), ("100%", 10_000)])
    func basisPoints(text: String, value: Int) throws {
        #expect(try BasisPoints(parsing: text).value == value)
    }

    @Test("Malformed percentages are refused", arguments: ["", "%", "15,5%", "101%", "12.345%", "-5%", "abc", "0.2.1"])
    func refusesPercentages(text: String) {
        #expect(throws: DomainError.self) { try BasisPoints(parsing: text) }
    }

    @Test("Basis points print as a percentage")
    func basisPointsText() {
        #expect(BasisPoints(1_500).description == "15%")
        #expect(BasisPoints(1_250).description == "12.5%")
        #expect(BasisPoints(1_205).description == "12.05%")
    }
}
