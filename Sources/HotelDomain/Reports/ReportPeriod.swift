/// A reporting period: a calendar month (`2027-03`), a quarter (`2027-Q1`) or a year (`2027`).
///
/// Rule: the nights of the period are its first to its last calendar day, both included; months run 01–12 and
/// quarters Q1–Q4, so `2027-13` and `2027-Q5` are refused. Example: `2027-Q1` is 2027-01-01…2027-03-31 (90 nights);
/// its last year is `2026-Q1`.
public struct ReportPeriod: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case month, quarter, year }

    public let kind: Kind
    public let year: Int
    /// Month 1–12, quarter 1–4, or 1 for a year.
    public let index: Int

    public init(parsing text: String) throws {
        let valid = "write a month 2027-03, a quarter 2027-Q1 or a year 2027"
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                guard bytes[index] >= 48, bytes[index] <= 57 else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard bytes.count >= 4, let year = digits(0..<4), year >= 1 else {
            throw DomainError.invalid("period \"\(text)\" is not a period; \(valid)")
        }
        if bytes.count == 4 {
            self.init(checked: .year, year: year, index: 1)
        } else if bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "Q") || bytes[5] == UInt8(ascii: "q"),
            let quarter = digits(6..<7)
        {
            guard (1...4).contains(quarter) else {
                throw DomainError.invalid("period \"\(text)\" has no quarter Q\(quarter); quarters are Q1 to Q4")
            }
            self.init(checked: .quarter, year: year, index: quarter)
        } else if bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let month = digits(5..<7) {
            guard (1...12).contains(month) else {
                throw DomainError.invalid("period \"\(text)\" has no month \(month); months are 01 to 12")
            }
            self.init(checked: .month, year: year, index: month)
        } else {
            throw DomainError.invalid("period \"\(text)\" is not a period; \(valid)")
        }
    }

    init(checked kind: Kind, year: Int, index: Int) {
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// The first and last night of the period, both included.
    public var nights: NightRange {
        let (firstMonth, lastMonth): (Int, Int) =
            switch kind {
            case .month: (index, index)
            case .quarter: (index * 3 - 2, index * 3)
            case .year: (1, 12)
            }
        // Months 1–12 of a year ≥ 1 are real dates.
        let first = (try? CalendarDate(year: year, month: firstMonth, day: 1)) ?? CalendarDate(dayNumber: 0)
        let lastDay = CalendarDate.daysIn(month: lastMonth, year: year)
        let last = (try? CalendarDate(year: year, month: lastMonth, day: lastDay)) ?? first
        return NightRange(checkedFirst: first, last: last)
    }

    /// The same period one year earlier (`--compare last-year`).
    public var lastYear: ReportPeriod { ReportPeriod(checked: kind, year: year - 1, index: index) }

    /// `2027-03`, `2027-Q1`, `2027`.
    public var description: String {
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        switch kind {
        case .month: return "\(yearText)-\(index < 10 ? "0" : "")\(index)"
        case .quarter: return "\(yearText)-Q\(index)"
        case .year: return yearText
        }
    }
}
