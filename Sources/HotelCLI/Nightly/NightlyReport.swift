import Foundation
import HotelDomain
import HotelStore

/// What one nightly run did, for its summary (table or JSON) and its exit code.
struct NightlyReport {
    var runID: Int64
    var today: CalendarDate
    var hotelName: String
    var tookOver: NightlyLockHolder?
    var counts = NightlyCounts()
    var finishedSteps: [String] = []
    var feedFiles: [FeedImport.FileResult] = []
    var archive: String?
    var noShows: NoShowMarking?
    var releases: [BlockRelease] = []
    var yieldNights: NightRange?
    var export: NightlyExport.Outcome?
    var attention: [String] = []
    var errors: [String] = []

    /// 1 when a step failed, 3 when something needs a human, else 0.
    var exitCode: Int32 {
        if !errors.isEmpty { return ExitStatus.refused }
        return attention.isEmpty ? ExitStatus.ok : ExitStatus.discrepancies
    }

    var status: NightlyRunStatus {
        if !errors.isEmpty { return .failed }
        return attention.isEmpty ? .ok : .attention
    }

    // MARK: - Table

    var text: String {
        let verdict: String
        switch status {
        case .ok: verdict = "done"
        case .attention: verdict = "done, needs a human"
        default: verdict = "FAILED"
        }
        var lines = ["Nightly run \(runID) for \(today), \(hotelName): \(verdict) (exit \(exitCode))"]
        func line(_ step: String, _ text: String) {
            lines.append("  \(step.padding(toLength: 10, withPad: " ", startingAt: 0))\(text)")
        }
        if let tookOver {
            line("lock", "taken over from a run that stopped without finishing: \(tookOver.description)")
        }
        for step in NightAudit.steps {
            guard finishedSteps.contains(step) else {
                line(
                    step,
                    errors.first { $0.hasPrefix("\(step):") }.map { "FAILED — \($0.dropFirst(step.count + 2))" }
                        ?? "not run")
                continue
            }
            line(step, describe(step))
        }
        if !attention.isEmpty {
            lines.append("Needs a human:")
            lines += attention.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ step: String) -> String {
        switch step {
        case "feeds":
            let files = counts.feedFiles + counts.feedFilesAlreadyImported + counts.feedFilesFailed
            guard files > 0 else { return "inbox empty" }
            var text =
                "\(files) file\(files == 1 ? "" : "s") (\(counts.feedFilesAlreadyImported) already imported, \(counts.feedFilesFailed) left in the inbox): \(counts.created) new, \(counts.modified) modified, \(counts.cancelled) cancelled, \(counts.unchanged) unchanged, \(counts.quarantined) quarantined, \(counts.overbooked) overbooked"
            if let archive, counts.feedFiles + counts.feedFilesAlreadyImported > 0 {
                text += "; archived in \(archive)"
            }
            return text
        case "no-shows":
            guard let noShows else { return "-" }
            let days =
                noShows.arrivals.first == noShows.arrivals.last
                ? "arrivals of \(noShows.arrivals.first)"
                : "arrivals of \(noShows.arrivals.first)…\(noShows.arrivals.last)"
            var text = "\(noShows.marked.count) marked for \(days)"
            if !noShows.marked.isEmpty { text += ": \(Self.list(noShows.marked))" }
            if !noShows.tentativeLeft.isEmpty {
                text +=
                    "; \(noShows.tentativeLeft.count) tentative not arrived, left for the front desk: \(Self.list(noShows.tentativeLeft))"
            }
            return text
        case "groups":
            guard !releases.isEmpty else { return "no block past its cutoff" }
            return
                "\(releases.count) block\(releases.count == 1 ? "" : "s") released: \(releases.map { "\($0.group) (\($0.releasedRoomNights) room-nights)" }.joined(separator: ", "))"
        case "yield":
            let range = yieldNights.map { "\($0.first)…\($0.last)" } ?? "-"
            return
                "\(range), \(counts.yieldCells) night × room type cells: \(counts.yieldClosed) class-nights closed; \(counts.yieldChanges) control/allowance change\(counts.yieldChanges == 1 ? "" : "s") \(counts.yieldApplied ? "applied" : "not applied (--apply-yield applies them)")"
        default:
            guard let export, export.records > 0 else {
                return "nothing changed since the last export; no file written"
            }
            let entities = export.recordsByEntity.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            return
                "\(export.records) records (\(entities.joined(separator: ", "))) in \(export.files) files, manifest \(export.manifest ?? "-")"
        }
    }

    private static func list(_ items: [String]) -> String {
        items.prefix(10).joined(separator: ", ") + (items.count > 10 ? " and \(items.count - 10) more" : "")
    }

    // MARK: - JSON

    var object: [String: Any] {
        let feeds: [String: Any] = [
            "files": counts.feedFiles, "alreadyImported": counts.feedFilesAlreadyImported,
            "leftInInbox": counts.feedFilesFailed, "created": counts.created, "modified": counts.modified,
            "cancelled": counts.cancelled, "unchanged": counts.unchanged, "quarantined": counts.quarantined,
            "overbooked": counts.overbooked, "archive": archive ?? NSNull(),
            "results": feedFiles.map(FeedsImport.object),
        ]
        var noShowObject: Any = NSNull()
        if let noShows {
            noShowObject =
                [
                    "arrivalsFrom": noShows.arrivals.first.description, "arrivalsTo": noShows.arrivals.last.description,
                    "marked": noShows.marked, "tentativeLeft": noShows.tentativeLeft,
                ] as [String: Any]
        }
        let groups: [String: Any] = [
            "released": releases.map { ["group": $0.group.rawValue, "roomNights": $0.releasedRoomNights] },
            "roomNights": counts.roomNightsReleased,
        ]
        let yield: [String: Any] = [
            "from": yieldNights?.first.description ?? NSNull(), "to": yieldNights?.last.description ?? NSNull(),
            "cells": counts.yieldCells, "closed": counts.yieldClosed, "changes": counts.yieldChanges,
            "applied": counts.yieldApplied,
        ]
        let exportObject: [String: Any] = [
            "records": counts.exportedRecords, "files": counts.exportedFiles,
            "recordsByEntity": export?.recordsByEntity ?? [:], "manifest": export?.manifest ?? NSNull(),
        ]
        var lock: Any = NSNull()
        if let tookOver {
            lock =
                [
                    "tookOverRun": tookOver.runID.map { $0 as Any } ?? NSNull(), "pid": Int(tookOver.pid),
                    "host": tookOver.host,
                    "startedAt": tookOver.startedAt,
                ] as [String: Any]
        }
        return [
            "run": runID, "today": today.description, "status": status.rawValue, "exitCode": Int(exitCode),
            "lock": lock, "stepsFinished": finishedSteps, "feeds": feeds, "noShows": noShowObject, "groups": groups,
            "yield": yield, "export": exportObject, "attention": attention, "errors": errors,
        ]
    }
}
