import Foundation
import HotelFeeds
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Acknowledgement text: escaping, card numbers and schema limits")
struct AcknowledgementTextTests {
    typealias Samples = AcknowledgementSamples

    /// Markup, quotes, a CDATA end, an entity, every kind of control character, a non-character, an emoji
    /// and a card number.
    static let hostileReason =
        "Tom & Jerry <script>alert('x')</script> \"quoted\" ]]> <!-- c --> &amp; "
        + "nul\u{0}soh\u{1}bs\u{8}vt\u{B}ff\u{C}esc\u{1B}us\u{1F} tab\tlf\ncr\r del\u{7F} nel\u{85} "
        + "nonchar\u{FFFE}\u{FFFF} hotel 🏨 card 4111 1111 1111 1111 exp 12/27"
    static let hostileReference = "R\"1'<&>\t"

    static func hostile(_ type: OTAMessageType) -> FeedAcknowledgement {
        Samples.acknowledgement(
            type,
            .accepted(
                records: [Samples.cancelled],
                warnings: [RecordWarning(channelReference: hostileReference, reason: hostileReason)]))
    }

    @Test("A hostile reason is escaped character by character, its card number masked")
    func hostileReasonEscaped() throws {
        let text = String(decoding: try AcknowledgementWriter.xml(Self.hostile(.hotelResNotif)), as: UTF8.self)
        let expected =
            "<Warning Type=\"3\" Code=\"450\" RecordID=\"R&quot;1&apos;&lt;&amp;&gt;&#9;\">"
            + "Tom &amp; Jerry &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &quot;quoted&quot; ]]&gt; "
            + "&lt;!-- c --&gt; &amp;amp; "
            + "nul\u{FFFD}soh\u{FFFD}bs\u{FFFD}vt\u{FFFD}ff\u{FFFD}esc\u{FFFD}us\u{FFFD} tab&#9;lf&#10;cr&#13; "
            + "del&#127; nel&#133; nonchar\u{FFFD}\u{FFFD} hotel 🏨 card **** **** **** 1111 exp 12/27</Warning>\n"
        #expect(text.contains(expected))
        #expect(!text.contains("4111 1111"))
    }

    @Test("A document with a hostile reason validates, for every acknowledgement", arguments: OTAMessageType.allCases)
    func hostileReasonValidates(type: OTAMessageType) throws {
        let schema = try #require(AcknowledgementWriterTests.schemas[type])
        let result = try SchemaValidator.validate(try AcknowledgementWriter.xml(Self.hostile(type)), against: schema)
        #expect(result.isValid, "\(schema): \(result.output)")
        let rejected = Samples.acknowledgement(type, .rejected(errors: [Self.hostileReason]))
        let rejectedResult = try SchemaValidator.validate(try AcknowledgementWriter.xml(rejected), against: schema)
        #expect(rejectedResult.isValid, "\(schema): \(rejectedResult.output)")
    }

    @Test("An XML parser reads the reason and RecordID back as written, but for what XML cannot carry")
    func hostileReasonRoundTrip() throws {
        let data = try AcknowledgementWriter.xml(Self.hostile(.hotelResNotif))
        let reader = WarningReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let expectedReason =
            "Tom & Jerry <script>alert('x')</script> \"quoted\" ]]> <!-- c --> &amp; "
            + "nul\u{FFFD}soh\u{FFFD}bs\u{FFFD}vt\u{FFFD}ff\u{FFFD}esc\u{FFFD}us\u{FFFD} tab\tlf\ncr\r del\u{7F} nel\u{85} "
            + "nonchar\u{FFFD}\u{FFFD} hotel 🏨 card **** **** **** 1111 exp 12/27"
        #expect(reader.text.unicodeScalars.elementsEqual(expectedReason.unicodeScalars))
        #expect(reader.recordID == Self.hostileReference)
    }

    @Test("Error texts are masked and escaped like warning reasons")
    func errorTextsMasked() throws {
        let data = try AcknowledgementWriter.xml(
            Samples.acknowledgement(.cancel, .rejected(errors: ["card 5500-0055-5555-5559 & <cvv>"])))
        #expect(
            String(decoding: data, as: UTF8.self).contains(
                "<Error Type=\"13\" Code=\"450\">card ****-****-****-5559 &amp; &lt;cvv&gt;</Error>"))
    }

    @Test("Reservation ids are never masked, even when they look like a card number")
    func referencesNotMasked() throws {
        let record = AcknowledgedRecord(channelReference: "4111111111111111", hotelConfirmation: "SH27-00042")
        let text = String(
            decoding: try AcknowledgementWriter.xml(
                Samples.acknowledgement(
                    .hotelResNotif,
                    .accepted(
                        records: [record],
                        warnings: [RecordWarning(channelReference: "5500005555555559", reason: "refused")]))),
            as: UTF8.self)
        #expect(text.contains("RecordID=\"5500005555555559\""))
        #expect(text.contains("ResID_Value=\"4111111111111111\""))
    }

    @Test("A channel id longer than UniqueID's 32 characters is acknowledged in HotelReservationIDs only")
    func longReferenceInNotifRS() throws {
        let reference = String(repeating: "7", count: 40)
        let record = AcknowledgedRecord(channelReference: reference, hotelConfirmation: "SH27-00042")
        let data = try AcknowledgementWriter.xml(
            Samples.acknowledgement(.hotelResNotif, .accepted(records: [record], warnings: [])))
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("<UniqueID"))
        #expect(text.contains("ResID_Value=\"\(reference)\""))
        let result = try SchemaValidator.validate(data, against: "OTA_HotelResNotifRS")
        #expect(result.isValid, "\(result.output)")
    }

    @Test(
        "A value the schema cannot hold throws a sentence naming it and the limit",
        arguments: [
            (OTAMessageType.cancel, String(repeating: "c", count: 33), "OTA_CancelRS UniqueID/@ID", 32),
            (.resRetrieve, String(repeating: "r", count: 33), "OTA_NotifReportRQ UniqueID/@ID", 32),
            (.hotelResNotif, String(repeating: "n", count: 65), "HotelReservationID/@ResID_Value", 64),
            (.hotelResModifyNotif, String(repeating: "m", count: 65), "HotelReservationID/@ResID_Value", 64),
        ])
    func valueTooLong(type: OTAMessageType, reference: String, field: String, limit: Int) throws {
        let record = AcknowledgedRecord(channelReference: reference, hotelConfirmation: "SH27-00042", cancelled: true)
        let error = #expect(throws: AcknowledgementError.self) {
            try AcknowledgementWriter.xml(
                Samples.acknowledgement(type, .accepted(records: [record], warnings: [])))
        }
        #expect(error == .valueTooLong(field: field, value: reference, limit: limit))
        #expect(
            error?.description
                == "\(field) \"\(reference)\" is \(reference.count) characters long; the acknowledgement's schema allows at most \(limit)."
        )
    }

    @Test("A RecordID longer than 64 characters, an empty channel id or a 17-character hotel code throws")
    func otherLimits() throws {
        let longRecord = RecordWarning(channelReference: String(repeating: "w", count: 65), reason: "refused")
        #expect(throws: AcknowledgementError.self) {
            try AcknowledgementWriter.xml(
                Samples.acknowledgement(.hotelResNotif, .accepted(records: [], warnings: [longRecord])))
        }
        #expect(throws: AcknowledgementError.emptyValue(field: "HotelReservationID/@ResID_Value")) {
            try AcknowledgementWriter.xml(
                Samples.acknowledgement(
                    .hotelResNotif,
                    .accepted(records: [AcknowledgedRecord(channelReference: "", hotelConfirmation: "X")], warnings: [])
                ))
        }
        var acknowledgement = Samples.mixed(.hotelResNotif)
        acknowledgement.hotelCode = String(repeating: "H", count: 17)
        #expect(throws: AcknowledgementError.self) { try AcknowledgementWriter.xml(acknowledgement) }
    }

    @Test("A rejected message needs 1 to 99 errors; an OTA_CancelRS acknowledges one cancellation")
    func counts() throws {
        #expect(throws: AcknowledgementError.errorCount(0)) {
            try AcknowledgementWriter.xml(Samples.acknowledgement(.hotelResNotif, .rejected(errors: [])))
        }
        #expect(throws: AcknowledgementError.errorCount(100)) {
            try AcknowledgementWriter.xml(
                Samples.acknowledgement(.hotelResNotif, .rejected(errors: Array(repeating: "e", count: 100))))
        }
        #expect(throws: AcknowledgementError.cancelRecordCount(2)) {
            try AcknowledgementWriter.xml(
                Samples.acknowledgement(
                    .cancel, .accepted(records: [Samples.imported, Samples.cancelled], warnings: [])))
        }
        #expect(
            AcknowledgementError.cancelRecordCount(2).description
                == "An OTA_CancelRS acknowledges one cancelled reservation, not 2; report the others as warnings.")
    }
}

/// Collects the text and RecordID of the first `Warning` element.
private final class WarningReader: NSObject, XMLParserDelegate {
    var text = ""
    var recordID: String?
    private var inWarning = false
    private var done = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "Warning" && !done {
            inWarning = true
            recordID = attributes["RecordID"]
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inWarning { text += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        if elementName == "Warning" && inWarning {
            inWarning = false
            done = true
        }
    }
}
