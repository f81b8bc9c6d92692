import ArgumentParser
import Foundation
import HotelDomain
import HotelFiles
import HotelStore

/// `hotelsales rates import|list|quote`
struct RatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates",
        abstract: "Import rate plans, list them and quote stays.",
        subcommands: [RatesImport.self, RatesList.self, RatesQuote.self])
}

struct RatesImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import rate-plan files (YAML); each file creates or replaces one plan.",
        discussion: """
            All files are checked before anything is written; a file that fails leaves the database unchanged.
            Example: hotelsales rates import rate-plans/bar-2027.yaml rate-plans/acme-2027.yaml
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Rate-plan files.") var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one rate-plan file, e.g. rate-plans/bar-2027.yaml") }
    }

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let plans = try files.map { try RatePlanFile.load(path: $0, currency: hotel.currency) }
        for (file, plan) in zip(files, plans) {
            let outcome = try database.importRatePlan(plan, sourceFile: file, by: global.author)
            let tiers = plan.isCumulative ? ", \(plan.tiers.count) tiers" : ""
            Console.out("\(outcome.rawValue.capitalized) rate plan \(plan.code) \"\(plan.name)\" (\(plan.kind.rawValue)\(tiers)) from \(file).")
        }
    }
}

struct RatesList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List rate plans, or those of one company.",
        discussion: "Example: hotelsales rates list --company ACME")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only the negotiated plans of this company.") var company: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let plans = try company.map { try database.ratePlans(for: Parse.code($0, "company code")) } ?? database.ratePlans()
        var table = Table(columns: [
            .init(key: "code", title: "CODE"), .init(key: "name", title: "NAME"), .init(key: "kind", title: "KIND"),
            .init(key: "companies", title: "COMPANIES"), .init(key: "base", title: "BASE"), .init(key: "pricing", title: "PRICING"),
            .init(key: "lra", title: "LRA"), .init(key: "mealPlan", title: "MEALS"), .init(key: "validFrom", title: "FROM"),
            .init(key: "validTo", title: "TO"),
        ])
        table.rows = plans.map { plan in
            [
                .text(plan.code.rawValue), .text(plan.name), .text(plan.kind.rawValue),
                .text(plan.companyCodes.map(\.rawValue).joined(separator: " ")), .text(plan.basePlanCode?.rawValue),
                .text(Self.pricing(plan)), .bool(plan.lastRoomAvailability), .text(plan.mealPlan.rawValue),
                .text(plan.validity?.first.description), .text(plan.validity?.last.description),
            ]
        }
        Console.out(table.render(format))
    }

    static func pricing(_ plan: RatePlan) -> String {
        plan.tiers.map { tier in
            let rule: String
            switch tier.rule {
            case .seasons(let seasons): rule = "\(seasons.count) seasons"
            case .fixed: rule = "fixed"
            case .percentOff(let discount): rule = "\(discount) off"
            case .amountOff(let amount): rule = "\(amount.decimalText) off"
            }
            return plan.isCumulative ? "\(tier.fromRoomNights)+: \(rule)" : rule
        }.joined(separator: "; ")
    }
}

struct RatesQuote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Price a stay night by night: BAR, or the company's contracted rate.",
        discussion: """
            Each night shows its price, the plan, season and tier that produced it; the LRA flag and the total
            follow. Without --company the stay is quoted at BAR.
            Example: hotelsales rates quote --company ACME --room-type DLX --arrival 2027-03-01 --nights 3 --format json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The company code (its negotiated or long-stay rate applies when its agreement allows).")
    var company: String?
    @Option(help: "The room type code.") var roomType: String
    @Option(help: "Arrival date (YYYY-MM-DD).") var arrival: String
    @Option(help: "Number of nights.") var nights: Int?
    @Option(help: "Departure date (YYYY-MM-DD), instead of --nights.") var departure: String?
    @Option(help: "Number of rooms.") var rooms: Int = 1
    @Option(help: "Quote this rate plan only.") var ratePlan: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let request = try QuoteRequest(
            roomType: Parse.code(roomType, "room type code"), stay: Parse.stay(arrival: arrival, nights: nights, departure: departure),
            rooms: rooms, companyCode: company.map { try Parse.code($0, "company code") },
            ratePlanCode: ratePlan.map { try Parse.code($0, "rate plan code") })
        let contracts = try request.companyCode.map { try database.contracts(of: $0) }
        let quote = try database.rateQuoter().quote(request, contracts: contracts)
        switch format {
        case .json: Console.out(Table.json(QuoteDocument.object(quote)))
        case .csv:
            var table = Table(columns: [
                .init(key: "night", title: "night"), .init(key: "amount", title: "amount"),
                .init(key: "amountMinor", title: "amountMinor"), .init(key: "currency", title: "currency"),
                .init(key: "ratePlan", title: "ratePlan"), .init(key: "season", title: "season"),
                .init(key: "tier", title: "tier"), .init(key: "basis", title: "basis"),
            ])
            table.rows = quote.nights.map { night in
                [
                    .text(night.night.description), .text(night.amount.decimalText), .integer(night.amount.minorUnits),
                    .text(night.amount.currency.code), .text(night.ratePlanCode.rawValue), .text(night.season),
                    .text(night.tier), .text(night.basis),
                ]
            }
            Console.out(table.render(.csv))
        case .table: Console.out(QuoteDocument.text(quote))
        }
    }
}

/// The rendered forms of a quote. The JSON shape is documented in the README and kept stable.
enum QuoteDocument {
    static func money(_ amount: Money) -> [String: Any] {
        ["amount": amount.decimalText, "minorUnits": amount.minorUnits, "currency": amount.currency.code]
    }

    static func object(_ quote: RateQuote) -> [String: Any] {
        [
            "roomType": quote.roomType.rawValue, "arrival": quote.stay.arrival.description,
            "departure": quote.stay.departure.description, "nights": quote.stay.nightCount, "rooms": quote.rooms,
            "company": quote.companyCode?.rawValue ?? NSNull(), "ratePlan": quote.ratePlanCode.rawValue,
            "ratePlanName": quote.ratePlanName, "lra": quote.lastRoomAvailability, "mealPlan": quote.mealPlan.rawValue,
            "cancellationPolicy": quote.cancellationPolicy,
            "nightly": quote.nights.map { night -> [String: Any] in
                [
                    "night": night.night.description, "price": money(night.amount), "ratePlan": night.ratePlanCode.rawValue,
                    "season": night.season ?? NSNull(), "tier": night.tier ?? NSNull(), "basis": night.basis,
                ]
            },
            "totalPerRoom": money(quote.totalPerRoom), "total": money(quote.total), "notes": quote.notes,
        ]
    }

    static func text(_ quote: RateQuote) -> String {
        var table = Table(columns: [
            .init(key: "night", title: "NIGHT"), .init(key: "price", title: "PRICE", alignRight: true),
            .init(key: "plan", title: "PLAN"), .init(key: "season", title: "SEASON"), .init(key: "tier", title: "TIER"),
            .init(key: "basis", title: "BASIS"),
        ])
        table.rows = quote.nights.map { night in
            [
                .text(night.night.description), .text(night.amount.decimalText), .text(night.ratePlanCode.rawValue),
                .text(night.season), .text(night.tier), .text(night.basis),
            ]
        }
        var lines = [
            "Quote \(quote.roomType) \(quote.stay)\(quote.rooms > 1 ? " × \(quote.rooms) rooms" : "")\(quote.companyCode.map { " for \($0)" } ?? ""): \(quote.ratePlanCode) \"\(quote.ratePlanName)\" — \(quote.lastRoomAvailability ? "LRA" : "NLRA"), \(quote.mealPlan.rawValue)",
            table.render(.table),
            "Total per room: \(quote.totalPerRoom)",
        ]
        if quote.rooms > 1 { lines.append("Total for \(quote.rooms) rooms: \(quote.total)") }
        if !quote.cancellationPolicy.isEmpty { lines.append("Cancellation: \(quote.cancellationPolicy)") }
        lines += quote.notes.map { "Note: \($0)" }
        return lines.joined(separator: "\n")
    }
}
