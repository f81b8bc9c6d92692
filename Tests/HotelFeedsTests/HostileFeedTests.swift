import Foundation
import HotelFeeds
import Testing

/// Real hostile documents, generated here, are refused quickly with one clear line and bounded reading.
@Suite("Hostile feeds are refused")
struct HostileFeedTests {
    private static let otaOpen = "<OTA_HotelResNotifRQ xmlns=\"http://www.opentravel.org/OTA/2003/05\">"

    /// Writes `parts` to a new file and returns the items read from it and the time taken.
    private func read(
        _ write: (FileHandle) throws -> Void, limits: FeedLimits = FeedLimits()
    ) throws -> (items: [FeedItem], seconds: Double, size: Int64) {
        let folder = try FeedFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("hostile.xml")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try write(handle)
        try handle.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)
        let clock = ContinuousClock()
        var items: [FeedItem] = []
        let elapsed = clock.measure { items = Array(FeedReader(limits: limits).items(inFileAt: file)) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (items, seconds, size.int64Value)
    }

    @Test("An XXE reference to a local file is refused at the DOCTYPE and the file's content is never read")
    func externalEntity() throws {
        let folder = try FeedFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET-7f3a".utf8).write(to: secret)
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE OTA_HotelResNotifRQ [<!ENTITY leak SYSTEM "\(secret.absoluteString)">]>
            \(Self.otaOpen)<HotelReservations><HotelReservation><ResGlobalInfo><Comments><Comment><Text>&leak;</Text></Comment></Comments></ResGlobalInfo></HotelReservation></HotelReservations></OTA_HotelResNotifRQ>
            """
        let items = FeedFixtures.items(xml: xml)
        #expect(items.count == 1)
        let error = try #require(items.first?.fileError)
        #expect(error.reason == .doctypeRefused(name: "OTA_HotelResNotifRQ"))
        #expect(error.line == 2)
        #expect(
            error.description
                == "Feed refused at line 2: the document has a DOCTYPE (OTA_HotelResNotifRQ), which booking feeds never carry; 0 messages were read before it."
        )
        #expect(!String(describing: items).contains("TOP-SECRET"))
    }

    @Test("A DOCTYPE naming an external DTD is refused before anything is fetched")
    func externalDTD() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE OTA_HotelResNotifRQ SYSTEM "http://127.0.0.1:9/evil.dtd">
            \(Self.otaOpen)<HotelReservations/></OTA_HotelResNotifRQ>
            """
        let items = FeedFixtures.items(xml: xml)
        #expect(
            items == [
                .fileError(
                    FeedFileError(
                        line: 2, reason: .doctypeRefused(name: "OTA_HotelResNotifRQ"), bytesRead: Int64(xml.utf8.count))
                )
            ])
    }

    @Test("A billion-laughs entity bomb is refused in well under a second")
    func billionLaughs() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>\n"
        let result = try read { try $0.write(contentsOf: Data(xml.utf8)) }
        #expect(result.items.count == 1)
        #expect(result.items.first?.fileError?.reason == .doctypeRefused(name: "lolz"))
        #expect(result.seconds < 1)
    }

    @Test("10,000 nested elements are refused at the depth limit with a one-line error")
    func deepNesting() throws {
        let result = try read { handle in
            var xml = Self.otaOpen + "<HotelReservations>"
            xml += String(repeating: "<x>", count: 10_000) + String(repeating: "</x>", count: 10_000)
            xml += "</HotelReservations></OTA_HotelResNotifRQ>"
            try handle.write(contentsOf: Data(xml.utf8))
        }
        #expect(result.items.count == 1)
        let error = try #require(result.items.first?.fileError)
        #expect(error.reason == .tooDeep(limit: 256))
        #expect(error.unfinishedMessage == "OTA_HotelResNotifRQ")
        #expect(
            error.description
                == "Feed refused at line 1: elements are nested more than 256 deep; 0 messages were read before it; OTA_HotelResNotifRQ was left incomplete."
        )
        #expect(!error.description.contains("\n"))
        #expect(result.seconds < 2)
    }

    @Test("A 64 MB text node is refused after about 1 MB, quickly")
    func hugeTextNode() throws {
        let megabyte = Data(repeating: UInt8(ascii: "A"), count: 1 << 20)
        let result = try read { handle in
            try handle.write(
                contentsOf: Data(
                    (Self.otaOpen
                        + "<HotelReservations><HotelReservation><ResGlobalInfo><Comments><Comment><Text>").utf8))
            for _ in 0..<64 { try handle.write(contentsOf: megabyte) }
            try handle.write(
                contentsOf: Data(
                    "</Text></Comment></Comments></ResGlobalInfo></HotelReservation></HotelReservations></OTA_HotelResNotifRQ>"
                        .utf8))
        }
        #expect(result.size > 64 << 20)
        #expect(result.items.count == 1)
        let error = try #require(result.items.first?.fileError)
        #expect(error.reason == .textTooLong(element: "Text", limit: 1 << 20))
        #expect(error.description.contains("the text of Text is longer than 1048576 bytes"))
        #expect(error.bytesRead < 4 << 20)
        #expect(result.seconds < 5)
    }

    @Test("A 12 MB attribute value is refused without reading the rest of the file")
    func hugeAttribute() throws {
        let result = try read { handle in
            try handle.write(
                contentsOf: Data((Self.otaOpen + "<HotelReservations><HotelReservation ResStatus=\"").utf8))
            let megabyte = Data(repeating: UInt8(ascii: "B"), count: 1 << 20)
            for _ in 0..<12 { try handle.write(contentsOf: megabyte) }
            try handle.write(contentsOf: Data("\"/></HotelReservations></OTA_HotelResNotifRQ>".utf8))
        }
        #expect(result.items.count == 1)
        let error = try #require(result.items.first?.fileError)
        #expect(error.description.hasPrefix("Feed refused at line 1:"))
        #expect(error.bytesRead <= 12 << 20)
        #expect(result.seconds < 5)
    }

    @Test("An entity that is not declared stops the file: nothing is silently dropped")
    func undeclaredEntity() throws {
        let xml =
            Self.otaOpen
            + "<HotelReservations><HotelReservation><ResGlobalInfo><Comments><Comment><Text>caf&eacute;</Text></Comment></Comments></ResGlobalInfo></HotelReservation></HotelReservations></OTA_HotelResNotifRQ>"
        let items = FeedFixtures.items(xml: xml)
        #expect(items.count == 1)
        #expect(items.first?.fileError?.reason == .notWellFormed(detail: "Entity 'eacute' not defined"))
    }
}
