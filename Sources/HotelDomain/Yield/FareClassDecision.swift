/// Whether one fare class stays open on a night, with the numbers that decided it.
///
/// Produced by `ProtectionLevels.decisions(remainingCapacity:)`. The yield layer knows no dates or rate plan
/// codes: the caller supplies them to `reason(className:night:)`, e.g.
/// `close CORP on 2027-03-04: 12 rooms left, 14.3 (rounded 14) protected for higher classes`.
public struct FareClassDecision: Sendable, Hashable {
    /// The class's index, 0 being the highest fare.
    public let classIndex: Int
    /// Whether the class may still sell.
    public let isOpen: Bool
    /// Rooms left to sell when deciding.
    public let remainingCapacity: Int
    /// EMSR-b rooms protected for the higher classes, unrounded (0 for the highest class).
    public let protectedForHigherClasses: Double
    /// The same protection rounded to whole rooms, halves up; the decision uses this value.
    public let roundedProtectedForHigherClasses: Int
    /// The class's nested booking limit.
    public let bookingLimit: Int

    /// A one-line explanation for a sales manager.
    ///
    /// Example: `reason(className: "CORP", night: "2027-03-04")` on a closed class gives
    /// `close CORP on 2027-03-04: 12 rooms left, 14.3 (rounded 14) protected for higher classes`; an open one
    /// `keep CORP open on 2027-03-04: 40 rooms left, 14.3 (rounded 14) protected for higher classes`.
    public func reason(className: String, night: String? = nil) -> String {
        let when = night.map { " on \($0)" } ?? ""
        let verb = isOpen ? "keep \(className) open\(when)" : "close \(className)\(when)"
        guard remainingCapacity > 0 else { return "\(verb): no rooms left" }
        let left = remainingCapacity == 1 ? "1 room left" : "\(remainingCapacity) rooms left"
        guard classIndex > 0 else { return "\(verb): highest fare class, \(left)" }
        return
            "\(verb): \(left), \(Self.oneDecimal(protectedForHigherClasses)) (rounded "
            + "\(roundedProtectedForHigherClasses)) protected for higher classes"
    }

    /// `value` (≥ 0) with one decimal, rounded half up: 14.25 → "14.3".
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int(min(max(value, 0), 1e15) * 10 + 0.5)
        return "\(tenths / 10).\(tenths % 10)"
    }
}
