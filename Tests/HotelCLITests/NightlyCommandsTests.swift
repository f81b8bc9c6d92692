import Foundation
import HotelDomain
import HotelStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `hotelsales nightly` through the built binary: the sample night with its literal counts, the same night run
/// again, the lock between two runs, the run log, and bad input.
@Suite("hotelsales end to end: nightly run")
struct NightlyCommandsTests {
    @Test(
        "The sample night imports the inbox, marks the no-show, releases TECH27, applies yield and exports; exit 3 for the quarantine"
    )
    func sampleNight() throws {
        let runner = try NightlyFixture.prepared()
        defer { runner.cleanUp() }
        let result = try runner.run(NightlyFixture.nightly(runner, ["--apply-yield", "--format", "json"]))
        #expect(result.status == 3, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr == "")
        let summary = try NightlyFixture.json(result.stdout)
        #expect(summary["run"] as? Int == 1)
        #expect(summary["status"] as? String == "attention")
        #expect(summary["stepsFinished"] as? [String] == ["feeds", "no-shows", "groups", "yield", "export"])
        #expect(summary["errors"] as? [String] == [])

        // Feeds: the five sample files, as `feeds import` counts them.
        let feeds = try #require(summary["feeds"] as? [String: Any])
        #expect(
            [
                "files", "alreadyImported", "leftInInbox", "created", "modified", "cancelled", "unchanged",
                "quarantined", "overbooked",
            ]
            .map { feeds[$0] as? Int ?? -1 } == [5, 0, 0, 3, 1, 0, 1, 1, 0])
        #expect(NightlyFixture.files(runner, "inbox") == [])
        #expect(NightlyFixture.files(runner, "archive/2027-05-01").count == 5)
        #expect(NightlyFixture.files(runner, "acks").count == 5)

        // No-shows: yesterday's confirmed DLX; the tentative one is listed, the checked-in one left alone.
        let noShows = try #require(summary["noShows"] as? [String: Any])
        #expect(noShows["arrivalsFrom"] as? String == "2027-04-30")
        #expect(noShows["arrivalsTo"] as? String == "2027-04-30")
        #expect(noShows["marked"] as? [String] == ["SHBUND-0000002"])
        #expect(noShows["tentativeLeft"] as? [String] == ["SHBUND-0000003"])
        #expect(
            try runner.run("bookings show SHBUND-0000002 --format json").stdout.contains("\"status\" : \"no-show\""))
        #expect(
            try runner.run("bookings show SHBUND-0000004 --format json").stdout.contains("\"status\" : \"checked-in\""))

        // Groups: TECH27's cutoff was 2027-04-20; 40 room-nights blocked, 2 picked up, 38 released.
        let groups = try #require(summary["groups"] as? [String: Any])
        #expect(groups["roomNights"] as? Int == 38)
        #expect((groups["released"] as? [[String: Any]])?.map { $0["group"] as? String } == ["TECH27"])

        // Yield: 90 nights × 5 room types from today; the pickup forecast has no history, so no class closes, and the
        // overbooking allowances of STD (44 rooms) and DLX (40) are set on every night: 180 changes.
        let yield = try #require(summary["yield"] as? [String: Any])
        #expect(yield["from"] as? String == "2027-05-01")
        #expect(yield["to"] as? String == "2027-07-29")
        #expect(["cells", "closed", "changes"].map { yield[$0] as? Int ?? -1 } == [450, 0, 180])
        #expect(yield["applied"] as? Bool == true)

        // Export: the first export of each entity is complete.
        let export = try #require(summary["export"] as? [String: Any])
        #expect(export["records"] as? Int == 13)
        let byEntity = try #require(export["recordsByEntity"] as? [String: Int])
        #expect(byEntity["companies"] == 1)
        #expect(byEntity["rates"] == 2)
        #expect(byEntity["reservations"] == 7)
        #expect(byEntity["restrictions"] == 2)
        let manifest = try #require(export["manifest"] as? String)
        let exported = NightlyFixture.files(runner, "pms")
        #expect(exported.contains(manifest))
        #expect(exported.count == export["files"] as? Int)
        #expect(exported.allSatisfy { !$0.hasSuffix(".tmp") })

        #expect(
            summary["attention"] as? [String] == [
                "1 quarantined message or record open: 'hotelsales feeds quarantine list', fix the mapping, 'feeds quarantine retry --all'"
            ])
        let database = try AppDatabase.open(path: runner.databasePath)
        let dlx = try database.inventory(
            from: CalendarDate(parsing: "2027-04-30"), to: CalendarDate(parsing: "2027-04-30"), roomType: "DLX")
        #expect(dlx.map(\.sold) == [0])
        let std = try database.inventory(
            from: CalendarDate(parsing: "2027-05-01"), to: CalendarDate(parsing: "2027-05-01"), roomType: "STD")
        #expect(std.map(\.held) == [0])
        #expect(std.map(\.overbookingAllowance) == [1])
        #expect(try database.inventoryDiscrepancies() == [])

        // The same night again, with the same files dropped into the inbox once more: nothing changes.
        let before = try NightlyFixture.dump(runner)
        try NightlyFixture.copySamples(into: runner)
        let again = try runner.run(NightlyFixture.nightly(runner, ["--apply-yield", "--format", "json"]))
        #expect(again.status == 3, "\(again.stdout) \(again.stderr)")
        let second = try NightlyFixture.json(again.stdout)
        let feedsAgain = try #require(second["feeds"] as? [String: Any])
        #expect(
            ["files", "alreadyImported", "created", "modified", "quarantined"].map { feedsAgain[$0] as? Int ?? -1 } == [
                0, 5, 0, 0, 0,
            ])
        #expect((second["noShows"] as? [String: Any])?["marked"] as? [String] == [])
        #expect((second["groups"] as? [String: Any])?["roomNights"] as? Int == 0)
        #expect((second["yield"] as? [String: Any])?["changes"] as? Int == 0)
        #expect((second["export"] as? [String: Any])?["records"] as? Int == 0)
        #expect(try NightlyFixture.dump(runner) == before)
        #expect(NightlyFixture.files(runner, "pms") == exported)
        #expect(NightlyFixture.files(runner, "inbox") == [])
        #expect(NightlyFixture.files(runner, "archive/2027-05-01").count == 5)

        // Both runs are logged.
        let history = try runner.run("nightly history --format json")
        #expect(history.status == 0, "\(history.stderr)")
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(runs.map { $0["id"] as? Int } == [2, 1])
        #expect(runs.map { $0["status"] as? String } == ["attention", "attention"])
        #expect(runs.map { $0["exitCode"] as? Int } == [3, 3])
        #expect(runs.map { $0["created"] as? Int } == [0, 3])
        #expect(runs.map { $0["noShows"] as? Int } == [0, 1])
        #expect(runs.map { $0["roomNightsReleased"] as? Int } == [0, 38])
        #expect(runs.map { $0["exportedRecords"] as? Int } == [0, 13])
        #expect(runs.map { $0["lastStep"] as? String } == ["export", "export"])
        #expect(runs.allSatisfy { $0["endedAt"] is String && $0["pid"] is Int && $0["host"] is String })
        let table = try runner.run("nightly history")
        #expect(table.stdout.split(separator: "\n").count == 4)  // title, rule, two runs
    }

    @Test("A second run is refused and names the holder while the first runs; a killed run's lock is taken over")
    func lock() throws {
        let runner = try NightlyFixture.prepared(samples: false)
        defer { runner.cleanUp() }
        // Large enough that the first run is still importing it when it is killed (the third run imports it).
        let feed = try SyntheticFeed.write(bookings: 12_000, seed: 5)
        try FileManager.default.moveItem(
            at: feed, to: runner.directory.appendingPathComponent("inbox/SITEMINDER_2027-04-30_big.xml"))

        let first = try NightlyFixture.start(NightlyFixture.nightly(runner, acks: false))
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        let database = try AppDatabase.open(path: runner.databasePath)
        let deadline = Date().addingTimeInterval(20)
        while try database.nightlyRuns(limit: 1).first?.status != .running, first.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(first.isRunning, "the first run finished before the second started; make the feed larger")
        let second = try runner.run(NightlyFixture.nightly(runner, acks: false))
        #expect(second.status == 1)
        #expect(second.stdout == "")
        #expect(
            second.stderr.hasPrefix(
                "hotelsales: another nightly run holds the lock: pid \(first.processIdentifier) on host "),
            "\(second.stderr)")
        #expect(second.stderr.contains("(run 1 for 2027-05-01); it is still running"), "\(second.stderr)")
        #expect(second.stderr.split(separator: "\n").count == 1)

        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let third = try runner.run(NightlyFixture.nightly(runner, acks: false))
        #expect(third.status == 3, "\(third.stdout) \(third.stderr)")  // the synthetic feed overbooks nights
        #expect(
            third.stdout.contains(
                "lock      taken over from a run that stopped without finishing: pid \(first.processIdentifier) on host "
            ), "\(third.stdout)")
        #expect(NightlyFixture.files(runner, "inbox") == [])

        let runs = try database.nightlyRuns()
        #expect(runs.map(\.id) == [3, 2, 1])
        #expect(runs.map(\.status) == [.attention, .refused, .interrupted])
        #expect(runs[2].pid == first.processIdentifier)
        #expect(runs[2].endedAt == nil)
        #expect(runs[2].errors.first?.hasPrefix("stopped without finishing (killed, crashed or rebooted)") == true)
        #expect(
            runs[1].errors.first?.hasPrefix("another nightly run holds the lock: pid \(first.processIdentifier)")
                == true)
        #expect(runs[0].counts.feedFiles == 1)
        #expect(try database.integrityCheck() == "ok")
        #expect(try database.foreignKeyViolations() == [])
        #expect(try database.inventoryDiscrepancies() == [])
        let table = try runner.run("nightly history")
        #expect(table.stdout.contains("interrupted"))
        #expect(table.stdout.contains("refused"))
    }

    @Test(
        "Bad input is refused in one line before anything is written",
        arguments: [
            (["--today", "2027-02-30"], Int32(65), "2027-02-30"),
            (["--today", "tomorrow"], Int32(65), "tomorrow"),
            (["--feeds", "/nonexistent/inbox"], Int32(1), "--feeds folder /nonexistent/inbox does not exist"),
            (["--export-dir", "/nonexistent/pms"], Int32(1), "--export-dir folder /nonexistent/pms does not exist"),
            (["--yield-nights", "0"], Int32(64), "--yield-nights 0 is out of range"),
        ])
    func badInput(override: [String], status: Int32, message: String) throws {
        let runner = try NightlyFixture.prepared()
        defer { runner.cleanUp() }
        var arguments = NightlyFixture.nightly(runner)
        for index in stride(from: 0, to: override.count, by: 2) {
            if let position = arguments.firstIndex(of: override[index]) {
                arguments[position + 1] = override[index + 1]
            } else {
                arguments += [override[index], override[index + 1]]
            }
        }
        let before = try runner.dump()
        let result = try runner.run(arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        if status != 64 { #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)") }
        #expect(result.stdout == "")
        #expect(try runner.dump() == before)
        #expect(NightlyFixture.files(runner, "inbox").count == 5)
    }

    @Test("A database that does not exist is refused, not created")
    func missingDatabase() throws {
        let runner = try NightlyFixture.prepared()
        defer { runner.cleanUp() }
        var arguments = NightlyFixture.nightly(runner)
        let missing = runner.directory.appendingPathComponent("other.sqlite").path
        arguments[arguments.firstIndex(of: "--db")! + 1] = missing
        let result = try runner.run(arguments)
        #expect(result.status == 1)
        #expect(result.stderr.contains("database \(missing) does not exist"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
