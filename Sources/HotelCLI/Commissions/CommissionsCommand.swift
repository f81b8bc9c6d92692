import ArgumentParser
import Foundation
import HotelDomain
import HotelFiles
import HotelStore

/// `hotelsales commissions due|check|approve|export-payments|tax-rate`
struct CommissionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commissions",
        abstract: "Commission due, statement checks, approvals and payments.",
        discussion: """
            Check an intermediary's statement claim by claim before paying it: each line is OK or gets a reason
            code (see 'commissions check --help'); approve the lines to pay and export the payment file.
            """,
        subcommands: [
            CommissionsDue.self, CommissionsCheck.self, CommissionsApprove.self, CommissionsExportPayments.self,
            CommissionsTaxRate.self,
        ])
}

struct CommissionsDue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "What the hotel owes an intermediary, booking by booking, with the arithmetic.",
        discussion: """
            Lists the intermediary's bookings departing from --from to --to (both days included): stayed nights,
            the nights counted (within the terms, on commissionable rate plans, up to the cap), the revenue and
            the commission due. Cancelled, no-show and never checked-in bookings owe nothing.
            Example: hotelsales commissions due --intermediary TRAVELCO --from 2027-05-01 --to 2027-05-31
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Intermediary code.") var intermediary: String
    @Option(help: "First departure date (YYYY-MM-DD).") var from: String
    @Option(help: "Last departure date (YYYY-MM-DD).") var to: String
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let code = try Parse.code(intermediary, "intermediary code")
        let range = try NightRange(first: Parse.date(from), last: Parse.date(to))
        let database = try global.open()
        let currency = try database.hotel().currency
        let (found, taxRate, lines) = try database.commissionDue(code, departures: range)
        var table = Table(columns: [
            .init(key: "confirmation", title: "CONFIRMATION"), .init(key: "channelReference", title: "CHANNEL ID"),
            .init(key: "guest", title: "GUEST"), .init(key: "arrival", title: "ARRIVAL"),
            .init(key: "departure", title: "DEPARTURE"), .init(key: "status", title: "STATUS"),
            .init(key: "nightsStayed", title: "STAYED", alignRight: true),
            .init(key: "nightsCounted", title: "COUNTED", alignRight: true),
            .init(key: "revenue", title: "REVENUE", alignRight: true),
            .init(key: "due", title: "DUE", alignRight: true),
            .init(key: "dueMinor", title: "MINOR", alignRight: true), .init(key: "paidInStatement", title: "PAID"),
            .init(key: "arithmetic", title: "ARITHMETIC"),
        ])
        table.rows = lines.map { line in
            let reservation = line.reservation
            let notes = line.due.notes.isEmpty ? "" : " (" + line.due.notes.joined(separator: "; ") + ")"
            return [
                .text(reservation.confirmation), .text(reservation.channelReference), .text(reservation.guestName),
                .text(reservation.stay.arrival.description), .text(reservation.stay.departure.description),
                .text(reservation.status.rawValue), .integer(Int64(line.due.stayedNights.count)),
                .integer(Int64(line.due.countedNights)), .text(line.due.stayRevenue.decimalText),
                .text(line.due.amount.decimalText), .integer(line.due.amount.minorUnits),
                .text(line.paidInStatement.map(String.init)), .text(line.due.arithmetic + notes),
            ]
        }
        let total = lines.reduce(Money.zero(currency)) { $0 + $1.due.amount }
        let summary =
            "Due to \(found.code) (\(found.terms.summary); tax \(taxRate) included in prices) for stays departing \(range): \(total) on \(lines.count) booking\(lines.count == 1 ? "" : "s")."
        switch format {
        case .table: Console.out(table.render(.table) + "\n" + summary)
        case .csv:
            Console.out(table.render(.csv))
            Console.note(summary)
        case .json:
            let rows = table.rows.map { row in
                Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.key), row.map(\.json)))
            }
            Console.out(
                Table.json([
                    "intermediary": found.code.rawValue, "terms": found.terms.summary, "taxRate": taxRate.description,
                    "from": range.first.description, "to": range.last.description, "bookings": rows,
                    "total": QuoteDocument.money(total),
                ]))
        }
    }
}

struct CommissionsCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a commission statement claim by claim: OK or a reason code, claimed vs due.",
        discussion: """
            The statement is a CSV file with the columns booking_reference (hotel confirmation or channel id),
            guest, arrival, departure, room_revenue, commission_claimed, currency (README: Commission checks).
            The checked statement is stored under the id printed first, for 'commissions approve'. A malformed
            line is reported with its line number and the rest are checked. Differences up to 0.01 (one minor
            unit) a line are rounding.
            Reason codes: \(ClaimReason.allCases.map { "\($0.rawValue) (\($0.meaning))" }.joined(separator: "; ")).
            Exit codes: 0 every line OK, 3 a line is disputed, 1 refused (unknown intermediary, a currency
            without --exchange-rate), 65 unreadable statement.
            Example: hotelsales commissions check --intermediary TRAVELCO --statement channel-feeds/statements/TRAVELCO-2027-05.csv
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Intermediary code.") var intermediary: String
    @Option(help: "The statement CSV file.") var statement: String
    @Option(help: "CUR=RATE: one unit of the statement's currency CUR in the hotel's currency, e.g. USD=7.1234.")
    var exchangeRate: [String] = []
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let code = try Parse.code(intermediary, "intermediary code")
        let database = try global.open()
        let hotel = try database.hotel()
        let rates = try exchangeRate.map { try ExchangeRate(parsing: $0, to: hotel.currency) }
        _ = try database.intermediary(code)
        let lines = try CommissionStatementFile.load(path: statement)
        let report = try database.checkStatement(
            intermediary: code, fileName: (statement as NSString).lastPathComponent, lines: lines, exchangeRates: rates,
            today: global.currentDate(for: hotel), by: global.author)
        Console.out(CommissionReportRendering.render(report, format))
        if report.linesDisputed > 0 { throw ExitCode(ExitStatus.discrepancies) }
    }
}

enum CommissionReportRendering {
    static func render(_ report: CommissionStatementReport, _ format: OutputFormat) -> String {
        var table = Table(columns: [
            .init(key: "line", title: "LINE", alignRight: true), .init(key: "reference", title: "REFERENCE"),
            .init(key: "confirmation", title: "CONFIRMATION"), .init(key: "guest", title: "GUEST"),
            .init(key: "result", title: "RESULT"), .init(key: "claimed", title: "CLAIMED", alignRight: true),
            .init(key: "due", title: "DUE", alignRight: true),
            .init(key: "difference", title: "DIFFERENCE", alignRight: true),
            .init(key: "explanation", title: "EXPLANATION"),
        ])
        table.rows = report.results.map { result in
            [
                .integer(Int64(result.line)), .text(result.reference), .text(result.confirmation), .text(result.guest),
                .text(result.reason?.rawValue ?? "OK"), .text(result.claimed.decimalText),
                .text(result.due.decimalText),
                .text(result.difference.decimalText), .text(result.explanation),
            ]
        }
        let totals =
            "Statement \(report.id) (\(report.fileName), \(report.intermediary.code)): claimed \(report.claimed), due \(report.due), difference \(report.difference); \(report.linesOK) line\(report.linesOK == 1 ? "" : "s") OK, \(report.linesDisputed) disputed."
        switch format {
        case .table:
            let codes = Set(report.results.compactMap(\.reason))
            let legend = ClaimReason.allCases.filter(codes.contains).map { "  \($0.rawValue): \($0.meaning)" }
            return ([table.render(.table), totals] + (legend.isEmpty ? [] : ["Reason codes:"] + legend)).joined(
                separator: "\n")
        case .csv:
            Console.note(totals)
            return table.render(.csv)
        case .json:
            let lines = report.results.map { result -> [String: Any] in
                [
                    "line": result.line, "reference": result.reference, "confirmation": result.confirmation ?? NSNull(),
                    "guest": result.guest, "result": result.reason?.rawValue ?? "OK",
                    "meaning": result.reason?.meaning ?? NSNull(), "explanation": result.explanation,
                    "arithmetic": result.arithmetic, "claimed": QuoteDocument.money(result.claimed),
                    "due": QuoteDocument.money(result.due), "difference": QuoteDocument.money(result.difference),
                ]
            }
            return Table.json([
                "statementId": report.id, "intermediary": report.intermediary.code.rawValue, "file": report.fileName,
                "lines": lines,
                "totals": [
                    "claimed": QuoteDocument.money(report.claimed), "due": QuoteDocument.money(report.due),
                    "difference": QuoteDocument.money(report.difference), "linesOK": report.linesOK,
                    "linesDisputed": report.linesDisputed,
                ] as [String: Any],
            ])
        }
    }
}

struct CommissionsApprove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a checked statement's lines for payment, so they can never be paid twice.",
        discussion: """
            Without --lines, every OK line not yet approved; with --lines, exactly those lines (a disputed line
            is paid what is due on it). An approved line pays the smaller of claimed and due; a later statement
            that claims the same booking gets ALREADY_PAID. Audited.
            Example: hotelsales commissions approve --statement-id 2 --lines 2,3,9
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The id printed by 'commissions check'.") var statementId: Int64
    @Option(parsing: .upToNextOption, help: "Line numbers, e.g. 2,3,9 or 2 3 9.") var lines: [String] = []

    func run() throws {
        let numbers = try lines.flatMap { $0.split(separator: ",") }.map { text -> Int in
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)), number > 1 else {
                throw DomainError.invalid(
                    "line \"\(text)\" is not a statement line number; give numbers from 2 (the header is line 1)")
            }
            return number
        }
        let database = try global.open()
        let approved = try database.approveClaims(
            statement: statementId, lines: numbers.isEmpty ? nil : numbers, by: global.author)
        guard let first = approved.first else { return }
        let total = approved.dropFirst().reduce(first.approved) { $0 + $1.approved }
        Console.out(
            "Approved \(approved.count) line\(approved.count == 1 ? "" : "s") of statement \(statementId) for \(first.intermediary): \(total) (lines \(approved.map { String($0.line) }.joined(separator: ", ")))."
        )
    }
}

struct CommissionsExportPayments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-payments",
        abstract: "Write the approved lines of a statement as a payment CSV file.",
        discussion: """
            Columns: statement_id, line, intermediary, intermediary_name, iata, booking_reference, confirmation,
            guest, arrival, departure, claimed, amount, amount_minor, currency, approved_at, approved_by.
            Example: hotelsales commissions export-payments --statement-id 2 --out payments-TRAVELCO-2027-05.csv
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The id printed by 'commissions check'.") var statementId: Int64
    @Option(help: "The CSV file to write.") var out: String

    func run() throws {
        let database = try global.open()
        let claims = try database.approvedClaims(statement: statementId)
        var table = Table(
            columns: [
                "statement_id", "line", "intermediary", "intermediary_name", "iata", "booking_reference",
                "confirmation",
                "guest", "arrival", "departure", "claimed", "amount", "amount_minor", "currency", "approved_at",
                "approved_by",
            ].map { Table.Column(key: $0, title: $0) })
        table.rows = claims.map { claim in
            [
                .integer(claim.statementID), .integer(Int64(claim.line)), .text(claim.intermediary.rawValue),
                .text(claim.intermediaryName), .text(claim.iata), .text(claim.reference), .text(claim.confirmation),
                .text(claim.guest), .text(claim.arrival), .text(claim.departure), .text(claim.claimed.decimalText),
                .text(claim.approved.decimalText), .integer(claim.approved.minorUnits),
                .text(claim.approved.currency.code),
                .text(claim.approvedAt), .text(claim.approvedBy),
            ]
        }
        try FileOutput.write(table.render(.csv), to: out)
        let total = claims.dropFirst().reduce(claims[0].approved) { $0 + $1.approved }
        Console.out(
            "Wrote \(claims.count) payment line\(claims.count == 1 ? "" : "s") of statement \(statementId), \(total), to \(out)."
        )
    }
}

struct CommissionsTaxRate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tax-rate",
        abstract: "Show or set the tax rate included in the hotel's prices (for commission net of tax).",
        discussion: """
            The hotel's prices include tax; commission on room revenue net of tax takes it out:
            net = price ÷ (1 + rate), rounded half away from zero. 0% until set.
            Example: hotelsales commissions tax-rate 6%
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new rate, e.g. 6% (omit to show the current one).") var rate: String?

    func run() throws {
        let database = try global.open()
        guard let rate else {
            Console.out(try database.commissionTaxRate().description)
            return
        }
        let value = try BasisPoints(parsing: rate)
        let changed = try database.setCommissionTaxRate(value, by: global.author)
        Console.out(
            changed ? "Tax rate included in prices set to \(value)." : "Tax rate is already \(value); nothing changed.")
    }
}
