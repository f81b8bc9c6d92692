import Foundation
import HotelFeeds
import Testing

@Suite("Acknowledgement writer")
struct AcknowledgementWriterTests {
    typealias Samples = AcknowledgementSamples

    static let schemas: [OTAMessageType: String] = [
        .hotelResNotif: "OTA_HotelResNotifRS", .hotelResModifyNotif: "OTA_HotelResModifyNotifRS",
        .cancel: "OTA_CancelRS", .resRetrieve: "OTA_NotifReportRQ",
    ]

    @Test("Each request is answered with its own acknowledgement root", arguments: OTAMessageType.allCases)
    func acknowledgementName(type: OTAMessageType) throws {
        #expect(type.acknowledgementName == Self.schemas[type])
        let text = String(decoding: try AcknowledgementWriter.xml(Samples.mixed(type)), as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(type.acknowledgementName) "))
        #expect(text.contains("xmlns=\"http://www.opentravel.org/OTA/2003/05\" EchoToken=\"354\""))
    }

    @Test(
        "A Success with records and warnings validates against its OTA 2015A schema",
        arguments: OTAMessageType.allCases)
    func successValidates(type: OTAMessageType) throws {
        let schema = try #require(Self.schemas[type])
        let result = try SchemaValidator.validate(try AcknowledgementWriter.xml(Samples.mixed(type)), against: schema)
        #expect(result.isValid, "\(schema): \(result.output)")
    }

    @Test(
        "An Errors acknowledgement of an unreadable message validates and has no Success",
        arguments: OTAMessageType.allCases)
    func errorsValidate(type: OTAMessageType) throws {
        let schema = try #require(Self.schemas[type])
        let data = try AcknowledgementWriter.xml(Samples.rejected(type))
        let result = try SchemaValidator.validate(data, against: schema)
        #expect(result.isValid, "\(schema): \(result.output)")
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("Success"))
        #expect(!text.contains("Warning"))
        #expect(
            text.contains(
                "  <Errors>\n    <Error Type=\"13\" Code=\"450\">Message 1 (\(type.rawValue), line 3): element TimeSpan appears twice in RoomStay at line 31.</Error>\n    <Error Type=\"13\" Code=\"450\">Premature end of data in tag HotelReservation, line 57.</Error>\n  </Errors>\n"
            ))
    }

    @Test(
        "A message read but every record refused, or with nothing in it, still validates",
        arguments: OTAMessageType.allCases)
    func onlyWarningsOrNothingValidates(type: OTAMessageType) throws {
        let schema = try #require(Self.schemas[type])
        for outcome in [
            FeedAcknowledgement.Outcome.accepted(records: [], warnings: [Samples.refused]),
            .accepted(records: [], warnings: []),
        ] {
            let result = try SchemaValidator.validate(
                try AcknowledgementWriter.xml(Samples.acknowledgement(type, outcome)), against: schema)
            #expect(result.isValid, "\(schema) \(outcome): \(result.output)")
        }
    }

    @Test("The schema check refuses an acknowledgement the schema does not allow (a Warning without Type)")
    func validatorRefusesInvalid() throws {
        let text = String(decoding: try AcknowledgementWriter.xml(Samples.mixed(.hotelResNotif)), as: UTF8.self)
        let invalid = text.replacingOccurrences(of: "<Warning Type=\"3\" ", with: "<Warning ")
        #expect(invalid != text)
        let result = try SchemaValidator.validate(Data(invalid.utf8), against: "OTA_HotelResNotifRS")
        #expect(!result.isValid)
        #expect(result.output.contains("The attribute 'Type' is required but missing"), "\(result.output)")
    }

    @Test("OTA_HotelResNotifRS: Success, a Warning with RecordID, and both reservation ids of each record")
    func hotelResNotifRSLiteral() throws {
        let text = String(
            decoding: try AcknowledgementWriter.xml(Samples.mixed(.hotelResNotif)), as: UTF8.self)
        #expect(
            text == """
                <?xml version="1.0" encoding="UTF-8"?>
                <OTA_HotelResNotifRS xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="354" TimeStamp="2027-03-01T02:00:00Z" Version="6.000">
                  <Success/>
                  <Warnings>
                    <Warning Type="3" Code="450" RecordID="4712">room type code &quot;bigsuite&quot; is not mapped for channel BOOKINGCOM</Warning>
                  </Warnings>
                  <HotelReservations>
                    <HotelReservation>
                      <UniqueID Type="14" ID="4711"/>
                      <ResGlobalInfo>
                        <HotelReservationIDs>
                          <HotelReservationID ResID_Type="13" ResID_Value="4711" ResID_Source="BOOKINGCOM"/>
                          <HotelReservationID ResID_Type="14" ResID_Value="SH27-00042" ResID_Source="SHBUND"/>
                        </HotelReservationIDs>
                        <BasicPropertyInfo HotelCode="SHBUND"/>
                      </ResGlobalInfo>
                    </HotelReservation>
                    <HotelReservation ResStatus="Cancelled">
                      <UniqueID Type="15" ID="4713"/>
                      <ResGlobalInfo>
                        <HotelReservationIDs>
                          <HotelReservationID ResID_Type="13" ResID_Value="4713" ResID_Source="BOOKINGCOM"/>
                          <HotelReservationID ResID_Type="14" ResID_Value="SH27-00043" ResID_Source="SHBUND"/>
                        </HotelReservationIDs>
                        <BasicPropertyInfo HotelCode="SHBUND"/>
                      </ResGlobalInfo>
                    </HotelReservation>
                  </HotelReservations>
                </OTA_HotelResNotifRS>

                """)
    }

    @Test("OTA_HotelResModifyNotifRS lists the records as HotelResModifies/HotelResModify")
    func hotelResModifyNotifRS() throws {
        let text = String(
            decoding: try AcknowledgementWriter.xml(Samples.mixed(.hotelResModifyNotif)), as: UTF8.self)
        #expect(text.contains("Version=\"6.000\">\n  <Success/>\n  <Warnings>\n"))
        #expect(
            text.contains("  <HotelResModifies>\n    <HotelResModify>\n      <UniqueID Type=\"14\" ID=\"4711\"/>\n"))
        #expect(
            text.contains("<HotelReservationID ResID_Type=\"14\" ResID_Value=\"SH27-00042\" ResID_Source=\"SHBUND\"/>"))
        #expect(!text.contains("<HotelReservations>"))
    }

    @Test("OTA_CancelRS: Status Cancelled, the channel's and the hotel's UniqueID, CancelInfoRS with the reference")
    func cancelRSLiteral() throws {
        let text = String(decoding: try AcknowledgementWriter.xml(Samples.mixed(.cancel)), as: UTF8.self)
        #expect(
            text == """
                <?xml version="1.0" encoding="UTF-8"?>
                <OTA_CancelRS xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="354" TimeStamp="2027-03-01T02:00:00Z" Version="4.000" Status="Cancelled">
                  <Success/>
                  <Warnings>
                    <Warning Type="3" Code="450" RecordID="4712">room type code &quot;bigsuite&quot; is not mapped for channel BOOKINGCOM</Warning>
                  </Warnings>
                  <UniqueID Type="14" ID="4713" ID_Context="BOOKINGCOM"/>
                  <UniqueID Type="14" ID="SH27-00043" ID_Context="SHBUND"/>
                  <CancelInfoRS>
                    <UniqueID Type="15" ID="SH27-00043" ID_Context="SHBUND"/>
                  </CancelInfoRS>
                </OTA_CancelRS>

                """)
    }

    @Test("OTA_CancelRS quotes the hotel's cancellation number when it has one")
    func cancelRSWithCancellationNumber() throws {
        let record = AcknowledgedRecord(
            channelReference: "4713", hotelConfirmation: "SH27-00043", cancelled: true,
            cancellationNumber: "CX-0007")
        let data = try AcknowledgementWriter.xml(
            Samples.acknowledgement(.cancel, .accepted(records: [record], warnings: [])))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<CancelInfoRS>\n    <UniqueID Type=\"15\" ID=\"CX-0007\" ID_Context=\"SHBUND\"/>"))
        let result = try SchemaValidator.validate(data, against: "OTA_CancelRS")
        #expect(result.isValid, "\(result.output)")
    }

    @Test("An OTA_CancelRS of a refused or unreadable cancellation has Status Unsuccessful")
    func cancelRSUnsuccessful() throws {
        let refused = String(
            decoding: try AcknowledgementWriter.xml(
                Samples.acknowledgement(.cancel, .accepted(records: [], warnings: [Samples.refused]))),
            as: UTF8.self)
        #expect(refused.contains("Version=\"4.000\" Status=\"Unsuccessful\">\n  <Success/>\n  <Warnings>"))
        #expect(!refused.contains("UniqueID"))
        let rejected = String(decoding: try AcknowledgementWriter.xml(Samples.rejected(.cancel)), as: UTF8.self)
        #expect(rejected.contains("Status=\"Unsuccessful\">\n  <Errors>"))
    }

    @Test("The AlpineBits pull is acknowledged with OTA_NotifReportRQ in the form of the conformance sample")
    func notifReportRQLiteral() throws {
        // The records of conformance sample 06: a reservation, a cancellation and a quote request acknowledged,
        // one reservation refused.
        let acknowledgement = FeedAcknowledgement(
            messageType: .resRetrieve, echoToken: nil, timeStamp: Samples.answeredAt, channel: "ALPINE",
            hotelCode: "SHBUND",
            outcome: .accepted(
                records: [
                    AcknowledgedRecord(channelReference: "6b34fe24ac2ff810", hotelConfirmation: "SH27-00050"),
                    AcknowledgedRecord(
                        channelReference: "c24e8b15ca469388", hotelConfirmation: "SH27-00051", cancelled: true),
                    AcknowledgedRecord(channelReference: "1000000000000001", hotelConfirmation: nil),
                ],
                warnings: [RecordWarning(channelReference: "f054bbd2f5ebab9", reason: "Unable to process reservation")]
            ))
        let data = try AcknowledgementWriter.xml(acknowledgement)
        #expect(
            String(decoding: data, as: UTF8.self) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <OTA_NotifReportRQ xmlns="http://www.opentravel.org/OTA/2003/05" TimeStamp="2027-03-01T02:00:00Z" Version="4.000">
                  <Success/>
                  <Warnings>
                    <Warning Type="3" Code="450" RecordID="f054bbd2f5ebab9">Unable to process reservation</Warning>
                  </Warnings>
                  <NotifDetails>
                    <HotelNotifReport>
                      <HotelReservations>
                        <HotelReservation>
                          <UniqueID Type="14" ID="6b34fe24ac2ff810"/>
                        </HotelReservation>
                        <HotelReservation>
                          <UniqueID Type="15" ID="c24e8b15ca469388"/>
                        </HotelReservation>
                        <HotelReservation>
                          <UniqueID Type="14" ID="1000000000000001"/>
                        </HotelReservation>
                      </HotelReservations>
                    </HotelNotifReport>
                  </NotifDetails>
                </OTA_NotifReportRQ>

                """)
        let result = try SchemaValidator.validate(data, against: "OTA_NotifReportRQ")
        #expect(result.isValid, "\(result.output)")
    }

    @Test("A quote request has no hotel confirmation number: only the channel's id is acknowledged")
    func quoteRecord() throws {
        let record = AcknowledgedRecord(channelReference: "Q-77", hotelConfirmation: nil)
        let data = try AcknowledgementWriter.xml(
            Samples.acknowledgement(.hotelResNotif, .accepted(records: [record], warnings: [])))
        let text = String(decoding: data, as: UTF8.self)
        #expect(
            text.contains("<HotelReservationID ResID_Type=\"13\" ResID_Value=\"Q-77\" ResID_Source=\"BOOKINGCOM\"/>"))
        #expect(!text.contains("ResID_Type=\"14\""))
        #expect(try SchemaValidator.validate(data, against: "OTA_HotelResNotifRS").isValid)
    }

    @Test("The same acknowledgement always gives the same bytes, in memory and on disk")
    func deterministic() throws {
        let folder = try FeedFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for type in OTAMessageType.allCases {
            for acknowledgement in [Samples.mixed(type), Samples.rejected(type)] {
                let first = try AcknowledgementWriter.xml(acknowledgement)
                #expect(try AcknowledgementWriter.xml(acknowledgement) == first)
                let one = folder.appendingPathComponent("one.xml")
                let two = folder.appendingPathComponent("two.xml")
                try AcknowledgementWriter.write(acknowledgement, to: one)
                try AcknowledgementWriter.write(acknowledgement, to: two)
                #expect(try Data(contentsOf: one) == first)
                #expect(try Data(contentsOf: two) == first)
            }
        }
    }

    @Test("Writing replaces the file through a renamed temporary file and leaves nothing else behind")
    func atomicWrite() throws {
        let folder = try FeedFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("night.xml.0001.OTA_HotelResNotifRS.xml")
        try Data("stale".utf8).write(to: file)
        try AcknowledgementWriter.write(Samples.mixed(.hotelResNotif), to: file)
        #expect(try Data(contentsOf: file) == AcknowledgementWriter.xml(Samples.mixed(.hotelResNotif)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [file.lastPathComponent])
        let result = try SchemaValidator.validate(fileAt: file, against: "OTA_HotelResNotifRS")
        #expect(result.isValid, "\(result.output)")
    }

    @Test("Writing into a missing folder throws a sentence naming the file")
    func missingFolder() throws {
        let file = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/ack.xml")
        let error = #expect(throws: AcknowledgementError.self) {
            try AcknowledgementWriter.write(Samples.mixed(.hotelResNotif), to: file)
        }
        guard case .fileNotWritten(let path, _) = error else {
            Issue.record("expected fileNotWritten, got \(String(describing: error))")
            return
        }
        #expect(path == file.path)
        #expect(error?.description.hasPrefix("The acknowledgement \(file.path) could not be written: create ") == true)
    }

    @Test(
        "The project's own feed reader reports an acknowledgement as not a booking message",
        arguments: OTAMessageType.allCases)
    func readBackAsNotABookingMessage(type: OTAMessageType) throws {
        for acknowledgement in [Samples.mixed(type), Samples.rejected(type)] {
            let items = FeedFixtures.items(
                xml: String(decoding: try AcknowledgementWriter.xml(acknowledgement), as: UTF8.self))
            #expect(items.count == 1)
            #expect(items.first?.otherMessage?.rootName == type.acknowledgementName)
        }
    }

    @Test(
        "TimeStamp is the supplied instant in UTC to the second",
        arguments: [
            (1_803_866_400.75, "2027-03-01T02:00:00Z"), (0, "1970-01-01T00:00:00Z"),
            (951_868_799, "2000-02-29T23:59:59Z"), (4_107_542_400, "2100-03-01T00:00:00Z"),
            (-0.5, "1969-12-31T23:59:59Z"), (-2_208_988_800, "1900-01-01T00:00:00Z"),
            (-1e300, "0001-01-01T00:00:00Z"), (.infinity, "9999-12-31T23:59:59Z"), (.nan, "1970-01-01T00:00:00Z"),
        ] as [(TimeInterval, String)])
    func timeStamp(seconds: TimeInterval, expected: String) throws {
        var acknowledgement = Samples.mixed(.hotelResNotif)
        acknowledgement.timeStamp = Date(timeIntervalSince1970: seconds)
        let text = String(decoding: try AcknowledgementWriter.xml(acknowledgement), as: UTF8.self)
        #expect(text.contains(" TimeStamp=\"\(expected)\" "))
    }

    @Test("A request's EchoToken is echoed; a missing, empty or over-long one (above 128) is left out")
    func echoToken() throws {
        let long = String(repeating: "e", count: 129)
        for (token, expected) in [
            ("354", true), (String(repeating: "e", count: 128), true), (long, false), ("", false),
        ] {
            let data = try AcknowledgementWriter.xml(
                Samples.acknowledgement(.hotelResNotif, .accepted(records: [], warnings: []), echoToken: token))
            #expect(String(decoding: data, as: UTF8.self).contains("EchoToken=\"\(token)\"") == expected)
            #expect(try SchemaValidator.validate(data, against: "OTA_HotelResNotifRS").isValid)
        }
        let none = try AcknowledgementWriter.xml(
            Samples.acknowledgement(.hotelResNotif, .accepted(records: [], warnings: []), echoToken: nil))
        #expect(!String(decoding: none, as: UTF8.self).contains("EchoToken"))
    }

    @Test("The acknowledgement of a booking message echoes its type and EchoToken")
    func replyingTo() {
        var message = OTABookingMessage()
        message.type = .hotelResModifyNotif
        message.echoToken = "abc-9"
        let acknowledgement = FeedAcknowledgement(
            replyingTo: message, timeStamp: Samples.answeredAt, outcome: .accepted(records: [], warnings: []))
        #expect(acknowledgement.messageType == .hotelResModifyNotif)
        #expect(acknowledgement.echoToken == "abc-9")
        #expect(acknowledgement.channel == nil)
    }
}
