import ArgumentParser
import Foundation
import HotelDomain
import HotelFiles
import HotelStore

/// Options every command takes: which database, who is acting, and which day it is.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (default: $HOTELSALES_DB or ./hotelsales.sqlite).")
    var db: String?

    @Option(name: .long, help: "Who is making the change, for the audit log (default: the OS user).")
    var user: String?

    @Option(name: .long, help: "Take this date (YYYY-MM-DD) as today instead of the hotel's clock.")
    var today: String?

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["HOTELSALES_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "hotelsales.sqlite"
    }

    func open() throws -> AppDatabase { try AppDatabase.open(path: databasePath) }

    var author: ChangeAuthor {
        let environment = ProcessInfo.processInfo.environment
        let name = user ?? environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
        return ChangeAuthor(user: name.isEmpty ? "unknown" : name)
    }

    /// `--today`, or today's date in the hotel's time zone.
    func currentDate(for hotel: Hotel) throws -> CalendarDate {
        if let today { return try CalendarDate(parsing: today) }
        return try CalendarDate(parsing: TimeZoneCheck.today(in: hotel.timeZone))
    }
}

/// `--format table|csv|json` of every list or report.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// Reading command-line values with the domain's strict rules and one-line errors (exit 65).
enum Parse {
    static func code(_ text: String, _ what: String) throws -> Code { try Code(text, of: what) }
    static func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }
    static func money(_ text: String, _ currency: Currency) throws -> Money { try Money(parsing: text, currency: currency) }

    static func nonNegativeMoney(_ text: String, _ currency: Currency, _ what: String) throws -> Money {
        let amount = try Money(parsing: text, currency: currency)
        guard amount.minorUnits >= 0 else {
            throw DomainError.invalid("\(what) \(text) is negative; use 0 or a positive amount")
        }
        return amount
    }

    /// A stay from `--arrival` and exactly one of `--nights` / `--departure`.
    static func stay(arrival: String, nights: Int?, departure: String?) throws -> Stay {
        let arrivalDate = try date(arrival)
        switch (nights, departure) {
        case (let nights?, nil): return try Stay(arrival: arrivalDate, nights: nights)
        case (nil, let departure?): return try Stay(arrival: arrivalDate, departure: date(departure))
        case (nil, nil): throw DomainError.invalid("the stay needs --nights N or --departure YYYY-MM-DD after --arrival \(arrival)")
        case (let nights?, let departure?):
            throw DomainError.invalid("give either --nights \(nights) or --departure \(departure), not both")
        }
    }
}
