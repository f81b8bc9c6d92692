import ArgumentParser
import Foundation
import HotelDomain
import HotelStore

/// `hotelsales reports production|targets|channels|daily|html`: the sales statistics of the sales office.
struct ReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Sales statistics: production, targets, channels, daily occupancy, and an HTML page with charts.",
        discussion: """
            Room-nights and revenue count stayed nights before today (checked in or out) and on-the-books nights
            from today (tentative, confirmed, checked in), each night in the period it belongs to; cancellations
            and no-shows are excluded (no-shows have their own columns). Revenue is net of the tax rate set with
            'commissions tax-rate' (as stored when none is set).
            """,
        subcommands: [ReportsProduction.self, ReportsTargets.self, ReportsChannels.self, ReportsDaily.self, ReportsHTML.self])
}

extension String {
    /// A basis-point ratio as a percentage for tables: "87.5%", or "-" when there is none.
    static func percent(_ value: BasisPoints?) -> String { value?.description ?? "-" }
}

/// Signed change in basis points from `old` to `new` ("+12.5%"), or "-" when `old` is 0.
func change(from old: Int64, to new: Int64) -> String {
    guard old != 0 else { return "-" }
    let bp = Money.roundedQuotient((new - old) * 10_000, old.magnitude == 0 ? 1 : Int64(old.magnitude))
    let sign = bp >= 0 ? "+" : "-"
    return sign + BasisPoints(Int(bp.magnitude)).description
}

struct ReportsProduction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "production",
        abstract: "Room-nights, revenue (net of tax) and ADR by company, channel, segment, sales owner or rate plan.",
        discussion: "Example: hotelsales reports production --by segment --period 2027-Q1 --compare last-year")

    @OptionGroup var global: GlobalOptions
    @Option(help: "company, channel, segment, sales-owner or rate-plan.") var by: String = "company"
    @Option(help: "A month 2027-03, a quarter 2027-Q1 or a year 2027.") var period: String
    @Option(help: "last-year: add the same period a year earlier.") var compare: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let dimension = try ProductionDimension(parsing: by)
        let reportPeriod = try ReportPeriod(parsing: period)
        if let compare, compare != "last-year" {
            throw DomainError.invalid("--compare \"\(compare)\" is not valid; use last-year")
        }
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try global.currentDate(for: hotel)
        let report = try database.productionReport(
            by: dimension, period: reportPeriod, today: today, compareLastYear: compare != nil)
        var columns: [Table.Column] = [
            .init(key: "key", title: dimension.rawValue.uppercased()), .init(key: "roomNights", title: "RN", alignRight: true),
            .init(key: "revenue", title: "REVENUE", alignRight: true), .init(key: "revenueMinor", title: "MINOR", alignRight: true),
            .init(key: "adr", title: "ADR", alignRight: true), .init(key: "share", title: "SHARE", alignRight: true),
            .init(key: "noShows", title: "NO-SHOWS", alignRight: true),
            .init(key: "noShowRevenue", title: "NO-SHOW REV", alignRight: true),
        ]
        if report.comparesLastYear {
            columns += [
                .init(key: "lastYearRoomNights", title: "RN LY", alignRight: true),
                .init(key: "lastYearRevenue", title: "REVENUE LY", alignRight: true),
                .init(key: "revenueChange", title: "CHANGE", alignRight: true),
            ]
        }
        var table = Table(columns: columns)
        let currency = hotel.currency
        let total = report.lines.reduce(
            ProductionLine(
                key: "TOTAL", roomNights: 0, revenue: .zero(currency), lastYearRoomNights: report.comparesLastYear ? 0 : nil,
                lastYearRevenue: report.comparesLastYear ? .zero(currency) : nil)
        ) { sum, line in
            var sum = sum
            sum.roomNights += line.roomNights
            sum.revenue = sum.revenue + line.revenue
            sum.noShows += line.noShows
            sum.noShowRevenue = sum.noShowRevenue + line.noShowRevenue
            if let ly = line.lastYearRoomNights { sum.lastYearRoomNights = (sum.lastYearRoomNights ?? 0) + ly }
            if let ly = line.lastYearRevenue { sum.lastYearRevenue = (sum.lastYearRevenue ?? .zero(currency)) + ly }
            return sum
        }
        func row(_ line: ProductionLine) -> [Table.Cell] {
            var cells: [Table.Cell] = [
                .text(line.key), .integer(Int64(line.roomNights)), .text(line.revenue.decimalText), .integer(line.revenue.minorUnits),
                .text(line.averageRate.decimalText),
                .text(String.percent(ProductionRule.ratio(line.revenue.minorUnits, of: total.revenue.minorUnits))),
                .integer(Int64(line.noShows)), .text(line.noShowRevenue.decimalText),
            ]
            if report.comparesLastYear {
                let ly = line.lastYearRevenue ?? .zero(currency)
                cells += [
                    .integer(Int64(line.lastYearRoomNights ?? 0)), .text(ly.decimalText),
                    .text(change(from: ly.minorUnits, to: line.revenue.minorUnits)),
                ]
            }
            return cells
        }
        table.rows = report.lines.map(row)
        if format == .table, !report.lines.isEmpty { table.rows.append(row(total)) }
        Console.out(table.render(format))
        if format == .table {
            Console.note(
                "Production \(reportPeriod) (\(reportPeriod.nights)) by \(dimension.rawValue), today \(today); revenue \(report.taxRate.value == 0 ? "as stored (no tax rate set)" : "net of \(report.taxRate) tax") in \(currency).")
        }
    }
}

struct ReportsTargets: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "Targets of a period against stayed and on-the-books production, with % achieved.",
        discussion: "Example: hotelsales reports targets --period 2027-Q1")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The targets' period: 2027-03, 2027-Q1 or 2027.") var period: String
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let reportPeriod = try ReportPeriod(parsing: period)
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let lines = try database.targetReport(period: reportPeriod, today: today)
        var table = Table(columns: [
            .init(key: "dimension", title: "FOR"), .init(key: "key", title: "WHO"),
            .init(key: "targetRoomNights", title: "TARGET RN", alignRight: true),
            .init(key: "stayedRoomNights", title: "STAYED", alignRight: true),
            .init(key: "onTheBooksRoomNights", title: "OTB", alignRight: true),
            .init(key: "roomNightsAchieved", title: "RN %", alignRight: true),
            .init(key: "targetRevenue", title: "TARGET REV", alignRight: true),
            .init(key: "actualRevenue", title: "REVENUE", alignRight: true),
            .init(key: "onTheBooksRevenue", title: "OTB REV", alignRight: true),
            .init(key: "revenueAchieved", title: "REV %", alignRight: true),
        ])
        table.rows = lines.map { line in
            [
                .text(line.target.dimension.rawValue), .text(line.target.key), .integer(Int64(line.target.roomNights)),
                .integer(Int64(line.stayedRoomNights)), .integer(Int64(line.onTheBooksRoomNights)),
                .text(String.percent(line.roomNightsAchieved)), .text(line.target.revenue.decimalText),
                .text(line.actualRevenue.decimalText), .text(line.onTheBooksRevenue.decimalText),
                .text(String.percent(line.revenueAchieved)),
            ]
        }
        Console.out(table.render(format))
    }
}

struct ReportsChannels: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels",
        abstract: "Per channel: bookings, room-nights, gross revenue, commission, net revenue, ADR, cancellation rate, lead time.",
        discussion: """
            Bookings without a channel are grouped by source (DIRECT, COMPANY, GROUP). Bookings, cancellations and
            lead time (arrival less booking day) count the reservations arriving in the period.
            Example: hotelsales reports channels --period 2027-Q1 --format csv
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "2027-03, 2027-Q1 or 2027.") var period: String
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let reportPeriod = try ReportPeriod(parsing: period)
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let lines = try database.channelReport(period: reportPeriod, today: today)
        var table = Table(columns: [
            .init(key: "channel", title: "CHANNEL"), .init(key: "bookings", title: "BOOKINGS", alignRight: true),
            .init(key: "roomNights", title: "RN", alignRight: true), .init(key: "grossRevenue", title: "GROSS", alignRight: true),
            .init(key: "commission", title: "COMMISSION", alignRight: true), .init(key: "netRevenue", title: "NET", alignRight: true),
            .init(key: "netRevenueMinor", title: "MINOR", alignRight: true), .init(key: "adr", title: "ADR", alignRight: true),
            .init(key: "cancellationRate", title: "CXL", alignRight: true),
            .init(key: "leadDays", title: "LEAD DAYS", alignRight: true),
        ])
        table.rows = lines.map { line in
            let lead = line.averageLeadTenths.map { "\($0 / 10).\(abs($0 % 10))" }
            return [
                .text(line.channel), .integer(Int64(line.bookings)), .integer(Int64(line.roomNights)),
                .text(line.grossRevenue.decimalText), .text(line.commission.decimalText), .text(line.netRevenue.decimalText),
                .integer(line.netRevenue.minorUnits), .text(line.averageRate.decimalText),
                .text(String.percent(line.cancellationRate)), .text(lead),
            ]
        }
        Console.out(table.render(format))
    }
}

struct ReportsDaily: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daily",
        abstract: "Per night: rooms sold, occupancy, revenue, ADR, RevPAR, and pickup since a day.",
        discussion: """
            Pickup: rooms on the night booked on or after --since (default: 7 days before today).
            Example: hotelsales reports daily --from 2027-03-01 --to 2027-03-07 --since 2027-02-22
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "First night.") var from: String
    @Option(help: "Last night (included).") var to: String
    @Option(help: "Pickup since this booking day.") var since: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let first = try Parse.date(from)
        let last = try Parse.date(to)
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let pickupSince = try since.map(Parse.date) ?? today.adding(days: -7)
        let lines = try database.dailyReport(from: first, to: last, pickupSince: pickupSince, today: today)
        var table = Table(columns: [
            .init(key: "night", title: "NIGHT"), .init(key: "sellable", title: "ROOMS", alignRight: true),
            .init(key: "sold", title: "SOLD", alignRight: true), .init(key: "occupancy", title: "OCC", alignRight: true),
            .init(key: "revenue", title: "REVENUE", alignRight: true), .init(key: "adr", title: "ADR", alignRight: true),
            .init(key: "revpar", title: "REVPAR", alignRight: true), .init(key: "pickup", title: "PICKUP", alignRight: true),
        ])
        table.rows = lines.map { line in
            [
                .text(line.night.description), .integer(Int64(line.sellable)), .integer(Int64(line.sold)),
                .text(line.occupancy.description), .text(line.revenue.decimalText), .text(line.averageRate.decimalText),
                .text(line.revenuePerAvailableRoom.decimalText), .integer(Int64(line.pickup)),
            ]
        }
        Console.out(table.render(format))
    }
}
