import ArgumentParser
import Foundation
import HotelDomain
import HotelStore

/// `hotelsales arrivals --date D [--vip-only] [--group G]`
struct ArrivalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arrivals",
        abstract: "The day's arrivals for the front desk, VIPs first.",
        discussion: """
            Tentative, confirmed and already checked-in bookings arriving on --date (default today): guest and
            sharer, room type, rooms, nights, rate plan, company or group, VIP level with its amenities and
            handling notes (the highest of the booking's, the guest profile's, the group's and the company's),
            special requests and billing instruction; sorted by VIP rank, then guest name.
            Example: hotelsales arrivals --date 2027-05-01 --vip-only --format csv
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Arrival date (default today).") var date: String?
    @Flag(help: "Only guests with a VIP level.") var vipOnly = false
    @Option(help: "Only this group's guests.") var group: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let day = try date.map(Parse.date) ?? global.currentDate(for: database.hotel())
        let arrivals = try database.arrivals(
            on: day, vipOnly: vipOnly, group: group.map { try Parse.code($0, "group code") })
        var table = Table(columns: [
            .init(key: "vip", title: "VIP"), .init(key: "vipRank", title: "RANK", alignRight: true),
            .init(key: "guest", title: "GUEST"), .init(key: "sharer", title: "SHARING WITH"),
            .init(key: "confirmation", title: "CONFIRMATION"), .init(key: "roomType", title: "ROOM"),
            .init(key: "rooms", title: "RMS", alignRight: true), .init(key: "nights", title: "NTS", alignRight: true),
            .init(key: "ratePlan", title: "PLAN"), .init(key: "companyOrGroup", title: "COMPANY/GROUP"),
            .init(key: "amenities", title: "AMENITIES"), .init(key: "handling", title: "HANDLING"),
            .init(key: "requests", title: "REQUESTS"), .init(key: "billing", title: "BILLING"),
            .init(key: "status", title: "STATUS"),
        ])
        table.rows = arrivals.map { arrival in
            let affiliation = [
                arrival.groupCode.map { "group \($0)\(arrival.groupName.map { " (\($0))" } ?? "")" },
                arrival.companyCode.map { "\($0)\(arrival.companyName.map { " (\($0))" } ?? "")" },
            ].compactMap { $0 }.joined(separator: "; ")
            return [
                .text(arrival.vip.map { "\($0.code)\($0.level.map { " \($0.name)" } ?? "")" }),
                .integer(arrival.vip?.level.map { Int64($0.rank) }), .text(arrival.guestName), .text(arrival.sharer),
                .text(arrival.confirmation), .text(arrival.roomType.rawValue), .integer(Int64(arrival.rooms)),
                .integer(Int64(arrival.nights)), .text(arrival.ratePlanCode.rawValue),
                .text(affiliation.isEmpty ? nil : affiliation),
                .text(arrival.vip?.level?.amenities), .text(arrival.vip?.level?.handlingNotes),
                .text(arrival.specialRequests),
                .text(arrival.billingText), .text(arrival.status.rawValue),
            ]
        }
        if format == .table {
            Console.out(
                "Arrivals \(day): \(arrivals.count) booking\(arrivals.count == 1 ? "" : "s"), \(arrivals.filter { $0.vip != nil }.count) VIP\n\n"
                    + table.render(.table))
        } else {
            Console.out(table.render(format))
        }
    }
}
