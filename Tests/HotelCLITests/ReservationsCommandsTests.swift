import Foundation
import HotelDomain
import HotelStore
import Testing

/// The reservations, inventory, controls and yield commands of the reservations issue, through the binary.
@Suite("hotelsales end to end: bookings, inventory, controls, yield")
struct ReservationsCommandsTests {
    func preparedRunner() throws -> CommandRunner {
        let runner = try CommandRunner()
        for line in [
            "init --hotel rate-plans/hotel.yaml",
            "rates import rate-plans/bar-2027.yaml",
            "companies add --code ACME --name \"Acme Industrial Ltd\" --segment corporate --credit-limit 20000.00",
        ] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        let id = try runner.run("agreements add --company ACME --type cumulative-room --from 2027-01-01 --to 2027-12-31").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for line in ["agreements submit \(id)", "agreements approve \(id)", "rates import rate-plans/acme-2027.yaml"] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        return runner
    }

    @Test("The issue's booking commands: create, list, show, modify, cancel, no-show, check-in, check-out")
    func bookingCommands() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        let create = try runner.run(
            "bookings create --room-type DLX --arrival 2027-03-01 --nights 2 --guest \"Chen Li\" --company ACME --rooms 1 --vip V1 --request \"late arrival\" --today 2026-11-23")
        #expect(create.status == 0, "\(create.stderr)")
        let confirmation = create.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(confirmation == "SHBUND-0000001")
        let show = try runner.run("bookings show \(confirmation) --format json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["ratePlan"] as? String == "ACME27")
        #expect((object["total"] as? [String: Any])?["minorUnits"] as? Int == 156_400)
        #expect(object["vip"] as? String == "V1")
        #expect(object["specialRequests"] as? String == "late arrival")

        let modify = try runner.run("bookings modify \(confirmation) --nights 3")
        #expect(modify.status == 0, "\(modify.stderr)")
        #expect(modify.stdout.contains("total 2346.00 CNY"))
        let list = try runner.run("bookings list --arrival-from 2027-03-01 --arrival-to 2027-03-31 --status confirmed --company ACME --format csv")
        #expect(list.stdout.contains("SHBUND-0000001,Chen Li,DLX,2027-03-01,2027-03-04,3,1,ACME27,ACME,confirmed,2346.00,234600,CNY,V1"))

        #expect(try runner.run("bookings check-in \(confirmation) --today 2027-03-01").status == 0)
        #expect(try runner.run("bookings check-out \(confirmation) --today 2027-03-04").status == 0)
        let late = try runner.run("bookings modify \(confirmation) --nights 4")
        #expect(late.status == 1)
        #expect(late.stderr.contains("is checked-out; only a tentative, confirmed or checked-in reservation can be modified"))

        let second = try runner.run("bookings create --room-type STD --arrival 2027-03-05 --nights 1 --guest \"Li Wei\"")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try runner.run("bookings cancel \(second)").status == 0)
        let checkIn = try runner.run("bookings check-in \(second) --today 2027-03-05")
        #expect(checkIn.status == 1)
        #expect(checkIn.stderr == "hotelsales: reservation SHBUND-0000002 is cancelled; only a tentative or confirmed reservation can be checked in\n")
        let third = try runner.run("bookings create --room-type STD --arrival 2027-03-05 --nights 1 --guest \"Wang Fang\"")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try runner.run("bookings no-show \(third) --today 2027-03-06").status == 0)
        let inventory = try runner.run("inventory show --from 2027-03-05 --to 2027-03-05 --room-type STD --format csv")
        #expect(inventory.stdout.contains("2027-03-05,STD,44,0,0,0,44,0,0%,0.00,0,,"))
    }

    @Test("Inventory, controls and yield commands work as written and refuse bad input")
    func inventoryControlsYield() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        for line in [
            "inventory set --room-type DLX --from 2027-03-01 --to 2027-03-14 --out-of-order 6 --overbook 1",
            "bookings create --room-type DLX --arrival 2027-03-01 --nights 2 --guest Group --rooms 30",
            "controls set --rate-plan BAR --from 2027-03-03 --to 2027-03-03 --room-type DLX --closed",
            "controls set --rate-plan BAR --from 2027-03-05 --to 2027-03-05 --closed-to-arrival",
            "controls set --rate-plan BAR --from 2027-03-06 --to 2027-03-06 --min-los 2",
        ] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        let show = try runner.run("inventory show --from 2027-03-01 --to 2027-03-14 --format json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 14 * 6)
        let dlx = try #require(rows.first { $0["night"] as? String == "2027-03-01" && $0["roomType"] as? String == "DLX" })
        #expect(dlx["available"] as? Int == 4)
        #expect(dlx["sold"] as? Int == 30)
        #expect(dlx["occupancy"] as? String == "88.24%")
        let house = try #require(rows.first { $0["night"] as? String == "2027-03-01" && $0["roomType"] as? String == "HOUSE" })
        #expect(house["adr"] as? String == "920.00")
        #expect(house["revpar"] as? String == "242.11")  // 27600.00 / 114 sellable = 242.105…

        let closed = try runner.run("bookings create --room-type DLX --arrival 2027-03-02 --nights 2 --guest X")
        #expect(closed.status == 1)
        #expect(closed.stderr == "hotelsales: BAR DLX is closed on 2027-03-03; choose other dates or another rate plan\n")
        let lra = try runner.run("bookings create --room-type DLX --arrival 2027-03-02 --nights 2 --guest X --company ACME")
        #expect(lra.status == 0, "LRA ignores the closure: \(lra.stderr)")
        let full = try runner.run("bookings create --room-type DLX --arrival 2027-03-01 --nights 1 --guest Y --rooms 6")
        #expect(full.status == 1)
        #expect(full.stderr.contains("DLX is full on 2027-03-01: 4 of 40 rooms free (6 out of order, 30 sold, 0 held by blocks) and an overbooking allowance of 1; 6 rooms asked"))
        #expect(try runner.run("bookings create --room-type STD --arrival 2027-03-05 --nights 2 --guest Z").status == 1)
        #expect(try runner.run("bookings create --room-type STD --arrival 2027-03-06 --nights 1 --guest Z").status == 1)
        #expect(try runner.run("bookings create --room-type STD --arrival 2027-03-06 --nights 2 --guest Z").status == 0)
        let controls = try runner.run("controls list --from 2027-03-01 --to 2027-03-14 --format csv")
        #expect(controls.stdout == "night,ratePlan,roomType,closed,closedToArrival,closedToDeparture,minLos,maxLos\r\n2027-03-03,BAR,DLX,yes,no,no,,\r\n2027-03-05,BAR,*,no,yes,no,,\r\n2027-03-06,BAR,*,no,no,no,2,\r\n")

        // Yield with a supplied forecast: BAR N(30, 8) against ACME-free GLOBEX-style class is not on the sample, so
        // use BAR alone: one class is always open; the overbooking allowance follows the show-up rate.
        let demand = runner.directory.appendingPathComponent("demand.csv")
        try "date,room_type,rate_plan,mean,sd\n2027-03-10,DLX,BAR,30,8\n".write(to: demand, atomically: true, encoding: .utf8)
        let recommend = try runner.run(["yield", "recommend", "--from", "2027-03-10", "--to", "2027-03-10", "--demand", demand.path, "--format", "json"])
        #expect(recommend.status == 0, "\(recommend.stderr)")
        let recommendations = try #require(try JSONSerialization.jsonObject(with: Data(recommend.stdout.utf8)) as? [[String: Any]])
        let dlxNight = try #require(recommendations.first { $0["roomType"] as? String == "DLX" })
        #expect(dlxNight["remaining"] as? Int == 34)
        #expect((dlxNight["overbooking"] as? [String: Any])?["rooms"] as? Int == 1)
        let apply = try runner.run(["yield", "apply", "--from", "2027-03-10", "--to", "2027-03-10", "--demand", demand.path])
        #expect(apply.status == 0, "\(apply.stderr)")
        let after = try runner.run("inventory show --from 2027-03-10 --to 2027-03-10 --room-type DLX --format csv")
        #expect(after.stdout.contains("2027-03-10,DLX,40,6,0,0,34,1,"))

        for (line, status, message) in [
            ("bookings create --room-type DLX --arrival 2027-03-01 --nights 0 --guest A", Int32(65), "nights 0 is not valid"),
            ("bookings create --room-type DLX --arrival 2027-03-05 --departure 2027-03-01 --guest A", 65, "is not after arrival"),
            ("bookings create --room-type PENT --arrival 2027-03-01 --nights 1 --guest A", 1, "room type PENT is not a room type"),
            ("bookings create --room-type DLX --arrival 2027-03-01 --nights 1 --guest A --rate-plan NOPE", 1, "rate plan NOPE does not exist"),
            ("bookings cancel SHBUND-9999999", 1, "reservation SHBUND-9999999 does not exist"),
            ("controls set --rate-plan NOPE --from 2027-03-01 --to 2027-03-02 --closed", 1, "rate plan NOPE does not exist"),
            ("inventory set --room-type DLX --from 2027-03-01 --to 2027-03-02 --out-of-order 41", 65, "out of order 41 is not valid for DLX"),
            ("inventory show --from 2027-03-14 --to 2027-03-01", 65, "ends before it starts"),
        ] {
            let before = try runner.dump()
            let result = try runner.run(line)
            #expect(result.status == status, "\(line): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(line): \(result.stderr)")
            #expect(try runner.dump() == before)
        }
        let badDemand = runner.directory.appendingPathComponent("bad.csv")
        try "date,room_type,rate_plan,mean,sd\n2027-03-10,DLX,BAR,-3,8\n".write(to: badDemand, atomically: true, encoding: .utf8)
        let refused = try runner.run(["yield", "recommend", "--from", "2027-03-10", "--to", "2027-03-10", "--demand", badDemand.path])
        #expect(refused.status == 65, "\(refused.stderr)")
    }

    @Test("8 processes booking the last rooms at once sell exactly what is left plus the allowance")
    func concurrentLastRooms() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        #expect(try runner.run("bookings create --room-type DLX --arrival 2027-03-01 --nights 2 --guest Block --rooms 37").status == 0)
        #expect(try runner.run("inventory set --room-type DLX --from 2027-03-01 --to 2027-03-02 --overbook 1").status == 0)
        // 40 rooms − 37 sold + 1 allowance = 4 more rooms on both nights; 8 processes ask for one each.
        var processes: [(Process, Pipe)] = []
        for index in 0..<8 {
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = [
                "bookings", "create", "--room-type", "DLX", "--arrival", "2027-03-01", "--nights", "2", "--guest", "Racer \(index)",
                "--db", runner.databasePath,
            ]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            processes.append((process, errors))
        }
        for (process, _) in processes { try process.run() }
        var succeeded = 0
        var refusedFull = 0
        for (process, errors) in processes {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 0 {
                succeeded += 1
            } else if process.terminationStatus == 1, message.contains("DLX is full on 2027-03-01") {
                refusedFull += 1
            } else {
                Issue.record("unexpected result \(process.terminationStatus): \(message)")
            }
        }
        #expect(succeeded == 4)
        #expect(refusedFull == 4)
        let database = try AppDatabase.open(path: runner.databasePath)
        let nights = try database.inventory(from: try CalendarDate(parsing: "2027-03-01"), to: try CalendarDate(parsing: "2027-03-02"), roomType: "DLX")
        #expect(nights.map(\.sold) == [41, 41])
        #expect(try database.inventoryDiscrepancies() == [])
    }
}
