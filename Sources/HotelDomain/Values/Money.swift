/// An amount of money in integer minor units of one currency.
///
/// Rule: money is never a floating-point number. Amounts are read from decimal text with no more decimals
/// than the currency has (`"899.50"` CNY is 89950 fen; `"899.505"` and `"899,50"` are refused), added only
/// within one currency, and scaled by percentages with an explicit rounding rule (half away from zero).
public struct Money: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// Reads a decimal amount such as `"20000.00"`, `"-15.5"` or `"899"`.
    ///
    /// Rule: optional minus sign, 1 to 11 digits (up to 99,999,999,999), optionally a point and 1 to `currency.minorDigits` digits.
    /// No thousands separators, no comma decimals, no exponent, no spaces. Example: `"129,90"` is refused,
    /// where `Decimal(string:)` would silently read 129.
    public init(parsing text: String, currency: Currency) throws {
        // Read in place (no copy of the text) and the refusal hint spelled only when refusing: feed imports read
        // four amounts per booking.
        var text = text
        let parsed = text.withUTF8 { Self.scan($0) }
        var decimalsHint: String {
            currency.minorDigits == 0
                ? "no decimals" : "at most \(currency.minorDigits) decimal\(currency.minorDigits == 1 ? "" : "s")"
        }
        guard let parsed, parsed.wholeDigits > 0, parsed.wholeDigits <= 11, !(parsed.sawPoint && parsed.fractionDigits == 0)
        else {
            throw DomainError.invalid(
                "amount \"\(text)\" is not a decimal amount; write digits with a point and \(decimalsHint), e.g. \(Self.example(currency))"
            )
        }
        let (negative, whole, fraction, fractionDigits) = (parsed.negative, parsed.whole, parsed.fraction, parsed.fractionDigits)
        guard fractionDigits <= currency.minorDigits else {
            throw DomainError.invalid(
                "amount \"\(text)\" has \(fractionDigits) decimals but \(currency.code) has \(decimalsHint)")
        }
        var scaledFraction = fraction
        for _ in fractionDigits..<currency.minorDigits { scaledFraction *= 10 }
        let units = whole * currency.minorPerMajor + scaledFraction
        self.init(minorUnits: negative ? -units : units, currency: currency)
    }

    /// The parts of a decimal amount's text; `nil` when a byte is left over (what `init(parsing:)` refuses).
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (
        negative: Bool, whole: Int64, wholeDigits: Int, fraction: Int64, fractionDigits: Int, sawPoint: Bool
    )? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var whole: Int64 = 0
        var wholeDigits = 0
        while index < bytes.count, let digit = Self.digit(bytes[index]) {
            whole = whole * 10 + digit
            wholeDigits += 1
            index += 1
            if wholeDigits > 11 { break }
        }
        var fraction: Int64 = 0
        var fractionDigits = 0
        var sawPoint = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            sawPoint = true
            index += 1
            while index < bytes.count, let digit = Self.digit(bytes[index]) {
                fraction = fraction * 10 + digit
                fractionDigits += 1
                index += 1
                if fractionDigits > 18 { break }
            }
        }
        guard index == bytes.count else { return nil }
        return (negative, whole, wholeDigits, fraction, fractionDigits, sawPoint)
    }

    private static func digit(_ byte: UInt8) -> Int64? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte - UInt8(ascii: "0")) : nil
    }

    private static func example(_ currency: Currency) -> String {
        currency.minorDigits == 0 ? "1250" : "1250." + String(repeating: "0", count: currency.minorDigits)
    }

    /// The amount as plain decimal text with exactly the currency's decimals: `"1104.99"`, `"-0.50"`, `"1250"`.
    public var decimalText: String {
        let magnitude = minorUnits.magnitude
        let per = UInt64(currency.minorPerMajor)
        let sign = minorUnits < 0 ? "-" : ""
        guard currency.minorDigits > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % per)
        let padded = String(repeating: "0", count: currency.minorDigits - fraction.count) + fraction
        return "\(sign)\(magnitude / per).\(padded)"
    }

    /// `"1104.99 CNY"`.
    public var description: String { "\(decimalText) \(currency.code)" }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

    /// Sum of two amounts of the same currency.
    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracting \(rhs.currency) from \(lhs.currency)")
        return Money(minorUnits: lhs.minorUnits - rhs.minorUnits, currency: lhs.currency)
    }

    /// The amount times a whole count (nights, rooms).
    public func times(_ count: Int) -> Money { Money(minorUnits: minorUnits * Int64(count), currency: currency) }

    /// The share `basisPoints / 10000` of this amount, rounded half away from zero to the minor unit.
    ///
    /// Example: 15% (1500 bp) of 1.30 CNY is 0.195 → 0.20; 85% of 1299.99 is 1104.9915 → 1104.99.
    public func share(_ basisPoints: BasisPoints) -> Money {
        Money(minorUnits: Self.divideRoundingHalfAway(minorUnits * Int64(basisPoints.value), by: 10_000), currency: currency)
    }

    /// This amount reduced by a percentage, rounded half away from zero: 1000.00 less 15% is 850.00;
    /// 1.30 less 15% is 1.105 → 1.11.
    public func reduced(by basisPoints: BasisPoints) -> Money {
        Money(
            minorUnits: Self.divideRoundingHalfAway(minorUnits * Int64(10_000 - basisPoints.value), by: 10_000),
            currency: currency)
    }

    /// Integer division rounding half away from zero: 11050 / 10000 → 1 (1.105 rounds to 1.11 at the caller's scale).
    static func divideRoundingHalfAway(_ numerator: Int64, by denominator: Int64) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder.magnitude * 2 >= denominator.magnitude {
            return quotient + (numerator < 0 ? -1 : 1)
        }
        return quotient
    }
}
