import CSV
import Foundation
import HotelDomain

/// Reads a group's rooming list, the CSV file of `hotelsales groups rooming-list GROUP FILE.csv`.
///
/// Rules:
/// - UTF-8 text (a leading byte-order mark is ignored), RFC 4180 quoting, LF or CRLF line ends; spaces around a
///   field are trimmed; blank lines are skipped; each row is one line, so the line numbers are the file's.
/// - The first line names the columns, in any order: `guest`, `arrival`, `departure`, `room_type` (required)
///   and `sharer`, `vip`, `requests` (optional). Case is ignored and `guest name`, `room type`, `vip level`,
///   `special requests` are read as the same columns; any other column is refused.
/// - One room per line: dates strictly `YYYY-MM-DD` with the departure after the arrival, codes as `Code`.
///   Empty `sharer`, `vip` and `requests` fields mean none.
///
/// A malformed line refuses the whole file: `DomainError.invalid` naming the file, the line and the value,
/// e.g. `TECH27-rooming.csv line 4: date "2027-05-32" does not exist; use a real calendar date as YYYY-MM-DD`.
///
/// Example:
/// ```
/// guest,arrival,departure,room_type,sharer,vip,requests
/// Chen Li,2027-05-01,2027-05-05,DLX,Wang Fang,V2,high floor
/// ```
public enum RoomingListFile {
    public static let requiredColumns = ["guest", "arrival", "departure", "room_type"]
    public static let optionalColumns = ["sharer", "vip", "requests"]

    private static let aliases = [
        "guest_name": "guest", "name": "guest", "room": "room_type", "roomtype": "room_type", "vip_level": "vip",
        "special_requests": "requests", "request": "requests", "shares_with": "sharer",
    ]

    /// Reads the rooming list at `path`. A file that cannot be read is `DomainError.notFound`.
    public static func load(path: String) throws -> [RoomingListEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DomainError.notFound("file \(path) cannot be read; give the path of an existing CSV file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DomainError.invalid("file \(path) is not UTF-8 text; save it as UTF-8")
        }
        return try parse(text, name: (path as NSString).lastPathComponent)
    }

    /// Reads rooming-list lines from CSV text; `name` stands for the file in error messages.
    public static func parse(_ text: String, name: String = "rooming list") throws -> [RoomingListEntry] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let columnsText = (requiredColumns + optionalColumns).joined(separator: ",")
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: true, trimFields: true)
        } catch {
            throw DomainError.invalid("\(name) is empty; its first line must name the columns \(columnsText)")
        }
        let header = (reader.headerRow ?? []).map(normalized)
        var index: [String: Int] = [:]
        for (position, column) in header.enumerated() {
            guard requiredColumns.contains(column) || optionalColumns.contains(column) else {
                throw DomainError.invalid(
                    "\(name) line 1: column \"\(reader.headerRow?[position] ?? column)\" is not a rooming-list column; use \(columnsText)"
                )
            }
            guard index[column] == nil else {
                throw DomainError.invalid("\(name) line 1: column \"\(column)\" is named twice; name each column once")
            }
            index[column] = position
        }
        let missing = requiredColumns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw DomainError.invalid(
                "\(name) line 1: missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); the header must name \(columnsText)"
            )
        }
        var line = 1
        var entries: [RoomingListEntry] = []
        while let fields = reader.next() {
            line += 1
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count == header.count else {
                throw DomainError.invalid(
                    "\(name) line \(line): has \(fields.count) fields but the header names \(header.count) columns")
            }
            func field(_ column: String) -> String? {
                guard let position = index[column] else { return nil }
                let value = fields[position]
                return value.isEmpty ? nil : value
            }
            do {
                guard !fields.contains(where: { $0.contains(where: \.isNewline) }) else {
                    throw DomainError.invalid("a field spans lines; write each guest on one line")
                }
                let arrival = try CalendarDate(parsing: field("arrival") ?? "")
                let departure = try CalendarDate(parsing: field("departure") ?? "")
                entries.append(
                    try RoomingListEntry(
                        line: line, guestName: field("guest") ?? "", stay: Stay(arrival: arrival, departure: departure),
                        roomType: Code(field("room_type") ?? "", of: "room type"), sharer: field("sharer"),
                        vipLevel: try field("vip").map { try Code($0, of: "VIP level") },
                        specialRequests: field("requests")))
            } catch let error as DomainError {
                throw DomainError.invalid("\(name) line \(line): \(error.description)")
            }
        }
        if let error = reader.error {
            throw DomainError.invalid("\(name) cannot be read as CSV near line \(line): \(error)")
        }
        guard !entries.isEmpty else {
            throw DomainError.invalid("\(name) has no guests; add one line per guest after the header")
        }
        return entries
    }

    private static func normalized(_ column: String) -> String {
        let key = column.lowercased().trimmingWhitespace.replacingOccurrences(of: " ", with: "_")
            .replacingOccurrences(of: "-", with: "_")
        return aliases[key] ?? key
    }
}
