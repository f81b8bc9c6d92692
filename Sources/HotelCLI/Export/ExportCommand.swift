import ArgumentParser
import Foundation
import HotelDomain
import HotelFeeds
import HotelStore

/// `hotelsales export pms`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exports for the PMS.",
        subcommands: [ExportPMS.self])
}

/// `hotelsales export pms --out DIR [--format ota-xml|csv|both] [--since T | --full] [--what LIST] | --arrivals D`
struct ExportPMS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pms",
        abstract:
            "Write companies, travel agencies, rates, restrictions, reservations and group blocks for the PMS (OTA XML and CSV).",
        discussion: """
            Without --since or --full, each entity continues from its last successful export (the first export of an
            entity is full). --since exports what the audit log recorded after that instant. Files are named
            <HOTEL>-<UTC time of the export>-<part>.<xml|csv>, written under temporary names and renamed only when all are
            complete; a manifest (…-manifest.json) lists every file with its records and SHA-256. An entity with nothing
            to send writes no XML file (an OTA message needs a record) and a CSV file with the header only.
            Companies and intermediaries (travel agencies, with IATA number and commission terms) are profiles
            (OTA_ProfileCreateRQ) and rows of one accounts.csv; group blocks are OTA_HotelInvBlockNotifRQ messages and
            blocks.csv (a row per room type and night); reservations carry their travel agent and group code.
            --arrivals D writes the day's arrivals (tentative, confirmed, checked in) for the front desk instead.
            Exit: 0 written, 1 refused (missing or read-only folder), 64 usage, 65 invalid input (--since not a
            timestamp or in the future, an unknown entity).
            Example: hotelsales export pms --out /srv/pms/inbox --since 2027-03-01T00:00:00Z --what companies,rates
            Example: hotelsales export pms --out /srv/pms/inbox --arrivals 2027-05-01
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case otaXML = "ota-xml"
        case csv, both
        var xml: Bool { self != .csv }
        var csv: Bool { self != .otaXML }
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: "The folder to write into (must exist and be writable).") var out: String
    @Option(help: "ota-xml, csv or both.") var format: Format = .both
    @Option(help: "Export changes recorded after this instant, e.g. 2027-03-01T00:00:00Z.") var since: String?
    @Flag(help: "Export everything, not only changes.") var full = false
    @Option(
        help:
            "Comma-separated entities: \(ExportEntity.allCases.map(\.rawValue).joined(separator: ",")) (default: all)."
    )
    var what: String?
    @Option(help: "Write the arrivals of this day (YYYY-MM-DD) for the front desk.") var arrivals: String?

    func validate() throws {
        if since != nil, full { throw ValidationError("Give either --since or --full, not both.") }
        if arrivals != nil, since != nil || full || what != nil {
            throw ValidationError("--arrivals writes one day's arrivals; it takes no --since, --full or --what.")
        }
    }

    func run() throws {
        // Everything the user typed is checked before the database or the folder is touched.
        let entities = try what.map(ExportEntity.parseList) ?? ExportEntity.available
        let startedAt = Date()
        let window: ExportWindow
        if let since {
            window = .since(try Self.instant(since, now: startedAt))
        } else {
            window = full ? .full : .sinceLastExport
        }
        let day = try arrivals.map(Parse.date)
        let files = try ExportFileSet(folder: out)
        let database = try global.open()
        let hotel = try database.hotel()
        let export = PMSExport(
            files: files, hotelCode: hotel.code.rawValue, stamp: Self.fileStamp(startedAt), format: format)
        let summary: PMSExport.Summary
        do {
            if let day {
                summary = try export.arrivals(day, database: database)
            } else {
                summary = try export.changes(entities: entities, window: window, database: database)
            }
            _ = try export.complete(
                summary, database: database, startedAt: startedAt, user: global.author.user,
                since: since.flatMap { try? Self.instant($0, now: startedAt) })
        } catch {
            files.discard()
            throw error
        }
        var table = Table(columns: [
            .init(key: "file", title: "FILE"), .init(key: "entity", title: "ENTITY"),
            .init(key: "format", title: "FORMAT"),
            .init(key: "records", title: "RECORDS", alignRight: true),
            .init(key: "bytes", title: "BYTES", alignRight: true),
        ])
        for file in export.orderedFiles(summary) {
            table.rows.append([
                .text(file.name), .text(file.entity), .text(file.content), .integer(Int64(file.records)),
                .integer(Int64(file.bytes)),
            ])
        }
        Console.out(table.render(.table))
        for selection in summary.snapshot.selections {
            let count = summary.records[selection.entity.rawValue] ?? 0
            Console.note("\(selection.entity.rawValue): \(selection.summary), \(count) record\(count == 1 ? "" : "s")")
        }
        Console.note("manifest: \((out as NSString).appendingPathComponent(export.manifestName))")
    }

    /// `--since` as the audit log writes instants (`2027-03-01T00:00:00.000Z`), refused when it is not an ISO 8601
    /// date-time with a time zone, or when it lies in the future.
    static func instant(_ text: String, now: Date) throws -> String {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = plain.date(from: text) ?? fractional.date(from: text) else {
            throw DomainError.invalid(
                "--since \"\(text)\" is not a timestamp; write an ISO 8601 instant with a time zone, e.g. 2027-03-01T00:00:00Z"
            )
        }
        guard date <= now else {
            throw DomainError.invalid(
                "--since \(text) is in the future (now is \(isoTimestamp(now))); give an instant in the past, or --full"
            )
        }
        return isoTimestamp(date)
    }

    /// `2027-03-01T08:15:02.123Z`, the audit log's form.
    static func isoTimestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: date)
    }

    /// `20270301T081502Z`: the export's instant in file names (UTC, to the second).
    static func fileStamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
