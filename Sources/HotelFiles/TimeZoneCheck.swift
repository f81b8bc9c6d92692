import Foundation

/// Whether a time-zone identifier is one the system's time-zone database knows.
public enum TimeZoneCheck {
    public static func isKnown(_ identifier: String) -> Bool { TimeZone(identifier: identifier) != nil }

    /// Today's calendar date in the hotel's time zone, as `YYYY-MM-DD`.
    public static func today(in identifier: String, now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        let year = parts.year ?? 1970
        let month = parts.month ?? 1
        let day = parts.day ?? 1
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
