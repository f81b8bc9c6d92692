import Foundation
import HotelFeeds
import Testing

/// What the public samples lack: prefixes, missing namespace, encodings, wrappers, broken messages.
@Suite("Synthetic feeds")
struct SyntheticFeedTests {
    @Test("Elements with an ota: prefix are matched by namespace, not by prefix")
    func otaPrefix() throws {
        let message = try FeedFixtures.booking("synthetic/ota-prefixed.xml")
        #expect(message.type == .hotelResNotif)
        #expect(message.namespace == .openTravel)
        #expect(message.echoToken == "P-1")
        let reservation = try #require(message.reservations.first)
        #expect(reservation.uniqueIDs.map(\.id) == ["PFX-1001"])
        #expect(reservation.roomStays.first?.roomTypes.map(\.roomTypeCode) == ["DBL-STD"])
        #expect(reservation.roomStays.first?.timeSpan?.start == "2025-06-10")
        #expect(reservation.roomStays.first?.total?.amountAfterTax == "240.00")
        #expect(reservation.guestNames == ["Prefixed Guest"])
    }

    @Test("A message with no namespace at all is read and flagged as such")
    func missingNamespace() throws {
        let message = try FeedFixtures.booking("synthetic/no-namespace.xml")
        #expect(message.namespace == .missing)
        #expect(message.reservations.first?.uniqueIDs.map(\.id) == ["NONS-1"])
        #expect(message.reservations.first?.roomStays.first?.roomTypes.map(\.roomTypeCode) == ["SGL"])
        #expect(message.reservations.first?.roomStays.first?.total?.amountAfterTax == "99.00")
    }

    @Test("A UTF-8 byte order mark is accepted and non-ASCII names come out intact")
    func utf8ByteOrderMark() throws {
        let data = try Data(contentsOf: try FeedFixtures.url("synthetic/utf8-bom.xml"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let message = try FeedFixtures.booking("synthetic/utf8-bom.xml")
        #expect(message.reservations.first?.guestNames == ["Zoë Müller-Łukasiewicz"])
    }

    @Test("An ISO-8859-1 declaration is honoured: Latin-1 bytes become the right characters")
    func latin1Declaration() throws {
        let data = try Data(contentsOf: try FeedFixtures.url("synthetic/iso-8859-1.xml"))
        #expect(data.contains(0xFC))  // ü as one Latin-1 byte
        let message = try FeedFixtures.booking("synthetic/iso-8859-1.xml")
        let reservation = try #require(message.reservations.first)
        #expect(reservation.guestNames == ["Jürgen Größer"])
        let address = try #require(reservation.resGuests.first?.profiles.first?.customer?.addresses.first)
        #expect(address.addressLines == ["Königstraße 5"])
        #expect(address.cityName == "Zürich")
        #expect(reservation.globalInfo.comments.first?.texts == ["Chambre côté jardin, s'il vous plaît"])
    }

    @Test("A totals-only booking keeps the total, its DecimalPlaces and the duration as written")
    func totalsOnly() throws {
        let message = try FeedFixtures.booking("synthetic/totals-only.xml")
        #expect(message.resStatus == "Commit")
        let stay = try #require(message.reservations.first?.roomStays.first)
        #expect(stay.roomRates.isEmpty)
        #expect(stay.total?.amountBeforeTax == "41322")
        #expect(stay.total?.amountAfterTax == "45000")
        #expect(stay.total?.decimalPlaces == "2")
        #expect(stay.total?.currencyCode == "EUR")
        #expect(stay.timeSpan?.start == "2025-04-18")
        #expect(stay.timeSpan?.end == nil)
        #expect(stay.timeSpan?.duration == "P4N")
        #expect(stay.guestCountsArePerRoom == "true")
        #expect(stay.guestCounts.map(\.ageQualifyingCode) == ["10", "8"])
        #expect(stay.guestCounts.map(\.age) == [nil, "11"])
        #expect(stay.roomTypes.first?.numberOfUnits == "1")
    }

    @Test("An empty HotelReservations gives a message with no reservations, not an error")
    func emptyHotelReservations() throws {
        let message = try FeedFixtures.booking("synthetic/empty-hotelreservations.xml")
        #expect(message.echoToken == "EMPTY-1")
        #expect(message.reservations.isEmpty)
    }

    @Test("A message inside a SOAP envelope is found; the security header is not read")
    func soapEnvelope() throws {
        let message = try FeedFixtures.booking("synthetic/soap-envelope.xml")
        #expect(message.type == .hotelResModifyNotif)
        #expect(message.echoToken == "SOAP-7")
        #expect(message.resStatus == "Modify")
        let reservation = try #require(message.reservations.first)
        #expect(reservation.resStatus == "Modify")
        #expect(reservation.lastModifyDateTime == "2025-05-02T09:30:00Z")
        #expect(reservation.uniqueIDs.map(\.id) == ["SOAP-1001"])
        #expect(reservation.roomStays.first?.roomTypes.map(\.roomTypeCode) == ["DBL-SUP"])
        #expect(!String(describing: message).contains("not-kept"))
    }

    @Test("A vendor wrapper yields each message in order: booking, acknowledgement, cancel")
    func vendorWrapper() throws {
        let items = try FeedFixtures.items("synthetic/vendor-wrapper-two-messages.xml")
        #expect(items.count == 3)
        let first = try #require(items.first?.booking)
        #expect(first.position == 1)
        #expect(first.reservations.flatMap(\.uniqueIDs).map(\.id) == ["W-1001", "W-1002"])
        #expect(items[1].otherMessage?.rootName == "OTA_HotelResNotifRS")
        #expect(items[1].otherMessage?.position == 2)
        let cancel = try #require(items[2].booking)
        #expect(cancel.type == .cancel)
        #expect(cancel.position == 3)
        #expect(cancel.cancellation?.cancelType == "Cancel")
        #expect(cancel.cancellation?.uniqueIDs.map(\.id) == ["W-0999"])
        #expect(cancel.cancellation?.reasons == ["Guest changed plans"])
    }

    @Test("Truncated XML: the complete message is delivered, then a file error with line and what was read")
    func truncated() throws {
        let items = try FeedFixtures.items("synthetic/truncated.xml")
        #expect(items.count == 2)
        #expect(items.first?.booking?.reservations.first?.uniqueIDs.map(\.id) == ["T-1001"])
        let error = try #require(items.last?.fileError)
        #expect(error.line == 11)
        #expect(error.messagesRead == 1)
        #expect(error.unfinishedMessage == "OTA_HotelResNotifRQ")
        guard case .notWellFormed = error.reason else {
            Issue.record("expected a well-formedness error, got \(error.reason)")
            return
        }
        #expect(error.description.hasPrefix("Feed refused at line 11: the XML is not well-formed ("))
        #expect(error.description.hasSuffix("1 message was read before it; OTA_HotelResNotifRQ was left incomplete."))
    }

    @Test("Card numbers and security codes appear nowhere in the model: last four digits and expiry only")
    func cardNumbers() throws {
        let message = try FeedFixtures.booking("synthetic/card-number.xml")
        let reservation = try #require(message.reservations.first)
        #expect(reservation.paymentCards.map(\.location) == [.guarantee, .verification])
        #expect(reservation.paymentCards.map(\.lastFourDigits) == ["1111", "0005"])
        #expect(reservation.paymentCards.map(\.expireDate) == ["0828", "1129"])
        #expect(reservation.roomStays.first?.guarantees.first?.guaranteeType == "CC/DC/Voucher")
        #expect(reservation.roomStays.first?.guarantees.first?.paymentCardCount == 1)
        // A card number typed into a comment is masked; a phone number is left alone.
        #expect(
            reservation.roomStays.first?.comments.first?.texts == [
                "Please charge card ****-****-****-0004 for extras; call 0043 660 1234567"
            ])
        let everything = String(describing: message) + String(reflecting: message)
        for secret in [
            "4111 1111 1111 1111", "4111111111111111", "378282246310005", "5500-0000-0000-0004", "737", "4321",
            "s3cret-pass", "Card Holder",
        ] {
            #expect(!everything.contains(secret), "\(secret) leaked into the model")
        }
    }

    @Test("A realistic channel booking: POS, commission percent and amount, rates, taxes, travel agent IATA")
    func channelBooking() throws {
        let message = try FeedFixtures.booking("synthetic/channel-booking.xml")
        #expect(message.primaryLanguageID == "en")
        let source = try #require(message.pointOfSale.first)
        #expect(source.isoCountry == "DE")
        #expect(source.requestorIDs.first?.type == "5")
        #expect(source.requestorIDs.first?.id == "12345678")
        #expect(source.requestorIDs.first?.idContext == "IATA")
        #expect(source.bookingChannel?.type == "2")
        #expect(source.bookingChannel?.companyName?.name == "Global Distribution")
        #expect(source.bookingChannel?.companyName?.code == "GDS1")

        let reservation = try #require(message.reservations.first)
        #expect(reservation.uniqueIDs.first?.idContext == "GDS1")
        let stay = try #require(reservation.roomStays.first)
        #expect(stay.indexNumber == "1")
        let plan = try #require(stay.ratePlans.first)
        #expect(plan.ratePlanName == "ACME corporate")
        #expect(plan.commission?.percent == "10")
        #expect(plan.commission?.statusType == "Full")
        #expect(plan.commission?.payableAmount == "5400")
        #expect(plan.commission?.payableCurrencyCode == "EUR")
        #expect(plan.commission?.payableDecimalPlaces == "2")
        #expect(plan.mealsIncluded?.mealPlanCodes == "19")
        let roomRate = try #require(stay.roomRates.first)
        #expect(roomRate.roomTypeCode == "DBL-DLX")
        #expect(roomRate.ratePlanCode == "CORP-ACME")
        #expect(roomRate.rates.map(\.effectiveDate) == ["2025-09-14", "2025-09-15"])
        #expect(roomRate.rates.map(\.expireDate) == ["2025-09-15", "2025-09-17"])
        #expect(roomRate.rates.map(\.unitMultiplier) == ["1", "2"])
        #expect(roomRate.rates.map(\.rateTimeUnit) == ["Day", "Day"])
        #expect(roomRate.rates.map { $0.base?.amountAfterTax } == ["180.00", "180.00"])
        #expect(roomRate.rates.map { $0.base?.amountBeforeTax } == ["165.14", "165.14"])
        #expect(roomRate.total?.amountAfterTax == "540.00")
        #expect(stay.total?.amountAfterTax == "540.00")
        #expect(stay.total?.taxes?.amount == "44.58")
        #expect(stay.total?.taxes?.items.first?.percent == "9")
        #expect(stay.total?.taxes?.items.first?.type == "Inclusive")
        #expect(stay.guestCounts.map(\.age) == [nil, "5"])
        #expect(stay.resGuestRPHs == ["1"])
        #expect(stay.basicPropertyInfo?.hotelCode == "HSALES1")
        #expect(stay.specialRequests.first?.requestCode == "48")
        #expect(stay.specialRequests.first?.texts == ["Cot for the child"])
        #expect(stay.comments.first?.texts == ["Arriving late (after 23:00) & <quiet> room"])
        let guest = try #require(reservation.resGuests.first)
        #expect(guest.arrivalTime == "23:30:00")
        #expect(reservation.guestNames == ["Dr Mary Ann O'Neil & Co"])
        let address = try #require(guest.profiles.first?.customer?.addresses.first)
        #expect(address.addressLines == ["1 Market Street", "Floor 3"])
        #expect(address.stateProvince == "Greater London")
        #expect(address.stateCode == "LND")
        #expect(address.countryName == "United Kingdom")
        #expect(address.countryCode == "GB")
        let agent = try #require(reservation.globalInfo.profiles.first { $0.profileType == "4" })
        #expect(agent.company?.companyName?.name == "Wanderlust Travel GmbH")
        #expect(agent.company?.companyName?.code == "12345678")
        #expect(agent.company?.companyName?.codeContext == "IATA")
        #expect(reservation.globalInfo.guarantees.first?.guaranteeCode == "AGENCY")
        // The TPA_Extensions block (a vendor's own Total) is ignored.
        #expect(reservation.globalInfo.total == nil)
        #expect(!String(describing: message).contains("XXX"))
    }

    @Test("A document with no OTA message is a message error naming its root, not a crash or silence")
    func noOTAMessage() throws {
        let items = try FeedFixtures.items("synthetic/no-ota-message.xml")
        #expect(
            items == [
                .messageError(FeedMessageError(rootName: "Bookings", position: 0, line: 2, reason: .noOTAMessage))
            ])
        #expect(
            items.first?.messageError?.description
                == "The document (root element Bookings, line 2) contains no OpenTravel message (no element named OTA_… in the OpenTravel namespace)."
        )
    }

    @Test("A message in a foreign namespace is a message error; the next message is still read")
    func foreignNamespace() throws {
        let items = try FeedFixtures.items("synthetic/foreign-namespace.xml")
        #expect(items.count == 2)
        let error = try #require(items.first?.messageError)
        #expect(error.reason == .unexpectedNamespace(uri: "http://www.opentravel.org/OTA/2003/05/"))
        #expect(error.position == 1)
        #expect(error.line == 3)
        #expect(items.last?.booking?.echoToken == "FN-2")
        #expect(items.last?.booking?.position == 2)
    }

    @Test("A message with two TimeSpans in one RoomStay is refused with the element and line; the next is read")
    func repeatedTimeSpan() throws {
        let items = try FeedFixtures.items("synthetic/repeated-timespan.xml")
        #expect(items.count == 2)
        let error = try #require(items.first?.messageError)
        #expect(error.reason == .repeatedElement(name: "TimeSpan", parent: "RoomStay", line: 9))
        #expect(
            error.description
                == "Message 1 (OTA_HotelResNotifRQ, line 3): element TimeSpan appears twice in RoomStay at line 9.")
        #expect(error.partial?.reservations.first?.uniqueIDs.map(\.id) == ["RT-1001"])
        #expect(items.last?.booking?.reservations.first?.uniqueIDs.map(\.id) == ["RT-1002"])
    }

    @Test("An undeclared prefix refuses only its message; the well-formed rest of the file is read")
    func undeclaredPrefix() throws {
        let items = try FeedFixtures.items("synthetic/undeclared-prefix.xml")
        #expect(items.count == 2)
        let error = try #require(items.first?.messageError)
        guard case .namespaceError(let detail, let line) = error.reason else {
            Issue.record("expected a namespace error, got \(error.reason)")
            return
        }
        #expect(detail.contains("ota"))
        #expect(line == 3)
        #expect(items.last?.booking?.echoToken == "UP-2")
    }

    @Test("A message with more elements than the limit is refused alone; the next message is read")
    func tooManyElements() throws {
        let stays = String(
            repeating: "<RoomStay><TimeSpan Start=\"2025-01-01\" End=\"2025-01-02\"/></RoomStay>", count: 100)
        let xml = """
            <Feed xmlns="http://www.opentravel.org/OTA/2003/05">
            <OTA_HotelResNotifRQ EchoToken="BIG"><HotelReservations><HotelReservation><RoomStays>\(stays)</RoomStays></HotelReservation></HotelReservations></OTA_HotelResNotifRQ>
            <OTA_HotelResNotifRQ EchoToken="SMALL"><HotelReservations><HotelReservation/></HotelReservations></OTA_HotelResNotifRQ>
            </Feed>
            """
        let items = FeedFixtures.items(xml: xml, limits: FeedLimits(maxElementsPerMessage: 150))
        #expect(items.count == 2)
        #expect(items.first?.messageError?.reason == .tooManyElements(limit: 150))
        #expect(items.first?.messageError?.partial?.echoToken == "BIG")
        #expect(items.first?.messageError?.partial?.reservations.isEmpty == true)
        #expect(items.last?.booking?.echoToken == "SMALL")
        #expect(items.last?.booking?.reservations.count == 1)
    }

    @Test("Results do not depend on where the chunks of the file are cut")
    func chunkBoundaries() throws {
        let data = try Data(contentsOf: try FeedFixtures.url("synthetic/channel-booking.xml"))
        var wrapper = Data("<Feed>".utf8)
        let body = try #require(
            String(data: data, encoding: .utf8)?.replacingOccurrences(
                of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: ""))
        for _ in 0..<40 { wrapper.append(Data(body.utf8)) }
        wrapper.append(Data("</Feed>".utf8))
        let small = Array(FeedReader(limits: FeedLimits(chunkSize: 4096)).items(in: wrapper))
        let large = Array(FeedReader(limits: FeedLimits(chunkSize: 1 << 20)).items(in: wrapper))
        let single = try FeedFixtures.booking("synthetic/channel-booking.xml")
        #expect(small.count == 40)
        #expect(small == large)
        // Line numbers differ (the copies sit further down the wrapper); everything else is identical.
        #expect(small.last?.booking?.reservations.map(withoutLines) == single.reservations.map(withoutLines))
    }

    private func withoutLines(_ reservation: OTAHotelReservation) -> OTAHotelReservation {
        var copy = reservation
        copy.line = 0
        copy.roomStays = copy.roomStays.map { stay in
            var stay = stay
            stay.line = 0
            return stay
        }
        return copy
    }

    @Test("Items are delivered while the file is still being read")
    func streaming() throws {
        let message =
            "<OTA_HotelResNotifRQ><HotelReservations><HotelReservation ResStatus=\"Book\"/></HotelReservations></OTA_HotelResNotifRQ>\n"
        let xml = "<Feed>" + String(repeating: message, count: 5000) + "</Feed>"
        var iterator = FeedReader(limits: FeedLimits(chunkSize: 16_384)).items(in: Data(xml.utf8)).makeIterator()
        let next = iterator.next()
        let first = try #require(next)
        #expect(first.booking?.position == 1)
        #expect(iterator.bytesRead < Int64(xml.utf8.count) / 4)
        var count = 1
        while iterator.next() != nil { count += 1 }
        #expect(count == 5000)
        #expect(iterator.bytesRead == Int64(xml.utf8.count))
    }

    @Test("A pull response keeps its Success, Warnings and Errors; a failed pull has errors and no reservations")
    func pullResponseNotices() throws {
        let xml = """
            <OTA_ResRetrieveRS xmlns="http://www.opentravel.org/OTA/2003/05" Version="7.000">
              <Errors><Error Type="13" Code="448" ShortText="unknown hotel">Hotel 999 is not served</Error></Errors>
            </OTA_ResRetrieveRS>
            """
        let message = try #require(FeedFixtures.items(xml: xml).first?.booking)
        #expect(message.type == .resRetrieve)
        #expect(!message.success)
        #expect(message.reservations.isEmpty)
        #expect(message.errors.map(\.code) == ["448"])
        #expect(message.errors.map(\.type) == ["13"])
        #expect(message.errors.map(\.shortText) == ["unknown hotel"])
        #expect(message.errors.map(\.text) == ["Hotel 999 is not served"])
        #expect(message.warnings.isEmpty)
    }

    @Test("A file that does not exist, or is empty, is a file error with a clear reason")
    func unreadableAndEmpty() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/feed.xml")
        let items = Array(FeedReader().items(inFileAt: missing))
        #expect(items.count == 1)
        #expect(
            items.first?.fileError?.reason
                == .unreadable(path: "/nonexistent/feed.xml", detail: "No such file or directory"))
        #expect(
            items.first?.fileError?.description
                == "Feed file /nonexistent/feed.xml cannot be read: No such file or directory.")
        let empty = FeedFixtures.items(xml: "")
        #expect(empty.count == 1)
        guard case .notWellFormed(let detail) = empty.first?.fileError?.reason else {
            Issue.record("expected a well-formedness error for an empty document")
            return
        }
        #expect(detail == "Document is empty")
    }
}
