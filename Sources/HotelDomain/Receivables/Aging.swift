/// The aging buckets of open receivables, by days past the due date.
///
/// Rule: not yet due (0 days or fewer past due) is current; then 1–30, 31–60, 61–90 and over 90 days past due.
/// Example: an invoice due 2027-04-02 is current on 2027-04-02, 1–30 on 2027-04-03 and 90+ on 2027-07-02.
public enum AgingBucket: Int, Sendable, CaseIterable, Comparable {
    case current, days1to30, days31to60, days61to90, over90

    public init(daysPastDue days: Int) {
        switch days {
        case ...0: self = .current
        case 1...30: self = .days1to30
        case 31...60: self = .days31to60
        case 61...90: self = .days61to90
        default: self = .over90
        }
    }

    public var title: String {
        switch self {
        case .current: "current"
        case .days1to30: "1-30"
        case .days31to60: "31-60"
        case .days61to90: "61-90"
        case .over90: "90+"
        }
    }

    public static func < (lhs: AgingBucket, rhs: AgingBucket) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One company's line of the aging report.
///
/// Rule: the buckets hold open invoice amounts; unapplied payments are a credit; the balance is invoices less
/// payments (buckets less credit); utilisation is the balance against the credit limit.
public struct AgingLine: Hashable, Sendable {
    public var company: Code
    public var name: String
    /// Open amounts per bucket, in `AgingBucket` order.
    public var buckets: [Money]
    public var credit: Money
    public var creditLimit: Money
    /// Days past due of the oldest open invoice (0 when nothing is overdue).
    public var oldestDaysPastDue: Int

    public init(company: Code, name: String, buckets: [Money], credit: Money, creditLimit: Money, oldestDaysPastDue: Int) {
        self.company = company
        self.name = name
        self.buckets = buckets
        self.credit = credit
        self.creditLimit = creditLimit
        self.oldestDaysPastDue = oldestDaysPastDue
    }

    public var open: Money { buckets.dropFirst().reduce(buckets[0], +) }
    public var overdue: Money { buckets.dropFirst().reduce(.zero(credit.currency), +) }
    public var balance: Money { open - credit }
    /// Balance as a share of the credit limit; nil for a company without credit (limit 0).
    public var utilisation: BasisPoints? { ProductionRule.ratio(balance.minorUnits, of: creditLimit.minorUnits) }
}

/// How hard to chase a company, from its oldest overdue invoice.
///
/// Rule: 1–30 days past due: first reminder; 31–60: second reminder; 61–90: final notice; over 90: direct billing
/// suspended and the account handed to collection. Example: 45 days past due → second reminder (level 2).
public enum DunningLevel: Int, Sendable, CaseIterable {
    case firstReminder = 1, secondReminder, finalNotice, collection

    public init?(daysPastDue days: Int) {
        switch days {
        case ...0: return nil
        case 1...30: self = .firstReminder
        case 31...60: self = .secondReminder
        case 61...90: self = .finalNotice
        default: self = .collection
        }
    }

    public var title: String {
        switch self {
        case .firstReminder: "first reminder"
        case .secondReminder: "second reminder"
        case .finalNotice: "final notice"
        case .collection: "collection"
        }
    }
}
