import Foundation
import HotelDomain
import Testing

@testable import HotelFeeds

@Suite("PMS export writers")
struct PMSExportWriterTests {
    typealias Samples = PMSExportSamples

    static func profile(_ account: PMSAccount) throws -> Data {
        try Samples.bytes {
            try OTAProfileWriter.write(account, hotelCode: "SHBUND", timeStamp: "2027-03-05T08:00:00.000Z", to: $0)
        }
    }

    static func ratePlans() throws -> Data {
        try Samples.bytes {
            try OTARatePlanWriter.write(
                Samples.ratePlans, hotelCode: "SHBUND", hotelName: "Bund Riverside",
                timeStamp: "2027-03-05T08:00:00.000Z",
                to: $0)
        }
    }

    static func availability() throws -> Data {
        try Samples.bytes {
            try OTAAvailWriter.write(
                controls: PMSControlPeriod.periods(Samples.controls),
                bookingLimits: PMSBookingLimit.periods(Samples.inventory), hotelCode: "SHBUND",
                timeStamp: "2027-03-05T08:00:00.000Z", to: $0)
        }
    }

    static func reservations() throws -> Data {
        try Samples.bytes { buffer in
            var writer = OTAReservationWriter(
                buffer: buffer, hotelCode: "SHBUND", timeStamp: "2027-03-05T08:00:00.000Z")
            for record in Samples.reservations { try writer.append(record) }
            try writer.finish()
        }
    }

    @Test("Every export message validates against its OTA 2015A schema")
    func schemaValid() throws {
        let documents: [(Data, String)] = [
            (try Self.profile(Samples.accounts[0]), "OTA_ProfileCreateRQ"),
            (try Self.profile(Samples.accounts[1]), "OTA_ProfileCreateRQ"),
            (try Self.ratePlans(), "OTA_HotelRatePlanNotifRQ"),
            (try Self.availability(), "OTA_HotelAvailNotifRQ"),
            (try Self.reservations(), "OTA_HotelResNotifRQ"),
        ]
        for (document, schema) in documents {
            let result = try SchemaValidator.validate(document, against: schema)
            #expect(result.isValid, "\(schema): \(result.output)\n\(String(decoding: document, as: UTF8.self))")
        }
    }

    @Test("The same records give the same bytes")
    func deterministic() throws {
        #expect(try Self.reservations() == Self.reservations())
        #expect(try Self.ratePlans() == Self.ratePlans())
        #expect(try Self.profile(Samples.accounts[0]) == Self.profile(Samples.accounts[0]))
    }

    @Test("A company profile carries code, contacts, agreements, direct billing and credit limit")
    func profileContent() throws {
        let text = String(decoding: try Self.profile(Samples.accounts[0]), as: UTF8.self)
        #expect(text.contains(#"<UniqueID Type="4" ID="ACME" ID_Context="SHBUND"/>"#))
        #expect(
            text.contains(
                #"<CompanyName Code="ACME" CodeContext="SHBUND">Acme &quot;Industrial&quot; &amp; Sons, Ltd</CompanyName>"#
            ))
        #expect(text.contains("<AddressLine>88 Century Avenue, Pudong &lt;Shanghai&gt;</AddressLine>"))
        #expect(text.contains(#"<PaymentForm Remark="credit limit 15000.00 CNY, payment terms 45 days">"#))
        #expect(text.contains(#"<DirectBill DirectBill_ID="ACME" BillingNumber="2">"#))
        #expect(text.contains("<Text>cumulative-room approved 2027-01-01…2027-12-31; opening room-nights 0</Text>"))
        #expect(
            text.contains(
                "<Text>credit limit 20000.00 CNY, payment terms 30 days; direct billing (agreement 2) limit 15000.00 CNY, 45 days; segment corporate; sales owner lwang; VIP level GOLD</Text>"
            ))
    }

    @Test("A negotiated plan lists its companies and its grid per tier and room type")
    func ratePlanContent() throws {
        let plans = Samples.ratePlans
        let acme = try #require(plans.first)
        // 15% off BAR: STD 760.00 → 646.00 in spring, 800.00 → 680.00 in May; DLX 920.00 → 782.00 throughout.
        let tier0 = acme.rates.filter { $0.fromRoomNights == 0 }
        #expect(
            tier0.map { "\($0.roomType) \($0.nights) \($0.amount.minorUnits)" } == [
                "STD 2027-03-01…2027-04-30 64600", "STD 2027-05-01…2027-05-31 68000", "DLX 2027-03-01…2027-05-31 78200",
            ])
        let tier200 = acme.rates.filter { $0.fromRoomNights == 200 }
        #expect(tier200.map(\.amount.minorUnits) == [60800, 64000, 73600])
        #expect(tier200.first?.tierLabel == "200+ room-nights")
        let text = String(decoding: try Self.ratePlans(), as: UTF8.self)
        #expect(
            text.contains(
                #"<RatePlan RatePlanCode="ACME27" CurrencyCode="CNY" Start="2027-03-01" End="2027-05-31" RatePlanCategory="negotiated" IsCommissionable="false" BaseRatePlanCode="BAR">"#
            ))
        #expect(
            text.contains(
                #"<CompanyName Code="ACME" CodeContext="SHBUND">Acme &quot;Industrial&quot; &amp; Sons, Ltd</CompanyName>"#
            ))
        #expect(text.contains(#"<MealsIncluded Breakfast="true" MealPlanIndicator="true" MealPlanCodes="3"/>"#))
    }

    @Test("Controls become periods with explicit open and close states; limits add overbooking")
    func availabilityContent() throws {
        let periods = PMSControlPeriod.periods(Samples.controls)
        #expect(
            periods.map { "\($0.ratePlan) \($0.roomType?.rawValue ?? "*") \($0.nights)" } == [
                "BAR * 2027-05-01…2027-05-02", "BAR DLX 2027-05-03…2027-05-03", "BAR DLX 2027-05-04…2027-05-04",
            ])
        let limits = PMSBookingLimit.periods(Samples.inventory)
        #expect(limits.map { "\($0.nights) \($0.limit)" } == ["2027-05-01…2027-05-02 38", "2027-05-03…2027-05-03 37"])
        let text = String(decoding: try Self.availability(), as: UTF8.self)
        #expect(text.contains(#"<LengthOfStay Time="2" TimeUnit="Day" MinMaxMessageType="SetMinLOS"/>"#))
        #expect(text.contains(#"<RestrictionStatus Restriction="Arrival" Status="Close"/>"#))
        #expect(text.contains(#"<AvailStatusMessage BookingLimitMessageType="SetLimit" BookingLimit="38">"#))
    }

    @Test("The reservation file reads back through the feed parser and normalizer as the same bookings")
    func reservationsReadBack() throws {
        let document = try Self.reservations()
        let items = FeedFixtures.items(xml: String(decoding: document, as: UTF8.self))
        let message = try #require(items.first?.booking)
        let channel = Channel(
            code: "PMSEXPORT", name: "PMS export", settings: ChannelSettings(hotelCodes: ["SHBUND"]),
            roomTypes: ["STD": "STD", "DLX": "DLX"], ratePlans: ["BAR": "BAR", "ACME27": "ACME27"])
        let records = ChannelNormalizer(channel: channel, currency: Samples.cny).normalize(message)
        #expect(records.count == 3)
        let first = try records[0].get()
        #expect(first.reference == "SHBUND-0000001")
        #expect(first.action == .book)
        #expect(first.guest.name == "Chen Li")
        #expect(first.guest.adults == 2)
        #expect(first.guest.childAges == [5, 5, 9])
        #expect(first.roomType == "DLX")
        #expect(first.ratePlan == "ACME27")
        #expect(first.rooms == 2)
        #expect(first.stay?.description == "2027-04-29…2027-05-02 (3 nights)")
        #expect(first.nights.map(\.amount.minorUnits) == [78200, 78200, 78200])
        #expect(first.total?.minorUnits == 469_200)
        #expect(first.specialRequests == ["late arrival & \"quiet\" room"])
        #expect(first.comments == ["VIP: V1"])
        let company = try #require(message.reservations[0].globalInfo.profiles.first { $0.profileType == "3" })
        #expect(company.company?.companyName?.code == "ACME")
        let second = try records[1].get()
        #expect(second.action == .cancel)
        #expect(second.travelAgent == TravelAgent(name: "Reisebüro Süd", iataNumber: "12345678"))
        // Tentative is "Requested" in the PMS vocabulary: a channel importer takes it as a quote request.
        #expect(try records[2].get().action == .quote)
        #expect(try records[2].get().guest.name == "Ana\u{FFFD} Lee")
    }

    @Test(
        "CSV fields are quoted as RFC 4180 asks",
        arguments: [
            ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("", ""),
        ])
    func csvQuoting(field: String, expected: String) {
        #expect(PMSCSV.quoted(field) == expected)
    }

    @Test("A CSV table writes the header, CRLF line ends and amounts with the currency's decimals")
    func csvTable() throws {
        let data = try Samples.bytes { buffer in
            var table = PMSCSV.Table(.reservationNights, buffer: buffer)
            for record in Samples.reservations.prefix(1) {
                for row in PMSCSV.reservationNightRows(record) { try table.append(row) }
            }
            try table.finish()
        }
        #expect(
            String(decoding: data, as: UTF8.self)
                == "confirmation,night,amount,currency,rate_plan\r\nSHBUND-0000001,2027-04-29,782.00,CNY,ACME27\r\n"
                + "SHBUND-0000001,2027-04-30,782.00,CNY,ACME27\r\nSHBUND-0000001,2027-05-01,782.00,CNY,ACME27\r\n")
    }

    @Test(
        "Streaming escapes exactly like the acknowledgement writer",
        arguments: [
            "plain ASCII", "a & b < c > d \"e\" 'f'", "tab\there", "line\nbreak", "nul\u{0}", "ü 漢字", "\u{85}",
            "\u{7F}",
        ])
    func escapingMatchesMarkup(value: String) throws {
        let data = try Samples.bytes { buffer in
            var xml = XMLStream(buffer)
            xml.element("T", [("a", value)], text: value)
            try xml.finish()
        }
        var markup = XMLMarkup()
        markup.element("T", [("a", value)], text: value)
        #expect(String(decoding: data, as: UTF8.self) == markup.text)
    }
}
