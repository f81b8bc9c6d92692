import Foundation

/// A list or report as rows of typed cells, rendered as an aligned table, RFC 4180 CSV or JSON.
///
/// Rule: CSV and JSON carry machine values (amounts as decimal text plus integer minor units where a
/// column says so); the table is for people. JSON is an array of objects keyed by the column keys.
struct Table {
    struct Column {
        var key: String
        var title: String
        var alignRight = false
    }

    enum Cell {
        case text(String?)
        case integer(Int64?)
        case bool(Bool)

        var display: String {
            switch self {
            case .text(let value): value ?? ""
            case .integer(let value): value.map(String.init) ?? ""
            case .bool(let value): value ? "yes" : "no"
            }
        }

        var json: Any {
            switch self {
            case .text(let value): value.map { $0 as Any } ?? NSNull()
            case .integer(let value): value.map { $0 as Any } ?? NSNull()
            case .bool(let value): value
            }
        }
    }

    var columns: [Column]
    var rows: [[Cell]] = []

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: renderTable()
        case .csv: renderCSV()
        case .json: Self.json(rows.map { row in Dictionary(uniqueKeysWithValues: zip(columns.map(\.key), row.map(\.json))) })
        }
    }

    private func renderTable() -> String {
        let cells = rows.map { $0.map(\.display) }
        let widths = columns.indices.map { index in
            max(columns[index].title.count, cells.map { $0[index].count }.max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            values.indices.map { index in
                let padding = String(repeating: " ", count: widths[index] - values[index].count)
                return columns[index].alignRight ? padding + values[index] : values[index] + padding
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        var lines = [line(columns.map(\.title)), line(widths.map { String(repeating: "-", count: $0) })]
        lines += cells.map(line)
        if rows.isEmpty { lines.append("(none)") }
        return lines.joined(separator: "\n")
    }

    private func renderCSV() -> String {
        var lines = [columns.map { Self.csvField($0.key) }.joined(separator: ",")]
        lines += rows.map { row in row.map { Self.csvField($0.display) }.joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Pretty JSON with sorted keys, so output is stable and diffable.
    static func json(_ object: Any) -> String { JSONText.render(object) }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
