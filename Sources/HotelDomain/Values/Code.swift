/// A short business code: hotel, room type, rate plan, company, channel or group code.
///
/// Rule: 1 to 20 characters of capital letters, digits, `-` and `_`, starting with a letter or digit; input
/// is upper-cased first, so `acme` is the code `ACME`. Example: `GRP-TECH`, `DLX`, `BAR`.
public struct Code: Hashable, Sendable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ text: String, of what: String = "code") throws {
        let upper = text.uppercased()
        let bytes = Array(upper.utf8)
        let allowed: (UInt8) -> Bool = { byte in
            (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95
        }
        guard (1...20).contains(bytes.count), bytes.allSatisfy(allowed), bytes[0] != 45, bytes[0] != 95 else {
            throw DomainError.invalid(
                "\(what) \"\(text)\" is not valid; use 1 to 20 letters, digits, '-' or '_', starting with a letter or digit")
        }
        rawValue = upper
    }

    /// For literals in code and tests; an invalid literal is a programming error caught by the first test run.
    public init(stringLiteral value: String) {
        rawValue = value.uppercased()
    }

    public static func < (lhs: Code, rhs: Code) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The identifier of a stored agreement, as printed by `agreements add` and typed into `agreements approve ID`.
public struct AgreementID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public init(parsing text: String) throws {
        guard let value = Int64(text), value > 0 else {
            throw DomainError.invalid("agreement id \"\(text)\" is not valid; use the number printed by 'agreements add', e.g. 1")
        }
        rawValue = value
    }

    public static func < (lhs: AgreementID, rhs: AgreementID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}
