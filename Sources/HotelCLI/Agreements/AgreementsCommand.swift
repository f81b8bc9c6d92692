import ArgumentParser
import Foundation
import HotelDomain
import HotelStore

/// `hotelsales agreements add|list|show|submit|approve|terminate|contract`
struct AgreementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreements",
        abstract: "Draft, approve and print contracts with agreement companies.",
        discussion: "Lifecycle: draft → submitted → approved (active within its dates, expired after) | terminated.",
        subcommands: [
            AgreementsAdd.self, AgreementsList.self, AgreementsShow.self, AgreementsSubmit.self, AgreementsApprove.self,
            AgreementsTerminate.self, AgreementsContract.self,
        ])
}

struct AgreementsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Draft an agreement; prints the new agreement id on stdout.",
        discussion: """
            Types and their terms:
              cumulative-room   negotiated room rates (rate-plan files naming the company), tiers by room-nights
              conference-room   --half-day AMOUNT --full-day AMOUNT (meeting room per day part)
              long-stay         --min-nights N --discount P% (off BAR for stays of N nights or more)
              direct-billing    [--billing-limit AMOUNT] [--payment-terms DAYS] (defaults: the company's)
            Example: hotelsales agreements add --company ACME --type cumulative-room --from 2027-01-01 --to 2027-12-31
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The company code.") var company: String
    @Option(help: "cumulative-room, conference-room, long-stay or direct-billing.") var type: String
    @Option(help: "First day of validity (YYYY-MM-DD).") var from: String
    @Option(help: "Last day of validity, included (YYYY-MM-DD).") var to: String
    @Option(help: "Room-nights already produced this agreement year before this tool (counted towards tiers).")
    var openingRoomNights: Int = 0
    @Option(help: "Conference: meeting-room rate per half day.") var halfDay: String?
    @Option(help: "Conference: meeting-room rate per full day.") var fullDay: String?
    @Option(help: "Long stay: minimum nights.") var minNights: Int?
    @Option(help: "Long stay: discount off BAR, e.g. 25%.") var discount: String?
    @Option(help: "Direct billing: credit limit for signed charges (default: the company's).") var billingLimit: String?
    @Option(help: "Direct billing: payment terms in days (default: the company's).") var paymentTerms: Int?

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let companyCode = try Parse.code(company, "company code")
        let agreementType = try AgreementType(parsing: type)
        let validity = try NightRange(first: Parse.date(from), last: Parse.date(to))
        var terms = AgreementTerms(
            meetingHalfDay: try halfDay.map { try Parse.nonNegativeMoney($0, hotel.currency, "half-day rate") },
            meetingFullDay: try fullDay.map { try Parse.nonNegativeMoney($0, hotel.currency, "full-day rate") },
            longStayMinimumNights: minNights, longStayDiscount: try discount.map(BasisPoints.init(parsing:)),
            billingCreditLimit: try billingLimit.map { try Parse.nonNegativeMoney($0, hotel.currency, "billing limit") },
            billingPaymentTermsDays: paymentTerms)
        if agreementType == .directBilling {
            let account = try database.company(companyCode)
            terms.billingCreditLimit = terms.billingCreditLimit ?? account.creditLimit
            terms.billingPaymentTermsDays = terms.billingPaymentTermsDays ?? account.paymentTermsDays
        }
        let agreement = try Agreement(
            companyCode: companyCode, type: agreementType, validity: validity, terms: terms,
            openingRoomNights: openingRoomNights)
        let id = try database.addAgreement(agreement, by: global.author)
        Console.out(id.description)
        Console.note("Drafted \(agreementType.rawValue) agreement \(id) for \(companyCode), valid \(validity.first) to \(validity.last).")
    }
}

struct AgreementsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List agreements, newest first.",
        discussion: "Example: hotelsales agreements list --company ACME --format json")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this company.") var company: String?
    @Option(help: "Only this status (draft, submitted, approved, active, expired, terminated).") var status: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let wanted = try status.map { text -> AgreementStatus in
            guard let status = AgreementStatus(rawValue: text.lowercased()) else {
                throw DomainError.invalid(
                    "status \"\(text)\" is not valid; use one of \(AgreementStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return status
        }
        let agreements = try database.agreements(company: company.map { try Parse.code($0, "company code") })
            .filter { wanted == nil || $0.status(on: today) == wanted }
        var table = Table(columns: [
            .init(key: "id", title: "ID", alignRight: true), .init(key: "company", title: "COMPANY"),
            .init(key: "type", title: "TYPE"), .init(key: "validFrom", title: "FROM"), .init(key: "validTo", title: "TO"),
            .init(key: "status", title: "STATUS"), .init(key: "terms", title: "TERMS"),
        ])
        table.rows = agreements.map { agreement in
            [
                .integer(agreement.id?.rawValue), .text(agreement.companyCode.rawValue), .text(agreement.type.rawValue),
                .text(agreement.validity.first.description), .text(agreement.validity.last.description),
                .text(agreement.status(on: today).rawValue), .text(Self.terms(agreement)),
            ]
        }
        Console.out(table.render(format))
    }

    static func terms(_ agreement: Agreement) -> String {
        let terms = agreement.terms
        switch agreement.type {
        case .cumulativeRoom:
            return agreement.openingRoomNights > 0 ? "opening \(agreement.openingRoomNights) room-nights" : ""
        case .conferenceRoom:
            return "half day \(terms.meetingHalfDay?.decimalText ?? "-"), full day \(terms.meetingFullDay?.decimalText ?? "-")"
        case .longStay:
            return "\(terms.longStayDiscount?.description ?? "-") off BAR from \(terms.longStayMinimumNights ?? 0) nights"
        case .directBilling:
            return "limit \(terms.billingCreditLimit?.decimalText ?? "-"), \(terms.billingPaymentTermsDays ?? 0) days"
        }
    }

    static func line(_ agreement: Agreement, today: CalendarDate) -> String {
        let id = agreement.id.map(\.description) ?? "-"
        let terms = terms(agreement)
        return "\(id)  \(agreement.type.rawValue)  \(agreement.validity.first)…\(agreement.validity.last)  \(agreement.status(on: today).rawValue)\(terms.isEmpty ? "" : "  " + terms)"
    }

    static func json(_ agreement: Agreement, today: CalendarDate) -> [String: Any] {
        [
            "id": agreement.id?.rawValue ?? 0, "company": agreement.companyCode.rawValue, "type": agreement.type.rawValue,
            "validFrom": agreement.validity.first.description, "validTo": agreement.validity.last.description,
            "status": agreement.status(on: today).rawValue, "terms": terms(agreement),
            "openingRoomNights": agreement.openingRoomNights,
        ]
    }
}

struct AgreementsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one agreement and its history.", discussion: "Example: hotelsales agreements show 1")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The agreement id.") var id: String

    func run() throws {
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let agreementID = try AgreementID(parsing: id)
        let agreement = try database.agreement(agreementID)
        var lines = ["Agreement \(AgreementsList.line(agreement, today: today))", "  company  \(agreement.companyCode)", "History:"]
        lines += try database.auditLog(entity: "agreement", key: agreementID.description).reversed().map {
            "  \($0.at)  \($0.user)  \($0.action)"
        }
        Console.out(lines.joined(separator: "\n"))
    }
}

/// The shared body of submit / approve / terminate.
struct AgreementTransitionRunner {
    static func run(_ transition: AgreementTransition, id: String, global: GlobalOptions) throws {
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let agreementID = try AgreementID(parsing: id)
        let agreement = try database.transition(agreementID, transition, today: today, by: global.author)
        Console.out(
            "Agreement \(agreementID) (\(agreement.type.rawValue), \(agreement.companyCode)) \(transition.pastTense); status now \(agreement.status(on: today).rawValue).")
    }
}

struct AgreementsSubmit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Submit a draft agreement for approval.", discussion: "Example: hotelsales agreements submit 1")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The agreement id.") var id: String
    func run() throws { try AgreementTransitionRunner.run(.submit, id: id, global: global) }
}

struct AgreementsApprove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a submitted agreement; its rates apply within its dates.",
        discussion: "Example: hotelsales agreements approve 1")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The agreement id.") var id: String
    func run() throws { try AgreementTransitionRunner.run(.approve, id: id, global: global) }
}

struct AgreementsTerminate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminate", abstract: "Terminate an agreement; its rates stop applying.",
        discussion: "Example: hotelsales agreements terminate 1")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The agreement id.") var id: String
    func run() throws { try AgreementTransitionRunner.run(.terminate, id: id, global: global) }
}

struct AgreementsContract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Print the contract text (Markdown) of an agreement, with all terms and rates.",
        discussion: """
            Uses the built-in template unless --template FILE is given; placeholders are written {{name}} and
            listed by --list-placeholders.
            Example: hotelsales agreements contract 1 --out acme-2027.md
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The agreement id.") var id: String?
    @Option(help: "Write the contract to this file instead of stdout.") var out: String?
    @Option(help: "A Markdown template with {{placeholders}}.") var template: String?
    @Flag(help: "List the placeholders a template can use.") var listPlaceholders = false

    func run() throws {
        if listPlaceholders {
            Console.out(ContractText.placeholders.map { "{{\($0)}}" }.joined(separator: "\n"))
            return
        }
        guard let id else { throw ValidationError("Give the agreement id, e.g. hotelsales agreements contract 1") }
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try global.currentDate(for: hotel)
        let agreement = try database.agreement(AgreementID(parsing: id))
        let company = try database.company(agreement.companyCode)
        let templateText: String
        if let template {
            guard let data = FileManager.default.contents(atPath: template) else {
                throw DomainError.notFound("template \(template) cannot be read; give an existing Markdown file")
            }
            templateText = String(decoding: data, as: UTF8.self)
        } else {
            templateText = ContractText.defaultTemplate
        }
        let text = try ContractText(
            hotel: hotel, company: company, agreement: agreement, book: RateBook(plans: database.ratePlans()), today: today
        ).render(template: templateText)
        if let out {
            try FileOutput.write(text, to: out)
            Console.note("Wrote the contract of agreement \(id) to \(out).")
        } else {
            Console.out(text)
        }
    }
}
