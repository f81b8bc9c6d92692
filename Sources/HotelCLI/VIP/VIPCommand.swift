import ArgumentParser
import HotelDomain
import HotelStore

/// `hotelsales vip levels add|list`, `hotelsales vip set`
struct VIPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vip",
        abstract: "VIP levels and who has them.",
        discussion: """
            A level has a rank (1 is the highest), amenities and handling notes. It is attached to a booking, an
            agreement company, a guest profile (by name) or a group (groups create --vip); on the arrivals list a
            guest gets the highest-ranked of them.
            """,
        subcommands: [VIPLevelsCommand.self, VIPSet.self])
}

struct VIPLevelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "levels", abstract: "Define and list VIP levels.",
        subcommands: [VIPLevelsAdd.self, VIPLevelsList.self])
}

struct VIPLevelsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a VIP level, or update the one with the same code (an identical level changes nothing).",
        discussion:
            "Example: hotelsales vip levels add --code V1 --rank 1 --name \"Chairman level\" --amenities \"fruit basket; GM greeting\""
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Level code, e.g. V1.") var code: String
    @Option(help: "Rank: 1 (highest) to 99.") var rank: Int
    @Option(help: "Name of the level.") var name: String
    @Option(help: "Amenities the front desk prepares, e.g. \"fruit basket; GM greeting\".") var amenities: String = ""
    @Option(help: "How the guest is handled, e.g. \"escort to room; no queue at check-in\".") var notes: String = ""

    func run() throws {
        let database = try global.open()
        let level = try VIPLevel(
            code: Parse.code(code, "VIP level"), rank: rank, name: name, amenities: amenities, handlingNotes: notes)
        let outcome = try database.saveVIPLevel(level, by: global.author)
        Console.out("VIP level \(level.code) (rank \(level.rank), \(level.name)) \(outcome.rawValue).")
    }
}

struct VIPLevelsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "VIP levels by rank.",
        discussion: "Example: hotelsales vip levels list --format csv")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        var table = Table(columns: [
            .init(key: "code", title: "CODE"), .init(key: "rank", title: "RANK", alignRight: true),
            .init(key: "name", title: "NAME"), .init(key: "amenities", title: "AMENITIES"),
            .init(key: "notes", title: "NOTES"),
        ])
        table.rows = try database.vipLevels().map { level in
            [
                .text(level.code.rawValue), .integer(Int64(level.rank)), .text(level.name), .text(level.amenities),
                .text(level.handlingNotes),
            ]
        }
        Console.out(table.render(format))
    }
}

struct VIPSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Give a booking, a company or a guest profile a VIP level (--level none removes it).",
        discussion: """
            Exactly one of --booking, --company, --guest. A guest profile is matched by name (case and spacing
            ignored) on every booking of that guest.
            Examples: hotelsales vip set --booking SHBUND-0000001 --level V1
                      hotelsales vip set --company ACME --level V2
                      hotelsales vip set --guest "Zhang Wei" --level V3
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Confirmation number.") var booking: String?
    @Option(help: "Company code.") var company: String?
    @Option(help: "Guest name.") var guest: String?
    @Option(help: "VIP level code, or none.") var level: String

    func validate() throws {
        guard [booking, company, guest].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --booking, --company or --guest")
        }
    }

    func run() throws {
        let database = try global.open()
        let code = level.lowercased() == "none" ? nil : try Parse.code(level, "VIP level")
        let holder: VIPHolder
        if let booking {
            holder = .booking(booking)
        } else if let company {
            holder = .company(try Parse.code(company, "company code"))
        } else {
            holder = .guest(guest ?? "")
        }
        Console.out(try database.setVIP(holder, level: code, by: global.author))
    }
}
