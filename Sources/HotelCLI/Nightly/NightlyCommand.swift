import ArgumentParser
import Foundation
import HotelDomain
import HotelStore

/// `hotelsales nightly [run] …` and `hotelsales nightly history`
struct NightlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nightly",
        abstract: "The night audit in one command (feeds, no-shows, group releases, yield, PMS export), and its log.",
        subcommands: [NightlyRunCommand.self, NightlyHistory.self],
        defaultSubcommand: NightlyRunCommand.self)
}

struct NightlyRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract:
            "Run the night audit: import the feed inbox, mark no-shows, release blocks, refresh yield, export to the PMS.",
        discussion: """
            In order, each step the use case of its own command:
            1. feeds: import every *.xml file of --feeds as 'feeds import' does
               (acknowledgements into --ack-dir); each file moves to
               <archive>/<today>/ once imported (default archive: 'archive'
               beside the inbox); a file that fails stays in the inbox.
            2. no-shows: mark yesterday's unarrived guaranteed (confirmed)
               bookings no-show, as 'bookings no-show'; tentative ones are
               listed, not marked; missed nights are caught up, 7 at most.
            3. groups: release every block past its cutoff ('groups release-due').
            4. yield: recommend for --yield-nights nights from today; applied
               only with --apply-yield ('yield apply').
            5. export: what changed since the last export, into --export-dir
               ('export pms', both formats); nothing changed: no file.
            The same night run twice changes nothing the second time. The first
            step that fails stops the run; the next run takes up from there.
            One run at a time: a second one names the holder of the lock and
            exits 1; the lock of a run that died (kill -9, crash, reboot) is
            taken over. Each run is logged: 'hotelsales nightly history'.
            Exit: 0 done; 3 done, and a human must look at something (open
            quarantine, nights sold past the limit, counters that disagree with
            the bookings, a feed file left in the inbox); 1 a step failed or
            another run holds the lock; 65 invalid input (--today).
            Example: hotelsales nightly --today 2027-05-01 --feeds channel-feeds/inbox --ack-dir out/acks --export-dir out/pms
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The inbox folder of channel feed files (*.xml).") var feeds: String
    @Option(help: "Write one acknowledgement per message into this folder (created if missing).") var ackDir: String?
    @Option(help: "The PMS export folder (must exist and be writable).") var exportDir: String
    @Option(
        help: "Move imported files under this folder, one subfolder per night (default: 'archive' beside the inbox).")
    var archiveDir: String?
    @Flag(help: "Apply the yield recommendation (close and reopen classes, set overbooking allowances).")
    var applyYield = false
    @Option(help: "How many nights from today yield looks at (1 to 730).") var yieldNights: Int = 90
    @Option(help: "table or json.") var format: OutputFormat = .table

    func validate() throws {
        guard (1...730).contains(yieldNights) else {
            throw ValidationError("--yield-nights \(yieldNights) is out of range; give 1 to 730 nights")
        }
        guard format != .csv else { throw ValidationError("--format csv is not available here; use table or json") }
    }

    func run() throws {
        // Everything the user typed is checked before the database is opened: a bad night writes nothing.
        let given = try global.today.map(Parse.date)
        try FeedInbox.checkFolder(feeds, option: "--feeds")
        try FeedInbox.checkFolder(exportDir, option: "--export-dir")
        guard FileManager.default.fileExists(atPath: global.databasePath) else {
            throw DomainError.notFound(
                "database \(global.databasePath) does not exist; give --db of the hotel's database (or run 'hotelsales init' first)"
            )
        }
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try given ?? global.currentDate(for: hotel)
        let author = global.author
        let holder = ProcessIdentity.current(startedAt: ExportPMS.isoTimestamp(author.at))
        let start = try database.startNightlyRun(
            today: today, holder: holder, user: author.user, isStale: ProcessIdentity.isStale)
        guard case .started(let runID, let tookOver) = start else {
            if case .held(let other, _) = start {
                throw DomainError.refused(
                    "another nightly run holds the lock: \(other.description); it is still running — wait for it to finish (a dead run's lock is taken over)"
                )
            }
            return
        }
        var audit = NightAudit(
            database: database, hotel: hotel, today: today, author: author,
            options: .init(
                feeds: feeds, ackDirectory: ackDir, exportDirectory: exportDir, archiveDirectory: archiveDir,
                applyYield: applyYield, yieldNights: yieldNights),
            report: NightlyReport(runID: runID, today: today, hotelName: hotel.name, tookOver: tookOver))
        audit.run()
        var report = audit.report
        do {
            try database.finishNightlyRun(
                runID: runID, status: report.status, exitCode: report.exitCode, counts: report.counts,
                errors: report.errors, attention: report.attention)
        } catch {
            report.errors.append("log: \(NightAudit.sentence(error)) (the lock is left; the next run takes it over)")
        }
        Console.out(format == .json ? Table.json(report.object) : report.text)
        if let first = report.errors.first {
            Console.error("nightly run \(runID) for \(today) failed at \(first)")
        }
        if report.exitCode != ExitStatus.ok { throw ExitCode(report.exitCode) }
    }
}

struct NightlyHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "The nightly runs, newest first: when, for which night, what each step did, how they ended.",
        discussion: """
            STATUS: ok, attention (exit 3), failed, refused (another run held the lock), interrupted (stopped
            without finishing; a later run took its lock over), running.
            Example: hotelsales nightly history --format json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many runs.") var limit: Int = 50
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let runs = try global.open().nightlyRuns(limit: limit)
        if format == .table {
            var table = Table(columns: [
                .init(key: "id", title: "RUN", alignRight: true), .init(key: "today", title: "NIGHT"),
                .init(key: "startedAt", title: "STARTED"), .init(key: "endedAt", title: "ENDED"),
                .init(key: "status", title: "STATUS"), .init(key: "exitCode", title: "EXIT", alignRight: true),
                .init(key: "process", title: "PID@HOST"), .init(key: "feeds", title: "FILES", alignRight: true),
                .init(key: "bookings", title: "NEW/MOD/CXL/QUAR"),
                .init(key: "noShows", title: "NO-SHOWS", alignRight: true),
                .init(key: "released", title: "RELEASED"), .init(key: "yield", title: "YIELD"),
                .init(key: "exported", title: "EXPORTED", alignRight: true), .init(key: "notes", title: "NOTES"),
            ])
            table.rows = runs.map { run in
                let counts = run.counts
                return [
                    .integer(run.id), .text(run.today), .text(run.startedAt), .text(run.endedAt),
                    .text(run.status.rawValue), .integer(run.exitCode.map(Int64.init)),
                    .text("\(run.pid)@\(run.host)"),
                    .integer(Int64(counts.feedFiles + counts.feedFilesAlreadyImported + counts.feedFilesFailed)),
                    .text("\(counts.created)/\(counts.modified)/\(counts.cancelled)/\(counts.quarantined)"),
                    .integer(Int64(counts.noShows)),
                    .text("\(counts.blocksReleased) (\(counts.roomNightsReleased) rn)"),
                    .text(
                        "\(counts.yieldClosed) closed, \(counts.yieldChanges) \(counts.yieldApplied ? "applied" : "pending")"
                    ),
                    .integer(Int64(counts.exportedRecords)),
                    .text((run.errors + run.attention).first ?? (run.lastStep.map { "last step \($0)" } ?? "")),
                ]
            }
            Console.out(table.render(.table))
            return
        }
        var table = Table(
            columns: [
                "id", "today", "startedAt", "endedAt", "user", "host", "pid", "status", "exitCode", "lastStep",
                "feedFiles", "feedFilesAlreadyImported", "feedFilesLeftInInbox", "created", "modified", "cancelled",
                "unchanged", "quarantined", "overbooked", "noShows", "noShowsThrough", "blocksReleased",
                "roomNightsReleased", "yieldCells", "yieldClosed", "yieldChanges", "yieldApplied", "exportedRecords",
                "exportedFiles", "errors", "attention",
            ].map { Table.Column(key: $0, title: $0) })
        table.rows = runs.map { run in
            let counts = run.counts
            let numbers = [
                counts.feedFiles, counts.feedFilesAlreadyImported, counts.feedFilesFailed, counts.created,
                counts.modified,
                counts.cancelled, counts.unchanged, counts.quarantined, counts.overbooked, counts.noShows,
            ].map { Table.Cell.integer(Int64($0)) }
            return [
                .integer(run.id), .text(run.today), .text(run.startedAt), .text(run.endedAt), .text(run.user),
                .text(run.host), .integer(Int64(run.pid)), .text(run.status.rawValue),
                .integer(run.exitCode.map(Int64.init)),
                .text(run.lastStep),
            ] + numbers + [
                .text(run.noShowsThrough), .integer(Int64(counts.blocksReleased)),
                .integer(Int64(counts.roomNightsReleased)),
                .integer(Int64(counts.yieldCells)), .integer(Int64(counts.yieldClosed)),
                .integer(Int64(counts.yieldChanges)),
                .bool(counts.yieldApplied), .integer(Int64(counts.exportedRecords)),
                .integer(Int64(counts.exportedFiles)),
                .text(run.errors.joined(separator: " | ")), .text(run.attention.joined(separator: " | ")),
            ]
        }
        if format == .json {
            // Errors and attention as arrays in JSON.
            let objects: [[String: Any]] = zip(runs, table.rows).map { run, row in
                var object = Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.key), row.map(\.json)))
                object["errors"] = run.errors
                object["attention"] = run.attention
                return object
            }
            Console.out(Table.json(objects))
        } else {
            Console.out(table.render(.csv))
        }
    }
}
