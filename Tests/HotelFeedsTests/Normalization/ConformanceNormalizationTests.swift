import HotelDomain
import HotelFeeds
import Testing

/// What each public sample in Fixtures/conformance normalizes to, with a channel configured for it.
@Suite("Conformance samples normalize to literal reservations")
struct ConformanceNormalizationTests {
    typealias F = NormalizationFixtures

    @Test("01 AlpineBits reservation: book, 11 nights from a total of 299 EUR, children 9 and 3, 15%, ACME")
    func alpineBitsReservation() throws {
        let results = try F.normalized(
            "conformance/01_alpinebits-2024-10_OTA_ResRetrieveRS_reservation.xml", channel: F.alpine,
            currency: "EUR")
        let record = try #require(results.first).get()
        #expect(results.count == 1)
        #expect(record.channel == "ALPINE")
        #expect(record.action == .book)
        #expect(record.reference == "6b34fe24ac2ff810")
        #expect(!record.isStatusOnly)
        #expect(record.lastModified == 1_647_871_200_000)  // CreateDateTime 2022-03-21T15:00:00+01:00
        #expect(record.lastModifiedText == "2022-03-21T15:00:00+01:00")
        #expect(record.hotelCode == "123")
        #expect(record.guest.name == "Otto Mustermann")
        #expect(record.guest.email == "otto.mustermann@example.com")
        #expect(record.guest.phone == "+4934567891")
        #expect(record.guest.adults == 2)
        #expect(record.guest.childAges == [9, 3])
        #expect(record.roomType == "STE")
        #expect(record.ratePlan == "ALLINC")
        #expect(record.rooms == 1)
        #expect(record.stay == (try Stay(arrival: F.date("2022-01-01"), departure: F.date("2022-01-12"))))
        #expect(record.stay?.nightCount == 11)
        // 299.00 EUR over 11 nights: 27.18 a night, the remainder 0.02 on the last night.
        #expect(record.nights.map(\.amount.minorUnits) == Array(repeating: 2718, count: 10) + [2720])
        #expect(record.nights.first?.night == (try F.date("2022-01-01")))
        #expect(record.nights.last?.night == (try F.date("2022-01-11")))
        #expect(record.nights.allSatisfy { $0.amount.currency.code == "EUR" })
        #expect(record.total == (try F.money(29_900, "EUR")))
        #expect(record.commission == .percent(BasisPoints(1500)))
        #expect(record.travelAgent == TravelAgent(name: "ACME Travel Agency", iataNumber: nil))
        #expect(record.mealPlan == "all inclusive")
        #expect(record.comments.count == 2)
        #expect(record.comments.first == "included services: Parkplatz, Schwimmbad, Skipass")
        #expect(record.comments.last?.hasPrefix("customer comment: Sind Hunde erlaubt?") == true)
        #expect(record.comments.last?.hasSuffix("Otto Mustermann.") == true)
        #expect(record.specialRequests.isEmpty)
        #expect(record.cardLastFour == "1111")
        #expect(record.cardExpiry == "1226")
        #expect(!String(describing: record).contains("4444333322221111"))
    }

    @Test("02 AlpineBits cancellation: status-only cancel of the Type 15 id")
    func alpineBitsCancellation() throws {
        let results = try F.normalized(
            "conformance/02_alpinebits-2024-10_OTA_ResRetrieveRS_cancellation.xml", channel: F.alpine,
            currency: "EUR")
        #expect(
            results == [
                .success(
                    ChannelReservation(
                        channel: "ALPINE", reference: "c24e8b15ca469388", action: .cancel, isStatusOnly: true,
                        lastModified: 1_647_871_200_000, lastModifiedText: "2022-03-21T15:00:00+01:00"))
            ])
    }

    @Test("03 AlpineBits quote request: a quote with the guest and no stay, prices or mapping needed")
    func alpineBitsQuoteRequest() throws {
        let results = try F.normalized(
            "conformance/03_alpinebits-2024-10_OTA_ResRetrieveRS_quote-request.xml", channel: F.alpine,
            currency: "EUR")
        let record = try #require(results.first).get()
        #expect(record.action == .quote)
        #expect(record.reference == "6b34fe24ac2ff811")
        #expect(!record.isStatusOnly)
        #expect(record.lastModified == 1_662_227_270_000)  // 2022-09-03T19:47:50+02:00
        #expect(record.hotelCode == "123")
        #expect(record.guest.name == "Otto Mustermann")
        #expect(record.guest.adults == 1)
        #expect(record.guest.childAges.isEmpty)
        #expect(record.stay == nil)  // only a StartDateWindow 2022-10-03…2022-10-08
        #expect(record.nights.isEmpty)
        #expect(record.total == nil)
        #expect(record.roomType == nil)  // "A" is not mapped: a quote is read leniently
        #expect(record.ratePlan == nil)
        #expect(record.commission == nil)
        #expect(record.cardLastFour == nil)
    }

    @Test("04 AlpineBits push status update: two status-only records, the second timed by LastModifyDateTime")
    func alpineBitsStatusUpdate() throws {
        let results = try F.normalized(
            "conformance/04_alpinebits-2022-10_OTA_HotelResNotifRQ_push_status-update_multi.xml", channel: F.alpine,
            currency: "EUR")
        #expect(
            results == [
                .success(
                    ChannelReservation(
                        channel: "ALPINE", reference: "6b34fe24ac999999", action: .book, isStatusOnly: true,
                        lastModified: 1_679_392_800_000, lastModifiedText: "2023-03-21T11:00:00+01:00")),
                .success(
                    ChannelReservation(
                        channel: "ALPINE", reference: "6b34fe24ac244444", action: .cancel, isStatusOnly: true,
                        lastModified: 1_686_567_600_000, lastModifiedText: "2023-06-12T12:00:00+01:00")),
            ])
    }

    @Test(
        "05, 06, 09 acknowledgements carry no booking to normalize",
        arguments: [
            "conformance/05_alpinebits-2022-10_OTA_HotelResNotifRS_ack_with_warning.xml",
            "conformance/06_alpinebits-2024-10_OTA_NotifReportRQ_ack_pull.xml",
            "conformance/09_opentravel-2011B_OTA_HotelResNotifRS_partial_warnings.xml",
        ])
    func acknowledgements(file: String) throws {
        let items = try FeedFixtures.items(file)
        #expect(items.count == 1)
        #expect(items.allSatisfy { $0.otherMessage != nil && $0.booking == nil })
    }

    @Test("07 OpenTravel notif: root Commit books 7865 of Travel Today, 2 nights at 280.00 USD, no room type code")
    func openTravelNotif() throws {
        let results = try F.normalized(
            "conformance/07_opentravel-2011B_OTA_HotelResNotifRQ_CR-line-endings.xml", channel: F.travelToday,
            currency: "USD")
        let record = try #require(results.first).get()
        #expect(results.count == 1)
        #expect(record.action == .book)
        #expect(record.reference == "7865")  // HotelReservationID from ResID_Source "Travel Today"
        #expect(!record.isStatusOnly)
        #expect(record.lastModified == 1_106_752_920_000)  // root TimeStamp 2005-01-26T10:22:00-05:00
        #expect(record.lastModifiedText == "2005-01-26T10:22:00-05:00")
        #expect(record.hotelCode == "WASJW")
        #expect(
            record.guest
                == ChannelGuest(
                    name: "David Dewberry", email: "david.dewberry@dewberrycorp.com",
                    phone: "7245554321", adults: 1, childAges: []))
        #expect(record.roomType == nil)
        #expect(record.ratePlan == "BAR")
        #expect(record.stay == (try Stay(arrival: F.date("2005-10-18"), departure: F.date("2005-10-20"))))
        #expect(
            record.nights == [
                ChannelNight(night: try F.date("2005-10-18"), amount: try F.money(28_000, "USD")),
                ChannelNight(night: try F.date("2005-10-19"), amount: try F.money(28_000, "USD")),
            ])
        #expect(record.total == nil)
        #expect(record.commission == nil)
        #expect(record.travelAgent == nil)  // RequestorID Type 13 is the internet broker, i.e. the channel
        #expect(record.mealPlan == nil)
        #expect(record.comments == ["non-smoking Room requested;king bed"])
        #expect(record.cardLastFour == "1202")
        #expect(record.cardExpiry == "1205")
        #expect(!String(describing: record).contains("4111111111111202"))
    }

    @Test("08 OpenTravel billing sample: no reservation id, so refused; with one, 5 nights at 200.00 USD")
    func openTravelDecimalPlaces() throws {
        let file = "conformance/08_opentravel-2011B_OTA_HotelResNotifRQ_decimalplaces_taxes_multiguest.xml"
        let refusal = try #require(try F.normalized(file, channel: F.travelToday, currency: "USD").first?.failure)
        #expect(refusal.reference == nil)
        #expect(
            refusal.reason
                == "reservation at line 36 has no id: no UniqueID, and no HotelReservationID with ResID_Type 14 or "
                + "ResID_Source \"Travel Today\"; a record that cannot be matched again is not imported")

        var message = try FeedFixtures.booking(file)
        var uniqueID = OTAUniqueID()
        uniqueID.type = "14"
        uniqueID.id = "OT-08"
        message.reservations[0].uniqueIDs = [uniqueID]
        let record = try #require(
            ChannelNormalizer(channel: F.travelToday, currency: try F.currency("USD")).normalize(message).first
        ).get()
        #expect(record.action == .book)  // no status anywhere, an OTA_HotelResNotifRQ
        #expect(record.reference == "OT-08")
        #expect(record.lastModified == 1_320_575_130_000)  // TimeStamp 2011-11-06T10:25:30, no offset: UTC
        #expect(record.hotelCode == nil)
        #expect(
            record.guest
                == ChannelGuest(
                    name: "Jane Smith", email: "janesmith@anycompany.com",
                    phone: "999-999-9999", adults: 3, childAges: []))
        #expect(record.roomType == "DLX")
        #expect(record.ratePlan == "BAR")
        #expect(record.stay == (try Stay(arrival: F.date("2011-06-01"), departure: F.date("2011-06-06"))))
        // Rate Total AmountAfterTax "200" (Base 169 + Tax 31), per night, undated: every night of the stay.
        #expect(record.nights.map(\.amount) == Array(repeating: try F.money(20_000, "USD"), count: 5))
        #expect(
            record.nights.map(\.night.description) == [
                "2011-06-01", "2011-06-02", "2011-06-03", "2011-06-04", "2011-06-05",
            ])
        #expect(record.total == nil)
        #expect(record.commission == nil)
        #expect(record.travelAgent == nil)  // RequestorID Type 10 is the hotel
        #expect(record.mealPlan == "breakfast, lunch, dinner")
        #expect(record.cardLastFour == "9999")
        #expect(record.cardExpiry == "1212")
        #expect(!String(describing: record).contains("9999999999999999"))

        // The same message read with implied decimals would price the room at 2.00 USD a night.
        var implied = F.travelToday
        implied.settings.decimalPlacesImplied = true
        let misread = try #require(
            ChannelNormalizer(channel: implied, currency: try F.currency("USD")).normalize(message).first
        ).get()
        #expect(misread.nights.map(\.amount.minorUnits) == [200, 200, 200, 200, 200])
    }

    @Test("10 OpenTravel modify: modify of 7865, stay taken from the Rate, 3 nights at 280.00 USD")
    func openTravelModify() throws {
        let results = try F.normalized(
            "conformance/10_opentravel-2011B_OTA_HotelResModifyNotifRQ.xml", channel: F.travelToday,
            currency: "USD")
        let record = try #require(results.first).get()
        #expect(results.count == 1)
        #expect(record.action == .modify)  // root "Commit" inside an OTA_HotelResModifyNotifRQ
        #expect(record.reference == "7865")  // the channel's id, the one its booking (07) carried
        #expect(!record.isStatusOnly)
        #expect(record.lastModified == 1_106_762_700_000)  // TimeStamp 2005-01-26T13:05:00-05:00
        #expect(record.hotelCode == "WASJW")
        #expect(record.guest.name == "David Dewberry")
        #expect(record.guest.adults == 1)
        #expect(record.roomType == nil)
        #expect(record.ratePlan == "BAR")
        #expect(record.stay == (try Stay(arrival: F.date("2005-10-18"), departure: F.date("2005-10-21"))))
        #expect(record.nights.map(\.amount) == Array(repeating: try F.money(28_000, "USD"), count: 3))
        #expect(record.total == nil)
        #expect(record.travelAgent == nil)
        #expect(record.cardLastFour == "1202")  // the guarantee card, not the verification card
        #expect(record.cardExpiry == "1205")
    }

    @Test("10 for another channel: the HotelReservationID of Type 14 identifies the booking")
    func openTravelModifyOtherChannel() throws {
        var channel = F.travelToday
        channel.name = "Some Wholesaler"
        let results = try F.normalized(
            "conformance/10_opentravel-2011B_OTA_HotelResModifyNotifRQ.xml", channel: channel, currency: "USD")
        #expect(try #require(results.first).get().reference == "82329987")
    }

    @Test("11 OpenTravel cancel: status-only cancel of 99999999, timed by the root TimeStamp")
    func openTravelCancel() throws {
        let results = try F.normalized(
            "conformance/11_opentravel-2011B_OTA_CancelRQ_hotel.xml", channel: F.travelToday, currency: "USD")
        #expect(
            results == [
                .success(
                    ChannelReservation(
                        channel: "TRAVELTODAY", reference: "99999999", action: .cancel, isStatusOnly: true,
                        lastModified: 1_287_430_127_000, lastModifiedText: "2010-10-18T14:28:47-05:00"))
            ])
    }
}
