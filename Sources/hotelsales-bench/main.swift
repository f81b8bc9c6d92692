// hotelsales-bench: the speed targets of issue 3 on generated data (see BENCHMARKS.md; `make bench`).
//
// 1. sets up a hotel (10 room types, BAR by month, three companies, a negotiated plan) in a fresh database,
// 2. bulk-loads N reservations in one transaction and proves the counters with inventoryDiscrepancies(),
// 3. times inventory show (in-process and end-to-end), one booking (in-process) and yield recommend
//    (end-to-end, when the build has it), and prints median, p90, target and PASS/FAIL.
// Exit status: 0 all targets met, 1 a target missed, 2 the bench itself failed (one line on stderr).
import Foundation
import HotelDomain
import HotelStore

let usage = """
    usage: hotelsales-bench [--reservations N] [--nights N] [--room-types N] [--db PATH] [--keep]
                            [--binary PATH] [--seed S]
      --reservations N  reservations to load (default 100000)
      --nights N        nights they spread over, from 2027-01-01 (default 365)
      --room-types N    room types of the hotel (default 10)
      --db PATH         database file to create (must not exist; default a temporary file)
      --keep            keep the database file afterwards
      --binary PATH     the hotelsales binary for the end-to-end timings (default: next to this program)
      --seed S          seed of the generator (default 2027)
    """

func parseOptions(_ arguments: [String]) throws -> BenchOptions {
    var options = BenchOptions()
    var remaining = arguments[...]
    func value(_ option: String) throws -> String {
        guard let value = remaining.popFirst() else { throw BenchError("\(option) needs a value\n\(usage)") }
        return value
    }
    func number(_ option: String) throws -> Int {
        let text = try value(option)
        guard let number = Int(text) else { throw BenchError("\(option) \(text) is not a whole number") }
        return number
    }
    while let argument = remaining.popFirst() {
        switch argument {
        case "--reservations": options.reservations = try number(argument)
        case "--nights": options.nights = try number(argument)
        case "--room-types": options.roomTypes = try number(argument)
        case "--db": options.databasePath = try value(argument)
        case "--keep": options.keep = true
        case "--binary": options.binaryPath = try value(argument)
        case "--seed":
            let text = try value(argument)
            guard let seed = UInt64(text) else { throw BenchError("--seed \(text) is not a whole number") }
            options.seed = seed
        case "-h", "--help":
            print(usage)
            exit(0)
        default: throw BenchError("unknown option \(argument)\n\(usage)")
        }
    }
    return options
}

func formatMilliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    let tenths = (microseconds + 50) / 100  // tenths of a millisecond, rounded
    return "\(tenths / 10).\(tenths % 10) ms"
}

func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
}

func printTable(_ measurements: [Measurement]) {
    let width = max(40, (measurements.map(\.name.count).max() ?? 0) + 2)
    print(padded("measurement", width) + padded("runs", 6, right: true) + padded("median", 12, right: true)
        + padded("p90", 12, right: true) + padded("target", 12, right: true) + "  result")
    for measurement in measurements {
        let target = measurement.target.map { "< " + formatMilliseconds($0) } ?? "-"
        let verdict = measurement.passes ? "PASS" : "FAIL"
        let result = measurement.target == nil ? "info" : measurement.decides ? verdict : "(\(verdict))"
        print(
            padded(measurement.name, width) + padded(String(measurement.samples.count), 6, right: true)
                + padded(formatMilliseconds(measurement.median), 12, right: true)
                + padded(formatMilliseconds(measurement.p90), 12, right: true) + padded(target, 12, right: true) + "  "
                + result)
    }
}

/// Sets up, loads, verifies and measures; returns whether every target was met.
func runBench(_ options: BenchOptions, path: String) throws -> Bool {
    let clock = ContinuousClock()
    let setupStart = clock.now
    let bench = try Setup.make(options, path: path)
    print(
        "hotel: \(bench.hotel.roomTypes.count) room types, \(bench.hotel.totalRooms) rooms "
            + "(\(bench.hotel.roomTypes.map { "\($0.code) \($0.rooms)" }.joined(separator: ", "))); "
            + "nights \(bench.firstNight)…\(bench.lastNight), today \(bench.today); set up in \(formatMilliseconds(setupStart.duration(to: clock.now)))")

    var generator = try Generator(bench: bench, seed: options.seed)
    var summary: LoadSummary?
    let loadTime = try clock.measure { summary = try generator.load(options.reservations) }
    guard let summary else { throw BenchError("the load returned nothing") }
    let (seconds, attoseconds) = loadTime.components
    let milliseconds = max(1, Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000))
    let (roomNights, occupancy) = summary.sold.totals
    print(
        "loaded \(summary.reservations) reservations (\(summary.reservationNights) reservation nights, "
            + "\(summary.cancelled) cancelled or no-show, \(summary.inventoryRows) inventory rows) in one transaction: "
            + "\(formatMilliseconds(loadTime)), \(summary.reservations * 1_000 / milliseconds) reservations/s")
    print("on the books: \(roomNights) room-nights, occupancy \(occupancy / 100).\(occupancy % 100 < 10 ? "0" : "")\(occupancy % 100)%")

    let verifyStart = clock.now
    let discrepancies = try bench.database.inventoryDiscrepancies()
    guard discrepancies.isEmpty else {
        throw BenchError(
            "the generator is inconsistent with the schema: \(discrepancies.count) inventory discrepancies, first: \(discrepancies[0])")
    }
    print("inventoryDiscrepancies(): none (\(formatMilliseconds(verifyStart.duration(to: clock.now))))")
    let size = ["", "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: path + $0)[.size] as? Int }
    print("database: \(path), \(size.reduce(0, +) / 1_048_576) MiB with its WAL")
    print("")

    print("load average before measuring: \(loadAverage())")
    let binary = options.binaryPath ?? defaultBinary()
    let measurements = Measurements(bench: bench, binary: binary)
    var results: [Measurement] = []
    results.append(try measurements.inventoryInProcess(runs: 20))
    if let binary {
        results.append(try measurements.inventoryEndToEnd(binary: binary, runs: 10))
        results.append(try measurements.inventoryJSONEndToEnd(binary: binary, runs: 5))
        results += try measurements.startUp(binary: binary, runs: 10)
    } else {
        print("inventory show end-to-end: no hotelsales binary found; give --binary PATH")
    }
    results += try measurements.bookings(count: 1_000, sold: summary.sold, seed: options.seed &+ 1)
    // YIELD-RECOMMEND: measured as soon as the binary has `yield recommend` (checked at run time).
    var yieldNote: String?
    if let binary, let yield = try measurements.yieldRecommend(binary: binary, runs: 5) {
        results.append(yield)
    } else {
        yieldNote = "yield recommend: not available in this build"
    }
    // EXPORT-PMS (issue 7): measured when the binary has `export pms`.
    if let binary, let export = try ExportBenchmark(bench: bench, binary: binary).reservationsOTAXML(runs: 3) {
        results.append(export)
    }
    // RECEIVABLES-REPORTS (issue 8): last, because it adds 500 companies and their receivables.
    if let binary { results += try ReceivablesBenchmark(bench: bench, binary: binary).measure(runs: 5) }
    print("load average after measuring: \(loadAverage())\n")
    printTable(results)
    if let yieldNote { print(yieldNote) }
    if results.contains(where: { !$0.decides && $0.target != nil }) {
        print("(PASS)/(FAIL): a variant or part of the line above, against the same target; it does not decide the exit status")
    }
    return results.allSatisfy { $0.passes || !$0.decides } && binary != nil
}

/// The 1, 5 and 15 minute load averages (Linux): the figures are only as quiet as the machine.
func loadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

/// `hotelsales` in the folder of this program (both are products of the same build).
func defaultBinary() -> String? {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidate = here.appendingPathComponent("hotelsales").path
    return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
}

func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

do {
    let options = try parseOptions(Array(CommandLine.arguments.dropFirst()))
    let path =
        options.databasePath
        ?? FileManager.default.temporaryDirectory.appendingPathComponent(
            "hotelsales-bench-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        ).path
    guard !FileManager.default.fileExists(atPath: path) else {
        throw BenchError("\(path) already exists; the bench creates a fresh database, so give a new --db path")
    }
    let passed: Bool
    do {
        passed = try runBench(options, path: path)
    } catch {
        if !options.keep { removeDatabase(path) }
        throw error
    }
    if options.keep { print("kept the database: \(path)") } else { removeDatabase(path) }
    exit(passed ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("hotelsales-bench: \(error)\n".utf8))
    exit(2)
}
