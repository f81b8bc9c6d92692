/// A line of a commission statement as read from its file: a claim in the statement's currency, or a line
/// that could not be read, with its line number and the reason.
public enum CommissionStatementLine: Hashable, Sendable {
    case claim(CommissionClaim, currency: Currency)
    /// What could be read of the line (reference and guest may be empty) and what is wrong with it.
    case malformed(line: Int, reference: String, guest: String, problem: String)

    public var line: Int {
        switch self {
        case .claim(let claim, _): claim.line
        case .malformed(let line, _, _, _): line
        }
    }
}
