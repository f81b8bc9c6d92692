/// A calendar date with no time and no time zone: a hotel night, an arrival, a validity bound.
///
/// Rule: written strictly as `YYYY-MM-DD` with a real day of a real month (2027-02-29 and 2025-02-30 are
/// refused; 2028-02-29 is a date). Dates stride by whole days, so the nights of a stay are
/// `arrival..<departure`. Example: `try CalendarDate(parsing: "2027-03-01").adding(days: 3)` is 2027-03-04.
public struct CalendarDate: Hashable, Sendable, Comparable, Strideable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: max(year, 1))).contains(day)
        else {
            throw DomainError.invalid(
                "date \(Self.format(year, month, day)) does not exist; use a real calendar date as YYYY-MM-DD")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`; anything else (`2027-3-1`, `01/03/2027`, `2027-02-30`) is refused.
    public init(parsing text: String) throws {
        // Read in place: a feed import parses eight dates per booking, and a copy of the bytes cost more than the rest.
        var text = text
        let parts: (year: Int, month: Int, day: Int)? = text.withUTF8 { bytes in
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= 48, byte <= 57 else { return nil }
                    value = value * 10 + Int(byte - 48)
                }
                return value
            }
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
            else { return nil }
            return (year, month, day)
        }
        guard let (year, month, day) = parts else {
            throw DomainError.invalid("date \"\(text)\" is not a date; write YYYY-MM-DD, e.g. 2027-03-01")
        }
        do {
            try self.init(year: year, month: month, day: day)
        } catch {
            throw DomainError.invalid("date \"\(text)\" does not exist; use a real calendar date as YYYY-MM-DD")
        }
    }

    /// Days since 1970-01-01 (negative before it), by the proleptic Gregorian calendar.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Whole days from this date to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    public func distance(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }
    public func advanced(by n: Int) -> CalendarDate { adding(days: n) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `"2027-03-01"`.
    public var description: String { Self.format(year, month, day) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let weekday = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (3 from Monday)
        return (weekday < 0 ? weekday + 7 : weekday) + 1
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`, written digit by digit: every night of every booking is formatted for storage, and ten
    /// ASCII bytes make a small string that needs no allocation.
    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        guard (0...9999).contains(year) else {
            return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        }
        // Written straight into the string (ten ASCII bytes fit a small string: no allocation at all).
        let zero = UInt8(ascii: "0")
        let dash = UInt8(ascii: "-")
        return String(unsafeUninitializedCapacity: 10) { bytes in
            bytes[0] = zero + UInt8(year / 1000)
            bytes[1] = zero + UInt8(year / 100 % 10)
            bytes[2] = zero + UInt8(year / 10 % 10)
            bytes[3] = zero + UInt8(year % 10)
            bytes[4] = dash
            bytes[5] = zero + UInt8(month / 10)
            bytes[6] = zero + UInt8(month % 10)
            bytes[7] = dash
            bytes[8] = zero + UInt8(day / 10)
            bytes[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An inclusive range of nights, as in `--from 2027-03-01 --to 2027-03-14` (14 nights) or a season.
///
/// Rule: `first` ≤ `last`; both nights are included. Example: 2027-05-01…2027-05-04 has 4 nights.
public struct NightRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public let first: CalendarDate
    public let last: CalendarDate

    public init(first: CalendarDate, last: CalendarDate) throws {
        guard first <= last else {
            throw DomainError.invalid("night range \(first)…\(last) ends before it starts; the last night must be on or after \(first)")
        }
        self.first = first
        self.last = last
    }

    /// For callers that have already established `first <= last`.
    init(checkedFirst first: CalendarDate, last: CalendarDate) {
        self.first = first
        self.last = last
    }

    public var count: Int { first.days(until: last) + 1 }
    public var nights: StrideThrough<CalendarDate> { stride(from: first, through: last, by: 1) }
    public func contains(_ night: CalendarDate) -> Bool { first <= night && night <= last }
    public func overlaps(_ other: NightRange) -> Bool { first <= other.last && other.first <= last }
    public var description: String { "\(first)…\(last)" }
}
