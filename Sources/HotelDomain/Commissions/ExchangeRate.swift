/// A rate to convert a statement's amounts into the hotel's currency: one unit of `from` is `rate` units of
/// `to`, given with up to 6 decimals.
///
/// Rule: written `USD=7.1234` (the statement's currency, then what one unit of it is worth in the hotel's);
/// converted amounts round half away from zero to the hotel's minor unit. Example: 100.00 USD at 7.1234 is
/// 712.34 CNY.
public struct ExchangeRate: Hashable, Sendable, CustomStringConvertible {
    public let from: Currency
    public let to: Currency
    /// The rate × 1,000,000.
    public let micros: Int64

    public init(parsing text: String, to: Currency) throws {
        let parts = text.split(separator: "=", omittingEmptySubsequences: false)
        let hint = "write CUR=RATE, e.g. USD=7.1234 (one USD is 7.1234 \(to.code))"
        guard parts.count == 2 else { throw DomainError.invalid("exchange rate \"\(text)\" is not valid; \(hint)") }
        let from = try Currency(String(parts[0]).uppercased())
        let number = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard number.count <= 2, isDigits(number[0]), number[0].count <= 6,
            number.count == 1 || (isDigits(number[1]) && number[1].count <= 6),
            let whole = Int64(number[0])
        else {
            throw DomainError.invalid("exchange rate \"\(text)\" is not valid; \(hint), at most 6 decimals")
        }
        var fraction: Int64 = 0
        if number.count == 2, let digits = Int64(number[1]) {
            fraction = digits
            for _ in number[1].count..<6 { fraction *= 10 }
        }
        let micros = whole * 1_000_000 + fraction
        guard micros > 0 else { throw DomainError.invalid("exchange rate \"\(text)\" is zero; give a positive rate") }
        guard from != to else {
            throw DomainError.invalid(
                "exchange rate \"\(text)\" converts \(to.code) to itself; give rates for other currencies only")
        }
        self.from = from
        self.to = to
        self.micros = micros
    }

    /// The amount in the hotel's currency, or nil when it would not fit in 64 bits.
    public func convert(_ amount: Money) -> Money? {
        precondition(amount.currency == from, "converting \(amount.currency) at a \(from) rate")
        // minor(to) = minor(from) × rate × 10^(to digits) ÷ 10^(from digits), the product in 128 bits.
        let (scale, scaleOverflow) = UInt64(micros).multipliedReportingOverflow(by: UInt64(to.minorPerMajor))
        guard !scaleOverflow else { return nil }
        let denominator = UInt64(from.minorPerMajor) * 1_000_000
        let product = amount.minorUnits.magnitude.multipliedFullWidth(by: scale)
        guard product.high < denominator else { return nil }
        var (quotient, remainder) = denominator.dividingFullWidth(product)
        if remainder >= denominator - remainder {
            guard quotient < UInt64.max else { return nil }
            quotient += 1
        }
        guard quotient <= UInt64(Int64.max) else { return nil }
        return Money(minorUnits: amount.minorUnits < 0 ? -Int64(quotient) : Int64(quotient), currency: to)
    }

    /// `"USD=7.1234"`.
    public var description: String {
        var fraction = String(micros % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(from.code)=\(micros / 1_000_000)\(fraction.isEmpty ? "" : ".\(fraction)")"
    }
}
