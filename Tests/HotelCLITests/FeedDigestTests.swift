import Foundation
import HotelDomain
import HotelFeeds
import Testing

@testable import HotelCLI

/// The digest that recognises a message already imported: SHA-256 of the channel, the message's envelope and
/// each record's canonical text (or refusal), one per line. Its bytes must never change.
@Suite("Feed import: message digest")
struct FeedDigestTests {
    static func sha256sum(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let sum = Process()
        sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sum.arguments = [file.path]
        let output = Pipe()
        sum.standardOutput = output
        try sum.run()
        sum.waitUntilExit()
        return String(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64))
    }

    @Test("The digest is SHA-256 of the envelope line and one line per record, records as their canonical text")
    func digest() throws {
        var message = OTABookingMessage()
        message.type = .hotelResNotif
        message.echoToken = "354"
        message.timeStamp = "2027-03-01T10:00:00Z"
        let cny = try Currency("CNY")
        let stay = try Stay(arrival: CalendarDate(parsing: "2027-03-01"), departure: CalendarDate(parsing: "2027-03-03"))
        let record = ChannelReservation(
            channel: "SITEMINDER", reference: "4711|A", action: .book, lastModified: 1_669_194_067_000,
            guest: ChannelGuest(name: "Zoë Pipe", adults: 2, childAges: [6]), roomType: "DLX", ratePlan: "BAR", stay: stay,
            nights: stay.nights.map { ChannelNight(night: $0, amount: try! Money(parsing: "920.00", currency: cny)) },
            total: try Money(parsing: "1840.00", currency: cny))
        let records: [Result<ChannelReservation, ChannelRecordError>] = [
            .success(record), .failure(ChannelRecordError(reference: "X-9", reason: "room type \"A|B\" is not mapped")),
        ]
        let text = "SITEMINDER|OTA_HotelResNotifRQ|354|2027-03-01T10:00:00Z\n" + record.canonicalText
            + "\n!X-9|room type \"A|B\" is not mapped"
        #expect(message.type.rawValue == "OTA_HotelResNotifRQ")
        #expect(FeedImport.digest(of: message, records: records, channel: "SITEMINDER") == (try Self.sha256sum(text)))
        #expect(FeedImport.digest(of: message, records: [], channel: "SITEMINDER")
            == (try Self.sha256sum("SITEMINDER|OTA_HotelResNotifRQ|354|2027-03-01T10:00:00Z")))
    }
}
