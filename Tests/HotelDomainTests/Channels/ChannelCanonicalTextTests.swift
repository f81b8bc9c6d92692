import HotelDomain
import Testing

/// The canonical text behind a channel message's digest: imports recognise a message already imported by it, so
/// its bytes must never change (these literals were produced before the text was built as bytes).
@Suite("Channel record: canonical text")
struct ChannelCanonicalTextTests {
    let cny = try! Currency("CNY")

    @Test("Every field in its place; a | inside a field is escaped, one joined into another character is not")
    func fixedText() throws {
        let stay = try Stay(arrival: CalendarDate(parsing: "2027-03-01"), departure: CalendarDate(parsing: "2027-03-03"))
        var record = ChannelReservation(
            channel: "BOOKINGCOM", reference: "4711|A", action: .book, lastModified: 1_669_194_067_000, hotelCode: "SHBUND",
            guest: ChannelGuest(name: "Zoë |\u{301}Pipe", email: "z@example.com", phone: nil, adults: 2, childAges: [6, 9]),
            roomType: "DLX", ratePlan: "BAR", stay: stay, rooms: 1,
            nights: stay.nights.map { ChannelNight(night: $0, amount: try! Money(parsing: "920.00", currency: cny)) },
            total: try Money(parsing: "1840.00", currency: cny), commission: .percent(BasisPoints(1_500)),
            travelAgent: TravelAgent(name: "Travel | Co", iataNumber: "12345675"), mealPlan: "BB",
            comments: ["late", "quiet"], specialRequests: ["crib"], cardLastFour: "1111", cardExpiry: "1228")
        #expect(
            record.canonicalText
                == "BOOKINGCOM|4711\\|A|book|0|1669194067000|SHBUND|Zoë |\u{301}Pipe|z@example.com||2|6,9|DLX|BAR|2027-03-01\\|2027-03-03|1|2027-03-01=92000,2027-03-02=92000|184000 CNY|1500bp|Travel \\| Co|12345675|BB|late\u{1F}quiet|crib|1111|1228"
        )
        record.commission = .amount(try Money(parsing: "276.00", currency: cny))
        record.stay = nil
        record.travelAgent = nil
        #expect(
            record.canonicalText
                == "BOOKINGCOM|4711\\|A|book|0|1669194067000|SHBUND|Zoë |\u{301}Pipe|z@example.com||2|6,9|DLX|BAR|\\||1|2027-03-01=92000,2027-03-02=92000|184000 CNY|27600|||BB|late\u{1F}quiet|crib|1111|1228"
        )
        // Absent numbers leave empty fields; zero and large amounts are written in full.
        record.lastModified = nil
        record.guest.childAges = []
        record.guest.adults = 0
        record.total = nil
        record.commission = nil
        record.rooms = 12
        record.nights = [
            ChannelNight(night: try CalendarDate(parsing: "2027-12-31"), amount: Money(minorUnits: 0, currency: cny)),
            ChannelNight(
                night: try CalendarDate(parsing: "2028-01-01"), amount: Money(minorUnits: 9_000_000_000_001, currency: cny)),
        ]
        #expect(
            record.canonicalText
                == "BOOKINGCOM|4711\\|A|book|0||SHBUND|Zoë |\u{301}Pipe|z@example.com||0||DLX|BAR|\\||12|2027-12-31=0,2028-01-01=9000000000001|||||BB|late\u{1F}quiet|crib|1111|1228"
        )
    }
}
