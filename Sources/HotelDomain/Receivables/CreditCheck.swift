/// Whether a company may sign for more charges: credit control at booking time.
///
/// Rule: the company's receivable balance, plus the expected charges of its other open direct-bill bookings and the
/// unpicked rooms of its direct-bill group blocks,
/// plus the new booking's (or block's) expected charges must not exceed its credit limit; a limit of 0 means no
/// credit. Example: limit 20000.00, balance 15000.00, open bookings 2000.00, new booking 3128.00 → 20128.00
/// exceeds the limit by 128.00 and is refused unless overridden.
public struct CreditCheck: Hashable, Sendable {
    public var company: Code
    public var balance: Money
    public var openBookings: Money
    public var expected: Money
    public var limit: Money

    public init(company: Code, balance: Money, openBookings: Money, expected: Money, limit: Money) {
        self.company = company
        self.balance = balance
        self.openBookings = openBookings
        self.expected = expected
        self.limit = limit
    }

    public var exposure: Money { balance + openBookings + expected }
    public var exceedsLimit: Bool { exposure > limit }

    /// The refusal, with the figures (nil when within the limit).
    public var refusal: DomainError? {
        guard exceedsLimit else { return nil }
        return DomainError.refused(
            "direct billing to \(company) refused: balance \(balance) + open direct-bill bookings and blocks \(openBookings.decimalText) + expected charges \(expected.decimalText) = \(exposure.decimalText) exceeds the credit limit \(limit) by \((exposure - limit).decimalText); give --override-credit to book anyway (audited)")
    }

    /// The figures as an audit snapshot.
    public var snapshot: [String: String] {
        [
            "company": company.rawValue, "balance": balance.description, "openBookings": openBookings.description,
            "expected": expected.description, "creditLimit": limit.description, "exposure": exposure.description,
        ]
    }
}
