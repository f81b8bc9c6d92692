import ArgumentParser
import HotelDomain
import HotelFiles
import HotelStore

/// `hotelsales channels add|import|map|list|show`
struct ChannelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels", abstract: "Register distribution channels, their reading rules and code mappings.",
        subcommands: [ChannelsAdd.self, ChannelsImport.self, ChannelsMap.self, ChannelsList.self, ChannelsShow.self])
}

struct ChannelsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register a channel (or change its settings).",
        discussion: """
            Reading rules (defaults follow OpenTravel): --expire-date-inclusive (Rate/@ExpireDate is the last
            night), --decimal-places-written (amounts carry their point; default: DecimalPlaces are implied),
            --commission-fraction (Commission/@Percent 0.15 means 15%).
            Example: hotelsales channels add --code BOOKINGCOM --name "Booking.com" --commission 15% --hotel-code SHBUND
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Channel code.") var code: String
    @Option(help: "Channel name.") var name: String
    @Option(help: "Contracted commission, e.g. 15%.") var commission: String?
    @Option(help: "A HotelCode the channel uses for this hotel (repeatable; none: accept any).") var hotelCode: [String] = []
    @Option(help: "Rate plan for messages without a rate-plan code.") var defaultRatePlan: String?
    @Flag(help: "Rate/@ExpireDate is the last night (inclusive).") var expireDateInclusive = false
    @Flag(help: "Amounts are written with their decimal point; DecimalPlaces is informative.") var decimalPlacesWritten = false
    @Flag(help: "Commission/@Percent is a fraction (0.15 = 15%).") var commissionFraction = false

    func run() throws {
        let database = try global.open()
        let channel = Channel(
            code: try Parse.code(code, "channel code"), name: name, commission: try commission.map(BasisPoints.init(parsing:)),
            settings: ChannelSettings(
                expireDateInclusive: expireDateInclusive, decimalPlacesImplied: !decimalPlacesWritten,
                commissionPercentIsFraction: commissionFraction, hotelCodes: hotelCode,
                defaultRatePlan: try defaultRatePlan.map { try Parse.code($0, "rate plan code") }))
        let created = try database.saveChannel(channel, by: global.author)
        Console.out("\(created ? "Added" : "Updated") channel \(channel.code) \"\(channel.name)\".")
    }
}

struct ChannelsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Register or update the channels of a channels.yaml file, with their mappings.",
        discussion: "Example: hotelsales channels import channel-feeds/channels.yaml")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The channels file.") var file: String

    func run() throws {
        let channels = try ChannelsFile.load(path: file)
        let database = try global.open()
        for channel in channels {
            let created = try database.saveChannel(channel, by: global.author)
            Console.out(
                "\(created ? "Added" : "Updated") channel \(channel.code) \"\(channel.name)\": \(channel.roomTypes.count) room-type and \(channel.ratePlans.count) rate-plan mappings.")
        }
    }
}

struct ChannelsMap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map", abstract: "Map a channel's room-type or rate-plan code to the hotel's.",
        discussion: """
            Example: hotelsales channels map --channel BOOKINGCOM --room-type-code "DBL-STD" --to STD
                     hotelsales channels map --channel BOOKINGCOM --rate-plan-code "BAR-RO" --to BAR
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Channel code.") var channel: String
    @Option(help: "The channel's room-type code, exactly as it sends it.") var roomTypeCode: String?
    @Option(help: "The channel's rate-plan code, exactly as it sends it.") var ratePlanCode: String?
    @Option(help: "The hotel's room type or rate plan code.") var to: String

    func validate() throws {
        guard (roomTypeCode == nil) != (ratePlanCode == nil) else {
            throw ValidationError("Give exactly one of --room-type-code and --rate-plan-code.")
        }
    }

    func run() throws {
        let database = try global.open()
        let channelCode = try Parse.code(channel, "channel code")
        let target = try Parse.code(to, roomTypeCode != nil ? "room type code" : "rate plan code")
        let kind: ChannelMappingKind = roomTypeCode != nil ? .roomType : .ratePlan
        let external = roomTypeCode ?? ratePlanCode ?? ""
        try database.mapChannelCode(channel: channelCode, kind: kind, external: external, to: target, by: global.author)
        Console.out("\(channelCode): \(kind.rawValue) \"\(external)\" → \(target).")
    }
}

struct ChannelsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List channels.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        var table = Table(columns: [
            .init(key: "code", title: "CODE"), .init(key: "name", title: "NAME"), .init(key: "commission", title: "COMMISSION"),
            .init(key: "hotelCodes", title: "HOTEL CODES"), .init(key: "roomTypeMappings", title: "ROOM MAPS", alignRight: true),
            .init(key: "ratePlanMappings", title: "RATE MAPS", alignRight: true), .init(key: "rules", title: "READING RULES"),
        ])
        table.rows = try database.channels().map { channel in
            [
                .text(channel.code.rawValue), .text(channel.name), .text(channel.commission?.description),
                .text(channel.settings.hotelCodes.joined(separator: " ")), .integer(Int64(channel.roomTypes.count)),
                .integer(Int64(channel.ratePlans.count)), .text(ChannelsShow.rules(channel.settings)),
            ]
        }
        Console.out(table.render(format))
    }
}

struct ChannelsShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a channel with its mappings.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Channel code.") var code: String

    func run() throws {
        let channel = try global.open().channel(Parse.code(code, "channel code"))
        var lines = [
            "\(channel.code)  \(channel.name)", "  commission     \(channel.commission?.description ?? "-")",
            "  hotel codes    \(channel.settings.hotelCodes.isEmpty ? "any" : channel.settings.hotelCodes.joined(separator: ", "))",
            "  reading rules  \(Self.rules(channel.settings))",
            "  default plan   \(channel.settings.defaultRatePlan?.rawValue ?? "-")", "Room types:",
        ]
        lines += channel.roomTypes.sorted { $0.key < $1.key }.map { "  \($0.key) → \($0.value)" }
        lines.append("Rate plans:")
        lines += channel.ratePlans.sorted { $0.key < $1.key }.map { "  \($0.key) → \($0.value)" }
        Console.out(lines.joined(separator: "\n"))
    }

    static func rules(_ settings: ChannelSettings) -> String {
        [
            settings.expireDateInclusive ? "ExpireDate inclusive" : "ExpireDate exclusive",
            settings.decimalPlacesImplied ? "DecimalPlaces implied" : "decimals written",
            settings.commissionPercentIsFraction ? "commission as fraction" : "commission in percent",
        ].joined(separator: ", ")
    }
}
