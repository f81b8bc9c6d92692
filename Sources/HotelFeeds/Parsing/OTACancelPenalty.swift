/// `CancelPenalty`: the cancellation policy sent with the booking.
///
/// Rule: kept as information; the hotel's own policy applies. Example: AlpineBits' text "Cancellation is
/// handled by hotel. ...".
public struct OTACancelPenalty: Sendable, Equatable, Codable {
    /// `PolicyCode`, e.g. `"NR"`.
    public var policyCode: String?
    /// `NonRefundable`, e.g. `"true"`.
    public var nonRefundable: String?
    /// `PenaltyDescription/Text` elements.
    public var descriptions: [String] = []

    /// An empty penalty.
    public init() {}
}
