import CSV
import Foundation
import HotelDomain

/// Reads an intermediary's commission statement, the CSV file of `hotelsales commissions check --statement`.
///
/// Rules:
/// - UTF-8 text (a leading byte-order mark is ignored), RFC 4180 quoting, LF or CRLF line ends, spaces around
///   fields trimmed, blank lines skipped; the line numbers in messages are the file's (the header is line 1).
/// - The header names the columns `booking_reference`, `guest`, `arrival`, `departure`, `room_revenue`,
///   `commission_claimed` and `currency`, in any order; a missing, repeated or unknown column refuses the
///   whole file, as does a file with no data rows.
/// - Each data line: the hotel's confirmation number or the channel's reservation id; the guest's name;
///   arrival and departure as `YYYY-MM-DD` (departure after arrival); room revenue and commission claimed as
///   decimal amounts of 0 or more with at most the currency's decimals (`1250.00`, never `1,250.00` or
///   `1250,00`); an ISO 4217 currency code. A line that breaks a rule is returned as malformed, with its line
///   number and the reason, and the other lines are still read.
///
/// Example:
/// ```
/// booking_reference,guest,arrival,departure,room_revenue,commission_claimed,currency
/// SHBUND-0000001,Chen Li,2027-05-10,2027-05-13,2207.55,220.76,CNY
/// ```
public enum CommissionStatementFile {
    /// The column names, in the documented order.
    public static let columns = [
        "booking_reference", "guest", "arrival", "departure", "room_revenue", "commission_claimed", "currency",
    ]

    /// Reads the statement at `path`; an unreadable file is `DomainError.notFound`, a bad header or an empty
    /// file `DomainError.invalid`.
    public static func load(path: String) throws -> [CommissionStatementLine] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DomainError.notFound("file \(path) cannot be read; give the path of an existing CSV statement")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DomainError.invalid("file \(path) is not UTF-8 text; save the statement as UTF-8")
        }
        return try parse(text, name: path)
    }

    /// Reads statement lines from CSV text; `name` stands for the file in messages.
    public static func parse(_ text: String, name: String = "statement") throws -> [CommissionStatementLine] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let header = "the first line must name the columns \(columns.joined(separator: ","))"
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: true, trimFields: true)
        } catch {
            throw DomainError.invalid("\(name) is empty or not CSV; \(header)")
        }
        let names = (reader.headerRow ?? []).map { $0.lowercased() }
        var index: [String: Int] = [:]
        for (position, column) in names.enumerated() {
            guard columns.contains(column) else {
                throw DomainError.invalid(
                    "\(name) line 1: column \"\(column)\" is not a statement column; \(header), in any order")
            }
            guard index[column] == nil else {
                throw DomainError.invalid("\(name) line 1: column \"\(column)\" is named twice; name each column once")
            }
            index[column] = position
        }
        let missing = columns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw DomainError.invalid(
                "\(name) line 1: missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); \(header)"
            )
        }
        var lines: [CommissionStatementLine] = []
        var number = 1
        while let fields = reader.next() {
            number += 1
            if fields.allSatisfy(\.isEmpty) { continue }
            lines.append(line(fields, number: number, index: index, count: names.count))
        }
        if let error = reader.error {
            throw DomainError.invalid("\(name) cannot be read as CSV near line \(number): \(error)")
        }
        guard !lines.isEmpty else {
            throw DomainError.invalid("\(name) has no claim lines; add one line per booking after the header")
        }
        return lines
    }

    private static func line(_ fields: [String], number: Int, index: [String: Int], count: Int)
        -> CommissionStatementLine
    {
        func field(_ column: String) -> String {
            guard let position = index[column], position < fields.count else { return "" }
            return fields[position]
        }
        let reference = field("booking_reference")
        let guest = field("guest")
        func malformed(_ problem: String) -> CommissionStatementLine {
            .malformed(line: number, reference: reference, guest: guest, problem: problem)
        }
        guard fields.count == count else {
            return malformed("has \(fields.count) fields but the header names \(count) columns")
        }
        if let position = fields.firstIndex(where: { $0.contains(where: \.isNewline) }) {
            return malformed(
                "the field \"\(fields[position].split(whereSeparator: \.isNewline).first ?? "")…\" spans lines; write each claim on one line"
            )
        }
        guard !reference.isEmpty else {
            return malformed(
                "booking_reference is empty; give the hotel's confirmation number or the channel's reservation id")
        }
        // Each value's error names its column, so the reader of the report can find it in the line.
        func value<T>(_ column: String, _ parse: (String) throws -> T) throws -> T {
            do {
                return try parse(field(column))
            } catch let error as DomainError {
                throw DomainError.invalid("\(column): \(error.description)")
            }
        }
        do {
            let currency = try value("currency") { try Currency($0.uppercased()) }
            let arrival = try value("arrival", CalendarDate.init(parsing:))
            let departure = try value("departure", CalendarDate.init(parsing:))
            guard arrival < departure else {
                return malformed(
                    "departure \(departure) is not after arrival \(arrival); a stay needs at least one night")
            }
            let revenue = try value("room_revenue") { try Money(parsing: $0, currency: currency) }
            let claimed = try value("commission_claimed") { try Money(parsing: $0, currency: currency) }
            guard revenue.minorUnits >= 0, claimed.minorUnits >= 0 else {
                return malformed(
                    "amounts must be 0 or more; room_revenue \(revenue.decimalText), commission_claimed \(claimed.decimalText)"
                )
            }
            let claim = CommissionClaim(
                line: number, reference: reference, guest: guest, arrival: arrival, departure: departure,
                roomRevenue: revenue, claimed: claimed)
            return .claim(claim, currency: currency)
        } catch let error as DomainError {
            return malformed(error.description)
        } catch {
            return malformed("\(error)")
        }
    }
}
