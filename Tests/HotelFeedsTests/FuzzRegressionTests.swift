import Foundation
import HotelFeeds
import Testing

/// Inputs found by `scripts/fuzz.sh` (libFuzzer, Fuzz/fuzz-feeds) that broke a rule, kept as fixtures in
/// Fixtures/fuzz/ (see its SOURCES.txt) so the fix stays fixed.
@Suite("Feed reader: inputs found by fuzzing")
struct FuzzRegressionTests {
    @Test("libxml2's two-line UTF-8 error becomes one line in the file error")
    func invalidUTF8TwoLineError() throws {
        let items = try FeedFixtures.items("fuzz/invalid-utf8-two-line-error.xml")
        #expect(items.count == 1)
        let error = try #require(items.last?.fileError)
        #expect(
            error.reason
                == .notWellFormed(detail: "Input is not proper UTF-8, indicate encoding ! Bytes: 0x8F 0x52 0x65 0x73"))
        #expect(
            error.description
                == "Feed refused at line 34: the XML is not well-formed (Input is not proper UTF-8, indicate encoding ! Bytes: 0x8F 0x52 0x65 0x73); 0 messages were read before it; OTA_ResRetrieveRS was left incomplete."
        )
        #expect(!error.description.contains("\n"))
    }
}
