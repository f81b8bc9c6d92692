import Foundation
import GRDB
import HotelDomain
import Testing

@testable import HotelStore

/// The inventory counters a channel import carries from batch to batch (`ChannelInventory`): overbooking is
/// reported as if every night were read from the database, because the counters are read again whenever
/// another process committed or a batch was rolled back.
@Suite("Channel import: inventory counters across batches")
struct ChannelInventoryTests {
    let author = StoreFixtures.author

    func booking(_ reference: String, _ first: String, _ departure: String, rooms: Int, price: String) -> ChannelMessageImport {
        let stay = try! Stay(arrival: StoreFixtures.date(first), departure: StoreFixtures.date(departure))
        let record = ChannelReservation(
            channel: "SITEMINDER", reference: reference, action: .book, guest: ChannelGuest(name: "Guest \(reference)"),
            roomType: "DLX", ratePlan: "BAR", stay: stay, rooms: rooms,
            nights: stay.nights.map { ChannelNight(night: $0, amount: StoreFixtures.money(price)) })
        return ChannelMessageImport(
            channel: "SITEMINDER", digest: nil, feedFileID: nil, filePath: "feed.xml", position: 1, line: 1,
            records: [.success(record)], payload: { nil }, today: StoreFixtures.date("2027-01-15"))
    }

    func overbooked(_ results: [ChannelMessageResult]) -> [String] {
        results.flatMap { $0.outcomes.flatMap(\.outcome.overbookedNights).map(\.description) }
    }

    @Test("Another process's change between batches, and a rolled-back batch, are seen by the next batch")
    func otherWritersAndRollbacks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("channel-inventory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("hotel.sqlite").path
        let importer = try AppDatabase.open(path: path)
        try importer.initialize(StoreFixtures.hotel, by: author)
        _ = try importer.importRatePlan(StoreFixtures.bar, sourceFile: nil, by: author)
        let inventory = ChannelInventory()

        // 30 of 36 DLX on 1 and 2 March.
        let first = try importer.importChannelMessages(
            [booking("A", "2027-03-01", "2027-03-03", rooms: 30, price: "920.00")], inventory: inventory, by: author)
        #expect(overbooked(first) == [])

        // Another process puts 5 DLX out of order on 1 March: 30 + 5 + 3 = 38 of 36.
        let other = try AppDatabase.open(path: path)
        try other.setInventory(
            roomType: "DLX", nights: StoreFixtures.nights("2027-03-01", "2027-03-01"), outOfOrder: 5,
            overbookingAllowance: nil, by: author)
        let second = try importer.importChannelMessages(
            [booking("B", "2027-03-01", "2027-03-02", rooms: 3, price: "920.00")], inventory: inventory, by: author)
        #expect(overbooked(second) == ["DLX 2027-03-01 (+2)"])

        // A batch that books 10 rooms on 2 March and then fails is rolled back, its counters included.
        final class Seen: @unchecked Sendable { var results: [ChannelMessageResult] = [] }
        struct Failure: Error {}
        let seen = Seen()
        let failing = booking("C", "2027-03-02", "2027-03-03", rooms: 10, price: "920.00")
        #expect(throws: Failure.self) {
            try importer.importChannelMessages(inventory: inventory, by: author) { transaction in
                seen.results.append(try transaction.apply(failing))
                throw Failure()
            }
        }
        #expect(overbooked(seen.results) == ["DLX 2027-03-02 (+4)"])
        let third = try importer.importChannelMessages(
            [
                booking("D", "2027-03-02", "2027-03-03", rooms: 4, price: "900.00"),
                booking("E", "2027-03-02", "2027-03-03", rooms: 3, price: "900.00"),
            ], inventory: inventory, by: author)
        #expect(overbooked(third) == ["DLX 2027-03-02 (+1)"])

        let nights = try importer.inventory(
            from: StoreFixtures.date("2027-03-01"), to: StoreFixtures.date("2027-03-02"), roomType: "DLX")
        #expect(nights.map(\.sold) == [33, 37])
        #expect(nights.map(\.outOfOrder) == [5, 0])
        // 33 × 920.00 = 30360.00; 30 × 920.00 + 7 × 900.00 = 33900.00.
        #expect(nights.map(\.revenue.minorUnits) == [3_036_000, 3_390_000])
        #expect(try importer.inventoryDiscrepancies() == [])
        #expect(try importer.foreignKeyViolations() == [])
    }
}

@Suite("Reservation indexes")
struct ReservationIndexTests {
    @Test("The company index holds company bookings only, and a company's bookings are still found through it")
    func companyIndexIsPartial() throws {
        let database = try StoreFixtures.database()
        let plan = try database.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT id FROM reservation WHERE company_code = ? AND arrival >= ?",
                arguments: ["ACME", "2027-03-01"]
            ).map { $0["detail"] as String? ?? "" }.joined(separator: " ")
        }
        #expect(plan.contains("USING INDEX reservation_company") || plan.contains("USING COVERING INDEX reservation_company"))
        let definition = try database.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'reservation_company'")
        }
        #expect(definition?.hasSuffix("WHERE company_code IS NOT NULL") == true)
    }
}
