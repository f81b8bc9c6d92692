import ArgumentParser
import Foundation
import HotelDomain
import HotelStore

struct ReportsHTML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "One self-contained HTML page with SVG charts: production by segment, target attainment, channel net revenue, occupancy and ADR by night.",
        discussion: """
            The page has no scripts, no external fonts or images: it opens in a browser with no network access.
            Render it to PNG with scripts/render-report.sh (headless Chromium).
            Example: hotelsales reports html --period 2027-Q1 --out report.html
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "2027-03, 2027-Q1 or 2027.") var period: String
    @Option(help: "The HTML file to write.") var out: String

    func run() throws {
        let reportPeriod = try ReportPeriod(parsing: period)
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try global.currentDate(for: hotel)
        let page = ReportPage(
            hotel: hotel, period: reportPeriod, today: today,
            segments: try database.productionReport(by: .segment, period: reportPeriod, today: today, compareLastYear: true),
            targets: try database.targetReport(period: reportPeriod, today: today),
            channels: try database.channelReport(period: reportPeriod, today: today),
            nights: try database.dailyReport(
                from: reportPeriod.nights.first, to: reportPeriod.nights.last, pickupSince: today.adding(days: -7), today: today))
        try FileOutput.write(page.html, to: out)
        Console.out("Wrote \(out): production by segment, \(page.targets.count) targets, \(page.channels.count) channels, \(page.nights.count) nights.")
    }
}

/// The HTML page of `reports html`: tables and hand-written SVG charts, inline CSS, no scripts.
struct ReportPage {
    let hotel: Hotel
    let period: ReportPeriod
    let today: CalendarDate
    let segments: ProductionReport
    let targets: [TargetAttainment]
    let channels: [ChannelLine]
    let nights: [DailyLine]

    var html: String {
        let title = "\(hotel.name): sales report \(period)"
        let taxNote = segments.taxRate.value == 0 ? "revenue as stored (no tax rate set)" : "revenue net of \(segments.taxRate) tax"
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(Self.escape(title))</title>
            <style>
            body{font-family:sans-serif;margin:24px;color:#222;max-width:1000px}
            h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;font-size:12px;margin-top:8px}td,th{padding:3px 8px;border-bottom:1px solid #eee}
            td.n,th.n{text-align:right}svg{display:block;margin-top:8px}.note{color:#666;font-size:12px}
            </style></head><body>
            <h1>\(Self.escape(title))</h1>
            <p class="note">Nights \(period.nights.first) to \(period.nights.last); today \(today): stayed nights before it, on the books from it; cancellations and no-shows excluded; \(taxNote), \(hotel.currency.code).</p>
            <h2>Production by segment</h2>
            \(barChart(segments.lines.map { ($0.key, $0.revenue.minorUnits, $0.lastYearRevenue?.minorUnits) }, colour: "#2f6db5", secondColour: "#b8c9e0", legend: ("this year", "last year")))
            \(table(["Segment", "Room-nights", "Revenue", "ADR", "Last year", "No-shows"], segments.lines.map { [$0.key, "\($0.roomNights)", $0.revenue.decimalText, $0.averageRate.decimalText, $0.lastYearRevenue?.decimalText ?? "", "\($0.noShows)"] }))
            <h2>Target attainment</h2>
            \(targets.isEmpty ? "<p class=\"note\">No targets set for \(period) (targets set …).</p>" : attainmentChart())
            \(table(["Target", "Room-nights", "Achieved", "Revenue", "Achieved"], targets.map { ["\($0.target.dimension.rawValue) \($0.target.key)", "\($0.actualRoomNights) / \($0.target.roomNights)", String.percent($0.roomNightsAchieved), "\($0.actualRevenue.decimalText) / \($0.target.revenue.decimalText)", String.percent($0.revenueAchieved)] }))
            <h2>Channel net revenue</h2>
            \(barChart(channels.map { ($0.channel, $0.netRevenue.minorUnits, nil) }, colour: "#3c8d5a", secondColour: nil, legend: nil))
            \(table(["Channel", "Bookings", "Room-nights", "Gross", "Commission", "Net", "ADR", "Cancelled"], channels.map { [$0.channel, "\($0.bookings)", "\($0.roomNights)", $0.grossRevenue.decimalText, $0.commission.decimalText, $0.netRevenue.decimalText, $0.averageRate.decimalText, String.percent($0.cancellationRate)] }))
            <h2>Occupancy and ADR by night</h2>
            \(nightChart())
            </body></html>

            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    func table(_ headers: [String], _ rows: [[String]]) -> String {
        let head = headers.enumerated().map { "<th\($0.offset == 0 ? "" : " class=\"n\"")>\(Self.escape($0.element))</th>" }.joined()
        let body = rows.map { row in
            "<tr>" + row.enumerated().map { "<td\($0.offset == 0 ? "" : " class=\"n\"")>\(Self.escape($0.element))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return "<table><tr>\(head)</tr>\n\(body)</table>"
    }

    /// Major units of an amount for an axis label, without decimals: 1234567 minor → "12,345".
    func major(_ minor: Int64) -> String {
        let units = minor / hotel.currency.minorPerMajor
        var digits = String(units.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (units < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// Vertical bars per label (and a lighter comparison bar), scaled to the largest value.
    func barChart(_ bars: [(String, Int64, Int64?)], colour: String, secondColour: String?, legend: (String, String)?) -> String {
        guard !bars.isEmpty else { return "<p class=\"note\">Nothing in this period.</p>" }
        let width = 900
        let height = 260
        let left = 70
        let bottom = 40
        let plotHeight = height - bottom - 20
        let maximum = max(1, bars.map { max($0.1, $0.2 ?? 0) }.max() ?? 1)
        let slot = (width - left - 10) / bars.count
        let barWidth = max(4, min(60, slot / (secondColour == nil ? 2 : 3)))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">"
        for step in 0...4 {
            let y = 20 + plotHeight - plotHeight * step / 4
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 10)\" y2=\"\(y)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\">\(major(maximum * Int64(step) / 4))</text>"
        }
        for (index, bar) in bars.enumerated() {
            let x = left + slot * index + (slot - barWidth * (secondColour == nil ? 1 : 2)) / 2
            let h = Int(Int64(plotHeight) * max(0, bar.1) / maximum)
            svg += "<rect x=\"\(x)\" y=\"\(20 + plotHeight - h)\" width=\"\(barWidth)\" height=\"\(h)\" fill=\"\(colour)\"><title>\(Self.escape(bar.0)): \(major(bar.1))</title></rect>"
            if let secondColour, let second = bar.2 {
                let h2 = Int(Int64(plotHeight) * max(0, second) / maximum)
                svg += "<rect x=\"\(x + barWidth)\" y=\"\(20 + plotHeight - h2)\" width=\"\(barWidth)\" height=\"\(h2)\" fill=\"\(secondColour)\"/>"
            }
            svg += "<text x=\"\(left + slot * index + slot / 2)\" y=\"\(height - bottom + 16)\" font-size=\"11\" text-anchor=\"middle\">\(Self.escape(bar.0))</text>"
        }
        if let legend, let secondColour {
            svg += "<rect x=\"\(width - 220)\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(colour)\"/><text x=\"\(width - 206)\" y=\"13\" font-size=\"11\">\(legend.0)</text>"
            svg += "<rect x=\"\(width - 120)\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(secondColour)\"/><text x=\"\(width - 106)\" y=\"13\" font-size=\"11\">\(legend.1)</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars of % achieved (room-nights and revenue) per target, with the 100% line.
    func attainmentChart() -> String {
        let width = 900
        let row = 34
        let left = 220
        let scale = 150  // the chart spans 0–150%
        let plot = width - left - 60
        let height = 30 + row * targets.count
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">"
        let hundred = left + plot * 100 / scale
        svg += "<line x1=\"\(hundred)\" y1=\"10\" x2=\"\(hundred)\" y2=\"\(height - 4)\" stroke=\"#c33\" stroke-dasharray=\"4 3\"/>"
        svg += "<text x=\"\(hundred)\" y=\"9\" font-size=\"11\" text-anchor=\"middle\">100%</text>"
        for (index, line) in targets.enumerated() {
            let y = 20 + row * index
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 16)\" font-size=\"12\" text-anchor=\"end\">\(Self.escape("\(line.target.dimension.rawValue) \(line.target.key)"))</text>"
            for (offset, value, colour) in [(0, line.roomNightsAchieved, "#2f6db5"), (14, line.revenueAchieved, "#e08a2c")] {
                let percent = (value?.value ?? 0) / 100
                let w = plot * min(percent, scale) / scale
                svg += "<rect x=\"\(left)\" y=\"\(y + offset)\" width=\"\(w)\" height=\"12\" fill=\"\(colour)\"/>"
                svg += "<text x=\"\(left + w + 4)\" y=\"\(y + offset + 10)\" font-size=\"10\">\(String.percent(value))</text>"
            }
        }
        return svg + "</svg><p class=\"note\">Blue: room-nights; orange: revenue (stayed + on the books).</p>"
    }

    /// Occupancy (bars, left axis 0–100%) and ADR (line, right axis) per night.
    func nightChart() -> String {
        guard !nights.isEmpty else { return "" }
        let width = 900
        let height = 280
        let left = 50
        let right = 70
        let top = 20
        let bottom = 40
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let maximumRate = max(1, nights.map(\.averageRate.minorUnits).max() ?? 1)
        let step = Double(plotWidth) / Double(nights.count)  // layout only; no money is a Double
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">"
        for tick in 0...4 {
            let y = top + plotHeight - plotHeight * tick / 4
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - right)\" y2=\"\(y)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\">\(tick * 25)%</text>"
            svg += "<text x=\"\(width - right + 6)\" y=\"\(y + 4)\" font-size=\"11\">\(major(maximumRate * Int64(tick) / 4))</text>"
        }
        // The ADR line has a gap on nights with nothing sold (no ADR), rather than a drop to 0.
        var segments: [[String]] = [[]]
        for (index, night) in nights.enumerated() {
            let x = Double(left) + step * Double(index)
            let h = plotHeight * min(10_000, night.occupancy.value) / 10_000
            svg += "<rect x=\"\(Self.fixed(x + step * 0.1))\" y=\"\(top + plotHeight - h)\" width=\"\(Self.fixed(max(1, step * 0.8)))\" height=\"\(h)\" fill=\"#9cc3e6\"><title>\(night.night): \(night.occupancy), ADR \(night.averageRate.decimalText)</title></rect>"
            if night.averageRate.minorUnits > 0 {
                let y = top + plotHeight - Int(Int64(plotHeight) * night.averageRate.minorUnits / maximumRate)
                segments[segments.count - 1].append("\(Self.fixed(x + step / 2)),\(y)")
            } else if !(segments.last?.isEmpty ?? true) {
                segments.append([])
            }
            if nights.count <= 31 || night.night.day == 1 {
                svg += "<text x=\"\(Self.fixed(x + step / 2))\" y=\"\(height - bottom + 14)\" font-size=\"10\" text-anchor=\"middle\">\(nights.count <= 31 ? String(night.night.day) : String(night.night.description.prefix(7)))</text>"
            }
        }
        for points in segments where !points.isEmpty {
            if points.count == 1, let point = points.first?.split(separator: ",") {
                svg += "<circle cx=\"\(point[0])\" cy=\"\(point[1])\" r=\"2.5\" fill=\"#c0392b\"/>"
            } else {
                svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"/>"
            }
        }
        svg += "<text x=\"\(left)\" y=\"12\" font-size=\"11\" fill=\"#4a7fb0\">occupancy (bars, left)</text>"
        svg += "<text x=\"\(width - right)\" y=\"12\" font-size=\"11\" fill=\"#c0392b\" text-anchor=\"end\">ADR \(hotel.currency.code) (line, right)</text>"
        return svg + "</svg>"
    }

    /// A coordinate with one decimal ("12.3"): layout only, never money.
    static func fixed(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
