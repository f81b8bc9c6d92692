import ArgumentParser
import Foundation
import HotelDomain
import HotelFiles
import HotelStore

/// `hotelsales yield forecast|recommend|apply|simulate`
struct YieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yield",
        abstract: "Forecast demand, recommend which rates to close and how far to overbook, apply it, simulate policies.",
        subcommands: [YieldForecast.self, YieldRecommend.self, YieldApply.self, YieldSimulate.self])
}

/// Options shared by forecast, recommend and apply.
struct YieldRangeOptions: ParsableArguments {
    @Option(help: "First night.") var from: String
    @Option(help: "Last night (included).") var to: String
    @Option(help: "A demand CSV (date,room_type,rate_plan,mean,sd) instead of the pickup forecast.") var demand: String?

    func range() throws -> NightRange { try NightRange(first: Parse.date(from), last: Parse.date(to)) }

    func supplied() throws -> [SuppliedDemand]? {
        try demand.map { try DemandFile.load(path: $0) }
    }
}

/// How `yield recommend` and `yield apply` value overbooking.
struct OverbookingOptions: ParsableArguments {
    @Option(help: "Share of booked guests who arrive (default 95%).") var showUp: String = "95%"
    @Option(help: "Cost of walking a guest (default: twice the night's highest fare).") var walkCost: String?

    func terms(currency: Currency) throws -> OverbookingTerms {
        OverbookingTerms(
            showUpRate: try BasisPoints(parsing: showUp),
            walkCost: try walkCost.map { try Parse.nonNegativeMoney($0, currency, "walk cost") })
    }
}

struct YieldForecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Remaining demand per night, room type and rate class: mean and standard deviation.",
        discussion: """
            Without --demand: additive pickup — for a night d days away, what each class picked up in the last
            d days before each of the last 8 same-weekday nights. With --demand FILE.csv: the supplied figures.
            Example: hotelsales yield forecast --from 2027-03-01 --to 2027-03-07 --format csv
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var range: YieldRangeOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let nights = try range.range()
        let forecasts = try database.yieldForecast(from: nights.first, to: nights.last, today: today, supplied: range.supplied())
        var table = Table(columns: [
            .init(key: "night", title: "NIGHT"), .init(key: "roomType", title: "ROOM"), .init(key: "ratePlan", title: "CLASS"),
            .init(key: "fare", title: "FARE", alignRight: true), .init(key: "fareMinor", title: "MINOR", alignRight: true),
            .init(key: "mean", title: "MEAN", alignRight: true), .init(key: "sd", title: "SD", alignRight: true),
            .init(key: "source", title: "SOURCE"),
        ])
        table.rows = forecasts.map { item in
            [
                .text(item.night.description), .text(item.roomType.rawValue), .text(item.ratePlan.rawValue),
                .text(item.fare.decimalText), .integer(item.fare.minorUnits), .text(YieldFormat.number(item.forecast.mean)),
                .text(YieldFormat.number(item.forecast.standardDeviation)), .text(item.source),
            ]
        }
        Console.out(table.render(format))
    }
}

struct YieldRecommend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "EMSR-b protection levels, nested booking limits, rates to close and overbooking, with the reason.",
        discussion: """
            Per night and room type, over the remaining rooms (sellable − sold − held): each rate class's
            protection level (unrounded and rounded, half up), nested booking limit and open/closed with the
            reason; and the overbooking allowance (largest with a positive expected gain at the show-up rate).
            LRA negotiated rates are not classes: they stay open while rooms remain. Nothing changes until
            'yield apply'.
            JSON: [{night, roomType, sellable, sold, remaining, overbooking: {rooms, reason},
                    classes: [{ratePlan, fare: {amount, minorUnits, currency}, mean, sd, protectionLevel,
                               protectionLevelRounded, protectedForHigherClasses, protectedForHigherClassesRounded,
                               bookingLimit, open, reason}]}]
            Example: hotelsales yield recommend --from 2027-05-01 --to 2027-05-07 --format json
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var range: YieldRangeOptions
    @OptionGroup var overbooking: OverbookingOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try global.currentDate(for: hotel)
        let nights = try range.range()
        let recommendations = try database.yieldRecommendations(
            from: nights.first, to: nights.last, today: today, supplied: range.supplied(),
            overbooking: overbooking.terms(currency: hotel.currency))
        Console.out(format == .json ? Table.json(recommendations.map(YieldFormat.object)) : YieldFormat.text(recommendations, format: format))
    }
}

struct YieldApply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Turn the recommendation into stay controls and overbooking allowances (audited).",
        discussion: """
            Closes the classes the recommendation closes and reopens those it opens, per night and room type,
            and sets each night's overbooking allowance. Uses the same options as 'yield recommend'.
            Example: hotelsales yield apply --from 2027-05-01 --to 2027-05-07
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var range: YieldRangeOptions
    @OptionGroup var overbooking: OverbookingOptions

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try global.currentDate(for: hotel)
        let nights = try range.range()
        let recommendations = try database.yieldRecommendations(
            from: nights.first, to: nights.last, today: today, supplied: range.supplied(),
            overbooking: overbooking.terms(currency: hotel.currency))
        let changed = try database.applyYield(recommendations, by: global.author)
        let closed = recommendations.reduce(0) { $0 + $1.classes.filter { !$0.open }.count }
        Console.out(
            "Applied yield for \(nights.first)…\(nights.last): \(changed.controls) controls changed (\(closed) class-nights closed in all), \(changed.allowances) overbooking allowances changed.")
    }
}

enum YieldFormat {
    static func number(_ value: Double) -> String { String(format: "%.2f", value) }

    static func object(_ recommendation: YieldRecommendation) -> [String: Any] {
        [
            "night": recommendation.night.description, "roomType": recommendation.roomType.rawValue,
            "sellable": recommendation.sellable, "sold": recommendation.sold, "remaining": recommendation.remainingCapacity,
            "overbooking": ["rooms": recommendation.overbookingRooms, "reason": recommendation.overbookingReason],
            "classes": recommendation.classes.map { item -> [String: Any] in
                [
                    "ratePlan": item.ratePlan.rawValue, "fare": QuoteDocument.money(item.fare),
                    "mean": rounded(item.mean), "sd": rounded(item.standardDeviation),
                    "protectionLevel": item.protectionLevel.map { rounded($0) as Any } ?? NSNull(),
                    "protectionLevelRounded": item.roundedProtectionLevel.map { $0 as Any } ?? NSNull(),
                    "protectedForHigherClasses": rounded(item.protectedForHigherClasses),
                    "protectedForHigherClassesRounded": item.roundedProtectedForHigherClasses,
                    "bookingLimit": item.bookingLimit, "open": item.open, "reason": item.reason,
                ]
            },
        ]
    }

    /// Four decimals are plenty for demand and protection levels, and keep JSON stable across platforms.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    static func text(_ recommendations: [YieldRecommendation], format: OutputFormat) -> String {
        var table = Table(columns: [
            .init(key: "night", title: "NIGHT"), .init(key: "roomType", title: "ROOM"), .init(key: "remaining", title: "LEFT", alignRight: true),
            .init(key: "ratePlan", title: "CLASS"), .init(key: "fare", title: "FARE", alignRight: true),
            .init(key: "mean", title: "MEAN", alignRight: true), .init(key: "sd", title: "SD", alignRight: true),
            .init(key: "protection", title: "PROTECT", alignRight: true), .init(key: "bookingLimit", title: "LIMIT", alignRight: true),
            .init(key: "decision", title: "OPEN"), .init(key: "reason", title: "REASON"),
        ])
        for recommendation in recommendations {
            for item in recommendation.classes {
                table.rows.append([
                    .text(recommendation.night.description), .text(recommendation.roomType.rawValue),
                    .integer(Int64(recommendation.remainingCapacity)), .text(item.ratePlan.rawValue), .text(item.fare.decimalText),
                    .text(number(item.mean)), .text(number(item.standardDeviation)),
                    .text(item.protectionLevel.map { "\(number($0)) (\(item.roundedProtectionLevel ?? 0))" } ?? "-"),
                    .integer(Int64(item.bookingLimit)), .text(item.open ? "open" : "CLOSED"), .text(item.reason),
                ])
            }
            table.rows.append([
                .text(recommendation.night.description), .text(recommendation.roomType.rawValue),
                .integer(Int64(recommendation.remainingCapacity)), .text("overbook"), .text(nil), .text(nil), .text(nil), .text(nil),
                .integer(Int64(recommendation.overbookingRooms)), .text(nil), .text(recommendation.overbookingReason),
            ])
        }
        return table.render(format)
    }
}
