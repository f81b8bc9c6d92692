import Foundation
import HotelDomain
import HotelStore
import Testing

@testable import HotelCLI

#if canImport(Glibc)
    import Glibc
#endif

/// Faults and load with real processes: kill -9 during a feed import and during the nightly run, 8 processes at
/// once, a full disk and a read-only database. Figures go to stdout (RELIABILITY-nightly.md quotes them).
@Suite("Reliability: kills, concurrency, disk full, read-only", .serialized)
struct NightlyFaultTests {
    // MARK: - kill -9

    @Test("A large feed import killed -9 at 5 seeded random moments, then run again, equals an uninterrupted import")
    func killedImport() throws {
        let feed = try SyntheticFeed.write(bookings: 10_000, seed: 29)
        defer { try? FileManager.default.removeItem(at: feed) }
        let arguments = ["feeds", "import", feed.path, "--channel", "SITEMINDER", "--today", NightlyFixture.today]

        let reference = try NightlyFixture.prepared(samples: false)
        defer { reference.cleanUp() }
        var uninterrupted = CommandRunner.Result(status: -1, stdout: "", stderr: "")
        let duration = try NightlyFixture.timed { uninterrupted = try reference.run(arguments) }
        #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")

        // Each attempt is killed a seeded random 0–200 ms after it committed its first batch, so it is cut at a
        // random point of the next batch or so, whatever the load. A batch ends after 8,192 messages or a quarter
        // of a second: the debug build the tests run commits these 10,000 messages in ten batches or more.
        let runner = try NightlyFixture.prepared(samples: false)
        defer { runner.cleanUp() }
        let database = try AppDatabase.open(path: runner.databasePath)
        var kills = 0
        var sold: [Int] = []
        let delays = NightlyFixture.delays(count: 5, seed: 2027, in: 0...0.2)
        for delay in delays {
            let killed = try NightlyFixture.runKilledAfterProgress(
                arguments + ["--db", runner.databasePath], progress: { try NightlyFixture.roomsSold(database) },
                delay: delay)
            if killed {
                kills += 1
                sold.append(try NightlyFixture.roomsSold(database))
            }
        }
        let resumed = try runner.run(arguments)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(kills >= 4, "only \(kills) of 5 kills landed before the import finished")
        #expect(try database.integrityCheck() == "ok")
        #expect(try database.businessDump() == AppDatabase.open(path: reference.databasePath).businessDump())
        #expect(try database.inventoryDiscrepancies() == [])
        let total = try NightlyFixture.roomsSold(database)
        print(
            "killed import: 10,000 bookings, uninterrupted \(String(format: "%.2f", duration)) s; kills \(delays.map { String(format: "%.0f", $0 * 1000) }.joined(separator: ", ")) ms after each attempt's first commit; \(kills) kills survived (rooms sold after each: \(sold.map(String.init).joined(separator: ", ")) of \(total)); dump equal, integrity ok"
        )
    }

    @Test(
        "The nightly run killed -9 at 5 seeded random moments, and right after feeds, groups and yield, equals an uninterrupted run"
    )
    func killedNightly() throws {
        func prepared() throws -> CommandRunner {
            let runner = try NightlyFixture.prepared()
            let feed = try SyntheticFeed.write(bookings: 4_000, seed: 31)
            try FileManager.default.moveItem(
                at: feed, to: runner.directory.appendingPathComponent("inbox/SITEMINDER_2027-04-30_big.xml"))
            return runner
        }
        let reference = try prepared()
        defer { reference.cleanUp() }
        var uninterrupted = CommandRunner.Result(status: -1, stdout: "", stderr: "")
        let duration = try NightlyFixture.timed {
            uninterrupted = try reference.run(NightlyFixture.nightly(reference, ["--apply-yield"], acks: false))
        }
        #expect(uninterrupted.status == 3, "\(uninterrupted.stdout) \(uninterrupted.stderr)")
        let expected = try AppDatabase.open(path: reference.databasePath).businessDump()

        // Two sequences on two copies of the night: kills at seeded random moments (most land in the feed import,
        // the longest step), and kills as soon as the run logs the end of feeds, groups and yield (so the later
        // steps are cut too). Each ends with a run to the end, which must leave what the uninterrupted run left.
        var report: [String] = []
        for sequence in ["random", "after steps"] {
            let runner = try prepared()
            defer { runner.cleanUp() }
            let database = try AppDatabase.open(path: runner.databasePath)
            let arguments = NightlyFixture.nightly(runner, ["--apply-yield"], acks: false)
            /// Where a killed run died: the step after the last one it logged as finished.
            func diedIn(_ pid: Int32) throws -> String {
                guard let run = try database.nightlyRuns(limit: 1).first, run.status == .running, run.pid == pid else {
                    return "before the lock"
                }
                guard let last = run.lastStep, let index = NightAudit.steps.firstIndex(of: last) else {
                    return NightAudit.steps[0]
                }
                return index + 1 < NightAudit.steps.count ? NightAudit.steps[index + 1] : "the run log"
            }
            var kills: [String] = []
            if sequence == "random" {
                // A seeded random moment after the attempt first commits something (a feed batch), within the first
                // fifth of the uninterrupted run's time, at most 400 ms: the import gets faster, the kills follow.
                let delays = NightlyFixture.delays(count: 5, seed: 9, in: 0...min(0.4, duration * 0.2))
                for delay in delays {
                    var pid: Int32 = 0
                    let killed = try NightlyFixture.runKilledAfterProgress(
                        arguments, progress: { try NightlyFixture.roomsSold(database) }, delay: delay, pid: { pid = $0 }
                    )
                    if killed { kills.append(try diedIn(pid)) }
                }
                #expect(kills.count >= 3, "only \(kills.count) of 5 random kills landed before the run finished")
                report.append(
                    "random kills \(delays.map { String(format: "%.0f", $0 * 1000) }.joined(separator: ", ")) ms after each attempt's first commit: \(kills.count) died in \(kills.joined(separator: ", "))"
                )
            } else {
                for step in ["feeds", "groups", "yield"] {
                    let process = try NightlyFixture.start(arguments)
                    let deadline = Date().addingTimeInterval(25)
                    while process.isRunning, Date() < deadline {
                        if let run = try database.nightlyRuns(limit: 1).first, run.status == .running,
                            run.pid == process.processIdentifier, let last = run.lastStep,
                            (NightAudit.steps.firstIndex(of: last) ?? -1)
                                >= (NightAudit.steps.firstIndex(of: step) ?? 0)
                        {
                            kill(process.processIdentifier, SIGKILL)
                            break
                        }
                        Thread.sleep(forTimeInterval: 0.001)
                    }
                    process.waitUntilExit()
                    if process.terminationReason == .uncaughtSignal {
                        kills.append(try diedIn(process.processIdentifier))
                    }
                }
                #expect(kills.count == 3, "only \(kills.count) of the 3 kills after a step landed: \(kills)")
                #expect(kills.contains("export"), "no kill landed in the export: \(kills)")
                report.append("kills after feeds, groups, yield: died in \(kills.joined(separator: ", "))")
            }
            let final = try runner.run(arguments)
            #expect(final.status == 3, "\(sequence): \(final.stdout) \(final.stderr)")
            #expect(try database.integrityCheck() == "ok")
            #expect(try database.businessDump() == expected, "\(sequence)")
            #expect(try database.inventoryDiscrepancies() == [])
            #expect(NightlyFixture.files(runner, "inbox") == [])
            #expect(
                NightlyFixture.files(runner, "archive/2027-05-01")
                    == NightlyFixture.files(reference, "archive/2027-05-01"))
            let runs = try database.nightlyRuns()
            #expect(!runs.contains { $0.status == .running })
            #expect(runs.first?.status == .attention)
            let interrupted = runs.filter { $0.status == .interrupted }.count
            #expect(interrupted <= kills.count)
            let leftovers = NightlyFixture.files(runner, "pms").filter { $0.hasSuffix(".tmp") }.count
            report[report.count - 1] +=
                "; \(interrupted) runs logged interrupted, \(leftovers) temporary export files left"
        }
        print(
            "killed nightly: 4,000 bookings + the sample night, uninterrupted \(String(format: "%.2f", duration)) s; \(report.joined(separator: "; ")); both: dump equal, integrity ok"
        )
    }

    // MARK: - 8 processes

    /// Four feed files over 1,600 channel bookings: every booking in two files, its modification (later) and
    /// its cancellation (latest) in other files, so that processes importing different files race on the same ones.
    static func overlappingFeeds(in folder: URL) throws -> [URL] {
        var texts = Array(repeating: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Feed>\n", count: 4)
        let types = SyntheticFeed.roomTypes
        for reference in 0..<1_600 {
            let home = reference / 400
            let arrival = reference * 7 % 300
            let nights = 1 + reference % 3
            let type = types[reference % types.count]
            let book = SyntheticFeed.message(
                reference: "OVL-\(reference)", status: "Book", arrivalDay: arrival, nights: nights, roomType: type,
                amount: 500 + reference % 700, minute: reference)
            texts[home] += book
            texts[(home + 3) % 4] += book
            if reference % 10 == 3 {
                texts[(home + 1) % 4] += SyntheticFeed.message(
                    reference: "OVL-\(reference)", status: "Modify", arrivalDay: arrival, nights: nights + 1,
                    roomType: type,
                    amount: 600 + reference % 700, minute: 20_000 + reference)
            }
            if reference % 10 == 7 {
                texts[(home + 2) % 4] += SyntheticFeed.message(
                    reference: "OVL-\(reference)", status: "Cancel", arrivalDay: arrival, nights: nights,
                    roomType: type,
                    amount: 500 + reference % 700, minute: 30_000 + reference)
            }
        }
        return try texts.enumerated().map { index, text in
            let url = folder.appendingPathComponent("SITEMINDER_overlap-\(index).xml")
            try (text + "</Feed>\n").write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }

    /// Each channel booking's effective state; a cancelled booking and one never created (its cancellation came
    /// first and stays as a tombstone) are the same thing to the hotel: no room.
    static func channelState(_ database: AppDatabase) throws -> [String: String] {
        var state: [String: String] = [:]
        for reservation in try database.reservations(ReservationFilter(limit: 100_000)) {
            guard let reference = reservation.channelReference, reservation.status != .cancelled else { continue }
            state[reference] =
                "\(reservation.status.rawValue) \(reservation.roomType) \(reservation.stay) \(reservation.rooms) \(reservation.total.minorUnits)"
        }
        return state
    }

    @Test("8 processes import overlapping feeds and book the last rooms at once: nothing lost, doubled or oversold")
    func concurrentProcesses() throws {
        let runner = try NightlyFixture.prepared(samples: false)
        defer { runner.cleanUp() }
        let feeds = try Self.overlappingFeeds(in: runner.directory)
        let reference = try NightlyFixture.prepared(samples: false)
        defer { reference.cleanUp() }
        let sequential = try reference.run(["feeds", "import"] + feeds.map(\.path))
        #expect(sequential.status == 0, "\(sequential.stderr)")

        // Each worker is one shell running its hotelsales processes one after another; the 8 workers run at once.
        // Even workers import first and then book, odd ones book first: imports and bookings overlap.
        var workers: [(Process, URL, [String])] = []
        for worker in 0..<8 {
            let folder = runner.directory.appendingPathComponent("worker-\(worker)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let importing = "feeds import \(feeds[worker % 4].path) \(feeds[(worker + 1) % 4].path) --today 2027-05-01"
            let booking = (0..<6).map {
                "bookings create --room-type DLX --arrival 2027-12-20 --nights 2 --guest Racer-\(worker)-\($0) --today 2027-05-01"
            }
            let commands = worker % 2 == 0 ? [importing] + booking : booking + [importing]
            let script = commands.enumerated().map { index, command in
                "s=$(date +%s%N); \"$0\" \(command) --db \(runner.databasePath) > \(folder.path)/\(index).out 2> \(folder.path)/\(index).err; echo $? > \(folder.path)/\(index).code; echo $(( ($(date +%s%N) - s) / 1000000 )) > \(folder.path)/\(index).ms"
            }.joined(separator: "\n")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script, CommandRunner.binary.path]
            process.currentDirectoryURL = CommandRunner.packageRoot
            workers.append((process, folder, commands))
        }
        let started = Date()
        for (process, _, _) in workers { try process.run() }
        for (process, _, _) in workers { process.waitUntilExit() }
        let elapsed = Date().timeIntervalSince(started)

        var confirmations: [String] = []
        var slowestBooking = 0
        var slowestImport = 0
        var bookingTimes: [Int] = []
        var full = 0
        var imports = 0
        for (_, folder, commands) in workers {
            for (index, command) in commands.enumerated() {
                func read(_ ext: String) -> String {
                    (try? String(contentsOf: folder.appendingPathComponent("\(index).\(ext)"), encoding: .utf8)) ?? ""
                }
                let code = read("code").trimmingCharacters(in: .whitespacesAndNewlines)
                let milliseconds = Int(read("ms").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
                if command.hasPrefix("bookings") {
                    slowestBooking = max(slowestBooking, milliseconds)
                    bookingTimes.append(milliseconds)
                } else {
                    slowestImport = max(slowestImport, milliseconds)
                }
                let out = read("out")
                let err = read("err")
                #expect(!err.contains("locked"), "\(command): \(err)")
                if command.hasPrefix("feeds import") {
                    #expect(code == "0", "\(command): \(code) \(err)")
                    imports += 1
                } else if code == "0" {
                    confirmations.append(out.trimmingCharacters(in: .whitespacesAndNewlines))
                } else {
                    #expect(code == "1" && err.contains("DLX is full on 2027-12-20"), "\(command): \(code) \(err)")
                    full += 1
                }
            }
        }
        #expect(imports == 8)
        #expect(confirmations.count == 40)  // DLX has 40 rooms and no overbooking allowance in December
        #expect(full == 8)
        #expect(Set(confirmations).count == confirmations.count)
        #expect(confirmations.allSatisfy { $0.hasPrefix("SHBUND-") && $0.count == 14 })

        let database = try AppDatabase.open(path: runner.databasePath)
        let direct = try database.reservations(
            ReservationFilter(arrivalFrom: CalendarDate(parsing: "2027-12-20"), limit: 1_000)
        )
        .filter { $0.source == .direct }
        #expect(Set(direct.map(\.confirmation)) == Set(confirmations))
        let december = try database.inventory(
            from: CalendarDate(parsing: "2027-12-20"), to: CalendarDate(parsing: "2027-12-21"), roomType: "DLX")
        #expect(december.map(\.sold) == [40, 40])
        let state = try Self.channelState(database)
        #expect(state.count == 1_440)  // 1,600 bookings less the 160 cancelled
        #expect(try state == Self.channelState(AppDatabase.open(path: reference.databasePath)))
        #expect(try database.inventoryDiscrepancies() == [])
        #expect(try database.integrityCheck() == "ok")
        print(
            "8 processes: 8 imports of 2 overlapping files (1,600 bookings, each in 2 files) + 48 bookings for the last 40 DLX rooms, \(String(format: "%.2f", elapsed)) s; 40 booked, 8 refused full, 0 failed busy (booking processes: median \(bookingTimes.sorted()[bookingTimes.count / 2]) ms, slowest \(slowestBooking) ms while waiting for the lock; slowest import \(slowestImport) ms); channel bookings equal a sequential import"
        )
    }

    // MARK: - Disk full, read-only

    static var canMountTmpfs: Bool {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        probe.arguments = ["-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    enum DiskLimit: String, CaseIterable, CustomTestStringConvertible {
        /// A tmpfs of the database's size + 192 KB in a private mount namespace (root only): writes fail with ENOSPC.
        case tmpfs
        /// RLIMIT_FSIZE (`ulimit -f`) of the database's size + 128 KB, SIGXFSZ ignored: writes fail with EFBIG.
        case fileSizeLimit
        var testDescription: String { rawValue }
    }

    @Test(
        "A full disk during the nightly run: one-line error, exit 1, no partial write; the next run completes",
        arguments: DiskLimit.allCases)
    func diskFull(limit: DiskLimit) throws {
        if limit == .tmpfs, !Self.canMountTmpfs {
            print("disk full (tmpfs): skipped — needs root and mount namespaces")
            return
        }
        func prepared() throws -> CommandRunner {
            let runner = try NightlyFixture.prepared(samples: false)
            let feed = try SyntheticFeed.write(bookings: 2_000, seed: 37)
            try FileManager.default.moveItem(
                at: feed, to: runner.directory.appendingPathComponent("inbox/SITEMINDER_2027-04-30_big.xml"))
            return runner
        }
        let reference = try prepared()
        defer { reference.cleanUp() }
        // 2,000 synthetic bookings overbook nothing and quarantine nothing: exit 0.
        #expect(try reference.run(NightlyFixture.nightly(reference, acks: false)).status == 0)

        let runner = try prepared()
        defer { runner.cleanUp() }
        let before = try runner.dump(excludingVolatile: true)
        let path = runner.databasePath
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        var arguments = NightlyFixture.nightly(runner, acks: false)
        let process = Process()
        process.currentDirectoryURL = CommandRunner.packageRoot
        switch limit {
        case .tmpfs:
            let mount = runner.directory.appendingPathComponent("small-disk").path
            try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
            arguments[arguments.firstIndex(of: "--db")! + 1] = mount + "/hotelsales.sqlite"
            process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
            process.arguments =
                [
                    "-m", "sh", "-c",
                    """
                    mount -t tmpfs -o size=\(size + walSize + 196_608) tmpfs "\(mount)" || exit 99
                    cp "\(path)" "\(mount)/" && { [ ! -f "\(path)-wal" ] || cp "\(path)-wal" "\(mount)/"; }
                    "$0" "$@"; code=$?
                    rm -f "\(path)-wal" "\(path)-shm"; cp "\(mount)/hotelsales.sqlite" "\(path)"
                    [ ! -f "\(mount)/hotelsales.sqlite-wal" ] || cp "\(mount)/hotelsales.sqlite-wal" "\(path)-wal"
                    exit $code
                    """,
                    CommandRunner.binary.path,
                ] + arguments
        case .fileSizeLimit:
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments =
                [
                    "-c", "ulimit -f \((max(size, walSize) + 131_072) / 512) && trap '' XFSZ && exec \"$0\" \"$@\"",
                    CommandRunner.binary.path,
                ] + arguments
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(message)")
        #expect(message.split(separator: "\n").count == 1, "\(message)")
        #expect(
            message.hasPrefix(
                "hotelsales: nightly run 1 for 2027-05-01 failed at feeds: SITEMINDER_2027-04-30_big.xml: "),
            "\(message)")
        #expect(
            message.contains(
                limit == .tmpfs ? "the disk is full; nothing was written" : "(disk I/O error: a failing disk, a file-size limit or a full file system); nothing was written"),
            "\(message)")
        let database = try AppDatabase.open(path: path)
        #expect(try database.integrityCheck() == "ok")
        #expect(try runner.dump(excludingVolatile: true) == before)
        #expect(NightlyFixture.files(runner, "inbox") == ["SITEMINDER_2027-04-30_big.xml"])
        #expect(try database.nightlyRuns().map(\.status) == [.failed])

        let again = try runner.run(NightlyFixture.nightly(runner, acks: false))
        #expect(again.status == 0, "\(again.stdout) \(again.stderr)")
        #expect(try database.businessDump() == AppDatabase.open(path: reference.databasePath).businessDump())
        print(
            "disk full (\(limit.rawValue)): \(message.trimmingCharacters(in: .whitespacesAndNewlines)) — business data unchanged, integrity ok, next run equal to an uninterrupted one"
        )
    }

    @Test(
        "A read-only database: one-line error, exit 1, nothing written",
        .enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func readOnly() throws {
        let runner = try NightlyFixture.prepared()
        defer {
            chmod(runner.directory.path, 0o755)
            chmod(runner.databasePath, 0o644)
            runner.cleanUp()
        }
        let before = try runner.dump()
        // The file and its folder read-only; as root (where permissions do not bind) the run drops to nobody, as
        // a night-audit account without write access would be.
        #expect(chmod(runner.databasePath, 0o444) == 0)
        #expect(chmod(runner.directory.path, 0o555) == 0)
        let process = Process()
        process.currentDirectoryURL = CommandRunner.packageRoot
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments =
                ["--reuid=65534", "--regid=65534", "--clear-groups", CommandRunner.binary.path]
                + NightlyFixture.nightly(runner)
        } else {
            process.executableURL = CommandRunner.binary
            process.arguments = NightlyFixture.nightly(runner)
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(message)")
        #expect(message.split(separator: "\n").count == 1, "\(message)")
        #expect(
            message.hasPrefix("hotelsales: database \(runner.databasePath)") || message.contains("read-only"),
            "\(message)")
        #expect(message.contains("readonly") || message.contains("read-only"), "\(message)")
        chmod(runner.directory.path, 0o755)
        chmod(runner.databasePath, 0o644)
        #expect(try runner.dump() == before)
        #expect(NightlyFixture.files(runner, "inbox").count == 5)
        print(
            "read-only (\(getuid() == 0 ? "as nobody via setpriv" : "chmod")): \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
        )
    }
}
