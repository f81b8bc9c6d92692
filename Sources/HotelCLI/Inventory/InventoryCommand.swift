import ArgumentParser
import HotelDomain
import HotelStore

/// `hotelsales inventory show|set`
struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory", abstract: "The daily room condition, out-of-order rooms and overbooking allowances.",
        subcommands: [InventoryShow.self, InventorySet.self])
}

struct InventoryShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Per night and room type: physical, out of order, sold, held, available, occupancy; house ADR and RevPAR.",
        discussion: """
            --from and --to are nights and both are included. The table ends each night with a HOUSE line
            (ADR = room revenue ÷ rooms sold, RevPAR = room revenue ÷ sellable rooms, of what is on the books).
            Example: hotelsales inventory show --from 2027-03-01 --to 2027-03-14 --room-type DLX
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "First night.") var from: String
    @Option(help: "Last night (included).") var to: String
    @Option(help: "Only this room type.") var roomType: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let first = try Parse.date(from)
        let last = try Parse.date(to)
        let type = try roomType.map { try Parse.code($0, "room type code") }
        let nights = try database.inventory(from: first, to: last, roomType: type)
        var table = Table(columns: [
            .init(key: "night", title: "NIGHT"), .init(key: "roomType", title: "ROOM"),
            .init(key: "physical", title: "PHYS", alignRight: true), .init(key: "outOfOrder", title: "OOO", alignRight: true),
            .init(key: "sold", title: "SOLD", alignRight: true), .init(key: "held", title: "HELD", alignRight: true),
            .init(key: "available", title: "AVAIL", alignRight: true), .init(key: "overbook", title: "OVB", alignRight: true),
            .init(key: "occupancy", title: "OCC", alignRight: true), .init(key: "revenue", title: "REVENUE", alignRight: true),
            .init(key: "revenueMinor", title: "MINOR", alignRight: true), .init(key: "adr", title: "ADR", alignRight: true),
            .init(key: "revpar", title: "REVPAR", alignRight: true),
        ])
        var index = 0
        while index < nights.count {
            let night = nights[index].night
            var group: [InventoryNight] = []
            while index < nights.count, nights[index].night == night {
                group.append(nights[index])
                index += 1
            }
            for item in group {
                table.rows.append([
                    .text(night.description), .text(item.roomType.rawValue), .integer(Int64(item.physical)),
                    .integer(Int64(item.outOfOrder)), .integer(Int64(item.sold)), .integer(Int64(item.held)),
                    .integer(Int64(item.available)), .integer(Int64(item.overbookingAllowance)), .text(item.occupancy.description),
                    .text(item.revenue.decimalText), .integer(item.revenue.minorUnits), .text(nil), .text(nil),
                ])
            }
            if type == nil {
                let house = HouseNight(night: night, roomTypes: group, currency: hotel.currency)
                table.rows.append([
                    .text(night.description), .text("HOUSE"), .integer(Int64(house.physical)), .integer(Int64(house.outOfOrder)),
                    .integer(Int64(house.sold)), .integer(Int64(house.held)), .integer(Int64(house.available)),
                    .integer(Int64(group.reduce(0) { $0 + $1.overbookingAllowance })), .text(house.occupancy.description),
                    .text(house.revenue.decimalText), .integer(house.revenue.minorUnits),
                    .text(house.averageDailyRate.decimalText), .text(house.revenuePerAvailableRoom.decimalText),
                ])
            }
        }
        Console.out(table.render(format))
    }
}

struct InventorySet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set out-of-order rooms and/or the overbooking allowance on a range of nights.",
        discussion: "Example: hotelsales inventory set --room-type DLX --from 2027-03-01 --to 2027-03-14 --out-of-order 2 --overbook 3")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Room type code.") var roomType: String
    @Option(help: "First night.") var from: String
    @Option(help: "Last night (included).") var to: String
    @Option(help: "Rooms out of order.") var outOfOrder: Int?
    @Option(help: "Rooms that may be sold beyond capacity.") var overbook: Int?

    func run() throws {
        let database = try global.open()
        let nights = try NightRange(first: Parse.date(from), last: Parse.date(to))
        let type = try Parse.code(roomType, "room type code")
        try database.setInventory(
            roomType: type, nights: nights, outOfOrder: outOfOrder, overbookingAllowance: overbook, by: global.author)
        var parts: [String] = []
        if let outOfOrder { parts.append("out of order \(outOfOrder)") }
        if let overbook { parts.append("overbooking allowance \(overbook)") }
        Console.out("\(type) \(nights.first)…\(nights.last) (\(nights.count) nights): \(parts.joined(separator: ", ")).")
    }
}
