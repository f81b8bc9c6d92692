import Foundation
import GRDB
import HotelDomain
import Testing

@testable import HotelStore

/// A booking a channel feed creates is audited without a copy of the booking (`AuditEntry.channelCreate`): the
/// audit log still shows it as created, before and after later changes.
@Suite("Audit log: bookings created by a channel feed")
struct ChannelCreateAuditTests {
    let author = StoreFixtures.author

    func message(_ guest: String, action: ChannelAction, price: String, position: Int) -> ChannelMessageImport {
        let stay = try! Stay(arrival: StoreFixtures.date("2027-03-01"), departure: StoreFixtures.date("2027-03-03"))
        let record = ChannelReservation(
            channel: "SITEMINDER", reference: "R-1", action: action, guest: ChannelGuest(name: guest),
            roomType: "DLX", ratePlan: "BAR", stay: stay, rooms: 1,
            nights: stay.nights.map { ChannelNight(night: $0, amount: StoreFixtures.money(price)) })
        return ChannelMessageImport(
            channel: "SITEMINDER", digest: nil, feedFileID: nil, filePath: "feed.xml", position: position, line: 1,
            records: [.success(record)], payload: { nil }, today: StoreFixtures.date("2027-01-15"))
    }

    @Test("The created booking is shown as created: from the reservation, then from the next change's old value")
    func createdBookingShown() throws {
        let database = try StoreFixtures.database()
        let created = try database.importChannelMessage(
            message("Ana Lima", action: .book, price: "920.00", position: 1), by: author)
        guard case .created(let confirmation, _) = created.outcomes.first?.outcome else {
            Issue.record("not created: \(created.outcomes)")
            return
        }
        let stored = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT new_value FROM audit_log WHERE action = 'channel-create'")
        }
        #expect(stored.count == 1)
        #expect(stored.first?["new_value"] as String? == nil)  // no copy of the booking is stored
        let asCreated =
            #"{"billing":"guest","confirmation":"\#(confirmation)","guest":"Ana Lima","nightly":"2027-03-01=920.00 2027-03-02=920.00","ratePlan":"BAR","roomType":"DLX","rooms":"1","status":"confirmed","stay":"2027-03-01…2027-03-03 (2 nights)","total":"1840.00 CNY"}"#
        let first = try database.auditLog(entity: "reservation", key: confirmation)
        #expect(first.map(\.action) == ["channel-create"])
        #expect(first.first?.newValue == asCreated)

        // The channel changes the guest and the price: the creation still shows the booking as it was created.
        _ = try database.importChannelMessage(
            message("Ana Lima Souza", action: .modify, price: "990.00", position: 2), by: author)
        let second = try database.auditLog(entity: "reservation", key: confirmation)
        #expect(second.map(\.action) == ["channel-modify", "channel-create"])
        #expect(second.last?.newValue == asCreated)
        #expect(second.first?.oldValue == asCreated)
        #expect(second.first?.newValue?.contains(#""total":"1980.00 CNY""#) == true)
    }
}
