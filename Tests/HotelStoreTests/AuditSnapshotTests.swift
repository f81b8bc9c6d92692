import GRDB
import HotelDomain
import Testing

@testable import HotelStore

/// The channel import writes a booking's audit snapshot directly (`snapshotJSON`); it must be byte for byte the
/// snapshot every other use case writes (`Database.json(snapshot(_:))`), so the audit log reads the same.
@Suite("Audit snapshots")
struct AuditSnapshotTests {
    func reservation(company: Code?, vip: String?, requests: String?, intermediary: Code?, guest: String) -> Reservation {
        let stay = try! Stay(arrival: StoreFixtures.date("2027-03-01"), departure: StoreFixtures.date("2027-03-03"))
        return Reservation(
            confirmation: "SHBUND-0000042", source: .channel, channelCode: "BOOKINGCOM", channelReference: "4711",
            guestName: guest, roomType: "DLX", ratePlanCode: "BAR", stay: stay, rooms: 2, status: .confirmed,
            companyCode: company, vipLevel: vip, specialRequests: requests, billing: .directBill,
            nights: stay.nights.map {
                NightPrice(night: $0, amount: StoreFixtures.money("920.00"), ratePlanCode: "BAR", season: nil, tier: nil, basis: "channel BOOKINGCOM")
            },
            bookedOn: StoreFixtures.date("2027-01-15"), intermediaryCode: intermediary)
    }

    @Test("The direct snapshot equals the dictionary snapshot, with and without the optional fields")
    func sameBytes() {
        let bare = reservation(company: nil, vip: nil, requests: nil, intermediary: nil, guest: "Hanna Schmidt")
        #expect(
            AppDatabase.snapshotJSON(bare)
                == #"{"billing":"direct-bill","confirmation":"SHBUND-0000042","guest":"Hanna Schmidt","nightly":"2027-03-01=920.00 2027-03-02=920.00","ratePlan":"BAR","roomType":"DLX","rooms":"2","status":"confirmed","stay":"2027-03-01…2027-03-03 (2 nights)","total":"3680.00 CNY"}"#
        )
        #expect(AppDatabase.snapshotJSON(bare) == Database.json(AppDatabase.snapshot(bare)))
        let full = reservation(
            company: "ACME", vip: "V2", requests: "late \"arrival\"\\\n\tquiet", intermediary: "TRAVELCO",
            guest: "Zoë \u{1}O'Brien")
        #expect(AppDatabase.snapshotJSON(full) == Database.json(AppDatabase.snapshot(full)))
        #expect(AppDatabase.snapshotJSON(full).contains(#""requests":"late \"arrival\"\\\n\tquiet""#))
        #expect(AppDatabase.snapshotJSON(full).contains(#""guest":"Zoë \u0001O'Brien""#))
    }
}
