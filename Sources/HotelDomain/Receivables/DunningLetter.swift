/// A reminder letter to a company with overdue invoices, as Markdown.
///
/// Rule: the letter lists every open invoice with its due date and days past due, the total overdue, any credit on
/// account and the balance, and its tone follows the dunning level (a friendly first reminder … notice that direct
/// billing is suspended).
public struct DunningLetter: Sendable {
    public var hotelName: String
    public var company: Company
    public var level: DunningLevel
    public var asOf: CalendarDate
    public var openInvoices: [Invoice]
    public var credit: Money

    public init(hotelName: String, company: Company, level: DunningLevel, asOf: CalendarDate, openInvoices: [Invoice], credit: Money) {
        self.hotelName = hotelName
        self.company = company
        self.level = level
        self.asOf = asOf
        self.openInvoices = openInvoices
        self.credit = credit
    }

    public var fileName: String { "\(company.code.rawValue)-\(asOf)-reminder-\(level.rawValue).md" }

    public var markdown: String {
        let currency = credit.currency
        let open = openInvoices.reduce(Money.zero(currency)) { $0 + $1.open }
        let overdue = openInvoices.filter { $0.daysPastDue(asOf: asOf) > 0 }.reduce(Money.zero(currency)) { $0 + $1.open }
        var lines = [
            "# \(heading): account \(company.code)", "",
            "**\(hotelName)** · \(asOf)", "",
            "To: \(company.name)\(company.contactName.map { ", attn. \($0)" } ?? "")\(company.email.map { " <\($0)>" } ?? "")",
            "", "Dear \(company.contactName ?? "Sir or Madam"),", "", opening, "",
            "| Invoice | Stay | Issued | Due | Days past due | Open |",
            "|---|---|---|---|---:|---:|",
        ]
        for invoice in openInvoices {
            lines.append(
                "| \(invoice.number) | \(invoice.confirmation ?? "") | \(invoice.issuedOn) | \(invoice.dueOn) | \(max(0, invoice.daysPastDue(asOf: asOf))) | \(invoice.open.decimalText) |")
        }
        lines += ["", "Overdue: **\(overdue)**  ", "Open in total: \(open)  "]
        if credit.minorUnits > 0 { lines.append("Credit on account (unapplied payments): \(credit)  ") }
        lines.append("Balance: **\(open - credit)**")
        lines += ["", closing, "", "Sales office, \(hotelName)", ""]
        return lines.joined(separator: "\n")
    }

    private var heading: String {
        switch level {
        case .firstReminder: "Payment reminder"
        case .secondReminder: "Second payment reminder"
        case .finalNotice: "Final notice before suspension of direct billing"
        case .collection: "Direct billing suspended"
        }
    }

    private var opening: String {
        switch level {
        case .firstReminder:
            "Our records show the invoices below as past their due date. Perhaps this has crossed with your payment; if not, we would be grateful for settlement at your earliest convenience."
        case .secondReminder:
            "We wrote to you about the invoices below, which are now more than 30 days past due. Please arrange payment within 10 days."
        case .finalNotice:
            "Despite our earlier reminders the invoices below remain unpaid more than 60 days after their due date. Unless payment reaches us within 7 days, direct billing for your company will be suspended."
        case .collection:
            "The invoices below are more than 90 days past due. Direct billing for your company is suspended and the account is being passed to collection."
        }
    }

    private var closing: String {
        "If you have already paid, please send us the payment reference so that we can apply it. Kind regards,"
    }
}
