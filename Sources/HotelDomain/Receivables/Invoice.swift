/// A charge to an agreement company's receivable account: a direct-billed stay posted at check-out.
///
/// Rule: the invoice is due its company's payment terms after it is issued and ages from that due date; its open
/// amount is its amount less what payments have been applied to it. Example: AR-000001 for ACME, issued
/// 2027-03-03, 30 days → due 2027-04-02, 1564.00 CNY, 564.00 paid, 1000.00 open.
public struct Invoice: Hashable, Sendable {
    public var number: String
    public var company: Code
    public var confirmation: String?
    public var issuedOn: CalendarDate
    public var dueOn: CalendarDate
    public var amount: Money
    /// Applied payments (as of the date the invoice was read for).
    public var paid: Money

    public init(
        number: String, company: Code, confirmation: String?, issuedOn: CalendarDate, dueOn: CalendarDate,
        amount: Money, paid: Money
    ) {
        self.number = number
        self.company = company
        self.confirmation = confirmation
        self.issuedOn = issuedOn
        self.dueOn = dueOn
        self.amount = amount
        self.paid = paid
    }

    public var open: Money { amount - paid }

    /// The due date of an invoice issued on `issuedOn` with `termsDays` days of payment terms.
    public static func dueDate(issuedOn: CalendarDate, termsDays: Int) -> CalendarDate { issuedOn.adding(days: termsDays) }

    /// Days past due on `asOf` (0 or negative: not yet due).
    public func daysPastDue(asOf: CalendarDate) -> Int { dueOn.days(until: asOf) }
}

/// A payment received from a company.
public struct Payment: Hashable, Sendable {
    public var number: String
    public var company: Code
    public var receivedOn: CalendarDate
    public var amount: Money
    public var reference: String?
    /// Not applied to any invoice yet: a credit on the account.
    public var unapplied: Money

    public init(number: String, company: Code, receivedOn: CalendarDate, amount: Money, reference: String?, unapplied: Money) {
        self.number = number
        self.company = company
        self.receivedOn = receivedOn
        self.amount = amount
        self.reference = reference
        self.unapplied = unapplied
    }
}

/// How a payment (or a credit on account) is spread over open invoices.
///
/// Rule: the invoices named with `--apply-to` are paid first, in the order given; without them, open invoices are
/// paid oldest due date first (then oldest number). Each invoice takes at most its open amount; what is left is a
/// credit on the account. Example: 5000.00 against open 3000.00 (due 03-01) and 4000.00 (due 04-01) pays 3000.00
/// and 2000.00; 8000.00 pays both and leaves 1000.00 credit.
public enum PaymentAllocation {
    public struct Share: Hashable, Sendable {
        public var invoice: String
        public var amount: Money
    }

    /// `openItems` are (invoice number, due date, open amount); `applyTo` empty means oldest first.
    public static func allocate(
        _ amount: Money, openItems: [(number: String, dueOn: CalendarDate, open: Money)], applyTo: [String]
    ) -> (shares: [Share], left: Money) {
        let ordered: [(number: String, dueOn: CalendarDate, open: Money)]
        if applyTo.isEmpty {
            ordered = openItems.sorted { ($0.dueOn, $0.number) < ($1.dueOn, $1.number) }
        } else {
            ordered = applyTo.compactMap { number in openItems.first { $0.number == number } }
        }
        var left = amount.minorUnits
        var shares: [Share] = []
        for item in ordered where left > 0 && item.open.minorUnits > 0 {
            let take = min(left, item.open.minorUnits)
            shares.append(Share(invoice: item.number, amount: Money(minorUnits: take, currency: amount.currency)))
            left -= take
        }
        return (shares, Money(minorUnits: left, currency: amount.currency))
    }
}
