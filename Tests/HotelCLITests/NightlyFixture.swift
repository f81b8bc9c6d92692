import Foundation
import HotelDomain
import HotelStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The sample hotel set up for a night audit on 2027-05-01, and the helpers the nightly tests share.
enum NightlyFixture {
    static let today = "2027-05-01"

    /// The sample hotel (rate-plans/hotel.yaml), BAR 2027, the channels, ACME with an approved cumulative agreement,
    /// group TECH27 (cutoff 2027-04-20, 10 STD rooms on 05-01…05-04, one picked up for 2 nights) and three bookings
    /// arriving yesterday (2027-04-30): SHBUND-0000002 confirmed DLX (a no-show), SHBUND-0000003 tentative STD,
    /// SHBUND-0000004 EXE checked in. The runner's inbox holds a copy of channel-feeds/inbox.
    static func prepared(samples: Bool = true) throws -> CommandRunner {
        let runner = try CommandRunner()
        do {
            try prepare(runner, samples: samples)
        } catch {
            runner.cleanUp()
            throw error
        }
        return runner
    }

    private static func prepare(_ runner: CommandRunner, samples: Bool) throws {
        for line in [
            "init --hotel rate-plans/hotel.yaml", "rates import rate-plans/bar-2027.yaml",
            "channels import channel-feeds/channels.yaml",
            "companies add --code ACME --name \"Acme Industrial Ltd\" --segment corporate --credit-limit 20000.00",
        ] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        let id = try runner.run(
            "agreements add --company ACME --type cumulative-room --from 2027-01-01 --to 2027-12-31"
        ).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for line in [
            "agreements submit \(id)", "agreements approve \(id)", "rates import rate-plans/GRP-TECH.yaml",
            "groups create --code TECH27 --name \"Tech Summit 2027\" --company ACME --rate-plan GRP-TECH --cutoff 2027-04-20 --today 2027-03-01",
            "groups block TECH27 --room-type STD --from 2027-05-01 --to 2027-05-04 --rooms 10 --today 2027-03-01",
            "groups book TECH27 --guest \"Group Guest\" --room-type STD --arrival 2027-05-01 --nights 2 --today 2027-03-02",
            "bookings create --room-type DLX --arrival 2027-04-30 --nights 2 --guest \"Late Larry\" --today 2027-04-01",
            "bookings create --room-type STD --arrival 2027-04-30 --nights 1 --guest \"Maybe Mia\" --tentative --today 2027-04-01",
            "bookings create --room-type EXE --arrival 2027-04-30 --nights 3 --guest \"Here Hana\" --today 2027-04-01",
            "bookings check-in SHBUND-0000004 --today 2027-04-30",
        ] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        for folder in ["inbox", "acks", "pms"] {
            try FileManager.default.createDirectory(
                at: runner.directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        if samples { try copySamples(into: runner) }
    }

    static func copySamples(into runner: CommandRunner) throws {
        let samples = CommandRunner.packageRoot.appendingPathComponent("channel-feeds/inbox")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) where name.hasSuffix(".xml") {
            try FileManager.default.copyItem(
                at: samples.appendingPathComponent(name), to: runner.directory.appendingPathComponent("inbox/\(name)"))
        }
    }

    /// `nightly` with the runner's inbox, acknowledgement, archive and export folders.
    ///
    /// Acknowledgements cost two fsyncs per message (about 7 ms on the test machine, 4,000 messages: 30 s against 1.5 s
    /// without), so the tests of large feeds leave them out (`acks: false`).
    static func nightly(_ runner: CommandRunner, _ extra: [String] = [], acks: Bool = true) -> [String] {
        let folder = runner.directory.path
        return [
            "nightly", "--today", today, "--feeds", "\(folder)/inbox", "--export-dir", "\(folder)/pms", "--db",
            runner.databasePath,
        ]
            + (acks ? ["--ack-dir", "\(folder)/acks"] : []) + extra
    }

    static func files(_ runner: CommandRunner, _ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: runner.directory.appendingPathComponent(folder).path))
            ?? []).sorted()
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
    }

    /// The database without the nightly log and lock (which every run writes): equal dumps mean the run changed nothing.
    static func dump(_ runner: CommandRunner) throws -> String {
        try AppDatabase.open(path: runner.databasePath).contentDump(excluding: ["nightly_run", "nightly_lock"])
    }

    /// Starts the binary with `arguments` (the caller waits), output discarded unless pipes are asked for.
    static func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = CommandRunner.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["USER"] = "tester"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `arguments` and kills it with SIGKILL `delay` seconds after it has committed something (`progress`
    /// changed), so that every attempt moves the work on and is cut at a random point of the next piece of it,
    /// whatever the machine's load. True when it was killed (`pid` tells which process it was).
    static func runKilledAfterProgress(
        _ arguments: [String], progress: () throws -> Int, delay: Double, pid: ((Int32) -> Void)? = nil
    ) throws -> Bool {
        let baseline = try progress()
        let process = try start(arguments)
        pid?(process.processIdentifier)
        while process.isRunning, try progress() == baseline { Thread.sleep(forTimeInterval: 0.005) }
        let deadline = Date().addingTimeInterval(delay)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
        var killed = false
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            killed = true
        }
        process.waitUntilExit()
        return killed && process.terminationReason == .uncaughtSignal
    }

    /// Rooms sold over 2027, all room types: it moves with every committed batch of a feed import.
    static func roomsSold(_ database: AppDatabase) throws -> Int {
        try database.inventory(from: CalendarDate(parsing: "2027-01-01"), to: CalendarDate(parsing: "2027-12-31"))
            .reduce(0) { $0 + $1.sold }
    }

    /// Seeded delays (SplitMix64), uniform in `range`: the same kill points on every run of the suite.
    static func delays(count: Int, seed: UInt64, in range: ClosedRange<Double>) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return range.lowerBound + Double(z >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
        }
    }

    /// How long a command takes, in seconds.
    static func timed(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }
}
