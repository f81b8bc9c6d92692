import Foundation
import HotelDomain
import HotelStore
import Testing

/// The intermediaries and commissions commands of issue 6, through the binary.
@Suite("hotelsales end to end: intermediaries and commission checks")
struct CommissionsCommandsTests {
    /// Runs a shipped script with the built binary on the runner's database, as `make demo` would.
    func runScript(_ path: String, _ runner: CommandRunner) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [path]
        process.currentDirectoryURL = CommandRunner.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["HOTELSALES_DB"] = runner.databasePath
        environment["HS"] = CommandRunner.binary.path
        environment["USER"] = "tester"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The sample sales office (scripts/demo.sh) plus the TRAVELCO set-up of the sample statements.
    func sampleOffice() throws -> CommandRunner {
        let runner = try CommandRunner()
        #expect(try runScript("scripts/demo.sh", runner) == 0)
        #expect(try runScript("channel-feeds/statements/setup-travelco.sh", runner) == 0)
        return runner
    }

    static let may = "channel-feeds/statements/TRAVELCO-2027-05.csv"

    @Test("The shipped May statement exercises every reason code, with totals, and exits 3")
    func sampleStatement() throws {
        let runner = try sampleOffice()
        defer { runner.cleanUp() }
        let check = try runner.run("commissions check --intermediary TRAVELCO --statement \(Self.may) --format json")
        #expect(check.status == 3, "\(check.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let lines = try #require(report["lines"] as? [[String: Any]])
        #expect(
            lines.map { $0["result"] as? String ?? "" } == [
                "OK", "WRONG_BASE", "WRONG_PERCENT", "STAY_CHANGED", "NO_STAY", "NOT_COMMISSIONABLE", "OVER_CAP",
                "OUTSIDE_TERMS", "AGENT_MISMATCH", "AMOUNT_MISMATCH", "WRONG_BASE", "NO_STAY", "OK", "UNKNOWN_BOOKING",
                "DUPLICATE_CLAIM", "ALREADY_PAID", "MALFORMED",
            ])
        #expect(Set(lines.compactMap { $0["result"] as? String }).isSuperset(of: ClaimReason.allCases.map(\.rawValue)))
        #expect(lines.map { $0["line"] as? Int ?? 0 } == Array(2...18))
        let dues = lines.map { (($0["due"] as? [String: Any])?["minorUnits"] as? Int) ?? -1 }
        #expect(dues == [22_076, 17_925, 14_717, 14_717, 0, 0, 231_132, 0, 0, 7_359, 14_717, 0, 26_491, 0, 0, 0, 0])
        #expect(
            (lines[12]["explanation"] as? String)?.contains("the feed's commission 12% differs from the contract's 10%")
                == true)
        #expect((lines[16]["explanation"] as? String)?.hasPrefix("commission_claimed: amount \"147,17\"") == true)
        let totals = try #require(report["totals"] as? [String: Any])
        #expect((totals["claimed"] as? [String: Any])?["minorUnits"] as? Int == 480_427)
        #expect((totals["due"] as? [String: Any])?["minorUnits"] as? Int == 349_134)
        #expect((totals["difference"] as? [String: Any])?["minorUnits"] as? Int == 131_293)
        #expect(totals["linesOK"] as? Int == 2)
        #expect(totals["linesDisputed"] as? Int == 15)
        let statement = try #require(report["statementId"] as? Int)

        let table = try runner.run("commissions check --intermediary TRAVELCO --statement \(Self.may)")
        #expect(table.status == 3)
        #expect(
            table.stdout.contains(
                "claimed 4804.27 CNY, due 3491.34 CNY, difference 1312.93 CNY; 2 lines OK, 15 disputed."))
        #expect(table.stdout.contains("  OVER_CAP: claimed on more nights than the contract's cap"))

        let due = try runner.run(
            "commissions due --intermediary TRAVELCO --from 2027-05-01 --to 2027-05-31 --format csv")
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout.contains(",TC-1008,Lukas Weber,2027-04-20,2027-05-21,checked-out,31,29,26060.00,2311.32,231132,,"))
        #expect(due.stdout.contains(",TC-1006,Ahmed Khan,2027-05-18,2027-05-19,no-show,0,0,0.00,0.00,0,,"))
        #expect(due.stdout.contains(",SM-TC-4411,Sofia Rossi,2027-05-20,2027-05-23,checked-out,3,3,2340.00,264.91,26491,,"))
        #expect(due.stderr.contains("3491.34 CNY on 11 bookings."))

        let approve = try runner.run("commissions approve --statement-id \(statement)")
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(
            approve.stdout == "Approved 2 lines of statement \(statement) for TRAVELCO: 485.66 CNY (lines 2, 14).\n")
        let disputed = try runner.run("commissions approve --statement-id \(statement) --lines 4,5")
        #expect(disputed.stdout.contains("294.34 CNY (lines 4, 5)"))
        let out = runner.directory.appendingPathComponent("payments.csv").path
        let export = try runner.run([
            "commissions", "export-payments", "--statement-id", String(statement), "--out", out,
        ])
        #expect(export.status == 0, "\(export.stderr)")
        // Without the confirmation numbers (they depend on the demo's own bookings) and the approval times.
        let payments = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\r\n").map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).prefix(14)
            return (fields.prefix(6) + fields.dropFirst(7)).joined(separator: ",")
        }
        #expect(
            payments == [
                "statement_id,line,intermediary,intermediary_name,iata,booking_reference,guest,arrival,departure,claimed,amount,amount_minor,currency",
                "\(statement),2,TRAVELCO,TravelCo Agency,12345678,TC-1002,Chen Li,2027-05-10,2027-05-13,220.76,220.76,22076,CNY",
                "\(statement),4,TRAVELCO,TravelCo Agency,12345678,TC-1004,John Smith,2027-05-12,2027-05-14,176.60,147.17,14717,CNY",
                "\(statement),5,TRAVELCO,TravelCo Agency,12345678,TC-1005,Yuki Tanaka,2027-05-14,2027-05-17,220.76,147.17,14717,CNY",
                "\(statement),14,TRAVELCO,TravelCo Agency,12345678,SM-TC-4411,Sofia Rossi,2027-05-20,2027-05-23,264.90,264.90,26490,CNY",
            ])
        let again = try runner.run("commissions check --intermediary TRAVELCO --statement \(Self.may) --format csv")
        let results = again.stdout.split(separator: "\r\n").map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return ([fields[0], fields[1]] + fields[3..<min(fields.count, 8)]).joined(separator: ",")
        }
        // TC-1001 (April) and the four lines just approved.
        #expect(results.filter { $0.contains(",ALREADY_PAID,") }.count == 5)
        #expect(results.contains("2,TC-1002,Chen Li,ALREADY_PAID,220.76,0.00,220.76"))
        #expect(results.contains("14,SM-TC-4411,Sofia Rossi,ALREADY_PAID,264.90,0.00,264.90"))
        let audit = try runner.run("audit --entity commission_statement --key \(statement) --format csv")
        #expect(audit.stdout.components(separatedBy: ",approve,").count == 3)
    }

    func office() throws -> CommandRunner {
        let runner = try CommandRunner()
        for line in [
            "init --hotel rate-plans/hotel.yaml", "rates import rate-plans/bar-2027.yaml",
            "intermediaries add --code TRAVELCO --name \"TravelCo Agency\" --iata 12345678 --commission 10% --basis room-net-of-tax --flat-per-night 0 --cap-nights 29 --from 2027-01-01 --to 2027-12-31",
            "commissions tax-rate 6%",
            "bookings create --room-type STD --arrival 2027-03-01 --nights 2 --guest \"Chen Li\" --intermediary TRAVELCO --today 2026-11-23",
            "bookings check-in SHBUND-0000001 --today 2027-03-01",
            "bookings check-out SHBUND-0000001 --today 2027-03-03",
        ] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        return runner
    }

    @Test(
        "Bad input is refused with one line, the documented exit code, and nothing written",
        arguments: [
            (
                "intermediaries add --code AGENT2 --name Agent --iata 1234567 --commission 10%", Int32(65),
                "hotelsales: IATA number \"1234567\" is not valid; an IATA agency number is exactly 8 digits, e.g. 12345678\n"
            ),
            (
                "intermediaries add --code AGENT2 --name Agent --commission 101%", 65,
                "hotelsales: percentage \"101%\" is over 100%; use a value from 0% to 100%\n"
            ),
            (
                "intermediaries add --code AGENT2 --name Agent --flat-per-night 12.345", 65,
                "hotelsales: amount \"12.345\" has 3 decimals but CNY has at most 2 decimals\n"
            ),
            (
                "commissions due --intermediary NOPE --from 2027-03-01 --to 2027-03-31", 1,
                "hotelsales: intermediary NOPE does not exist; known: TRAVELCO\n"
            ),
            (
                "commissions check --intermediary NOPE --statement Tests/HotelCLITests/Fixtures/commissions/usd-statement.csv",
                1,
                "hotelsales: intermediary NOPE does not exist; known: TRAVELCO\n"
            ),
            (
                "commissions check --intermediary TRAVELCO --statement Tests/HotelCLITests/Fixtures/commissions/usd-statement.csv",
                1,
                "hotelsales: statement usd-statement.csv has amounts in USD but the hotel's currency is CNY; give --exchange-rate USD=RATE (one USD in CNY) to check it\n"
            ),
            (
                "commissions check --intermediary TRAVELCO --statement Tests/HotelCLITests/Fixtures/commissions/bad-header.csv",
                65,
                "hotelsales: Tests/HotelCLITests/Fixtures/commissions/bad-header.csv line 1: column \"booking\" is not a statement column; the first line must name the columns booking_reference,guest,arrival,departure,room_revenue,commission_claimed,currency, in any order\n"
            ),
            (
                "bookings create --room-type STD --arrival 2027-03-05 --nights 1 --guest Li --intermediary NOPE", 1,
                "hotelsales: intermediary NOPE does not exist; known: TRAVELCO\n"
            ),
            (
                "commissions approve --statement-id 7", 1,
                "hotelsales: commission statement 7 does not exist; use the id printed by 'hotelsales commissions check'\n"
            ),
        ])
    func refusals(line: String, status: Int32, message: String) throws {
        let runner = try office()
        defer { runner.cleanUp() }
        let before = try runner.dump()
        let result = try runner.run(line)
        #expect(result.status == status)
        #expect(result.stderr == message)
        #expect(try runner.dump() == before)
    }

    @Test("A statement in another currency is checked at the given rate; intermediaries list and show")
    func exchangeRateAndListing() throws {
        let runner = try office()
        defer { runner.cleanUp() }
        // 2 × 760.00 = 1520.00 → 1433.96 net of 6% → 143.40 due; 20.00 USD × 7.17 = 143.40.
        let check = try runner.run(
            "commissions check --intermediary TRAVELCO --statement Tests/HotelCLITests/Fixtures/commissions/usd-statement.csv --exchange-rate USD=7.17 --format csv"
        )
        #expect(check.status == 0, "\(check.stderr)")
        #expect(
            check.stdout.contains(
                "\n2,SHBUND-0000001,SHBUND-0000001,Chen Li,OK,143.40,143.40,0.00,\"20.00 USD at USD=7.17 is 143.40 CNY; claimed 143.40, 143.40 is due\""
            ))
        let list = try runner.run("intermediaries list --format csv")
        #expect(
            list.stdout.contains(
                "TRAVELCO,TravelCo Agency,12345678,10%,1000,room-net-of-tax,0.00,0.00,29,2027-01-01,2027-12-31"))
        let show = try runner.run("intermediaries show TRAVELCO")
        #expect(
            show.stdout.contains(
                "10% of room revenue net of tax, at most 29 nights a stay, stays 2027-01-01…2027-12-31"))
        let booking = try runner.run("bookings show SHBUND-0000001 --format json")
        #expect(booking.stdout.contains("\"intermediary\" : \"TRAVELCO\""))
    }
}
