import Foundation
import HotelDomain
import Testing

@testable import HotelStore

private typealias F = StoreFixtures

/// The nightly run's store use cases: the lock and run log, and marking yesterday's no-shows.
@Suite("Nightly run: lock, run log, no-shows")
struct NightlyStoreTests {
    static func holder(pid: Int32, start: String = "100") -> NightlyLockHolder {
        NightlyLockHolder(
            pid: pid, host: "audit-1", bootID: "boot-a", processStart: start, startedAt: "2027-05-01T01:00:00.000Z")
    }

    @Test("One run holds the lock; a live holder refuses the next run, a dead one's lock is taken over")
    func lock() throws {
        let database = try F.database()
        let today = F.date("2027-05-01")
        let first = try database.startNightlyRun(
            today: today, holder: Self.holder(pid: 4242), user: "night", isStale: { _ in false })
        guard case .started(let firstRun, let tookOver) = first else {
            Issue.record("the first run did not get the lock")
            return
        }
        #expect(firstRun == 1)
        #expect(tookOver == nil)

        let second = try database.startNightlyRun(
            today: today, holder: Self.holder(pid: 5151), user: "night", isStale: { _ in false })
        guard case .held(let holder, let refusedRun) = second else {
            Issue.record("a second run got the lock while the first held it")
            return
        }
        #expect(holder.pid == 4242)
        #expect(holder.host == "audit-1")
        #expect(holder.runID == 1)
        #expect(
            holder.description == "pid 4242 on host audit-1, started 2027-05-01T01:00:00.000Z (run 1 for 2027-05-01)")
        #expect(refusedRun == 2)

        // The holder died (the closure says so): its run is interrupted and the lock is the new run's.
        let asked = Asked()
        let third = try database.startNightlyRun(
            today: today, holder: Self.holder(pid: 6161), user: "night",
            isStale: { holder in
                asked.append(holder.pid)
                return true
            })
        guard case .started(let thirdRun, let takenFrom) = third else {
            Issue.record("a stale lock was not taken over")
            return
        }
        #expect(thirdRun == 3)
        #expect(takenFrom?.pid == 4242)
        #expect(asked.pids == [4242])

        var counts = NightlyCounts()
        counts.created = 7
        try database.finishNightlyRun(
            runID: thirdRun, status: .ok, exitCode: 0, counts: counts, errors: [], attention: [])
        let runs = try database.nightlyRuns()
        #expect(runs.map(\.id) == [3, 2, 1])
        #expect(runs.map(\.status) == [.ok, .refused, .interrupted])
        #expect(runs.map(\.exitCode) == [0, 1, nil])
        #expect(runs[0].counts.created == 7)
        #expect(
            runs[1].errors == [
                "another nightly run holds the lock: pid 4242 on host audit-1, started 2027-05-01T01:00:00.000Z (run 1 for 2027-05-01)"
            ])
        #expect(runs[2].errors.first?.hasPrefix("stopped without finishing") == true)

        // Released by the finished run: the next run starts without asking about anyone.
        let fourth = try database.startNightlyRun(
            today: today, holder: Self.holder(pid: 7171), user: "night",
            isStale: { _ in
                Issue.record("no lock should be held")
                return false
            })
        guard case .started(4, nil) = fourth else {
            Issue.record("the released lock was not free")
            return
        }
    }

    @Test("Yesterday's confirmed arrivals become no-shows once; missed nights are caught up, 7 at most")
    func noShows() throws {
        let database = try F.database()
        let booked = F.date("2027-03-20")
        func book(_ guest: String, _ arrival: String, tentative: Bool = false) throws -> String {
            try database.book(
                BookingRequest(
                    guestName: guest, roomType: "DLX", stay: Stay(arrival: F.date(arrival), nights: 2),
                    tentative: tentative),
                today: booked, by: F.author
            ).confirmation
        }
        let early = try book("Early Eva", "2027-04-20")
        let missed = try book("Missed Max", "2027-04-25")
        let caughtUp = try book("Caught Cai", "2027-04-29")
        let yesterday = try book("Yesterday Yan", "2027-04-30")
        let tentative = try book("Tentative Tom", "2027-04-30", tentative: true)
        let arrived = try book("Arrived Ada", "2027-04-30")
        _ = try database.transition(arrived, .checkIn, today: F.date("2027-04-30"), by: F.author)

        func run(_ today: String) throws -> NoShowMarking {
            guard
                case .started(let id, _) = try database.startNightlyRun(
                    today: F.date(today), holder: Self.holder(pid: 1), user: "night", isStale: { _ in true })
            else { throw DomainError.refused("no lock") }
            let marking = try database.markNoShows(
                yesterday: F.date(today).adding(days: -1), today: F.date(today), runID: id, by: F.author)
            try database.finishNightlyRun(
                runID: id, status: .ok, exitCode: 0, counts: NightlyCounts(), errors: [], attention: [])
            return marking
        }
        // The first run looks at yesterday only: the older unarrived bookings are not its business.
        let first = try run("2027-04-28")
        #expect(first.arrivals == F.nights("2027-04-27", "2027-04-27"))
        #expect(first.marked == [])
        // Nights 04-28 and 04-29 were missed: the next run catches them up with yesterday.
        let second = try run("2027-05-01")
        #expect(second.arrivals == F.nights("2027-04-28", "2027-04-30"))
        #expect(second.marked == [caughtUp, yesterday])
        #expect(second.tentativeLeft == [tentative])
        // The same night again marks nothing.
        let before = try database.contentDump(excluding: ["nightly_run", "nightly_lock"])
        let third = try run("2027-05-01")
        #expect(third.arrivals == F.nights("2027-04-30", "2027-04-30"))
        #expect(third.marked == [])
        #expect(try database.contentDump(excluding: ["nightly_run", "nightly_lock"]) == before)
        // A long gap is caught up 7 days back at most.
        let late = try run("2027-05-20")
        #expect(late.arrivals == F.nights("2027-05-13", "2027-05-19"))

        #expect(try database.reservation(early).status == .confirmed)
        #expect(try database.reservation(missed).status == .confirmed)
        #expect(try database.reservation(caughtUp).status == .noShow)
        #expect(try database.reservation(yesterday).status == .noShow)
        #expect(try database.reservation(tentative).status == .tentative)
        #expect(try database.reservation(arrived).status == .checkedIn)
        // Their rooms went back: DLX on 04-30 holds the tentative and the checked-in bookings (and 04-29's second night is free).
        let nights = try database.inventory(from: F.date("2027-04-29"), to: F.date("2027-04-30"), roomType: "DLX")
        #expect(nights.map(\.sold) == [0, 2])
        #expect(try database.inventoryDiscrepancies() == [])
        let audit = try database.auditLog(entity: "reservation", key: yesterday, limit: 10)
        #expect(audit.first?.action == "no-show")
        #expect(audit.first?.user == "lwang")
    }
}

/// The holders the lock asked about (the closure may run on GRDB's writer queue).
private final class Asked: @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [Int32] = []
    func append(_ pid: Int32) { lock.withLock { asked.append(pid) } }
    var pids: [Int32] { lock.withLock { asked } }
}
