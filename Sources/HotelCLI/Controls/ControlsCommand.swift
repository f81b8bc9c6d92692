import ArgumentParser
import HotelDomain
import HotelStore

/// `hotelsales controls set|list`
struct ControlsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controls", abstract: "Stop-sell, closed to arrival/departure and length-of-stay limits per rate plan and night.",
        subcommands: [ControlsSet.self, ControlsList.self])
}

struct ControlsSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set stay controls on a rate plan (optionally one room type) for a range of nights.",
        discussion: """
            --open lifts stop-sell, CTA and CTD; --min-los 0 / --max-los 0 remove a length-of-stay limit.
            CTD applies to the departure date; min/max stay to the arrival night. LRA plans ignore controls.
            Example: hotelsales controls set --rate-plan BAR --from 2027-05-01 --to 2027-05-03 --room-type DLX --closed-to-arrival
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Rate plan code.") var ratePlan: String
    @Option(help: "First night.") var from: String
    @Option(help: "Last night (included).") var to: String
    @Option(help: "Only this room type (default: every room type of the plan).") var roomType: String?
    @Flag(help: "Stop-sell.") var closed = false
    @Flag(help: "Lift stop-sell, CTA and CTD.") var open = false
    @Flag(help: "Closed to arrival.") var closedToArrival = false
    @Flag(help: "Closed to departure.") var closedToDeparture = false
    @Option(help: "Minimum length of stay for arrivals on these nights (0 removes it).") var minLos: Int?
    @Option(help: "Maximum length of stay for arrivals on these nights (0 removes it).") var maxLos: Int?

    func validate() throws {
        if closed && open { throw ValidationError("--closed and --open contradict each other; give one") }
        for (name, value) in [("--min-los", minLos), ("--max-los", maxLos)] {
            if let value, value < 0 || value > 366 { throw ValidationError("\(name) \(value) is not valid; use 0 (remove) to 366 nights") }
        }
    }

    func run() throws {
        let database = try global.open()
        var change = open ? ControlChange.open : ControlChange()
        if closed { change.closed = true }
        if closedToArrival { change.closedToArrival = true }
        if closedToDeparture { change.closedToDeparture = true }
        if let minLos { change.minimumStay = .some(minLos == 0 ? nil : minLos) }
        if let maxLos { change.maximumStay = .some(maxLos == 0 ? nil : maxLos) }
        let nights = try NightRange(first: Parse.date(from), last: Parse.date(to))
        let plan = try Parse.code(ratePlan, "rate plan code")
        let type = try roomType.map { try Parse.code($0, "room type code") }
        let changed = try database.setControls(ratePlan: plan, roomType: type, nights: nights, change: change, by: global.author)
        Console.out("\(plan)\(type.map { " \($0)" } ?? "") \(nights.first)…\(nights.last): \(changed) of \(nights.count) nights changed.")
    }
}

struct ControlsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the stay controls in force on a range of nights.",
        discussion: "Example: hotelsales controls list --from 2027-05-01 --to 2027-05-07")

    @OptionGroup var global: GlobalOptions
    @Option(help: "First night.") var from: String
    @Option(help: "Last night (included).") var to: String
    @Option(help: "Only this rate plan.") var ratePlan: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let first = try Parse.date(from)
        let last = try Parse.date(to)
        _ = try NightRange(first: first, last: last)
        var table = Table(columns: [
            .init(key: "night", title: "NIGHT"), .init(key: "ratePlan", title: "PLAN"), .init(key: "roomType", title: "ROOM"),
            .init(key: "closed", title: "CLOSED"), .init(key: "closedToArrival", title: "CTA"),
            .init(key: "closedToDeparture", title: "CTD"), .init(key: "minLos", title: "MIN", alignRight: true),
            .init(key: "maxLos", title: "MAX", alignRight: true),
        ])
        table.rows = try database.controls(from: first, to: last, ratePlan: ratePlan.map { try Parse.code($0, "rate plan code") }).map { control in
            [
                .text(control.night.description), .text(control.ratePlan.rawValue), .text(control.roomType?.rawValue ?? "*"),
                .bool(control.closed), .bool(control.closedToArrival), .bool(control.closedToDeparture),
                .integer(control.minimumStay.map(Int64.init)), .integer(control.maximumStay.map(Int64.init)),
            ]
        }
        Console.out(table.render(format))
    }
}
