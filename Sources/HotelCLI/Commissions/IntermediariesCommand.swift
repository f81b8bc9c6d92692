import ArgumentParser
import Foundation
import HotelDomain
import HotelStore

/// `hotelsales intermediaries add|list|show`
struct IntermediariesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intermediaries",
        abstract: "Travel agencies and OTAs with their commission terms.",
        discussion: """
            A booking belongs to an intermediary when it was booked with --intermediary CODE, when a channel
            feed names the intermediary's IATA number as its travel agent, or when its channel code is the
            intermediary's code (an OTA).
            """,
        subcommands: [IntermediariesAdd.self, IntermediariesList.self, IntermediariesShow.self])
}

struct IntermediariesAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a travel agency or OTA and its commission terms.",
        discussion: """
            Commission = percent of eligible room revenue (net of the tax included in prices, see 'commissions
            tax-rate', or including it with --basis room-including-tax) + flat amounts per room-night and per
            room-stay, on at most --cap-nights nights of a stay, for nights from --from to --to.
            Example: hotelsales intermediaries add --code TRAVELCO --name "TravelCo Agency" --iata 12345678 --commission 10% --cap-nights 29 --from 2027-01-01 --to 2027-12-31
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Intermediary code, e.g. TRAVELCO (an OTA's code is its channel code).") var code: String
    @Option(help: "Name.") var name: String
    @Option(help: "IATA agency number: 8 digits.") var iata: String?
    @Option(help: "Percent of eligible room revenue, e.g. 10% (0% to 100%).") var commission: String = "0%"
    @Option(help: "room-net-of-tax (default) or room-including-tax.") var basis: String = CommissionBasis.roomNetOfTax
        .rawValue
    @Option(help: "Flat amount per room-night, e.g. 15.00.") var flatPerNight: String = "0"
    @Option(help: "Flat amount per room-stay, e.g. 50.00.") var flatPerStay: String = "0"
    @Option(help: "Pay commission on at most this many nights of a stay.") var capNights: Int?
    @Option(help: "First night the terms cover (YYYY-MM-DD).") var from: String?
    @Option(help: "Last night the terms cover (YYYY-MM-DD).") var to: String?

    func run() throws {
        let database = try global.open()
        let currency = try database.hotel().currency
        let terms = try CommissionTerms(
            percent: BasisPoints(parsing: commission), basis: CommissionBasis(parsing: basis),
            flatPerNight: Parse.nonNegativeMoney(flatPerNight, currency, "flat amount per night"),
            flatPerStay: Parse.nonNegativeMoney(flatPerStay, currency, "flat amount per stay"), capNights: capNights,
            validFrom: from.map(Parse.date), validTo: to.map(Parse.date))
        let intermediary = try Intermediary(
            code: Parse.code(code, "intermediary code"), name: name, iata: iata.map(IATANumber.init(parsing:)),
            terms: terms)
        try database.addIntermediary(intermediary, by: global.author)
        Console.out(intermediary.code.rawValue)
        Console.note("Added intermediary \(intermediary.code) (\(intermediary.name)): \(terms.summary).")
    }
}

struct IntermediariesList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List intermediaries and their terms.",
        discussion: "Example: hotelsales intermediaries list --format csv")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        var table = IntermediaryRendering.table()
        table.rows = try database.intermediaries().map(IntermediaryRendering.row)
        Console.out(table.render(format))
    }
}

struct IntermediariesShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an intermediary and its commission terms.",
        discussion: "Example: hotelsales intermediaries show TRAVELCO")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Intermediary code.") var code: String
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let intermediary = try database.intermediary(Parse.code(code, "intermediary code"))
        if format != .table {
            var table = IntermediaryRendering.table()
            table.rows = [IntermediaryRendering.row(intermediary)]
            // `show --format json` is one object, not a list of one.
            Console.out(
                format == .json
                    ? Table.json(
                        Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.key), table.rows[0].map(\.json))))
                    : table.render(format))
            return
        }
        let terms = intermediary.terms
        let tax = try database.commissionTaxRate()
        Console.out(
            [
                "\(intermediary.code)  \(intermediary.name)",
                "  IATA        \(intermediary.iata?.rawValue ?? "none")",
                "  terms       \(terms.summary)",
                "  tax rate    \(tax) included in the hotel's prices",
            ].joined(separator: "\n"))
    }
}

enum IntermediaryRendering {
    static func table() -> Table {
        Table(columns: [
            .init(key: "code", title: "CODE"), .init(key: "name", title: "NAME"), .init(key: "iata", title: "IATA"),
            .init(key: "commission", title: "COMMISSION", alignRight: true),
            .init(key: "commissionBasisPoints", title: "BP", alignRight: true), .init(key: "basis", title: "BASIS"),
            .init(key: "flatPerNight", title: "PER NIGHT", alignRight: true),
            .init(key: "flatPerStay", title: "PER STAY", alignRight: true),
            .init(key: "capNights", title: "CAP", alignRight: true), .init(key: "validFrom", title: "FROM"),
            .init(key: "validTo", title: "TO"),
        ])
    }

    static func row(_ intermediary: Intermediary) -> [Table.Cell] {
        let terms = intermediary.terms
        return [
            .text(intermediary.code.rawValue), .text(intermediary.name), .text(intermediary.iata?.rawValue),
            .text(terms.percent.description), .integer(Int64(terms.percent.value)), .text(terms.basis.rawValue),
            .text(terms.flatPerNight.decimalText), .text(terms.flatPerStay.decimalText),
            .integer(terms.capNights.map(Int64.init)), .text(terms.validFrom?.description),
            .text(terms.validTo?.description),
        ]
    }
}
