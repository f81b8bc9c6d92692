/// A percentage in basis points (1% = 100 bp), so that no percentage is ever a floating-point number.
///
/// Rule: written as `"15%"`, `"15"`, `"12.5%"` or `"12.25%"` (at most two decimals); 0% to 100%.
/// Example: `try BasisPoints(parsing: "12.5%").value == 1250`.
public struct BasisPoints: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) { self.value = value }

    public init(parsing text: String) throws {
        var body = Substring(text)
        if body.hasSuffix("%") { body = body.dropLast() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard (parts.count == 1 || parts.count == 2), isDigits(parts[0]), parts[0].count <= 3,
            parts.count == 1 || (isDigits(parts[1]) && parts[1].count <= 2),
            let whole = Int(parts[0])
        else {
            throw DomainError.invalid("percentage \"\(text)\" is not valid; write a number from 0 to 100 with at most two decimals, e.g. 15% or 12.5%")
        }
        var fraction = 0
        if parts.count == 2, let digits = Int(parts[1]) {
            fraction = parts[1].count == 1 ? digits * 10 : digits
        }
        let value = whole * 100 + fraction
        guard value <= 10_000 else {
            throw DomainError.invalid("percentage \"\(text)\" is over 100%; use a value from 0% to 100%")
        }
        self.value = value
    }

    public static func < (lhs: BasisPoints, rhs: BasisPoints) -> Bool { lhs.value < rhs.value }

    /// `"15%"`, `"12.5%"`, `"12.25%"`.
    public var description: String {
        let whole = value / 100
        let fraction = value % 100
        if fraction == 0 { return "\(whole)%" }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)%" }
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
