import CSV
import Foundation
import HotelDomain

/// A row of a demand file is a `SuppliedDemand` (HotelDomain).
public typealias DemandRow = SuppliedDemand

/// Reads a supplied demand forecast, the CSV file of `hotelsales yield forecast --demand FILE.csv`.
///
/// Rules:
/// - UTF-8 text (a leading byte-order mark is ignored), RFC 4180 quoting, LF or CRLF line ends; spaces around a
///   field are trimmed; blank lines are skipped; each row is one line (a quoted field with a line break is
///   refused), so the line numbers in errors are the file's.
/// - The first line names the columns `date`, `room_type`, `rate_plan`, `mean` and `sd`, in any order. A missing
///   column, a column named twice and any other column are refused: a file written for another purpose (say with
///   a `fare` column) is not half-read.
/// - Then one row per night, room type and rate plan: `date` strictly `YYYY-MM-DD`, codes as `Code`, `mean` and
///   `sd` written as plain decimals (`12`, `12.5`, `-3` is read and then refused as negative; `1,5`, `1e3`,
///   `nan`, `inf` and empty fields are refused), 0 or more. A repeated (date, room_type, rate_plan) is refused.
/// - A file without data rows is refused.
///
/// Every refusal is one `DomainError.invalid` line naming the file, the line number and the value, e.g.
/// `demand.csv line 4: 2027-03-01 DLX BAR: demand mean -3.0 is negative; a mean must be 0 or more`.
///
/// Example:
/// ```
/// date,room_type,rate_plan,mean,sd
/// 2027-03-01,DLX,BAR,12.5,4.0
/// 2027-03-01,DLX,CORP,20,6.5
/// ```
public enum DemandFile {
    /// The column names, in the order the documentation lists them.
    public static let columns = ["date", "room_type", "rate_plan", "mean", "sd"]

    /// Reads and checks the demand file at `path`, returning its rows in file order.
    ///
    /// A file that cannot be read is `DomainError.notFound`; anything wrong inside it is `DomainError.invalid`
    /// with its line number. Example: `try DemandFile.load(path: "demand-2027-03.csv").count`.
    public static func load(path: String) throws -> [DemandRow] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DomainError.notFound("file \(path) cannot be read; give the path of an existing CSV file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DomainError.invalid("file \(path) is not UTF-8 text; save it as UTF-8")
        }
        return try parse(text, name: path)
    }

    /// Reads demand rows from CSV text; `name` stands for the file in error messages.
    ///
    /// Same rules as `load(path:)`. Example: `try DemandFile.parse("date,room_type,rate_plan,mean,sd\n2027-03-01,DLX,BAR,12.5,4\n")`.
    public static func parse(_ text: String, name: String = "demand file") throws -> [DemandRow] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        func refuse(_ line: Int, _ message: String) -> DomainError {
            DomainError.invalid("\(name) line \(line): \(message)")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: true, trimFields: true)
        } catch {
            throw DomainError.invalid(
                "\(name) is empty; its first line must name the columns \(columns.joined(separator: ","))")
        }
        let header = reader.headerRow ?? []
        guard header != [""] else {
            throw DomainError.invalid(
                "\(name) line 1 is blank; the first line must name the columns \(columns.joined(separator: ","))")
        }
        let indexes = try columnIndexes(header, name: name)
        var line = 1
        var rows: [DemandRow] = []
        var firstLine: [Key: Int] = [:]
        while let fields = reader.next() {
            line += 1
            if fields.count == 1 && fields[0].isEmpty { continue }
            guard fields.count == header.count else {
                throw refuse(
                    line,
                    "has \(fields.count) fields but the header names \(header.count) columns; "
                        + "give \(columns.joined(separator: ",")) on every line")
            }
            if let index = fields.firstIndex(where: { $0.contains(where: \.isNewline) }) {
                throw refuse(
                    line,
                    "the \(header[index]) field \"\(shown(fields[index]))\" spans lines; write each row on one line")
            }
            let row: DemandRow
            do {
                row = try self.row(fields, indexes)
            } catch let error as DomainError {
                throw refuse(line, error.description)
            } catch let error as YieldInputError {
                throw refuse(line, error.description)
            }
            let key = Key(night: row.night, roomType: row.roomType, ratePlan: row.ratePlan)
            if let earlier = firstLine[key] {
                throw refuse(
                    line,
                    "\(row.night) \(row.roomType) \(row.ratePlan) repeats line \(earlier); "
                        + "give one row per night, room type and rate plan")
            }
            firstLine[key] = line
            rows.append(row)
        }
        if let error = reader.error {
            throw DomainError.invalid("\(name) cannot be read as CSV near line \(line): \(error)")
        }
        guard !rows.isEmpty else {
            throw DomainError.invalid(
                "\(name) has no data rows; add one line per night, room type and rate plan after the header")
        }
        return rows
    }

    private struct Key: Hashable {
        var night: CalendarDate
        var roomType: Code
        var ratePlan: Code
    }

    private struct ColumnIndexes {
        var date: Int
        var roomType: Int
        var ratePlan: Int
        var mean: Int
        var sd: Int
    }

    private static func columnIndexes(_ header: [String], name: String) throws -> ColumnIndexes {
        var seen: [String: Int] = [:]
        for (index, column) in header.enumerated() {
            guard columns.contains(column) else {
                throw DomainError.invalid(
                    "\(name) line 1: column \"\(shown(column))\" is not a demand column; "
                        + "use exactly \(columns.joined(separator: ",")) in any order")
            }
            guard seen[column] == nil else {
                throw DomainError.invalid(
                    "\(name) line 1: column \"\(shown(column))\" is named twice; name each column once")
            }
            seen[column] = index
        }
        guard let date = seen["date"], let roomType = seen["room_type"], let ratePlan = seen["rate_plan"],
            let mean = seen["mean"], let sd = seen["sd"]
        else {
            let missing = columns.filter { seen[$0] == nil }
            throw DomainError.invalid(
                "\(name) line 1: missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); "
                    + "the header must name \(columns.joined(separator: ","))")
        }
        return ColumnIndexes(date: date, roomType: roomType, ratePlan: ratePlan, mean: mean, sd: sd)
    }

    private static func row(_ fields: [String], _ indexes: ColumnIndexes) throws -> DemandRow {
        let night = try CalendarDate(parsing: fields[indexes.date])
        let roomType = try Code(fields[indexes.roomType], of: "room type")
        let ratePlan = try Code(fields[indexes.ratePlan], of: "rate plan")
        let mean = try number(fields[indexes.mean], column: "mean")
        let sd = try number(fields[indexes.sd], column: "sd")
        let checked = try SuppliedDemandForecast(
            night: night, roomType: roomType, ratePlan: ratePlan, mean: mean, standardDeviation: sd)
        return DemandRow(
            night: night, roomType: roomType, ratePlan: ratePlan, mean: checked.forecast.mean,
            standardDeviation: checked.forecast.standardDeviation)
    }

    /// A plain decimal: an optional `-`, digits, optionally `.` and more digits. Nothing else reaches `Double`.
    static func number(_ text: String, column: String) throws -> Double {
        let bytes = Array(text.utf8)
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
        let integerStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        var wellFormed = index > integerStart
        if wellFormed, index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            wellFormed = index > fractionStart
        }
        guard wellFormed, index == bytes.count, let value = Double(text), value.isFinite else {
            throw DomainError.invalid(
                "\(column) \"\(text)\" is not a number of rooms; write a plain decimal such as 12 or 12.5")
        }
        return value == 0 ? 0 : value  // -0 reads as 0
    }

    /// A value as it can be shown in a one-line message: line breaks written `\n` and `\r`.
    private static func shown(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
