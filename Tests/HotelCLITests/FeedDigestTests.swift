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

/// The reader leaves a message's digest to the writer while the writer is waiting for work; either thread takes
/// the same digest.
@Suite("Feed pipeline: digests taken by the reader or the writer")
struct FeedPipelineDigestTests {
    @Test("Chunks read while the queue is short leave digests to the writer, chunks queued behind a slow writer carry them; all equal FeedImport.digest")
    func digestsOnEitherThread() throws {
        let feed = try SyntheticFeed.write(bookings: 6_000, seed: 7)
        defer { try? FileManager.default.removeItem(at: feed) }
        let channel = Channel(
            code: "SITEMINDER", name: "SiteMinder", roomTypes: ["DBL": "DLX", "STD": "DLX", "DLX": "DLX", "STE": "DLX"],
            ratePlans: ["BAR": "BAR"])
        let normalizer = ChannelNormalizer(channel: channel, currency: try Currency("CNY"))
        let pipeline = FeedPipeline(url: feed, normalizer: normalizer, hashingFile: false) { message, records in
            FeedImport.digest(of: message, records: records, channel: "SITEMINDER")
        }
        defer { pipeline.cancel() }
        var byReader = 0
        var byWriter = 0
        var first = true
        while let item = pipeline.next() {
            guard case .booking(let booking) = item else { continue }
            if first {
                // A slow writer: it waits until the reader has filled the whole queue (at most a minute).
                first = false
                let deadline = Date().addingTimeInterval(60)
                while pipeline.waitingChunks < FeedPipeline.capacity, Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.01)
                }
                #expect(pipeline.waitingChunks == FeedPipeline.capacity)
            }
            if booking.readersDigest == nil { byWriter += 1 } else { byReader += 1 }
            #expect(
                pipeline.digest(of: booking)
                    == FeedImport.digest(of: booking.message, records: booking.records, channel: "SITEMINDER"))
        }
        #expect(byReader + byWriter == 6_000)
        // While the writer waits, the chunks after the first each see fewer than half the queue waiting (the reader
        // leaves their digests) until half of it is full; the rest of the queue fills with digests taken (give or
        // take the chunk the writer holds).
        #expect(byWriter >= FeedPipeline.chunkSize * (FeedPipeline.digestsLeftBelow - 2))
        #expect(byReader >= FeedPipeline.chunkSize * (FeedPipeline.capacity - FeedPipeline.digestsLeftBelow - 1))
    }
}
