import Foundation
import HotelDomain
import HotelStore

/// One line of the result table: repeated timings of one operation and the target it must meet.
struct Measurement {
    let name: String
    let samples: [Duration]
    /// `nil`: shown for information only.
    let target: Duration?
    /// Whether missing the target fails the run (`false` for the parts of a measurement, e.g. company bookings).
    var decides = true

    var median: Duration {
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Nearest-rank 90th percentile.
    var p90: Duration {
        let sorted = samples.sorted()
        let rank = (sorted.count * 9 + 9) / 10  // ceil(0.9 n)
        return sorted[max(0, rank - 1)]
    }

    var passes: Bool { target.map { median < $0 } ?? true }
}

/// The timings of issue 3's speed targets, in-process through `AppDatabase` and end-to-end through the binary.
struct Measurements {
    let bench: BenchHotel
    let binary: String?
    let clock = ContinuousClock()

    // MARK: a. inventory show for the whole range

    /// `database.inventory(from:to:)` plus the rows `inventory show` prints (per room type and a HOUSE line per night).
    func inventoryInProcess(runs: Int) throws -> Measurement {
        var samples: [Duration] = []
        var bytes = 0
        for run in 0...runs {  // run 0 warms the page cache and is not counted
            let elapsed = try clock.measure { bytes = try inventoryCSV().utf8.count }
            if run > 0 { samples.append(elapsed) }
        }
        guard bytes > 0 else { throw BenchError("inventory produced no rows") }
        return Measurement(
            name: "inventory show \(bench.nightCount) nights, in-process", samples: samples, target: .milliseconds(200))
    }

    private func inventoryCSV() throws -> String {
        let nights = try bench.database.inventory(from: bench.firstNight, to: bench.lastNight)
        var lines: [String] = ["night,roomType,physical,outOfOrder,sold,held,available,overbook,occupancy,revenue,revenueMinor,adr,revpar"]
        lines.reserveCapacity(nights.count + nights.count / max(1, bench.hotel.roomTypes.count) + 1)
        var index = 0
        while index < nights.count {
            let night = nights[index].night
            var group: [InventoryNight] = []
            while index < nights.count, nights[index].night == night {
                group.append(nights[index])
                index += 1
            }
            for item in group {
                lines.append(
                    [
                        night.description, item.roomType.rawValue, String(item.physical), String(item.outOfOrder),
                        String(item.sold), String(item.held), String(item.available), String(item.overbookingAllowance),
                        item.occupancy.description, item.revenue.decimalText, String(item.revenue.minorUnits), "", "",
                    ].joined(separator: ","))
            }
            let house = HouseNight(night: night, roomTypes: group, currency: bench.hotel.currency)
            lines.append(
                [
                    night.description, "HOUSE", String(house.physical), String(house.outOfOrder), String(house.sold),
                    String(house.held), String(house.available), String(group.reduce(0) { $0 + $1.overbookingAllowance }),
                    house.occupancy.description, house.revenue.decimalText, String(house.revenue.minorUnits),
                    house.averageDailyRate.decimalText, house.revenuePerAvailableRoom.decimalText,
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    /// `hotelsales inventory show --format csv` as a user runs it (process start, open, query, print).
    func inventoryEndToEnd(binary: String, runs: Int) throws -> Measurement {
        let arguments = ["inventory", "show"] + rangeArguments + ["--format", "csv"]
        return Measurement(
            name: "inventory show \(bench.nightCount) nights, end-to-end",
            samples: try timeCommand(binary, arguments, runs: runs), target: .milliseconds(200))
    }

    /// The same command as JSON (`JSONSerialization`, sorted keys), which users and scripts also ask for.
    func inventoryJSONEndToEnd(binary: String, runs: Int) throws -> Measurement {
        let arguments = ["inventory", "show"] + rangeArguments + ["--format", "json"]
        return Measurement(
            name: "  the same, --format json", samples: try timeCommand(binary, arguments, runs: runs),
            target: .milliseconds(200), decides: false)
    }

    /// What start-up costs on its own: spawning the binary (`--help`), and spawning it to show one night
    /// (start-up plus opening and checking the database).
    func startUp(binary: String, runs: Int) throws -> [Measurement] {
        let night = bench.firstNight.description
        let oneNight = ["inventory", "show", "--from", night, "--to", night, "--format", "csv"] + commonArguments
        return [
            Measurement(name: "  start-up: --help", samples: try timeCommand(binary, ["--help"], runs: runs), target: nil),
            Measurement(
                name: "  start-up + open: 1 night", samples: try timeCommand(binary, oneNight, runs: runs), target: nil),
        ]
    }

    // MARK: b. one booking

    /// `book()` (price, controls, inventory check, insert, counters, audit: one transaction) on fresh stays of
    /// 1–3 nights from today on that still have a room; returns all bookings, then those without and with a
    /// cumulative-room agreement (whose tiers make `book()` count the company's room-nights so far).
    func bookings(count: Int, sold initial: SoldRooms, seed: UInt64) throws -> [Measurement] {
        var random = SplitMix64(seed: seed)
        var sold = initial
        var all: [Duration] = []
        var withoutAgreement: [Duration] = []
        var withAgreement: [Duration] = []
        let today = bench.firstNight.days(until: bench.today)
        let author = ChangeAuthor(user: "bench")
        for number in 0..<count {
            var request: BookingRequest?
            var placed: (type: Int, nights: Range<Int>, agreement: Bool)?
            for _ in 0..<1_000 where request == nil {
                let type = random.pick(weights: bench.typeWeights)
                let length = Int.random(in: 1...3, using: &random)
                let arrival = Int.random(in: today...(bench.nightCount - length), using: &random)
                let nights = arrival..<(arrival + length)
                guard sold.fits(type: type, nights: nights, rooms: 1) else { continue }
                let company =
                    random.percent(DemandShape.companyPercent)
                    ? bench.companies[random.pick(weights: bench.companies.map(\.weight))] : nil
                // Like the load: a guest books BAR, the package or the net rate; a company is priced by its contracts.
                let plan = company == nil ? bench.publicPlans[random.pick(weights: bench.publicPlans.map(\.weight))].plan : nil
                request = try BookingRequest(
                    guestName: "Bench Guest \(number + 1)", roomType: bench.hotel.roomTypes[type].code,
                    stay: Stay(arrival: bench.firstNight.adding(days: arrival), nights: length), companyCode: company?.code,
                    ratePlanCode: plan?.kind == .bar ? nil : plan?.code)
                placed = (type, nights, company?.hasAgreement ?? false)
            }
            guard let request, let placed else { throw BenchError("no free room left for booking \(number + 1)") }
            var booked: Reservation?
            let elapsed = try clock.measure {
                booked = try bench.database.book(request, today: bench.today, by: author)
            }
            guard booked != nil else { throw BenchError("booking \(number + 1) returned nothing") }
            sold.add(type: placed.type, nights: placed.nights, rooms: 1)
            all.append(elapsed)
            if placed.agreement { withAgreement.append(elapsed) } else { withoutAgreement.append(elapsed) }
        }
        return [
            Measurement(name: "one booking, in-process (\(all.count) book())", samples: all, target: .milliseconds(5)),
            Measurement(
                name: "  of which guests without agreement (\(withoutAgreement.count))", samples: withoutAgreement,
                target: .milliseconds(5), decides: false),
            Measurement(
                name: "  of which agreement companies (\(withAgreement.count))", samples: withAgreement,
                target: .milliseconds(5), decides: false),
        ]
    }

    // MARK: c. yield recommend

    /// YIELD-RECOMMEND: timed only when the binary has the command (`yield recommend --help` exits 0), so the
    /// bench needs no change when issue 3's yield work lands. `nil` when the build does not have it yet.
    func yieldRecommend(binary: String, runs: Int) throws -> Measurement? {
        let help = try runCommand(binary, ["yield", "recommend", "--help"])
        guard help.status == 0 else { return nil }
        let arguments = ["yield", "recommend"] + rangeArguments + ["--format", "json"]
        return Measurement(
            name: "yield recommend \(bench.nightCount) nights, end-to-end",
            samples: try timeCommand(binary, arguments, runs: runs), target: .seconds(1))
    }

    // MARK: - Running the binary

    private var commonArguments: [String] { ["--db", bench.path, "--today", bench.today.description, "--user", "bench"] }

    private var rangeArguments: [String] {
        ["--from", bench.firstNight.description, "--to", bench.lastNight.description] + commonArguments
    }

    /// Runs the command `runs` times after one untimed warm-up run; a failing run stops the bench.
    private func timeCommand(_ binary: String, _ arguments: [String], runs: Int) throws -> [Duration] {
        var samples: [Duration] = []
        for run in 0...runs {
            let result = try runCommand(binary, arguments)
            guard result.status == 0 else {
                throw BenchError(
                    "\(binary) \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr.trimmingWhitespace)")
            }
            if run > 0 { samples.append(result.elapsed) }
        }
        return samples
    }

    private func runCommand(_ binary: String, _ arguments: [String]) throws -> TimedRun {
        try timedRun(binary, arguments)
    }
}

/// The exit status, standard error and wall time of one run of the binary.
typealias TimedRun = (status: Int32, stderr: String, elapsed: Duration)

/// Spawns the binary with stdout to /dev/null; times spawn to exit.
///
/// Waits on `terminationHandler`, not `waitUntilExit()`: on Linux the latter polls its run loop every
/// 50 ms, which rounds every run up to a multiple of 50 ms (a 20 ms `--help` measured 52 ms).
func timedRun(_ binary: String, _ arguments: [String]) throws -> TimedRun {
    let clock = ContinuousClock()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    let start = clock.now
    try process.run()
    exited.wait()
    let elapsed = start.duration(to: clock.now)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (process.terminationStatus, stderr, elapsed)
}
