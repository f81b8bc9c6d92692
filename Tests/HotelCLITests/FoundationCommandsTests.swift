import Foundation
import Testing

/// The exact commands of the foundation issue, run through the built binary on a fresh database.
@Suite("hotelsales end to end: hotel, companies, agreements, rates")
struct FoundationCommandsTests {
    /// A database set up with the issue's commands, up to the ACME agreement approved and its rates imported.
    func preparedRunner() throws -> (CommandRunner, String) {
        let runner = try CommandRunner()
        for line in [
            "init --hotel rate-plans/hotel.yaml",
            "rates import rate-plans/bar-2027.yaml",
            "companies add --code ACME --name \"Acme Industrial Ltd\" --segment corporate --credit-limit 20000.00 --sales-owner lwang",
        ] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        let add = try runner.run("agreements add --company ACME --type cumulative-room --from 2027-01-01 --to 2027-12-31")
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for line in ["agreements submit \(id)", "agreements approve \(id)", "rates import rate-plans/acme-2027.yaml"] {
            let result = try runner.run(line + " --today 2026-11-23")
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        return (runner, id)
    }

    @Test("The issue's commands run in order and the quote prices 3 nights at 15% off BAR")
    func issueCommands() throws {
        let (runner, id) = try preparedRunner()
        defer { runner.cleanUp() }
        #expect(id == "1")

        let list = try runner.run("companies list --format csv")
        #expect(list.stdout == "code,name,segment,salesOwner,parent,creditLimit,creditLimitMinor,currency,paymentTermsDays\r\nACME,Acme Industrial Ltd,corporate,lwang,,20000.00,2000000,CNY,30\r\n")
        let show = try runner.run("companies show ACME --today 2026-11-23")
        #expect(show.stdout.contains("1  cumulative-room  2027-01-01…2027-12-31  approved"))
        #expect(show.stdout.contains("ACME27  Acme Industrial corporate rate 2027  LRA"))

        let quote = try runner.run(
            "rates quote --company ACME --room-type DLX --arrival 2027-03-01 --nights 3 --format json")
        #expect(quote.status == 0, "\(quote.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(quote.stdout.utf8)) as? [String: Any])
        #expect(object["ratePlan"] as? String == "ACME27")
        #expect(object["lra"] as? Bool == true)
        #expect(object["nights"] as? Int == 3)
        #expect(object["departure"] as? String == "2027-03-04")
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["minorUnits"] as? Int == 234_600)
        #expect(total["amount"] as? String == "2346.00")
        #expect(total["currency"] as? String == "CNY")
        let nightly = try #require(object["nightly"] as? [[String: Any]])
        #expect(nightly.map { $0["night"] as? String } == ["2027-03-01", "2027-03-02", "2027-03-03"])
        #expect(nightly.map { ($0["price"] as? [String: Any])?["minorUnits"] as? Int } == [78_200, 78_200, 78_200])
        #expect(nightly[0]["season"] as? String == "Spring")
        #expect(nightly[0]["tier"] as? String == "0–199 room-nights")
        #expect(nightly[0]["basis"] as? String == "15% off BAR 920.00")

        let bar = try runner.run("rates quote --room-type DLX --arrival 2027-04-30 --nights 2")
        #expect(bar.stdout.contains("2027-05-01  1299.99  BAR   Golden Week"))
        #expect(bar.stdout.contains("Total per room: 2219.99 CNY"))

        let rates = try runner.run("rates list --company ACME --format csv")
        #expect(rates.stdout.contains("ACME27,Acme Industrial corporate rate 2027,negotiated,ACME,BAR,0+: 15% off; 200+: 20% off,yes,breakfast,2027-01-01,2027-12-31"))

        let terminate = try runner.run("agreements terminate \(id) --today 2026-11-23")
        #expect(terminate.status == 0)
        let afterTermination = try runner.run("rates quote --company ACME --room-type DLX --arrival 2027-03-01 --nights 3 --format json")
        #expect(afterTermination.stdout.contains("\"ratePlan\" : \"BAR\""))
        let audit = try runner.run("audit --entity agreement --key 1 --format csv")
        #expect(audit.stdout.components(separatedBy: "\r\n").filter { $0.contains(",tester,agreement,1,") }.count == 4)
    }

    @Test("The contract lists the agreement's terms and the rate grid per tier")
    func contract() throws {
        let (runner, id) = try preparedRunner()
        defer { runner.cleanUp() }
        let out = runner.directory.appendingPathComponent("acme.md").path
        let result = try runner.run(["agreements", "contract", id, "--out", out, "--today", "2026-11-23"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("# Cumulative Room Agreement No. 1\n"))
        #expect(text.contains("**Acme Industrial Ltd** (ACME)"))
        #expect(text.contains("| Valid | 2027-01-01 to 2027-12-31, both days included |"))
        #expect(text.contains("#### 0–199 room-nights: 15% off BAR"))
        #expect(text.contains("#### 200+ room-nights: 20% off BAR"))
        // Golden Week under the first tier: STD 918.00, DLX 1104.99 (1299.99 less 15%), EXE 1343.00, FAM 1258.00, STE 2448.00.
        #expect(text.contains("| Golden Week | 2027-05-01 – 2027-05-07 | 918.00 | 1104.99 | 1343.00 | 1258.00 | 2448.00 |"))
        // And under the second: 20% off.
        #expect(text.contains("| Golden Week | 2027-05-01 – 2027-05-07 | 864.00 | 1039.99 | 1264.00 | 1184.00 | 2304.00 |"))
        #expect(text.contains("LRA (last room availability"))
    }

    @Test(
        "Bad input gets a one-line error, the documented exit code, and leaves the database unchanged",
        arguments: [
            ("companies show NOPE", Int32(1), "company NOPE does not exist"),
            ("rates quote --company NOPE --room-type DLX --arrival 2027-03-01 --nights 3", 1, "company NOPE does not exist"),
            ("rates quote --room-type PENT --arrival 2027-03-01 --nights 3", 1, "room type PENT is not a room type of SHBUND"),
            ("rates quote --room-type DLX --arrival 2027-02-30 --nights 3", 65, "date \"2027-02-30\" does not exist"),
            ("rates quote --room-type DLX --arrival 2027-03-05 --departure 2027-03-01", 65, "departure 2027-03-01 is not after arrival 2027-03-05"),
            ("rates quote --room-type DLX --arrival 2027-03-05 --nights 0", 65, "nights 0 is not valid"),
            ("companies add --code ACME --name Dup --segment corporate", 1, "company code ACME is already used"),
            ("companies add --code NEW --name New --segment corporate --credit-limit 12.345", 65, "amount \"12.345\" has 3 decimals"),
            ("companies add --code NEW --name New --segment corporate --credit-limit 12,50", 65, "amount \"12,50\" is not a decimal amount"),
            ("companies add --code NEW --name New --segment corporate --credit-limit=-5.00", 65, "credit limit -5.00 is negative"),
            ("companies add --code NEW --name New --segment banana", 65, "segment \"banana\" is not valid"),
            ("agreements approve 1", 1, "agreement 1 is approved; only a submitted agreement can be approved"),
            ("agreements submit 99", 1, "agreement 99 does not exist"),
            ("agreements add --company NOPE --type cumulative-room --from 2027-01-01 --to 2027-12-31", 1, "company NOPE does not exist"),
            ("agreements add --company ACME --type yearly --from 2027-01-01 --to 2027-12-31", 65, "agreement type \"yearly\" is not valid"),
            ("agreements add --company ACME --type long-stay --from 2027-01-01 --to 2027-12-31", 65, "needs --min-nights and --discount"),
            ("rates import Tests/HotelCLITests/Fixtures/overlapping-seasons.yaml", 65, "overlaps season"),
            ("rates import Tests/HotelCLITests/Fixtures/missing-company.yaml", 1, "company NOSUCH, which does not exist"),
            ("rates import Tests/HotelCLITests/Fixtures/negative-price.yaml", 65, "price -680.00 for STD is negative"),
            ("rates import Tests/HotelCLITests/Fixtures/malformed.yaml", 65, "not valid YAML"),
            ("rates import rate-plans/bar-2027.yaml Tests/HotelCLITests/Fixtures/negative-price.yaml", 65, "is negative"),
            ("init --hotel Tests/HotelCLITests/Fixtures/other-hotel.yaml", 1, "this database belongs to hotel SHBUND"),
            ("rates quote --room-type DLX --arrival 2027-03-01", 65, "the stay needs --nights N or --departure"),
            ("companies frobnicate", 64, "Unexpected argument 'frobnicate'"),
        ])
    func badInput(line: String, status: Int32, message: String) throws {
        let (runner, _) = try preparedRunner()
        defer { runner.cleanUp() }
        let before = try runner.dump()
        let result = try runner.run(line)
        #expect(result.status == status, "\(line): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(line): \(result.stderr)")
        if status != 64 {
            #expect(result.stderr.hasPrefix("hotelsales: "))
            #expect(result.stderr.filter { $0 == "\n" }.count == 1, "not one line: \(result.stderr)")
        }
        #expect(try runner.dump() == before)
    }
}
