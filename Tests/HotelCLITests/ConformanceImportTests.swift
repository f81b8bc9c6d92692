import Foundation
import HotelDomain
import HotelStore
import Testing

/// Every public conformance sample (Tests/HotelFeedsTests/Fixtures/conformance, see its SOURCES.txt) imported
/// end to end into a Euro test hotel, in file order, with what each must produce.
@Suite("Conformance samples imported end to end")
struct ConformanceImportTests {
    static let samples = CommandRunner.packageRoot.appendingPathComponent("Tests/HotelFeedsTests/Fixtures/conformance")
    static let fixtures = "Tests/HotelCLITests/Fixtures/conformance-hotel"

    func counts(_ result: CommandRunner.Result) throws -> [String: Int] {
        let files = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let file = try #require(files.first)
        var counts: [String: Int] = [:]
        for key in ["messages", "created", "modified", "cancelled", "unchanged", "quarantined", "ignored", "notBookingMessages"] {
            counts[key] = file[key] as? Int
        }
        return counts.filter { $0.value != 0 }
    }

    @Test("Each sample creates, modifies, cancels, ignores or quarantines exactly what it should")
    func importAll() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        for line in ["init --hotel \(Self.fixtures)/hotel.yaml", "rates import \(Self.fixtures)/bar.yaml", "channels import \(Self.fixtures)/channels.yaml"] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        func importSample(_ prefix: String) throws -> [String: Int] {
            let name = try #require(
                try FileManager.default.contentsOfDirectory(atPath: Self.samples.path).first { $0.hasPrefix(prefix) })
            let channel = name.contains("alpinebits") ? "ALPINEBITS" : "OPENTRAVEL"
            let result = try runner.run(["feeds", "import", Self.samples.appendingPathComponent(name).path, "--channel", channel, "--format", "json"])
            #expect(result.status == 0 || result.status == 3, "\(name): \(result.stderr)")
            return try counts(result)
        }
        // 01: AlpineBits reservation → a booking with children aged 9 and 3, 15% commission, card reduced to 1111.
        #expect(try importSample("01_") == ["messages": 1, "created": 1])
        let database = try AppDatabase.open(path: runner.databasePath)
        let otto = try #require(try database.reservation(channel: "ALPINEBITS", reference: "6b34fe24ac2ff810"))
        #expect(otto.guestName == "Otto Mustermann")
        #expect(otto.roomType == "STE")
        #expect(otto.total.minorUnits == 29_900)
        #expect(otto.total.currency.code == "EUR")
        let ottoDetails = try #require(try database.channelDetails(otto.confirmation))
        #expect(ottoDetails.childAges.sorted() == [3, 9])
        #expect(ottoDetails.commissionBasisPoints == 1_500)
        #expect(ottoDetails.cardLastFour == "1111")
        // 02: cancellation of a booking never received → a tombstone, nothing created.
        #expect(try importSample("02_") == ["messages": 1, "ignored": 1])
        // 03: quote request → acknowledged, not a booking.
        #expect(try importSample("03_") == ["messages": 1, "ignored": 1])
        // 04: status-only records for bookings never received: the cancellation is kept, the confirmation waits.
        #expect(try importSample("04_") == ["messages": 1, "ignored": 1, "quarantined": 1])
        // 05, 06, 09: acknowledgements, not booking messages.
        #expect(try importSample("05_") == ["notBookingMessages": 1, "ignored": 1])
        #expect(try importSample("06_") == ["notBookingMessages": 1, "ignored": 1])
        #expect(try importSample("09_") == ["notBookingMessages": 1, "ignored": 1])
        // 07: OpenTravel booking (broker id 7865, no room type → the channel's default DLX), 2 nights at 280.00.
        #expect(try importSample("07_") == ["messages": 1, "created": 1])
        let dewberry = try #require(try database.reservation(channel: "OPENTRAVEL", reference: "7865"))
        #expect(dewberry.guestName == "David Dewberry")
        #expect(dewberry.roomType == "DLX")
        #expect(dewberry.nights.map(\.amount.minorUnits) == [28_000, 28_000])
        // 08: a booking with no reservation id at all cannot be matched again: quarantined.
        #expect(try importSample("08_") == ["messages": 1, "quarantined": 1])
        // 10: the modify of 7865 extends the stay to 3 nights.
        #expect(try importSample("10_") == ["messages": 1, "modified": 1])
        let extended = try #require(try database.reservation(channel: "OPENTRAVEL", reference: "7865"))
        #expect(extended.stay.description == "2005-10-18…2005-10-21 (3 nights)")
        #expect(extended.total.minorUnits == 84_000)
        // 11: cancellation of 99999999, never received → tombstone.
        #expect(try importSample("11_") == ["messages": 1, "ignored": 1])
        #expect(try database.inventoryDiscrepancies() == [])
    }
}
