/// A refused input or a broken business rule, told as one sentence that names the offending value and what
/// would be valid.
///
/// The command-line layer prints `description` on stderr and maps `kind` to an exit code
/// (`invalidInput` → 65, `refused` → 1, `notFound` → 1).
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why the input was refused.
    public enum Kind: String, Sendable {
        /// The value itself is malformed (a date like 2027-02-30, an amount like "12,50").
        case invalidInput
        /// The value is well formed but a business rule forbids it (approving twice, a closed night).
        case refused
        /// The value names something that does not exist (an unknown company code).
        case notFound
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    public static func invalid(_ description: String) -> DomainError { DomainError(.invalidInput, description) }
    public static func refused(_ description: String) -> DomainError { DomainError(.refused, description) }
    public static func notFound(_ description: String) -> DomainError { DomainError(.notFound, description) }
}
