import ArgumentParser
import Foundation
import HotelDomain
import HotelStore

/// `hotelsales targets set|list`: production targets per sales owner, company or segment.
struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "Set production targets per sales owner, company or segment, per month, quarter or year.",
        discussion: """
            Sales owners are the sales owners of the companies ('companies add --sales-owner').
            See 'reports targets' for actual against target.
            """,
        subcommands: [TargetsSet.self, TargetsList.self])
}

struct TargetsSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set (or replace) a target.",
        discussion: "Example: hotelsales targets set --sales-owner lwang --period 2027-Q1 --room-nights 1200 --revenue 950000.00")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Sales owner, e.g. lwang.") var salesOwner: String?
    @Option(help: "Company code.") var company: String?
    @Option(help: "Segment: corporate, government, mice, wholesale, travel-agency.") var segment: String?
    @Option(help: "2027-03, 2027-Q1 or 2027.") var period: String
    @Option(help: "Room-nights target.") var roomNights: Int
    @Option(help: "Revenue target (net of tax), e.g. 950000.00.") var revenue: String

    func run() throws {
        let chosen = [salesOwner.map { (SalesTarget.Dimension.salesOwner, $0) }, company.map { (.company, $0) }, segment.map { (.segment, $0) }]
            .compactMap { $0 }
        guard chosen.count == 1, let (dimension, value) = chosen.first else {
            throw DomainError.invalid("give exactly one of --sales-owner, --company or --segment (\(chosen.count) given)")
        }
        let reportPeriod = try ReportPeriod(parsing: period)
        let database = try global.open()
        let hotel = try database.hotel()
        let key: String =
            switch dimension {
            case .salesOwner: value
            case .company: try Parse.code(value, "company code").rawValue
            case .segment: try Segment(parsing: value).rawValue
            }
        let target = try SalesTarget(
            dimension: dimension, key: key, period: reportPeriod, roomNights: roomNights,
            revenue: Parse.money(revenue, hotel.currency))
        try database.setTarget(target, by: global.author)
        Console.out("Target for \(dimension.rawValue) \(key) in \(reportPeriod): \(roomNights) room-nights, \(target.revenue).")
    }
}

struct TargetsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The targets of a period with what is achieved (same as 'reports targets').",
        discussion: "Example: hotelsales targets list --period 2027-Q1")
    @OptionGroup var global: GlobalOptions
    @Option(help: "2027-03, 2027-Q1 or 2027.") var period: String
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    func run() throws {
        var report = ReportsTargets()
        report.global = global
        report.period = period
        report.format = format
        try report.run()
    }
}
