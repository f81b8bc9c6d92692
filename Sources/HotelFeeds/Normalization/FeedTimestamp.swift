import HotelDomain

/// An instant written in a feed as an ISO 8601 / XML Schema date-time, e.g. `2022-10-03T10:21:03+02:00`.
///
/// Rule: `YYYY-MM-DDThh:mm:ss`, optionally a point and fraction digits (milliseconds are kept, finer digits
/// dropped), then `Z`, an offset `±hh:mm`, or nothing, which is read as UTC (OpenTravel's own sample 08 writes
/// `2011-11-06T10:25:30`). Computed with integer arithmetic from `CalendarDate.dayNumber`; no `DateFormatter`.
/// Example: `2022-10-03T10:21:03+02:00` is 1_664_785_263_000 ms after 1970-01-01T00:00:00Z.
struct FeedTimestamp: Hashable, Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z (negative before it).
    let millisecondsSince1970: Int64

    /// Reads `text`; anything else than the form above (a date alone, `24:00:00`, a leap second, `+2:00`) is
    /// refused with a sentence naming `attribute`.
    init(parsing text: String, attribute: String) throws(RecordProblem) {
        let bytes = Array(text.utf8)
        // Spelled only when refusing (two timestamps per booking otherwise built the sentence).
        var problem: RecordProblem {
            RecordProblem(
                "\(attribute) \"\(text)\" is not a date and time; write YYYY-MM-DDThh:mm:ss with an optional fraction "
                    + "and Z or an offset, e.g. 2027-03-01T10:21:03+02:00")
        }
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for index in start..<(start + count) {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ index: Int, is characters: String) -> Bool {
            index < bytes.count && characters.utf8.contains(bytes[index])
        }
        guard bytes.count >= 19, byte(4, is: "-"), byte(7, is: "-"), byte(10, is: "Tt"), byte(13, is: ":"),
            byte(16, is: ":"), let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2), hour < 24, minute < 60,
            second < 60, let date = try? CalendarDate(year: year, month: month, day: day)
        else { throw problem }

        var index = 19
        var milliseconds = 0
        if byte(index, is: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 3 { milliseconds = milliseconds * 10 + Int(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { throw problem }
            for _ in digits..<max(digits, 3) { milliseconds *= 10 }
        }

        var offsetSeconds = 0
        if index == bytes.count {
            offsetSeconds = 0
        } else if byte(index, is: "Zz"), index + 1 == bytes.count {
            offsetSeconds = 0
        } else if byte(index, is: "+-"), bytes.count == index + 6, byte(index + 3, is: ":"),
            let hours = number(index + 1, 2), let minutes = number(index + 4, 2), hours <= 14, minutes < 60
        {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        } else {
            throw problem
        }

        let seconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        millisecondsSince1970 = seconds * 1000 + Int64(milliseconds)
    }
}
