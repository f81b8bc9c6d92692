import Foundation
import HotelFeeds
import Testing

/// libxml2 2.9 compares every attribute of a start tag with all the earlier ones: a start tag of 800,000
/// attributes (9.5 MB, no DOCTYPE needed) took over 5 minutes of CPU before `FeedLimits.maxAttributes`.
@Suite("Feed reader: the attribute limit")
struct AttributeLimitTests {
    private static let otaOpen = "<OTA_HotelResNotifRQ xmlns=\"http://www.opentravel.org/OTA/2003/05\">"

    /// A booking message whose `HotelReservation` carries `count` extra attributes (`a0="1" a1="1" …`).
    private static func message(attributes count: Int, id: String = "ATTR-1", prefix: String = "a") -> String {
        let attributes = (0..<count).map { " \(prefix)\($0)=\"1\"" }.joined()
        return Self.otaOpen
            + "<HotelReservations><HotelReservation ResStatus=\"Book\"\(attributes)><UniqueID Type=\"14\" ID=\"\(id)\"/>"
            + "</HotelReservation></HotelReservations></OTA_HotelResNotifRQ>\n"
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    @Test("999 extra attributes (1,000 with ResStatus) are read; one more refuses the file", arguments: [4096, 1 << 18])
    func boundary(chunkSize: Int) throws {
        let limits = FeedLimits(chunkSize: chunkSize)
        let within = FeedFixtures.items(xml: Self.message(attributes: 999), limits: limits)
        #expect(within.count == 1)
        #expect(within.first?.booking?.reservations.first?.uniqueIDs.map(\.id) == ["ATTR-1"])

        let over = FeedFixtures.items(xml: Self.message(attributes: 1_000), limits: limits)
        #expect(over.count == 1)
        let error = try #require(over.first?.fileError)
        #expect(error.reason == .tooManyAttributes(limit: 1_000))
        #expect(error.line == 1)
        #expect(
            error.description
                == "Feed refused at line 1: an element has more than 1000 attributes ('=' signs before the next '<'), which booking feeds never have; 0 messages were read before it; OTA_HotelResNotifRQ was left incomplete."
        )
    }

    @Test("The messages before the oversized start tag are delivered, whatever the chunk boundaries")
    func messagesBefore() throws {
        let xml = "<Batch>\n" + Self.message(attributes: 3, id: "GOOD-1") + Self.message(attributes: 5_000, id: "BAD-1")
            + Self.message(attributes: 3, id: "NEVER-1") + "</Batch>\n"
        for chunkSize in [4096, 16_384, 1 << 18] {
            let items = FeedFixtures.items(xml: xml, limits: FeedLimits(chunkSize: chunkSize))
            #expect(items.count == 2, "chunk \(chunkSize)")
            #expect(items.first?.booking?.reservations.first?.uniqueIDs.map(\.id) == ["GOOD-1"], "chunk \(chunkSize)")
            let error = try #require(items.last?.fileError)
            #expect(error.reason == .tooManyAttributes(limit: 1_000))
            #expect(error.messagesRead == 1)
            #expect(error.line == 3)
        }
    }

    @Test("A 9.5 MB start tag of 800,000 attributes is refused in under 2 seconds after reading under 1 MB")
    func quadraticStartTag() throws {
        let folder = try FeedFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("attributes.xml")
        try Data(Self.message(attributes: 800_000).utf8).write(to: file)
        let clock = ContinuousClock()
        var items: [FeedItem] = []
        let elapsed = clock.measure { items = Array(FeedReader().items(inFileAt: file)) }
        #expect(items.count == 1)
        let error = try #require(items.first?.fileError)
        #expect(error.reason == .tooManyAttributes(limit: 1_000))
        #expect(error.bytesRead <= 1 << 18)
        #expect(Self.seconds(elapsed) < 2)
    }

    @Test("50,000 namespace declarations on one element are refused the same way")
    func namespaceDeclarations() throws {
        let declarations = (0..<50_000).map { " xmlns:p\($0)=\"urn:p\($0)\"" }.joined()
        let xml = Self.otaOpen + "<HotelReservations><HotelReservation\(declarations)/></HotelReservations></OTA_HotelResNotifRQ>"
        let clock = ContinuousClock()
        var items: [FeedItem] = []
        let elapsed = clock.measure { items = FeedFixtures.items(xml: xml) }
        #expect(items.count == 1)
        #expect(items.first?.fileError?.reason == .tooManyAttributes(limit: 1_000))
        #expect(Self.seconds(elapsed) < 2)
    }

    @Test("The limit can be set, and is at least 100")
    func configurable() throws {
        #expect(FeedLimits(maxAttributes: 10).maxAttributes == 100)
        let items = FeedFixtures.items(xml: Self.message(attributes: 150), limits: FeedLimits(maxAttributes: 100))
        #expect(items.first?.fileError?.reason == .tooManyAttributes(limit: 100))
        #expect(FeedLimits().maxAttributes == 1_000)
    }
}
