/// One line of an intermediary's commission statement: the booking it claims for and the amount claimed.
///
/// Amounts are in the hotel's currency (converted at the statement's exchange rate when the line was in
/// another one; `originalClaimed` keeps what the statement said). Example: line 2, SHBUND-0000001, Chen Li,
/// 2027-05-10…2027-05-13, room revenue 2207.55, commission 220.76 CNY.
public struct CommissionClaim: Hashable, Sendable {
    /// The line number in the statement file (the header is line 1).
    public var line: Int
    /// The hotel's confirmation number or the channel's reservation id.
    public var reference: String
    public var guest: String
    public var arrival: CalendarDate
    public var departure: CalendarDate
    public var roomRevenue: Money
    public var claimed: Money
    /// The claimed amount as written, when the line was in another currency.
    public var originalClaimed: Money?

    public init(
        line: Int, reference: String, guest: String, arrival: CalendarDate, departure: CalendarDate, roomRevenue: Money,
        claimed: Money, originalClaimed: Money? = nil
    ) {
        self.line = line
        self.reference = reference
        self.guest = guest
        self.arrival = arrival
        self.departure = departure
        self.roomRevenue = roomRevenue
        self.claimed = claimed
        self.originalClaimed = originalClaimed
    }
}

/// What the hotel found about the booking a claim names, for `ClaimCheck`.
public enum ClaimedBooking: Hashable, Sendable {
    /// No booking has the reference.
    case unknown
    /// The booking, the intermediary it belongs to (nil: none), the statement whose approval paid it (nil:
    /// unpaid), and what is due on it.
    case found(Reservation, owner: Code?, paidInStatement: Int64?, due: CommissionDue)
}

/// The verdict on one claim: OK (`reason` nil) or a reason code, with the claimed and due amounts.
public struct ClaimResult: Hashable, Sendable {
    public var line: Int
    public var reference: String
    public var guest: String
    public var confirmation: String?
    /// nil: OK.
    public var reason: ClaimReason?
    /// One line saying what was found, e.g. "claimed 190.00 = 10% of 1900.00 including 6% tax; due 10% of 1792.45".
    public var explanation: String
    public var claimed: Money
    public var due: Money
    public var arithmetic: String

    public init(
        line: Int, reference: String, guest: String, confirmation: String?, reason: ClaimReason?, explanation: String,
        claimed: Money, due: Money, arithmetic: String
    ) {
        self.line = line
        self.reference = reference
        self.guest = guest
        self.confirmation = confirmation
        self.reason = reason
        self.explanation = explanation
        self.claimed = claimed
        self.due = due
        self.arithmetic = arithmetic
    }

    public var isOK: Bool { reason == nil }
    /// Claimed − due: positive when the intermediary claims more than it is owed.
    public var difference: Money { claimed - due }
}
