import Foundation
import HotelDomain
import HotelStore
import Testing

/// The `reports` and `targets` commands, through the binary, on a handful of stays with known prices.
@Suite("hotelsales end to end: sales reports and targets")
struct ReportsCommandsTests {
    /// BAR spring: STD 760.00, DLX 920.00. Booked on 2027-02-01; "today" of the reports is 2027-04-10.
    func preparedRunner() throws -> CommandRunner {
        let runner = try CommandRunner()
        for line in [
            "init --hotel rate-plans/hotel.yaml",
            "rates import rate-plans/bar-2027.yaml",
            "companies add --code ACME --name \"Acme Industrial Ltd\" --segment corporate --credit-limit 20000.00 --sales-owner lwang",
            "companies add --code GLOBEX --name \"Globex\" --segment mice --credit-limit 0 --sales-owner hzhang",
            // 1: stayed 03-30, 03-31, 04-01 (DLX 920.00 a night).
            "bookings create --room-type DLX --arrival 2027-03-30 --nights 3 --guest A --company ACME --today 2027-02-01",
            // 2: no-show on 03-10 (STD 760.00).
            "bookings create --room-type STD --arrival 2027-03-10 --nights 1 --guest B --company GLOBEX --today 2027-02-01",
            // 3: cancelled.
            "bookings create --room-type STD --arrival 2027-03-20 --nights 2 --guest C --company ACME --today 2027-02-01",
            // 4: confirmed but never checked in (a past night that did not stay).
            "bookings create --room-type STD --arrival 2027-03-25 --nights 1 --guest D --today 2027-02-01",
            // 5: on the books for 04-20 and 04-21 (STD 760.00).
            "bookings create --room-type STD --arrival 2027-04-20 --nights 2 --guest E --company ACME --today 2027-02-01",
            "bookings check-in SHBUND-0000001 --today 2027-03-30",
            "bookings check-out SHBUND-0000001 --today 2027-04-02",
            "bookings no-show SHBUND-0000002 --today 2027-03-10",
            "bookings cancel SHBUND-0000003 --today 2027-03-01",
        ] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        return runner
    }

    @Test("Production counts stayed and on-the-books nights in their period; no-shows apart; compare last year")
    func production() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        let march = try runner.run("reports production --by company --period 2027-03 --today 2027-04-10 --format csv")
        #expect(march.status == 0, "\(march.stderr)")
        #expect(
            march.stdout
                == "key,roomNights,revenue,revenueMinor,adr,share,noShows,noShowRevenue\r\nACME,2,1840.00,184000,920.00,100%,0,0.00\r\nGLOBEX,0,0.00,0,0.00,0%,1,760.00\r\n")
        let quarter = try runner.run("reports production --by sales-owner --period 2027-Q2 --today 2027-04-10 --compare last-year --format csv")
        #expect(
            quarter.stdout
                == "key,roomNights,revenue,revenueMinor,adr,share,noShows,noShowRevenue,lastYearRoomNights,lastYearRevenue,revenueChange\r\nlwang,3,2440.00,244000,813.33,100%,0,0.00,0,0.00,-\r\n")
        let segment = try runner.run("reports production --by segment --period 2027 --today 2027-04-10 --format csv")
        #expect(segment.stdout.contains("corporate,5,4280.00,428000,856.00,100%,0,0.00\r\n"))
        #expect(segment.stdout.contains("mice,0,0.00,0,0.00,0%,1,760.00\r\n"))
        // With a 6% tax rate included in the prices, revenue is net of it.
        #expect(try runner.run("commissions tax-rate 6%").status == 0)
        let net = try runner.run("reports production --by rate-plan --period 2027-03 --today 2027-04-10 --format csv")
        #expect(net.stdout.contains("BAR,2,1735.85,173585,867.93,100%,1,716.98\r\n"))
    }

    @Test("Targets: set per sales owner, company or segment; report stayed, on the books and % achieved")
    func targets() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        for line in [
            "targets set --sales-owner lwang --period 2027-Q2 --room-nights 6 --revenue 5000.00",
            "targets set --company acme --period 2027-Q2 --room-nights 3 --revenue 2000.00",
            "targets set --segment mice --period 2027-Q2 --room-nights 10 --revenue 1000.00",
        ] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        let report = try runner.run("reports targets --period 2027-Q2 --today 2027-04-10 --format csv")
        #expect(
            report.stdout
                == """
                dimension,key,targetRoomNights,stayedRoomNights,onTheBooksRoomNights,roomNightsAchieved,targetRevenue,actualRevenue,onTheBooksRevenue,revenueAchieved\r
                company,ACME,3,1,2,100%,2000.00,2440.00,1520.00,122%\r
                sales-owner,lwang,6,1,2,50%,5000.00,2440.00,1520.00,48.8%\r
                segment,mice,10,0,0,0%,1000.00,0.00,0.00,0%\r

                """)
    }

    @Test("Channels: bookings, room-nights, revenue, commission, ADR, cancellation rate, lead time")
    func channels() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        let report = try runner.run("reports channels --period 2027-Q1 --today 2027-04-10 --format csv")
        #expect(
            report.stdout
                == "channel,bookings,roomNights,grossRevenue,commission,netRevenue,netRevenueMinor,adr,cancellationRate,leadDays\r\nCOMPANY,3,2,1840.00,0.00,1840.00,184000,920.00,33.33%,47.0\r\nDIRECT,1,0,0.00,0.00,0.00,0,0.00,0%,52.0\r\n")
    }

    @Test("Daily: occupancy, ADR, RevPAR and pickup per night")
    func daily() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        let report = try runner.run("reports daily --from 2027-03-31 --to 2027-04-01 --since 2027-02-01 --today 2027-04-10 --format csv")
        #expect(
            report.stdout
                == "night,sellable,sold,occupancy,revenue,adr,revpar,pickup\r\n2027-03-31,120,1,0.83%,920.00,920.00,7.67,1\r\n2027-04-01,120,1,0.83%,920.00,920.00,7.67,1\r\n")
    }

    @Test("The HTML page is self-contained: SVG charts, no scripts, no external resources")
    func html() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        #expect(try runner.run("targets set --sales-owner lwang --period 2027-Q1 --room-nights 6 --revenue 5000.00").status == 0)
        let path = runner.directory.appendingPathComponent("report.html").path
        let result = try runner.run(["reports", "html", "--period", "2027-Q1", "--out", path, "--today", "2027-04-10"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(!page.contains("<script"))
        #expect(!page.contains("https:"))
        #expect(!page.contains("url("))
        #expect(page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http") == false)
        #expect(page.contains("<td>sales-owner lwang</td><td class=\"n\">2 / 6</td><td class=\"n\">33.33%</td>"))
    }
}
