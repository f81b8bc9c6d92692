import Foundation
import HotelDomain
import HotelStore

/// The steps of the night audit, in order: import the feed inbox, mark yesterday's no-shows, release group
/// blocks past their cutoff, refresh yield, export the changes to the PMS; then the checks that decide whether
/// a human must look at something.
///
/// Rules: every step reuses the use case of its own command (`feeds import`, `bookings no-show`,
/// `groups release-due`, `yield recommend|apply`, `export pms`) and is idempotent, so the night run again
/// changes nothing. The counts are logged after each step; the first step that fails stops the run (the
/// later ones depend on it — an export must include the night's imports), and the next run takes up where
/// it stopped.
struct NightAudit {
    struct Options {
        var feeds: String
        var ackDirectory: String?
        var exportDirectory: String
        var archiveDirectory: String?
        var applyYield: Bool
        var yieldNights: Int
    }

    static let steps = ["feeds", "no-shows", "groups", "yield", "export"]

    let database: AppDatabase
    let hotel: Hotel
    let today: CalendarDate
    let author: ChangeAuthor
    let options: Options
    var report: NightlyReport

    mutating func run() {
        for step in Self.steps {
            do {
                switch step {
                case "feeds": try importFeeds()
                case "no-shows": try markNoShows()
                case "groups": try releaseBlocks()
                case "yield": try refreshYield()
                default: try exportChanges()
                }
                report.finishedSteps.append(step)
                try database.recordNightlyStep(runID: report.runID, step: step, counts: report.counts)
            } catch {
                report.errors.append("\(step): \(Self.sentence(error))")
                return
            }
        }
        do {
            try check()
        } catch {
            report.errors.append("checks: \(Self.sentence(error))")
        }
    }

    static func sentence(_ error: Error) -> String {
        (error as? DomainError)?.description ?? String(describing: error)
    }

    // MARK: - Steps

    private mutating func importFeeds() throws {
        let inbox = FeedInbox(folder: options.feeds, archiveDirectory: options.archiveDirectory, today: today)
        report.archive = inbox.archive.path
        let files = try inbox.files()
        guard !files.isEmpty else { return }
        let channels = try database.channels()
        let acknowledgements = options.ackDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
        if let acknowledgements {
            do {
                try FileManager.default.createDirectory(at: acknowledgements, withIntermediateDirectories: true)
            } catch {
                throw DomainError.refused(
                    "cannot create the acknowledgement folder \(acknowledgements.path): \(error.localizedDescription)")
            }
        }
        var importer = FeedImport(
            database: database, hotel: hotel, author: author, today: today,
            acknowledgementDirectory: acknowledgements, startedAt: Date(), progress: nil)
        for file in files {
            let name = file.lastPathComponent
            guard let code = FeedImport.channel(of: file, given: nil, known: channels.map(\.code)),
                let channel = channels.first(where: { $0.code == code })
            else {
                report.counts.feedFilesFailed += 1
                report.attention.append(
                    "feed file \(name) left in the inbox: its name does not tell its channel (CHANNEL_….xml, known: \(channels.map(\.code.rawValue).joined(separator: ", "))); import it with 'hotelsales feeds import FILE --channel CODE'"
                )
                continue
            }
            guard FileManager.default.isReadableFile(atPath: file.path) else {
                report.counts.feedFilesFailed += 1
                report.attention.append("feed file \(name) left in the inbox: it cannot be read (permissions)")
                continue
            }
            let result = importer.importFile(file, channel: channel)
            report.feedFiles.append(result)
            if let failed = result.failed {
                report.counts.feedFilesFailed += 1
                throw DomainError.refused("\(name): \(failed)")
            }
            if result.alreadyImported != nil {
                report.counts.feedFilesAlreadyImported += 1
            } else {
                report.counts.feedFiles += 1
                report.counts.created += result.counts.created
                report.counts.modified += result.counts.modified
                report.counts.cancelled += result.counts.cancelled
                report.counts.unchanged += result.counts.unchanged
                report.counts.quarantined += result.counts.quarantined
                report.counts.overbooked += result.counts.overbooked
            }
            try inbox.archive(file)
        }
    }

    private mutating func markNoShows() throws {
        let marking = try database.markNoShows(
            yesterday: today.adding(days: -1), today: today, runID: report.runID, by: author)
        report.noShows = marking
        report.counts.noShows = marking.marked.count
    }

    private mutating func releaseBlocks() throws {
        let releases = try database.releaseDueBlocks(today: today, by: author)
        report.releases = releases
        report.counts.blocksReleased = releases.count
        report.counts.roomNightsReleased = releases.reduce(0) { $0 + $1.releasedRoomNights }
    }

    private mutating func refreshYield() throws {
        let nights = try NightRange(first: today, last: today.adding(days: options.yieldNights - 1))
        report.yieldNights = nights
        let recommendations = try database.yieldRecommendations(from: nights.first, to: nights.last, today: today)
        report.counts.yieldCells = recommendations.count
        report.counts.yieldClosed = recommendations.reduce(0) { $0 + $1.classes.filter { !$0.open }.count }
        if options.applyYield {
            let changed = try database.applyYield(recommendations, by: author)
            report.counts.yieldChanges = changed.controls + changed.allowances
            report.counts.yieldApplied = true
        } else {
            report.counts.yieldChanges = try database.pendingYieldChanges(recommendations)
        }
    }

    private mutating func exportChanges() throws {
        let outcome = try NightlyExport(
            database: database, hotel: hotel, folder: options.exportDirectory, author: author
        ).run()
        report.export = outcome
        report.counts.exportedRecords = outcome.records
        report.counts.exportedFiles = outcome.files
    }

    // MARK: - What needs a human

    private mutating func check() throws {
        let open = try database.openQuarantineCount()
        if open > 0 {
            report.attention.append(
                "\(open) quarantined message\(open == 1 ? "" : "s") or record\(open == 1 ? "" : "s") open: 'hotelsales feeds quarantine list', fix the mapping, 'feeds quarantine retry --all'"
            )
        }
        let oversold = try database.oversoldNights(from: today)
        if !oversold.isEmpty {
            report.attention.append(
                "\(oversold.count) room-type night\(oversold.count == 1 ? "" : "s") from \(today) on sold past the limit (walks to plan): \(oversold.prefix(3).joined(separator: "; "))\(oversold.count > 3 ? "; …" : "") — 'hotelsales inventory show'"
            )
        }
        let discrepancies = try database.inventoryDiscrepancies() + database.receivableDiscrepancies()
        if !discrepancies.isEmpty {
            report.attention.append(
                "\(discrepancies.count) stored counter\(discrepancies.count == 1 ? "" : "s") or balance\(discrepancies.count == 1 ? "" : "s") disagree with the bookings or ledger entries: \(discrepancies.prefix(3).joined(separator: "; "))"
            )
        }
    }
}
