import HotelDomain
import HotelFeeds
import Testing

/// The synthetic fixture files, read by `FeedReader` and normalized end to end.
@Suite("Synthetic feed files normalize end to end")
struct SyntheticNormalizationTests {
    typealias F = NormalizationFixtures

    @Test("A realistic channel booking: two Rates (one over 2 nights), 10% commission, IATA agent, child 5")
    func channelBooking() throws {
        let channel = Channel(
            code: "GDS1", name: "Global Distribution", settings: ChannelSettings(hotelCodes: ["HSALES1"]),
            roomTypes: ["DBL-DLX": "DLX"], ratePlans: ["CORP-ACME": "ACME27"])
        let results = try F.normalized("synthetic/channel-booking.xml", channel: channel, currency: "EUR")
        let record = try #require(results.first).get()
        #expect(results.count == 1)
        #expect(record.action == .book)
        #expect(record.reference == "CB-778812")
        #expect(record.lastModified == 1_746_133_080_000)  // 2025-05-01T22:58:00+02:00
        #expect(record.hotelCode == "HSALES1")
        #expect(
            record.guest
                == ChannelGuest(
                    name: "Mary Ann O'Neil & Co", email: "mary.oneil@example.org", phone: "+44 7700 900123",
                    adults: 2, childAges: [5]))
        #expect(record.roomType == "DLX")
        #expect(record.ratePlan == "ACME27")
        #expect(record.rooms == 1)
        #expect(record.stay?.description == "2025-09-14…2025-09-17 (3 nights)")
        #expect(record.nights.map(\.amount) == Array(repeating: try F.money(18_000, "EUR"), count: 3))
        #expect(record.total == (try F.money(54_000, "EUR")))  // AmountAfterTax, not the 495.42 before tax
        #expect(record.commission == .percent(BasisPoints(1000)))  // Percent wins over the payable amount
        #expect(record.travelAgent == TravelAgent(name: "Wanderlust Travel GmbH", iataNumber: "12345678"))
        #expect(record.mealPlan == "breakfast")
        #expect(record.specialRequests == ["Cot: Cot for the child"])
        #expect(record.comments == ["guest: Arriving late (after 23:00) & <quiet> room"])
        #expect(record.cardLastFour == nil)
    }

    @Test("Implied decimals from a file: Total 10000 at 2 places is 100.00, spread 33.33, 33.33, 33.34")
    func totalsImpliedDecimals() throws {
        var channel = F.bund
        channel.settings.commissionPercentIsFraction = true
        let results = try F.normalized("synthetic/totals-implied-decimals.xml", channel: channel, currency: "CNY")
        let record = try #require(results.first).get()
        #expect(results.count == 1)
        #expect(record.action == .book)
        #expect(record.reference == "BUND-9001")
        #expect(record.lastModified == 1_800_404_099_500)  // LastModifyDateTime 2027-01-20T08:14:59.5+08:00
        #expect(record.lastModifiedText == "2027-01-20T08:14:59.5+08:00")
        #expect(record.hotelCode == "SHBUND")
        #expect(
            record.guest
                == ChannelGuest(name: "Wang Fang", email: nil, phone: "+86 138 0000 0000", adults: 1, childAges: []))
        #expect(record.roomType == "DLX")
        #expect(record.ratePlan == "BAR")
        #expect(record.stay?.description == "2027-03-01…2027-03-04 (3 nights)")
        #expect(record.nights.map(\.amount) == [try F.money(3333), try F.money(3333), try F.money(3334)])
        #expect(record.total == (try F.money(10_000)))
        #expect(record.commission == .percent(BasisPoints(1500)))  // 0.15 as a fraction
        #expect(record.mealPlan == "bed and breakfast")
    }

    @Test("The parser's totals-only sample has no guest at all: a booking without a name is refused")
    func totalsOnlyWithoutGuest() throws {
        let channel = Channel(
            code: "TOTALS", name: "Totals channel", roomTypes: ["FAM": "FAM"], ratePlans: ["FLEX": "BAR"])
        let results = try F.normalized("synthetic/totals-only.xml", channel: channel, currency: "EUR")
        #expect(
            results == [
                .failure(
                    ChannelRecordError(
                        reference: "TOTALS-77",
                        reason: "reservation TOTALS-77 has no guest name; a booking needs the lead guest's GivenName "
                            + "or Surname in ResGuests/ResGuest/Profiles/ProfileInfo/Profile/Customer/PersonName"))
            ])
    }

    @Test("A wrapper with a two-reservation message and an OTA_CancelRQ: one record per reservation, one cancel")
    func vendorWrapper() throws {
        let normalizer = ChannelNormalizer(channel: F.bund, currency: try F.currency("CNY"))
        let records = try FeedFixtures.items("synthetic/vendor-wrapper-two-messages.xml")
            .compactMap(\.booking).flatMap { normalizer.normalize($0) }
            .map { try $0.get() }
        #expect(records.map(\.reference) == ["W-1001", "W-1002", "W-0999"])
        #expect(records.map(\.action) == [.book, .book, .cancel])
        #expect(records.allSatisfy { $0.isStatusOnly })
        #expect(records.allSatisfy { $0.lastModified == nil })
    }
}
