import Foundation
import HotelDomain
import HotelStore
import Testing

/// The `ar` commands and credit control at booking time, through the binary.
@Suite("hotelsales end to end: receivables and credit control")
struct ReceivablesCommandsTests {
    func preparedRunner() throws -> CommandRunner {
        let runner = try CommandRunner()
        for line in [
            "init --hotel rate-plans/hotel.yaml",
            "rates import rate-plans/bar-2027.yaml",
            "companies add --code ACME --name \"Acme Industrial Ltd\" --segment corporate --credit-limit 20000.00 --sales-owner lwang --payment-terms 30 --email travel@acme.example",
            // DLX 2027-03-01, 2 nights at BAR 920.00, billed to ACME; checked out on 03-03: AR-000001 1840.00 due 04-02.
            "bookings create --room-type DLX --arrival 2027-03-01 --nights 2 --guest \"Chen Li\" --company ACME --billing direct-bill --today 2027-02-01",
            "bookings check-in SHBUND-0000001 --today 2027-03-01",
            "bookings check-out SHBUND-0000001 --today 2027-03-03",
        ] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        return runner
    }

    @Test("post, pay, statement, aging and dunning with letters")
    func receivableCommands() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        let post = try runner.run("ar post --company ACME --booking SHBUND-0000001 --amount 320.00 --today 2027-03-05")
        #expect(post.status == 0, "\(post.stderr)")
        #expect(post.stdout == "AR-000002\n")
        let again = try runner.run("ar post --company ACME --booking SHBUND-0000001 --today 2027-03-05")
        #expect(again.status == 1)
        #expect(again.stderr == "hotelsales: reservation SHBUND-0000001 is already posted as AR-000001; give --amount to post an extra charge\n")
        let pay = try runner.run("ar pay --company ACME --amount 1000.00 --date 2027-04-10 --reference TT-1 --today 2027-04-10")
        #expect(pay.status == 0, "\(pay.stderr)")
        #expect(pay.stdout == "PAY-000001\n")
        #expect(pay.stderr.contains("applied 1000.00 to AR-000001"))

        let statement = try runner.run("ar statement ACME --as-of 2027-04-10 --format json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(statement.stdout.utf8)) as? [String: Any])
        #expect((object["balance"] as? [String: Any])?["minorUnits"] as? Int == 116_000)
        let open = try #require(object["openItems"] as? [[String: Any]])
        #expect(open.map { $0["invoice"] as? String } == ["AR-000001", "AR-000002"])
        #expect(open.map { $0["openMinor"] as? Int } == [84_000, 32_000])
        #expect(open.map { $0["due"] as? String } == ["2027-04-02", "2027-04-04"])

        let aging = try runner.run("ar aging --as-of 2027-05-20 --format csv")
        #expect(aging.status == 0)
        #expect(
            aging.stdout
                == "company,current,days1to30,days31to60,days61to90,over90,credit,balance,balanceMinor,creditLimit,utilisation\r\nACME,0.00,0.00,1160.00,0.00,0.00,0.00,1160.00,116000,20000.00,5.8%\r\n")

        let letters = runner.directory.appendingPathComponent("letters")
        let dunning = try runner.run(["ar", "dunning", "--as-of", "2027-05-20", "--out", letters.path, "--format", "csv"])
        #expect(dunning.status == 0, "\(dunning.stderr)")
        #expect(dunning.stdout.contains("ACME,Acme Industrial Ltd,2,second reminder,48,1160.00,travel@acme.example,"))
        let letter = try String(contentsOf: letters.appendingPathComponent("ACME-2027-05-20-reminder-2.md"), encoding: .utf8)
        #expect(letter.hasPrefix("# Second payment reminder: account ACME"))
        #expect(letter.contains("| AR-000001 | SHBUND-0000001 | 2027-03-03 | 2027-04-02 | 48 | 840.00 |"))
        #expect(letter.contains("Balance: **1160.00 CNY**"))
    }

    @Test("A direct-bill booking over the credit limit is refused with the figures; --override-credit books it")
    func creditControl() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        let before = try runner.dump()
        // 20 nights of DLX in spring at 920.00 = 18400.00; 1840.00 already owed: 20240.00 > 20000.00.
        let line = "bookings create --room-type DLX --arrival 2027-04-01 --nights 20 --guest \"Wang Fang\" --company ACME --billing direct-bill --today 2027-03-05"
        let refused = try runner.run(line)
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "hotelsales: direct billing to ACME refused: balance 1840.00 CNY + open direct-bill bookings and blocks 0.00 + expected charges 18400.00 = 20240.00 exceeds the credit limit 20000.00 CNY by 240.00; give --override-credit to book anyway (audited)\n")
        #expect(try runner.dump() == before)
        let overridden = try runner.run(line + " --override-credit --user gm")
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout == "SHBUND-0000002\n")
        let audit = try AppDatabase.open(path: runner.databasePath).auditLog(entity: "credit", key: "ACME")
        #expect(audit.map(\.user) == ["gm"])
        #expect(audit.first?.action == "override")
    }

    @Test("Lengthening a direct-bill stay past the credit limit is refused with the figures; --override-credit allows it")
    func creditControlOnModify() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        // 10 nights of DLX at 920.00 = 9200.00 fit (1840.00 owed); 20 nights add 9200.00: 20240.00 > 20000.00.
        let booked = try runner.run(
            "bookings create --room-type DLX --arrival 2027-04-01 --nights 10 --guest \"Wang Fang\" --company ACME --billing direct-bill --today 2027-03-05"
        )
        #expect(booked.status == 0, "\(booked.stderr)")
        let confirmation = booked.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try runner.dump()
        let refused = try runner.run("bookings modify \(confirmation) --nights 20 --today 2027-03-06")
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "hotelsales: direct billing to ACME refused: balance 1840.00 CNY + open direct-bill bookings and blocks 9200.00 + expected charges 9200.00 = 20240.00 exceeds the credit limit 20000.00 CNY by 240.00; give --override-credit to book anyway (audited)\n"
        )
        #expect(try runner.dump() == before)
        #expect(try runner.run("bookings modify \(confirmation) --nights 5 --today 2027-03-06").status == 0)
        let grown = try runner.run("bookings modify \(confirmation) --nights 20 --override-credit --user gm --today 2027-03-06")
        #expect(grown.status == 0, "\(grown.stderr)")
        #expect(grown.stdout.contains("total 18400.00 CNY"))
        let audit = try AppDatabase.open(path: runner.databasePath).auditLog(entity: "credit", key: "ACME")
        #expect(audit.map(\.action) == ["override"])
    }

    @Test(
        "Bad input: one line, non-zero exit, nothing written",
        arguments: [
            ("ar pay --company ACME --amount 100.00 --currency USD --date 2027-04-10 --today 2027-04-10", Int32(65),
             "hotelsales: payment is in USD but ACME's account is kept in CNY; convert it and record the CNY amount received\n"),
            ("ar pay --company ACME --amount -5.00 --date 2027-04-10 --today 2027-04-10", 65,
             "hotelsales: payment amount -5.00 is not positive; record a payment of more than 0\n"),
            ("ar pay --company ACME --amount 5.00 --date 2027-04-10 --apply-to AR-000007 --today 2027-04-10", 1,
             "hotelsales: invoice AR-000007 is not an open invoice of ACME; open: AR-000001\n"),
            ("ar statement NOPE", 1,
             "hotelsales: company NOPE does not exist; see 'hotelsales companies list' for the 1 registered codes\n"),
            ("reports production --by company --period 2027-13", 65,
             "hotelsales: period \"2027-13\" has no month 13; months are 01 to 12\n"),
            ("reports channels --period 2027-Q5", 65, "hotelsales: period \"2027-Q5\" has no quarter Q5; quarters are Q1 to Q4\n"),
            ("targets set --sales-owner nobody --period 2027-Q1 --room-nights 10 --revenue 100.00", 1,
             "hotelsales: sales owner nobody is unknown; sales owners are those of the companies: lwang\n"),
            ("targets set --sales-owner lwang --period 2027-Q5 --room-nights 10 --revenue 100.00", 65,
             "hotelsales: period \"2027-Q5\" has no quarter Q5; quarters are Q1 to Q4\n"),
        ])
    func badInput(line: String, status: Int32, message: String) throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        let before = try runner.dump()
        let result = try runner.run(line)
        #expect(result.status == status)
        #expect(result.stderr == message)
        #expect(try runner.dump() == before)
    }
}
