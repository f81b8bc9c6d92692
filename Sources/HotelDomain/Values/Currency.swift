/// An ISO 4217 currency and the number of decimals its minor unit has.
///
/// Rule: the code is three upper-case letters; the minor digits come from ISO 4217 (EUR, USD, CNY: 2;
/// JPY, KRW: 0; BHD, KWD, OMR, JOD, TND: 3). Example: `try Currency("CNY").minorDigits == 2`.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String
    public let minorDigits: Int

    private static let zeroDecimal: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV",
        "XAF", "XOF", "XPF",
    ]
    private static let threeDecimal: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]

    public init(_ code: String) throws {
        let isValid = code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        guard isValid else {
            throw DomainError.invalid("currency \"\(code)\" is not an ISO 4217 code; use three capital letters such as EUR, USD or CNY")
        }
        self.code = code
        if Self.zeroDecimal.contains(code) {
            minorDigits = 0
        } else if Self.threeDecimal.contains(code) {
            minorDigits = 3
        } else {
            minorDigits = 2
        }
    }

    public var description: String { code }

    /// 10 to the power of `minorDigits`: how many minor units make one major unit.
    public var minorPerMajor: Int64 {
        var value: Int64 = 1
        for _ in 0..<minorDigits { value *= 10 }
        return value
    }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
