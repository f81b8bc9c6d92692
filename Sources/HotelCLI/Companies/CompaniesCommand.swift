import ArgumentParser
import Foundation
import HotelDomain
import HotelStore

/// `hotelsales companies add|list|show|update`
struct CompaniesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "companies",
        abstract: "Register and look up agreement companies.",
        subcommands: [CompaniesAdd.self, CompaniesList.self, CompaniesShow.self, CompaniesUpdate.self])
}

struct CompaniesAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register an agreement company.",
        discussion: """
            Example: hotelsales companies add --code ACME --name "Acme Industrial Ltd" --segment corporate \\
              --credit-limit 20000.00 --sales-owner lwang
            Segments: corporate, government, mice, wholesale, travel-agency.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Unique company code (letters, digits, - and _; up to 20).") var code: String
    @Option(help: "The company's name.") var name: String
    @Option(help: "corporate, government, mice, wholesale or travel-agency.") var segment: String
    @Option(help: "Credit limit in the hotel's currency (0 = no credit), e.g. 20000.00.") var creditLimit: String = "0"
    @Option(help: "The sales manager who owns the account.") var salesOwner: String?
    @Option(help: "Payment terms in days.") var paymentTerms: Int = 30
    @Option(help: "Parent company code (an existing company).") var parent: String?
    @Option(help: "Postal address.") var address: String?
    @Option(help: "Contact person.") var contactName: String?
    @Option(help: "Contact email.") var email: String?
    @Option(help: "Contact phone.") var phone: String?
    @Option(help: "VIP level of the account, e.g. V1.") var vip: String?

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let company = try Company(
            code: Parse.code(code, "company code"), name: name, segment: Segment(parsing: segment), salesOwner: salesOwner,
            creditLimit: Parse.nonNegativeMoney(creditLimit, hotel.currency, "credit limit"), paymentTermsDays: paymentTerms,
            parentCode: parent.map { try Parse.code($0, "parent company code") }, address: address,
            contactName: contactName, email: email, phone: phone, vipLevel: vip)
        try database.addCompany(company, by: global.author)
        Console.out("Added company \(company.code) \"\(company.name)\" (\(company.segment.rawValue), credit limit \(company.creditLimit)).")
    }
}

struct CompaniesUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a company's name, segment, credit limit, owner or contacts (audited).",
        discussion: "Example: hotelsales companies update ACME --credit-limit 30000.00 --sales-owner jli")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The company code.") var code: String
    @Option var name: String?
    @Option var segment: String?
    @Option var creditLimit: String?
    @Option var salesOwner: String?
    @Option var paymentTerms: Int?
    @Option var parent: String?
    @Option var address: String?
    @Option var contactName: String?
    @Option var email: String?
    @Option var phone: String?
    @Option var vip: String?

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let companyCode = try Parse.code(code, "company code")
        let newSegment = try segment.map(Segment.init(parsing:))
        let newLimit = try creditLimit.map { try Parse.nonNegativeMoney($0, hotel.currency, "credit limit") }
        let newParent = try parent.map { try Parse.code($0, "parent company code") }
        let (name, salesOwner, paymentTerms, address, contactName, email, phone, vip) = (
            self.name, self.salesOwner, self.paymentTerms, self.address, self.contactName, self.email, self.phone, self.vip
        )
        let updated = try database.updateCompany(companyCode, by: global.author) { company in
            if let name { company.name = name }
            if let newSegment { company.segment = newSegment }
            if let newLimit { company.creditLimit = newLimit }
            if let salesOwner { company.salesOwner = salesOwner }
            if let paymentTerms { company.paymentTermsDays = paymentTerms }
            if let newParent { company.parentCode = newParent }
            if let address { company.address = address }
            if let contactName { company.contactName = contactName }
            if let email { company.email = email }
            if let phone { company.phone = phone }
            if let vip { company.vipLevel = vip }
        }
        Console.out("Company \(updated.code) \"\(updated.name)\": credit limit \(updated.creditLimit), owner \(updated.salesOwner ?? "-").")
    }
}

struct CompaniesList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List agreement companies.",
        discussion: "Example: hotelsales companies list --format csv")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this segment.") var segment: String?
    @Option(help: "Only accounts of this sales owner.") var salesOwner: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let only = try segment.map(Segment.init(parsing:))
        let companies = try database.companies().filter { company in
            (only == nil || company.segment == only) && (salesOwner == nil || company.salesOwner == salesOwner)
        }
        var table = Table(columns: [
            .init(key: "code", title: "CODE"), .init(key: "name", title: "NAME"), .init(key: "segment", title: "SEGMENT"),
            .init(key: "salesOwner", title: "OWNER"), .init(key: "parent", title: "PARENT"),
            .init(key: "creditLimit", title: "CREDIT LIMIT", alignRight: true),
            .init(key: "creditLimitMinor", title: "MINOR", alignRight: true), .init(key: "currency", title: "CUR"),
            .init(key: "paymentTermsDays", title: "TERMS", alignRight: true),
        ])
        table.rows = companies.map { company in
            [
                .text(company.code.rawValue), .text(company.name), .text(company.segment.rawValue), .text(company.salesOwner),
                .text(company.parentCode?.rawValue), .text(company.creditLimit.decimalText),
                .integer(company.creditLimit.minorUnits), .text(company.creditLimit.currency.code),
                .integer(Int64(company.paymentTermsDays)),
            ]
        }
        Console.out(table.render(format))
    }
}

struct CompaniesShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one company with its agreements and negotiated rate plans.",
        discussion: "Example: hotelsales companies show ACME")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The company code.") var code: String
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try global.currentDate(for: hotel)
        let company = try database.company(Parse.code(code, "company code"))
        let agreements = try database.agreements(company: company.code)
        let plans = try database.ratePlans(for: company.code)
        if format == .json {
            var object: [String: Any] = [
                "code": company.code.rawValue, "name": company.name, "segment": company.segment.rawValue,
                "creditLimit": company.creditLimit.decimalText, "creditLimitMinor": company.creditLimit.minorUnits,
                "currency": company.creditLimit.currency.code, "paymentTermsDays": company.paymentTermsDays,
                "agreements": agreements.map { AgreementsList.json($0, today: today) },
                "ratePlans": plans.map { $0.code.rawValue },
            ]
            for (key, value) in [
                ("salesOwner", company.salesOwner), ("parent", company.parentCode?.rawValue), ("address", company.address),
                ("contactName", company.contactName), ("email", company.email), ("phone", company.phone),
                ("vipLevel", company.vipLevel),
            ] {
                object[key] = value.map { $0 as Any } ?? NSNull()
            }
            Console.out(Table.json(object))
            return
        }
        var lines = [
            "\(company.code)  \(company.name)",
            "  segment        \(company.segment.rawValue)",
            "  sales owner    \(company.salesOwner ?? "-")",
            "  credit limit   \(company.creditLimit), payment terms \(company.paymentTermsDays) days",
        ]
        if let parent = company.parentCode { lines.append("  parent         \(parent)") }
        if let address = company.address { lines.append("  address        \(address)") }
        let contact = [company.contactName, company.email, company.phone].compactMap { $0 }.joined(separator: ", ")
        if !contact.isEmpty { lines.append("  contact        \(contact)") }
        if let vip = company.vipLevel { lines.append("  VIP level      \(vip)") }
        lines.append("Agreements:")
        lines += agreements.isEmpty ? ["  (none)"] : agreements.map { "  \(AgreementsList.line($0, today: today))" }
        lines.append("Negotiated rate plans:")
        lines += plans.isEmpty ? ["  (none)"] : plans.map { "  \($0.code)  \($0.name)\($0.lastRoomAvailability ? "  LRA" : "  NLRA")" }
        Console.out(lines.joined(separator: "\n"))
    }
}
