import Foundation
import HotelDomain
import HotelStore
import Testing

/// The groups, VIP and arrivals commands of the group blocks issue, through the binary.
@Suite("hotelsales end to end: group blocks, rooming lists, attrition, displacement, VIP arrivals")
struct GroupsCommandsTests {
    static let fixtures = "Tests/HotelCLITests/Fixtures/groups"

    func preparedRunner(group: Bool = true) throws -> CommandRunner {
        let runner = try CommandRunner()
        var lines = [
            "init --hotel rate-plans/hotel.yaml",
            "rates import rate-plans/bar-2027.yaml",
            "companies add --code ACME --name \"Acme Industrial Ltd\" --segment corporate --credit-limit 20000.00",
            "rates import rate-plans/GRP-TECH.yaml",
            "vip levels add --code V1 --rank 1 --name \"Chairman level\" --amenities \"fruit basket; GM greeting\" --notes \"GM meets at the door\"",
            "vip levels add --code V2 --rank 2 --name \"Executive\" --amenities \"welcome letter\"",
        ]
        if group {
            lines.append(
                "groups create --code TECH27 --name \"Tech Summit 2027\" --company ACME --rate-plan GRP-TECH --cutoff 2027-04-20 --attrition 20% --vip V2"
            )
        }
        for line in lines {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        return runner
    }

    @Test("The issue's group commands: create, block, show, rooming-list, release-due, attrition")
    func groupCommands() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        // The sample hotel has 40 DLX rooms: the block takes all of them, one more is beyond them.
        let before = try runner.dump()
        let tooBig = try runner.run("groups block TECH27 --room-type DLX --from 2027-05-01 --to 2027-05-04 --rooms 41")
        #expect(tooBig.status == 65)
        #expect(
            tooBig.stderr == "hotelsales: rooms 41 is beyond the hotel's 40 physical DLX rooms; block 0 to 40 rooms\n")
        #expect(try runner.dump() == before)

        let block = try runner.run(
            "groups block TECH27 --room-type DLX --from 2027-05-01 --to 2027-05-04 --rooms 40 --rate 890.00")
        #expect(block.status == 0, "\(block.stderr)")
        #expect(block.stdout.contains("40 rooms × 4 nights = 160 room-nights at 890.00"))
        let inventory = try runner.run("inventory show --from 2027-05-01 --to 2027-05-01 --room-type DLX --format csv")
        #expect(inventory.stdout.contains("2027-05-01,DLX,40,0,0,40,0,0,0%,0.00,0,,"), "\(inventory.stdout)")

        let list = try runner.run(
            "groups rooming-list TECH27 \(Self.fixtures)/rooming-list.csv --today 2027-03-01 --format csv")
        #expect(list.status == 3)
        #expect(list.stdout.contains("2,Zhang Wei,created,SHBUND-0000001,"))
        #expect(list.stdout.contains("4,Sun Mei,created,SHBUND-0000003,"))
        #expect(
            list.stderr.contains(
                "hotelsales: rooming-list.csv line 5: Wu Gang: night 2027-05-05 of 2027-05-01…2027-05-06 (5 nights) is outside group TECH27's DLX block (2027-05-01…2027-05-04)\n"
            ))
        #expect(
            list.stderr.contains(
                "hotelsales: rooming-list.csv line 6: Xu Na: room type STD is not blocked for group TECH27; blocked: DLX\n"
            ))
        let afterFirst = try runner.dump(excludingVolatile: true)
        let again = try runner.run("groups rooming-list TECH27 \(Self.fixtures)/rooming-list.csv --today 2027-03-02")
        #expect(again.status == 3)
        #expect(again.stderr.contains("TECH27: 5 lines, 0 created, 0 updated, 3 unchanged, 2 not placed."))
        #expect(try runner.dump(excludingVolatile: true) == afterFirst)

        let show = try runner.run("groups show TECH27 --format csv")
        #expect(show.stdout.contains("2027-05-01,DLX,40,2,0,38,890.00,89000,1780.00,178000"))
        #expect(show.stdout.contains("2027-05-02,DLX,40,3,0,37,890.00,89000,2670.00,267000"))

        let attrition = try runner.run("groups attrition TECH27")
        #expect(attrition.status == 0)
        #expect(
            attrition.stdout.contains("contracted 160 room-nights × (100% − 20%) = 128 room-nights the group must take")
        )
        #expect(attrition.stdout.contains("shortfall 128 − 11 = 117 room-nights"))
        #expect(attrition.stdout.contains("penalty 117 × 890.00 = 104130.00 CNY (117 × 89000 = 10413000 minor units)"))
        let json = try runner.run("groups attrition TECH27 --format json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["penalty"] as? [String: Any])?["minorUnits"] as? Int == 10_413_000)

        #expect(try runner.run("groups release-due --today 2027-04-20").stdout.contains("No block is due"))
        let release = try runner.run("groups release-due --today 2027-04-21")
        #expect(release.stdout.contains("TECH27 (cutoff 2027-04-20): released 149 room-nights to general inventory"))
        let afterRelease = try runner.dump(excludingVolatile: true)
        let twice = try runner.run("groups release-due --today 2027-04-22")
        #expect(twice.status == 0)
        #expect(try runner.dump(excludingVolatile: true) == afterRelease)
        let explicit = try runner.run("groups release TECH27 --today 2027-04-22")
        #expect(explicit.status == 1)
        #expect(
            explicit.stderr
                == "hotelsales: group TECH27 was already released on 2027-04-21; its unpicked rooms are back in general inventory\n"
        )
        let after = try runner.run("inventory show --from 2027-05-02 --to 2027-05-02 --room-type DLX --format csv")
        #expect(after.stdout.contains("2027-05-02,DLX,40,0,3,0,37,"), "\(after.stdout)")
        let audit = try runner.run("audit --entity group --key TECH27")
        #expect(audit.stdout.contains("release-due"))
        #expect(try AppDatabase.open(path: runner.databasePath).inventoryDiscrepancies() == [])
    }

    @Test("A direct-bill block over the company's credit limit is refused with the figures; --override-credit holds it")
    func blockCreditControl() throws {
        let runner = try preparedRunner(group: false)
        defer { runner.cleanUp() }
        #expect(
            try runner.run(
                "groups create --code TECH27 --name \"Tech Summit 2027\" --company ACME --rate-plan GRP-TECH --cutoff 2027-04-20 --billing direct-bill"
            ).status == 0)
        // ACME's limit is 20000.00: 10 DLX × 4 nights × 890.00 = 35600.00 is over it.
        let before = try runner.dump()
        let block = "groups block TECH27 --room-type DLX --from 2027-05-01 --to 2027-05-04 --rate 890.00 --rooms"
        let refused = try runner.run("\(block) 10")
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "hotelsales: direct billing to ACME refused: balance 0.00 CNY + open direct-bill bookings and blocks 0.00 + expected charges 35600.00 = 35600.00 exceeds the credit limit 20000.00 CNY by 15600.00; give --override-credit to book anyway (audited)\n"
        )
        #expect(try runner.dump() == before)
        // 5 rooms = 17800.00 fit; one more room (3560.00) on top of the 17800.00 held does not.
        #expect(try runner.run("\(block) 5").status == 0)
        let more = try runner.run("\(block) 6")
        #expect(more.status == 1)
        #expect(
            more.stderr.contains(
                "+ open direct-bill bookings and blocks 17800.00 + expected charges 3560.00 = 21360.00 exceeds the credit limit 20000.00 CNY by 1360.00;"
            ))
        let overridden = try runner.run("\(block) 6 --override-credit --user gm")
        #expect(overridden.status == 0, "\(overridden.stderr)")
        let audit = try AppDatabase.open(path: runner.databasePath).auditLog(entity: "credit", key: "ACME")
        #expect(audit.map(\.user) == ["gm"])
        #expect(audit.first?.action == "override")
        #expect(audit.first?.newValue?.contains("group TECH27") == true)
        // Releasing the block frees the credit it held: a direct-bill booking of 18400.00 then fits.
        #expect(try runner.run("groups release TECH27 --today 2027-04-21").status == 0)
        let booking = try runner.run(
            "bookings create --room-type DLX --arrival 2027-04-01 --nights 20 --guest \"Wang Fang\" --company ACME --billing direct-bill --today 2027-03-05"
        )
        #expect(booking.status == 0, "\(booking.stderr)")
    }

    @Test("Bad input: attrition over 100%, cutoff after arrival, malformed or unknown rooming lines; nothing written")
    func badInput() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        #expect(
            try runner.run("groups block TECH27 --room-type STD --from 2027-05-01 --to 2027-05-04 --rooms 10").status
                == 0)
        let before = try runner.dump()
        let cases: [(String, Int32, String)] = [
            (
                "groups create --code BIG --name Big --rate-plan GRP-TECH --company ACME --cutoff 2027-04-20 --attrition 120%",
                65,
                "hotelsales: percentage \"120%\" is over 100%; use a value from 0% to 100%\n"
            ),
            (
                "groups create --code TECH27 --name Again --rate-plan GRP-TECH --company ACME --cutoff 2027-04-20", 1,
                "hotelsales: group TECH27 already exists; see 'hotelsales groups show TECH27'\n"
            ),
            (
                "groups create --code BARGRP --name Bar --rate-plan BAR --cutoff 2027-04-20", 1,
                "hotelsales: rate plan BAR is a bar plan; a group block needs a plan of kind group\n"
            ),
            (
                "groups block TECH27 --room-type STD --from 2027-04-18 --to 2027-04-19 --rooms 5", 65,
                "hotelsales: cutoff 2027-04-20 of group TECH27 is not before its first blocked night 2027-04-18; the cutoff must fall before arrival (at the latest 2027-04-17)\n"
            ),
            (
                "groups rooming-list TECH27 \(Self.fixtures)/rooming-bad-date.csv", 65,
                "hotelsales: rooming-bad-date.csv line 3: date \"2027-05-32\" does not exist; use a real calendar date as YYYY-MM-DD\n"
            ),
            (
                "groups rooming-list TECH27 \(Self.fixtures)/rooming-unknown-room.csv", 65,
                "hotelsales: rooming-unknown-room.csv line 3: room type PENT is not a room type of SHBUND; valid: STD, DLX, EXE, FAM, STE\n"
            ),
            (
                "groups book TECH27 --guest \"Li Na\" --room-type STD --arrival 2027-05-01 --nights 2 --rooms 11", 1,
                "hotelsales: group TECH27's STD block is full on 2027-05-01: 10 blocked, 0 picked up, 10 left; 11 rooms asked\n"
            ),
            (
                "groups show NOPE", 1,
                "hotelsales: group NOPE does not exist; create it with 'hotelsales groups create --code NOPE ...'\n"
            ),
        ]
        for (line, status, message) in cases {
            let result = try runner.run(line)
            #expect(result.status == status, "\(line): \(result.stderr)")
            #expect(result.stderr == message, "\(line)")
            #expect(try runner.dump() == before, "\(line) changed the database")
        }
        // Releasing twice: the first release is fine, the second one is refused.
        #expect(try runner.run("groups release TECH27 --today 2027-04-01").status == 0)
        let second = try runner.run("groups release TECH27 --today 2027-04-02")
        #expect(second.status == 1)
        #expect(second.stderr.hasPrefix("hotelsales: group TECH27 was already released on 2027-04-01"))
    }

    @Test("Displacement: the forecast's BAR demand pushed out by 24 DLX rooms against the group's revenue")
    func evaluate() throws {
        let runner = try preparedRunner(group: false)
        defer { runner.cleanUp() }
        // 40 − 24 = 16 DLX left; BAR demand 20 then 30 (sd 0) at 1299.99: 4 + 14 rooms displaced = 23399.82.
        let accept = try runner.run(
            "groups evaluate --room-type DLX --from 2027-05-01 --to 2027-05-02 --rooms 24 --rate 890.00 --demand \(Self.fixtures)/demand.csv --today 2027-03-01 --format json"
        )
        #expect(accept.status == 0, "\(accept.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(accept.stdout.utf8)) as? [String: Any])
        #expect((object["displacedRevenue"] as? [String: Any])?["minorUnits"] as? Int == 2_339_982)
        #expect((object["groupRevenue"] as? [String: Any])?["minorUnits"] as? Int == 4_272_000)
        #expect(object["verdict"] as? String == "accept")
        let nights = try #require(object["nights"] as? [[String: Any]])
        #expect(nights.map { $0["displacedMinor"] as? Int } == [519_996, 1_819_986])

        let low = try runner.run(
            "groups evaluate --room-type DLX --from 2027-05-01 --to 2027-05-02 --rooms 24 --rate 450.00 --demand \(Self.fixtures)/demand.csv --today 2027-03-01"
        )
        #expect(low.status == 0)
        // Break-even 23399.82 ÷ 48 room-nights = 487.49625 → 487.50; the counter-offer rounds up to a whole 488.00.
        #expect(low.stdout.contains("Verdict: counter-offer at 488.00 or more"))
        #expect(low.stdout.contains("break-even rate 487.50"))
        let tooMany = try runner.run(
            "groups evaluate --room-type DLX --from 2027-05-01 --to 2027-05-02 --rooms 41 --rate 500.00")
        #expect(tooMany.status == 65)
    }

    @Test("VIP levels and the arrivals list: sorted by VIP rank then name, with amenities, billing, company or group")
    func vipArrivals() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        for line in [
            "groups block TECH27 --room-type STD --from 2027-05-01 --to 2027-05-04 --rooms 10",
            "groups book TECH27 --guest \"Chen Li\" --room-type STD --arrival 2027-05-01 --nights 4 --sharer \"Wang Fang\" --request \"high floor\"",
            "bookings create --room-type DLX --arrival 2027-05-01 --nights 2 --guest \"Adams\" --company ACME --billing direct-bill",
            "bookings create --room-type DLX --arrival 2027-05-01 --nights 1 --guest \"Baker\"",
            "bookings create --room-type DLX --arrival 2027-05-01 --nights 1 --guest \"Zhang  Wei\" --request \"airport pickup\"",
            "bookings create --room-type DLX --arrival 2027-05-02 --nights 1 --guest \"Not Today\"",
            "vip set --guest \"zhang wei\" --level V1",
            "vip set --booking SHBUND-0000003 --level V2",
        ] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        let csv = try runner.run("arrivals --date 2027-05-01 --format csv")
        #expect(csv.status == 0)
        let rows = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.count == 5)
        #expect(
            rows[0]
                == "vip,vipRank,guest,sharer,confirmation,roomType,rooms,nights,ratePlan,companyOrGroup,amenities,handling,requests,billing,status"
        )
        #expect(
            rows[1]
                == "V1 Chairman level,1,Zhang  Wei,,SHBUND-0000004,DLX,1,1,BAR,,fruit basket; GM greeting,GM meets at the door,airport pickup,guest pays,confirmed"
        )
        #expect(
            rows[2] == "V2 Executive,2,Baker,,SHBUND-0000003,DLX,1,1,BAR,,welcome letter,,,guest pays,confirmed")
        #expect(
            rows[3]
                == "V2 Executive,2,Chen Li,Wang Fang,SHBUND-0000001,STD,1,4,GRP-TECH,group TECH27 (Tech Summit 2027); ACME (Acme Industrial Ltd),welcome letter,,high floor,guest pays,confirmed"
        )
        #expect(
            rows[4] == ",,Adams,,SHBUND-0000002,DLX,1,2,BAR,ACME (Acme Industrial Ltd),,,,direct bill to ACME,confirmed"
        )

        #expect(try runner.run("vip set --company ACME --level V1").status == 0)
        let vipOnly = try runner.run("arrivals --date 2027-05-01 --vip-only --format csv")
        let names = vipOnly.stdout.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)[2]
        }
        #expect(names == ["Adams", "Chen Li", "Zhang  Wei", "Baker"])
        let group = try runner.run("arrivals --date 2027-05-01 --group TECH27 --format json")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(group.stdout.utf8)) as? [[String: Any]])
        #expect(objects.map { $0["guest"] as? String } == ["Chen Li"])

        let unknown = try runner.run("vip set --booking SHBUND-0000002 --level V9")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "hotelsales: VIP level V9 does not exist; known levels: V1, V2\n")
        #expect(try runner.run("vip set --level V1").status == 64)
        let levels = try runner.run("vip levels list --format csv")
        #expect(
            levels.stdout
                == "code,rank,name,amenities,notes\r\nV1,1,Chairman level,fruit basket; GM greeting,GM meets at the door\r\nV2,2,Executive,welcome letter,\r\n"
        )
    }
}
