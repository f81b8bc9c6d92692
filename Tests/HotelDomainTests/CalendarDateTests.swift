import Testing

@testable import HotelDomain

@Suite("Calendar dates, night ranges and stays")
struct CalendarDateTests {
    @Test("Only real dates written YYYY-MM-DD are accepted", arguments: ["2028-02-29", "2000-02-29", "2027-12-31", "2027-01-01"])
    func acceptsRealDates(text: String) throws {
        #expect(try CalendarDate(parsing: text).description == text)
    }

    @Test(
        "Impossible or oddly written dates are refused",
        arguments: ["2027-02-29", "2025-02-30", "1900-02-29", "2027-04-31", "2027-13-01", "2027-00-10", "2027-3-1",
            "2027/03/01", "01-03-2027", "2027-03-01T00:00", "", "0000-01-01"])
    func refusesDates(text: String) {
        #expect(throws: DomainError.self) { try CalendarDate(parsing: text) }
    }

    @Test("The error for 2027-02-30 names the date")
    func impossibleDateMessage() {
        #expect(throws: DomainError.invalid("date \"2027-02-30\" does not exist; use a real calendar date as YYYY-MM-DD")) {
            try CalendarDate(parsing: "2027-02-30")
        }
    }

    @Test(
        "Day numbers and weekdays match the proleptic Gregorian calendar",
        arguments: [("2027-03-01", 20_878, 1), ("2000-02-29", 11_016, 2), ("1969-12-31", -1, 3), ("2027-12-31", 21_183, 5)])
    func dayNumbers(text: String, dayNumber: Int, weekday: Int) throws {
        let date = try CalendarDate(parsing: text)
        #expect(date.dayNumber == dayNumber)
        #expect(CalendarDate(dayNumber: dayNumber) == date)
        #expect(date.isoWeekday == weekday)
    }

    @Test("Adding days crosses month ends and leap days")
    func addingDays() throws {
        #expect(try CalendarDate(parsing: "2028-02-28").adding(days: 1).description == "2028-02-29")
        #expect(try CalendarDate(parsing: "2027-02-28").adding(days: 1).description == "2027-03-01")
        #expect(try CalendarDate(parsing: "2027-12-31").adding(days: 1).description == "2028-01-01")
        #expect(try CalendarDate(parsing: "2027-03-01").days(until: CalendarDate(parsing: "2028-03-01")) == 366)
    }

    @Test("A stay's nights are arrival up to, not including, departure")
    func stayNights() throws {
        let stay = try Stay(arrival: CalendarDate(parsing: "2027-03-01"), nights: 3)
        #expect(stay.departure.description == "2027-03-04")
        #expect(stay.nights.map(\.description) == ["2027-03-01", "2027-03-02", "2027-03-03"])
        #expect(stay.nightRange.description == "2027-03-01…2027-03-03")
    }

    @Test("A stay needs at least one night and a departure after arrival")
    func invalidStays() throws {
        let arrival = try CalendarDate(parsing: "2027-03-05")
        #expect(throws: DomainError.self) { try Stay(arrival: arrival, nights: 0) }
        #expect(throws: DomainError.self) { try Stay(arrival: arrival, nights: -2) }
        #expect(throws: DomainError.self) { try Stay(arrival: arrival, departure: arrival) }
        #expect(throws: DomainError.self) { try Stay(arrival: arrival, departure: CalendarDate(parsing: "2027-03-01")) }
        #expect(throws: DomainError.self) { try Stay(arrival: arrival, nights: 367) }
    }

    @Test("A night range includes both ends")
    func nightRange() throws {
        let range = try NightRange(first: CalendarDate(parsing: "2027-05-01"), last: CalendarDate(parsing: "2027-05-04"))
        #expect(range.count == 4)
        #expect(Array(range.nights).count == 4)
        #expect(range.contains(try CalendarDate(parsing: "2027-05-04")))
        #expect(!range.contains(try CalendarDate(parsing: "2027-05-05")))
        #expect(throws: DomainError.self) {
            try NightRange(first: CalendarDate(parsing: "2027-05-04"), last: CalendarDate(parsing: "2027-05-01"))
        }
    }

    @Test("Codes are upper-cased and restricted to letters, digits, - and _")
    func codes() throws {
        #expect(try Code("acme").rawValue == "ACME")
        #expect(try Code("GRP-TECH").rawValue == "GRP-TECH")
        for bad in ["", "-X", "A B", "ÄCME", String(repeating: "A", count: 21), "a/b"] {
            #expect(throws: DomainError.self) { try Code(bad) }
        }
    }
}
