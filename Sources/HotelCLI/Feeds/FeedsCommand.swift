import ArgumentParser
import Foundation
import HotelDomain
import HotelFeeds
import HotelStore

/// `hotelsales feeds import|history|quarantine`
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds", abstract: "Import the channels' OTA XML booking feeds; history and quarantine.",
        subcommands: [FeedsImport.self, FeedsHistory.self, FeedsQuarantine.self])
}

struct FeedsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import feed files: new, modified and cancelled channel bookings, exactly once.",
        discussion: """
            Each message is all-or-nothing (committed in batches of up to 8,192 messages or a quarter second); a message or record
            that cannot be imported is quarantined with its reason and the rest of the file imports. Importing a file (or a
            message) again changes nothing. --dry-run imports into a temporary copy of the database (SQLite backup), so its
            report is exactly what the import would do, later files building on earlier ones; the copy is then removed.
            Channel bookings are never refused for lack of rooms: overbooked nights are reported.
            The channel of a file is --channel, else the first word of its name before '_' when it is a channel
            code (BOOKINGCOM_2026-11-23.xml), else its folder's name.
            Exit: 0 all imported, 3 something was quarantined or a file failed, 1 nothing could be done.
            Example: hotelsales feeds import channel-feeds/inbox/*.xml --ack-dir out/acks
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Feed files (XML).") var files: [String]
    @Option(help: "The channel of every file (default: from each file's name or folder).") var channel: String?
    @Option(help: "Write one acknowledgement (RS) file per message into this folder.") var ackDir: String?
    @Flag(help: "Import into a temporary copy of the database and report it; change nothing, write no acknowledgement.")
    var dryRun = false
    @Option(help: "table or json.") var format: OutputFormat = .table

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one feed file, e.g. channel-feeds/inbox/*.xml") }
    }

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try global.currentDate(for: hotel)
        let channels = try database.channels()
        let given = try channel.map { try Parse.code($0, "channel code") }
        if let given, !channels.contains(where: { $0.code == given }) { _ = try database.channel(given) }
        var ackURL: URL?
        if let ackDir, !dryRun {
            ackURL = URL(fileURLWithPath: ackDir)
            do {
                try FileManager.default.createDirectory(at: URL(fileURLWithPath: ackDir), withIntermediateDirectories: true)
            } catch {
                throw DomainError.refused("cannot create the acknowledgement folder \(ackDir): \(error.localizedDescription)")
            }
        }
        // A dry run imports for real, into a copy: its report then is what the import would do.
        let copy = dryRun ? try database.temporaryCopy() : nil
        defer { if let copy { try? FileManager.default.removeItem(at: copy.folder) } }
        var importer = FeedImport(
            database: copy?.database ?? database, hotel: hotel, author: global.author, today: today,
            acknowledgementDirectory: ackURL, startedAt: Date(), progress: ProgressLine.forTerminal())
        var results: [FeedImport.FileResult] = []
        for file in files {
            let url = URL(fileURLWithPath: file)
            guard let code = FeedImport.channel(of: url, given: given, known: channels.map(\.code)),
                let channel = channels.first(where: { $0.code == code })
            else {
                var result = FeedImport.FileResult(path: file)
                result.failed =
                    "cannot tell the channel of \(file); give --channel (known: \(channels.map(\.code.rawValue).joined(separator: ", ")))"
                results.append(result)
                continue
            }
            results.append(importer.importFile(url, channel: channel))
        }
        Console.out(format == .json ? Table.json(results.map(Self.object)) : Self.text(results, dryRun: dryRun))
        let failed = results.filter { $0.failed != nil }.count
        let quarantined = results.reduce(0) { $0 + $1.counts.quarantined }
        if failed == results.count { throw ExitCode(ExitStatus.refused) }
        if failed > 0 || quarantined > 0 { throw ExitCode(ExitStatus.discrepancies) }
    }

    static func object(_ result: FeedImport.FileResult) -> [String: Any] {
        [
            "file": result.path, "channel": result.channel?.rawValue ?? NSNull(), "messages": result.counts.messages,
            "created": result.counts.created, "modified": result.counts.modified, "cancelled": result.counts.cancelled,
            "unchanged": result.counts.unchanged, "quarantined": result.counts.quarantined,
            "overbooked": result.counts.overbooked, "ignored": result.counts.ignored,
            "notBookingMessages": result.notBookingMessages, "alreadyImported": result.alreadyImported ?? NSNull(),
            "overbookedNights": result.reportedOverbookedNights, "problems": result.reportedProblems, "failed": result.failed ?? NSNull(),
        ]
    }

    static func text(_ results: [FeedImport.FileResult], dryRun: Bool) -> String {
        var lines: [String] = []
        var total = FeedFileCounts()
        for result in results {
            let name = (result.path as NSString).lastPathComponent
            if let failed = result.failed {
                lines.append("\(name): FAILED — \(failed)")
                continue
            }
            if let already = result.alreadyImported {
                lines.append("\(name): \(already)")
                continue
            }
            let counts = result.counts
            lines.append(
                "\(name) [\(result.channel?.rawValue ?? "?")]: \(counts.messages) messages — \(counts.created) new, \(counts.modified) modified, \(counts.cancelled) cancelled, \(counts.unchanged) unchanged, \(counts.quarantined) quarantined, \(counts.overbooked) overbooked, \(counts.ignored - result.notBookingMessages) other (quotes, cancellations of bookings never received)\(result.notBookingMessages > 0 ? ", \(result.notBookingMessages) not a booking message" : "")")
            lines += result.reportedProblems.map { "  \($0)" }
            lines += result.reportedOverbookedNights.map { "  overbooked: \($0)" }
            total.messages += counts.messages
            total.created += counts.created
            total.modified += counts.modified
            total.cancelled += counts.cancelled
            total.unchanged += counts.unchanged
            total.quarantined += counts.quarantined
            total.overbooked += counts.overbooked
        }
        lines.append(
            "\(dryRun ? "Dry run (nothing changed)" : "Total"): \(total.created) new / \(total.modified) modified / \(total.cancelled) cancelled / \(total.unchanged) unchanged / \(total.quarantined) quarantined / \(total.overbooked) overbooked")
        return lines.joined(separator: "\n")
    }
}

struct FeedsHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Feed files imported, newest first, with their counts and outcome.",
        discussion: "Example: hotelsales feeds history --format csv")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many files.") var limit: Int = 50
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        var table = Table(columns: [
            .init(key: "id", title: "ID", alignRight: true), .init(key: "startedAt", title: "STARTED"), .init(key: "user", title: "USER"),
            .init(key: "channel", title: "CHANNEL"), .init(key: "file", title: "FILE"), .init(key: "messages", title: "MSGS", alignRight: true),
            .init(key: "created", title: "NEW", alignRight: true), .init(key: "modified", title: "MOD", alignRight: true),
            .init(key: "cancelled", title: "CXL", alignRight: true), .init(key: "unchanged", title: "SAME", alignRight: true),
            .init(key: "quarantined", title: "QUAR", alignRight: true), .init(key: "overbooked", title: "OVB", alignRight: true),
            .init(key: "outcome", title: "OUTCOME"), .init(key: "sha256", title: "SHA-256"),
        ])
        table.rows = try database.feedHistory(limit: limit).map { file in
            [
                .integer(file.id), .text(file.startedAt), .text(file.user), .text(file.channel), .text(file.path),
                .integer(Int64(file.counts.messages)), .integer(Int64(file.counts.created)), .integer(Int64(file.counts.modified)),
                .integer(Int64(file.counts.cancelled)), .integer(Int64(file.counts.unchanged)),
                .integer(Int64(file.counts.quarantined)), .integer(Int64(file.counts.overbooked)), .text(file.outcome),
                .text(format == .table ? String(file.sha256.prefix(12)) : file.sha256),
            ]
        }
        Console.out(table.render(format))
    }
}

struct FeedsQuarantine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine", abstract: "Messages and records that could not be imported: list, show, retry.",
        subcommands: [QuarantineList.self, QuarantineShow.self, QuarantineRetry.self])
}

struct QuarantineList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List open quarantine entries.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Include entries already resolved by a retry.") var all = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        var table = Table(columns: [
            .init(key: "id", title: "ID", alignRight: true), .init(key: "channel", title: "CHANNEL"),
            .init(key: "file", title: "FILE"), .init(key: "message", title: "MSG", alignRight: true),
            .init(key: "line", title: "LINE", alignRight: true), .init(key: "reference", title: "REFERENCE"),
            .init(key: "status", title: "STATUS"), .init(key: "reason", title: "REASON"),
        ])
        table.rows = try global.open().quarantine(includeResolved: all).map { entry in
            [
                .integer(entry.id), .text(entry.channel.rawValue), .text((entry.filePath as NSString).lastPathComponent),
                .integer(Int64(entry.position)), .integer(Int64(entry.line)), .text(entry.reference),
                .text(entry.resolved ? "resolved" : "open"), .text(entry.reason),
            ]
        }
        Console.out(table.render(format))
    }
}

struct QuarantineShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one quarantine entry with its (redacted) message.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Quarantine id.") var id: Int64

    func run() throws {
        let entry = try global.open().quarantineEntry(id)
        var lines = [
            "Quarantine \(entry.id) (\(entry.resolved ? "resolved" : "open")), \(entry.createdAt)",
            "  channel    \(entry.channel)", "  file       \(entry.filePath), message \(entry.position), line \(entry.line)",
            "  reference  \(entry.reference ?? "-")", "  reason     \(entry.reason)",
        ]
        if let payload = entry.payload { lines.append("Message (parsed; card data reduced to the last four digits):\n\(payload)") }
        Console.out(lines.joined(separator: "\n"))
    }
}

struct QuarantineRetry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Import quarantined records again, after fixing a mapping or a rate plan.",
        discussion: """
            Re-normalizes the stored message with the channel's current settings and imports the quarantined
            record(s); an entry is resolved when they import. Unreadable XML cannot be retried: re-send the file.
            Exit 3 while anything stays quarantined.
            Example: hotelsales channels map --channel EXPEDIA --room-type-code 200199 --to STE && hotelsales feeds quarantine retry --all
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Quarantine id.") var id: Int64?
    @Flag(help: "Retry every open entry.") var all = false

    func validate() throws {
        guard (id == nil) == all else { throw ValidationError("Give a quarantine id or --all.") }
    }

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try global.currentDate(for: hotel)
        let entries = try id.map { [try database.quarantineEntry($0)] } ?? database.quarantine()
        var stillOpen = 0
        for entry in entries where !entry.resolved {
            guard let payload = entry.payload, let message = try? JSONDecoder().decode(OTABookingMessage.self, from: Data(payload.utf8)) else {
                stillOpen += 1
                Console.out("\(entry.id): cannot be retried — the message was not readable XML; ask the channel to re-send \(entry.filePath)")
                continue
            }
            let channel = try database.channel(entry.channel)
            let records = ChannelNormalizer(channel: channel, currency: hotel.currency).normalize(message).filter { record in
                guard let reference = entry.reference else { return true }
                switch record {
                case .success(let reservation): return reservation.reference == reference
                case .failure(let error): return error.reference == reference || error.reference == nil
                }
            }
            let result = try database.importChannelMessage(
                ChannelMessageImport(
                    channel: entry.channel, digest: nil, feedFileID: nil, filePath: entry.filePath, position: entry.position,
                    line: entry.line, records: records, payload: { payload }, retriedQuarantineID: entry.id,
                    defaultRoomType: channel.settings.defaultRoomType, today: today),
                by: global.author)
            for (reference, outcome) in result.outcomes {
                switch outcome {
                case .quarantined(let reason, _):
                    stillOpen += 1
                    Console.out("\(entry.id): \(reference ?? "?") still quarantined — \(reason)")
                default:
                    Console.out("\(entry.id): \(reference ?? "?") imported — \(AppDatabaseWords.word(outcome))\(outcome.confirmation.map { " as \($0)" } ?? "")")
                }
            }
        }
        if stillOpen > 0 { throw ExitCode(ExitStatus.discrepancies) }
    }
}

enum AppDatabaseWords {
    static func word(_ outcome: ChannelRecordOutcome) -> String {
        switch outcome {
        case .created: "created"
        case .modified: "modified"
        case .cancelled: "cancelled"
        case .unchanged(_, let reason): "unchanged (\(reason))"
        case .tombstoned: "cancellation kept"
        case .quote: "quote request, not a booking"
        case .quarantined(let reason, _): "quarantined: \(reason)"
        }
    }
}
