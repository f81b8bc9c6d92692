/// Why a claimed commission line is disputed: a stable code and a one-line explanation of it.
///
/// Rule: a line gets one code, tested in the order of `allCases`, the first that applies; a line that passes
/// every test is OK. `malformed` is a line the statement reader could not read.
public enum ClaimReason: String, Sendable, CaseIterable, Codable {
    case malformed = "MALFORMED"
    case duplicateClaim = "DUPLICATE_CLAIM"
    case unknownBooking = "UNKNOWN_BOOKING"
    case agentMismatch = "AGENT_MISMATCH"
    case alreadyPaid = "ALREADY_PAID"
    case noStay = "NO_STAY"
    case outsideTerms = "OUTSIDE_TERMS"
    case notCommissionable = "NOT_COMMISSIONABLE"
    case stayChanged = "STAY_CHANGED"
    case wrongBase = "WRONG_BASE"
    case overCap = "OVER_CAP"
    case wrongPercent = "WRONG_PERCENT"
    case amountMismatch = "AMOUNT_MISMATCH"

    /// What the code means, in one line.
    public var meaning: String {
        switch self {
        case .malformed: "the line cannot be read (a missing or malformed value)"
        case .duplicateClaim: "the booking is claimed on an earlier line of this statement"
        case .unknownBooking: "no booking has this confirmation number or channel id"
        case .agentMismatch: "the booking belongs to another intermediary or to none"
        case .alreadyPaid: "the booking's commission was approved in an earlier statement"
        case .noStay: "the booking was cancelled, a no-show, or never checked in"
        case .outsideTerms: "the stay is outside the contract's validity dates"
        case .notCommissionable: "the booking's rate plan is not commissionable"
        case .stayChanged: "the nights or the room revenue differ from the stay as it happened"
        case .wrongBase: "claimed on tax-inclusive revenue or on revenue including extras"
        case .overCap: "claimed on more nights than the contract's cap"
        case .wrongPercent: "claimed at a percent different from the contract's"
        case .amountMismatch: "the claim differs from the amount due beyond rounding"
        }
    }
}
