import ArgumentParser
import Foundation
import HotelDomain
import HotelStore

/// `hotelsales ar post|pay|statement|aging|dunning`: the receivable accounts of agreement companies.
struct ARCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ar",
        abstract: "Receivables of agreement companies: post direct-bill charges, record payments, age and dun.",
        discussion: """
            Invoices are due the company's payment terms after they are issued and age from that due date.
            Payments go to the invoices named with --apply-to, else oldest due first; what is left is a credit
            on the account that pays the next invoice. Direct-bill stays are posted automatically at check-out.
            """,
        subcommands: [ARPost.self, ARPay.self, ARStatement.self, ARAging.self, ARDunning.self])
}

struct ARPost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post",
        abstract: "Post the direct-bill charges of a checked-out stay to the company's account; prints the invoice number.",
        discussion: """
            Without --amount the stay's total is posted (once; check-out already does it for direct-bill stays);
            with --amount an extra charge signed to the account is posted.
            Example: hotelsales ar post --company ACME --booking SHBUND-0000001 --amount 320.00
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Company code.") var company: String
    @Option(help: "Confirmation number of the checked-out stay.") var booking: String
    @Option(help: "Amount to post instead of the stay's total (an extra charge).") var amount: String?

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try global.currentDate(for: hotel)
        let code = try Parse.code(company, "company code")
        let value = try amount.map { try Parse.money($0, hotel.currency) }
        let invoice = try database.postCharges(company: code, booking: booking, amount: value, today: today, by: global.author)
        Console.out(invoice.number)
        Console.note(
            "Posted \(invoice.number) to \(invoice.company): \(invoice.amount), issued \(invoice.issuedOn), due \(invoice.dueOn)\(invoice.paid.minorUnits > 0 ? ", \(invoice.paid.decimalText) paid from credit on account" : "").")
    }
}

struct ARPay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Record a payment from a company; prints the payment number.",
        discussion: """
            The amount is in the hotel's currency (--currency names another one only to be refused: convert first).
            Example: hotelsales ar pay --company ACME --amount 5000.00 --date 2027-04-10 --reference TT-88812 --apply-to AR-000001
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Company code.") var company: String
    @Option(parsing: .unconditional, help: "Amount received, e.g. 5000.00.") var amount: String
    @Option(help: "Currency of the amount (default: the hotel's).") var currency: String?
    @Option(help: "Day the payment was received (YYYY-MM-DD).") var date: String
    @Option(help: "The payer's reference (bank transfer, cheque).") var reference: String?
    @Option(parsing: .upToNextOption, help: "Invoice numbers to pay first, in order (default: oldest due first).")
    var applyTo: [String] = []

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try global.currentDate(for: hotel)
        var text = amount.trimmingCharacters(in: .whitespaces)
        var currencyCode = currency
        // "5000.00 USD" names its currency too.
        let parts = text.split(separator: " ")
        if parts.count == 2 {
            text = String(parts[0])
            currencyCode = String(parts[1])
        }
        let paymentCurrency = try currencyCode.map { try Currency($0) } ?? hotel.currency
        let value = try Parse.money(text, paymentCurrency)
        guard value.minorUnits > 0 else {
            throw DomainError.invalid("payment amount \(amount) is not positive; record a payment of more than 0")
        }
        let request = try PaymentRequest(
            company: Parse.code(company, "company code"), amount: value, receivedOn: Parse.date(date), reference: reference,
            applyTo: applyTo)
        let (payment, shares) = try database.recordPayment(request, today: today, by: global.author)
        Console.out(payment.number)
        let applied = shares.map { "\($0.amount.decimalText) to \($0.invoice)" }.joined(separator: ", ")
        Console.note(
            "Recorded \(payment.number) from \(payment.company): \(payment.amount) on \(payment.receivedOn)\(applied.isEmpty ? "" : "; applied \(applied)")\(payment.unapplied.minorUnits > 0 ? "; \(payment.unapplied) left as credit on account" : "").")
    }
}

struct ARStatement: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "A company's statement: invoices and payments with the running balance, open items and balance.",
        discussion: "Example: hotelsales ar statement ACME --as-of 2027-04-30 --format json")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Company code.") var company: String
    @Option(help: "Statement date (default: today).") var asOf: String?
    @Option(help: "table, csv (the entries) or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let asOfDate = try asOf.map(Parse.date) ?? global.currentDate(for: hotel)
        let statement = try database.statement(company: Parse.code(company, "company code"), asOf: asOfDate)
        var entries = Table(columns: [
            .init(key: "date", title: "DATE"), .init(key: "kind", title: "ENTRY"), .init(key: "number", title: "NUMBER"),
            .init(key: "reference", title: "REFERENCE"), .init(key: "due", title: "DUE"),
            .init(key: "amount", title: "AMOUNT", alignRight: true), .init(key: "amountMinor", title: "MINOR", alignRight: true),
            .init(key: "balance", title: "BALANCE", alignRight: true),
        ])
        entries.rows = statement.entries.map { entry in
            [
                .text(entry.date.description), .text(entry.kind.rawValue), .text(entry.number), .text(entry.reference),
                .text(entry.dueOn?.description), .text(entry.amount.decimalText), .integer(entry.amount.minorUnits),
                .text(entry.balance.decimalText),
            ]
        }
        var open = Table(columns: [
            .init(key: "invoice", title: "INVOICE"), .init(key: "booking", title: "STAY"), .init(key: "issued", title: "ISSUED"),
            .init(key: "due", title: "DUE"), .init(key: "daysPastDue", title: "DAYS PAST DUE", alignRight: true),
            .init(key: "amount", title: "AMOUNT", alignRight: true), .init(key: "paid", title: "PAID", alignRight: true),
            .init(key: "open", title: "OPEN", alignRight: true), .init(key: "openMinor", title: "MINOR", alignRight: true),
        ])
        open.rows = statement.openInvoices.map { invoice in
            [
                .text(invoice.number), .text(invoice.confirmation), .text(invoice.issuedOn.description), .text(invoice.dueOn.description),
                .integer(Int64(max(0, invoice.daysPastDue(asOf: asOfDate)))), .text(invoice.amount.decimalText),
                .text(invoice.paid.decimalText), .text(invoice.open.decimalText), .integer(invoice.open.minorUnits),
            ]
        }
        switch format {
        case .csv: Console.out(entries.render(.csv))
        case .json:
            Console.out(
                Table.json([
                    "company": statement.company.code.rawValue, "asOf": asOfDate.description,
                    "balance": QuoteDocument.money(statement.balance), "credit": QuoteDocument.money(statement.credit),
                    "creditLimit": QuoteDocument.money(statement.company.creditLimit),
                    "paymentTermsDays": statement.company.paymentTermsDays,
                    "entries": entries.objects, "openItems": open.objects,
                ]))
        case .table:
            let company = statement.company
            Console.out(
                [
                    "Statement of account \(company.code) \(company.name) as of \(asOfDate) (terms \(company.paymentTermsDays) days, credit limit \(company.creditLimit))",
                    "", entries.render(.table), "", "Open items:", open.render(.table), "",
                    statement.credit.minorUnits > 0 ? "Credit on account (unapplied payments): \(statement.credit)" : nil,
                    "Balance: \(statement.balance)",
                ].compactMap { $0 }.joined(separator: "\n"))
        }
    }
}

struct ARAging: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aging",
        abstract: "Per company: open amounts current, 1-30, 31-60, 61-90 and 90+ days past due, credit limit, utilisation.",
        discussion: "Example: hotelsales ar aging --as-of 2027-06-30 --format csv")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Aging date (default: today).") var asOf: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let asOfDate = try asOf.map(Parse.date) ?? global.currentDate(for: hotel)
        let lines = try database.aging(asOf: asOfDate)
        var table = Table(
            columns: [.init(key: "company", title: "COMPANY")]
                + AgingBucket.allCases.map { .init(key: Self.key($0), title: $0.title.uppercased(), alignRight: true) }
                + [
                    .init(key: "credit", title: "CREDIT", alignRight: true), .init(key: "balance", title: "BALANCE", alignRight: true),
                    .init(key: "balanceMinor", title: "MINOR", alignRight: true),
                    .init(key: "creditLimit", title: "LIMIT", alignRight: true),
                    .init(key: "utilisation", title: "USED", alignRight: true),
                ])
        let currency = hotel.currency
        var totals = Array(repeating: Money.zero(currency), count: AgingBucket.allCases.count)
        var credit = Money.zero(currency)
        for line in lines {
            for index in totals.indices { totals[index] = totals[index] + line.buckets[index] }
            credit = credit + line.credit
            table.rows.append(
                [.text(line.company.rawValue)] + line.buckets.map { .text($0.decimalText) } + [
                    .text(line.credit.decimalText), .text(line.balance.decimalText), .integer(line.balance.minorUnits),
                    .text(line.creditLimit.decimalText), .text(line.utilisation?.description ?? "no credit"),
                ])
        }
        if format == .table, !lines.isEmpty {
            let balance = totals.reduce(Money.zero(currency), +) - credit
            table.rows.append(
                [.text("TOTAL")] + totals.map { .text($0.decimalText) } + [
                    .text(credit.decimalText), .text(balance.decimalText), .integer(balance.minorUnits), .text(nil), .text(nil),
                ])
        }
        Console.out(table.render(format))
    }

    static func key(_ bucket: AgingBucket) -> String {
        switch bucket {
        case .current: "current"
        case .days1to30: "days1to30"
        case .days31to60: "days31to60"
        case .days61to90: "days61to90"
        case .over90: "over90"
        }
    }
}

struct ARDunning: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dunning",
        abstract: "Who to chase and at which reminder level; with --out, a Markdown reminder letter per company.",
        discussion: """
            Levels by the oldest overdue invoice: 1 first reminder (1-30 days past due), 2 second reminder (31-60),
            3 final notice (61-90), 4 collection (90+).
            Example: hotelsales ar dunning --as-of 2027-06-30 --out letters/
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Dunning date (default: today).") var asOf: String?
    @Option(help: "Folder to write one Markdown letter per company into (created if missing).") var out: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let asOfDate = try asOf.map(Parse.date) ?? global.currentDate(for: hotel)
        let letters = try database.dunning(asOf: asOfDate)
        var table = Table(columns: [
            .init(key: "company", title: "COMPANY"), .init(key: "name", title: "NAME"), .init(key: "level", title: "LEVEL", alignRight: true),
            .init(key: "action", title: "ACTION"), .init(key: "oldestDaysPastDue", title: "OLDEST", alignRight: true),
            .init(key: "overdue", title: "OVERDUE", alignRight: true), .init(key: "contact", title: "CONTACT"),
            .init(key: "letter", title: "LETTER"),
        ])
        if let out {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw DomainError.refused("cannot create folder \(out): \(error.localizedDescription)")
            }
        }
        for letter in letters {
            let overdue = letter.openInvoices.filter { $0.daysPastDue(asOf: asOfDate) > 0 }
            let oldest = overdue.map { $0.daysPastDue(asOf: asOfDate) }.max() ?? 0
            var path: String?
            if let out {
                path = URL(fileURLWithPath: out).appendingPathComponent(letter.fileName).path
                try FileOutput.write(letter.markdown, to: path ?? letter.fileName)
            }
            table.rows.append([
                .text(letter.company.code.rawValue), .text(letter.company.name), .integer(Int64(letter.level.rawValue)),
                .text(letter.level.title), .integer(Int64(oldest)),
                .text(overdue.reduce(Money.zero(hotel.currency)) { $0 + $1.open }.decimalText),
                .text(letter.company.email ?? letter.company.phone), .text(path),
            ])
        }
        Console.out(table.render(format))
        if let out { Console.note("Wrote \(letters.count) reminder letter\(letters.count == 1 ? "" : "s") to \(out).") }
    }
}

extension Table {
    /// The rows as JSON objects keyed by column key, for reports that nest several tables in one document.
    var objects: [[String: Any]] {
        rows.map { row in Dictionary(uniqueKeysWithValues: zip(columns.map(\.key), row.map(\.json))) }
    }
}
