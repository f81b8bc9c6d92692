import GRDB
import HotelDomain

/// A production report: its lines by the chosen dimension, and the tax rate its revenue is net of.
public struct ProductionReport: Sendable {
    public var period: ReportPeriod
    public var dimension: ProductionDimension
    public var lines: [ProductionLine]
    public var taxRate: BasisPoints
    public var comparesLastYear: Bool
}

extension AppDatabase {
    /// Nights that count as production (see `ProductionRule`): stayed before today, on the books from today.
    /// Expects the aliases `r` (reservation) and `n` (reservation_night) and one argument: today.
    static let countedNightSQL = """
        (r.status IN ('checked-in', 'checked-out') OR (r.status IN ('tentative', 'confirmed') AND n.night >= ?))
        """

    static func keySQL(_ dimension: ProductionDimension) -> String {
        switch dimension {
        case .company: "COALESCE(r.company_code, '(none)')"
        case .channel: "COALESCE(r.channel_code, UPPER(r.source))"
        case .segment: "COALESCE(c.segment, '(none)')"
        case .salesOwner: "COALESCE(c.sales_owner, '(none)')"
        case .ratePlan: "n.rate_plan_code"
        }
    }

    /// Room-nights and revenue (net of tax) by company, channel, segment, sales owner or rate plan for a period,
    /// with no-shows on their own columns and, when asked, the same period a year earlier.
    public func productionReport(
        by dimension: ProductionDimension, period: ReportPeriod, today: CalendarDate, compareLastYear: Bool
    ) throws -> ProductionReport {
        try read { db in
            let hotel = try Self.requireHotel(db)
            let tax = try Self.reportTaxRate(db)
            let current = try Self.production(db, dimension, period.nights, today: today)
            let noShows = try Self.noShows(db, dimension, period.nights)
            let previous = compareLastYear ? try Self.production(db, dimension, period.lastYear.nights, today: today) : [:]
            let keys = Set(current.keys).union(noShows.keys).union(previous.keys).sorted()
            let currency = hotel.currency
            func net(_ minor: Int64) -> Money {
                ProductionRule.netOfTax(Money(minorUnits: minor, currency: currency), taxRate: tax)
            }
            let lines = keys.map { key in
                ProductionLine(
                    key: key, roomNights: current[key]?.roomNights ?? 0, revenue: net(current[key]?.revenue ?? 0),
                    noShows: noShows[key]?.roomNights ?? 0, noShowRevenue: net(noShows[key]?.revenue ?? 0),
                    lastYearRoomNights: compareLastYear ? previous[key]?.roomNights ?? 0 : nil,
                    lastYearRevenue: compareLastYear ? net(previous[key]?.revenue ?? 0) : nil)
            }
            return ProductionReport(period: period, dimension: dimension, lines: lines, taxRate: tax, comparesLastYear: compareLastYear)
        }
    }

    /// The tax rate included in stored prices (set with the commissions' tax-rate setting; 0% when none).
    static func reportTaxRate(_ db: Database) throws -> BasisPoints {
        guard try db.tableExists("commission_setting") else { return BasisPoints(0) }
        return BasisPoints(try Int.fetchOne(db, sql: "SELECT tax_rate_bp FROM commission_setting WHERE id = 1") ?? 0)
    }

    static func production(_ db: Database, _ dimension: ProductionDimension, _ nights: NightRange, today: CalendarDate) throws
        -> [String: (roomNights: Int, revenue: Int64)]
    {
        let join = dimension == .segment || dimension == .salesOwner ? "LEFT JOIN company c ON c.code = r.company_code" : ""
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT \(keySQL(dimension)) AS k, SUM(r.rooms) AS rn, SUM(n.amount_minor * r.rooms) AS revenue
                FROM reservation_night n JOIN reservation r ON r.id = n.reservation_id \(join)
                WHERE n.night BETWEEN ? AND ? AND \(countedNightSQL)
                GROUP BY n.reservation_id\(dimension == .ratePlan ? ", n.rate_plan_code" : "")
                """,
            arguments: [nights.first.description, nights.last.description, today.description])
        // Grouped per reservation in SQL (the scan order, so no sort), then per key here: twice as fast for a year.
        var result: [String: (roomNights: Int, revenue: Int64)] = [:]
        while let row = try rows.next() {
            let key: String = row[0]
            let (roomNights, revenue) = result[key] ?? (0, 0)
            result[key] = (roomNights + (row[1] as Int), revenue + (row[2] as Int64))
        }
        return result
    }

    /// No-show bookings arriving in the period, and their first night (rooms × price): what a hotel charges.
    static func noShows(_ db: Database, _ dimension: ProductionDimension, _ nights: NightRange) throws
        -> [String: (roomNights: Int, revenue: Int64)]
    {
        let join = dimension == .segment || dimension == .salesOwner ? "LEFT JOIN company c ON c.code = r.company_code" : ""
        // `+r.arrival`: scanning the table is faster than a year of arrival-index look-ups.
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT \(keySQL(dimension)) AS k, COUNT(*) AS bookings, SUM(n.amount_minor * r.rooms) AS revenue
                FROM reservation r JOIN reservation_night n ON n.reservation_id = r.id AND n.night = r.arrival \(join)
                WHERE r.status = 'no-show' AND +r.arrival BETWEEN ? AND ?
                GROUP BY k
                """,
            arguments: [nights.first.description, nights.last.description])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["k"], ($0["bookings"], $0["revenue"])) })
    }

    /// Per channel (or source for bookings without a channel) for a period (`reports channels`).
    public func channelReport(period: ReportPeriod, today: CalendarDate) throws -> [ChannelLine] {
        try read { db in
            let hotel = try Self.requireHotel(db)
            let currency = hotel.currency
            let tax = try Self.reportTaxRate(db)
            let nights = period.nights
            var lines: [String: ChannelLine] = [:]
            func line(_ channel: String) -> ChannelLine {
                lines[channel]
                    ?? ChannelLine(
                        channel: channel, bookings: 0, cancelled: 0, leadDays: 0, roomNights: 0, grossRevenue: .zero(currency),
                        commission: .zero(currency))
            }
            let bookings = try Row.fetchAll(
                db,
                sql: """
                    SELECT COALESCE(channel_code, UPPER(source)) AS k, COUNT(*) AS bookings,
                        SUM(status = 'cancelled') AS cancelled,
                        SUM(CAST(julianday(arrival) - julianday(booked_on) AS INTEGER)) AS lead
                    FROM reservation WHERE arrival BETWEEN ? AND ? GROUP BY k
                    """,
                arguments: [nights.first.description, nights.last.description])
            for row in bookings {
                var value = line(row["k"])
                value.bookings = row["bookings"]
                value.cancelled = row["cancelled"]
                value.leadDays = row["lead"]
                lines[value.channel] = value
            }
            let stays = try Row.fetchCursor(
                db,
                sql: """
                    SELECT COALESCE(r.channel_code, UPPER(r.source)) AS k, r.rooms, r.commission_bp, r.commission_minor,
                        CAST(julianday(r.departure) - julianday(r.arrival) AS INTEGER) AS stay_nights,
                        COUNT(*) AS nights, SUM(n.amount_minor) * r.rooms AS revenue
                    FROM reservation_night n JOIN reservation r ON r.id = n.reservation_id
                    WHERE n.night BETWEEN ? AND ? AND \(Self.countedNightSQL)
                    GROUP BY r.id
                    """,
                arguments: [nights.first.description, nights.last.description, today.description])
            while let row = try stays.next() {
                var value = line(row["k"])
                let rooms: Int = row["rooms"]
                let nightsInPeriod: Int = row["nights"]
                let revenue = ProductionRule.netOfTax(Money(minorUnits: row["revenue"], currency: currency), taxRate: tax)
                value.roomNights += rooms * nightsInPeriod
                value.grossRevenue = value.grossRevenue + revenue
                if let share = row["commission_bp"] as Int? {
                    value.commission = value.commission + revenue.share(BasisPoints(share))
                } else if let fixed = row["commission_minor"] as Int64? {
                    // A fixed commission for the stay, spread over its nights.
                    let stayNights = max(1, row["stay_nights"] as Int)
                    value.commission =
                        value.commission
                        + Money(
                            minorUnits: Money.roundedQuotient(fixed * Int64(nightsInPeriod), Int64(stayNights)), currency: currency)
                }
                lines[value.channel] = value
            }
            return lines.values.sorted { $0.channel < $1.channel }
        }
    }

    /// Per night: sellable rooms, rooms sold and revenue (production rule, net of tax), and pickup since a day.
    public func dailyReport(from: CalendarDate, to: CalendarDate, pickupSince: CalendarDate, today: CalendarDate) throws
        -> [DailyLine]
    {
        let range = try NightRange(first: from, last: to)
        guard range.count <= 3_660 else {
            throw DomainError.invalid("the range \(range) has \(range.count) nights; report at most 3660 nights at a time")
        }
        return try read { db in
            let hotel = try Self.requireHotel(db)
            let tax = try Self.reportTaxRate(db)
            var outOfOrder: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT night, SUM(out_of_order) AS ooo FROM inventory_night WHERE night BETWEEN ? AND ? GROUP BY night",
                arguments: [from.description, to.description])
            {
                outOfOrder[row["night"]] = row["ooo"]
            }
            var sold: [String: (Int, Int64, Int)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT n.night, SUM(r.rooms) AS sold, SUM(n.amount_minor * r.rooms) AS revenue,
                        SUM(CASE WHEN r.booked_on >= ? THEN r.rooms ELSE 0 END) AS pickup
                    FROM reservation_night n JOIN reservation r ON r.id = n.reservation_id
                    WHERE n.night BETWEEN ? AND ? AND \(Self.countedNightSQL)
                    GROUP BY n.night
                    """,
                arguments: [pickupSince.description, from.description, to.description, today.description])
            {
                sold[row["night"]] = (row["sold"], row["revenue"], row["pickup"])
            }
            return range.nights.map { night in
                let key = night.description
                let (rooms, revenue, pickup) = sold[key] ?? (0, 0, 0)
                return DailyLine(
                    night: night, sellable: hotel.totalRooms - (outOfOrder[key] ?? 0), sold: rooms,
                    revenue: ProductionRule.netOfTax(Money(minorUnits: revenue, currency: hotel.currency), taxRate: tax),
                    pickup: pickup)
            }
        }
    }

    // MARK: - Targets

    /// The sales owners the hotel knows: the distinct `sales_owner` of its companies.
    public func salesOwners() throws -> [String] {
        try read { db in try Self.salesOwners(db) }
    }

    static func salesOwners(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT sales_owner FROM company WHERE sales_owner IS NOT NULL ORDER BY sales_owner")
    }

    /// Sets (or replaces) a target, audited.
    ///
    /// Rules: a sales owner must own at least one company; a company must exist; revenue is in the hotel's currency.
    public func setTarget(_ target: SalesTarget, by author: ChangeAuthor) throws {
        try write { db in
            let hotel = try Self.requireHotel(db)
            guard target.revenue.currency == hotel.currency else {
                throw DomainError.invalid("target revenue is in \(target.revenue.currency) but hotel \(hotel.code) reports in \(hotel.currency)")
            }
            switch target.dimension {
            case .salesOwner:
                let owners = try Self.salesOwners(db)
                guard owners.contains(target.key) else {
                    throw DomainError.notFound(
                        "sales owner \(target.key) is unknown; sales owners are those of the companies: \(owners.isEmpty ? "none yet (companies add --sales-owner)" : owners.joined(separator: ", "))")
                }
            case .company: _ = try Self.requireCompany(db, try Code(target.key, of: "company code"))
            case .segment: _ = try Segment(parsing: target.key)
            }
            let old = try Row.fetchOne(
                db, sql: "SELECT room_nights, revenue_minor FROM sales_target WHERE dimension = ? AND key = ? AND period = ?",
                arguments: [target.dimension.rawValue, target.key, target.period.description])
            try db.execute(
                sql: """
                    INSERT INTO sales_target (dimension, key, period, room_nights, revenue_minor, currency, set_at, set_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(dimension, key, period) DO UPDATE SET room_nights = excluded.room_nights,
                        revenue_minor = excluded.revenue_minor, set_at = excluded.set_at, set_by = excluded.set_by
                    """,
                arguments: [
                    target.dimension.rawValue, target.key, target.period.description, target.roomNights,
                    target.revenue.minorUnits, target.revenue.currency.code, author.timestamp, author.user,
                ])
            try db.audit(
                author, entity: "sales_target", key: "\(target.dimension.rawValue) \(target.key) \(target.period)",
                action: old == nil ? "set" : "update",
                old: old.map { ["roomNights": String($0["room_nights"] as Int), "revenueMinor": String($0["revenue_minor"] as Int64)] },
                new: ["roomNights": String(target.roomNights), "revenue": target.revenue.description])
        }
    }

    /// The targets of a period with what was stayed and what is on the books (`reports targets`).
    public func targetReport(period: ReportPeriod, today: CalendarDate) throws -> [TargetAttainment] {
        try read { db in
            let hotel = try Self.requireHotel(db)
            let currency = hotel.currency
            let tax = try Self.reportTaxRate(db)
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM sales_target WHERE period = ? ORDER BY dimension, key", arguments: [period.description])
            guard !rows.isEmpty else { return [] }
            let nights = period.nights
            // One pass: room-nights and revenue per owner, company and segment, split at today.
            var actual: [String: (stayedRN: Int, otbRN: Int, stayed: Int64, otb: Int64)] = [:]
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT r.company_code AS company, c.sales_owner AS owner, c.segment AS segment, n.night < ? AS past,
                        SUM(r.rooms) AS rn, SUM(n.amount_minor * r.rooms) AS revenue
                    FROM reservation_night n JOIN reservation r ON r.id = n.reservation_id
                    JOIN company c ON c.code = r.company_code
                    WHERE n.night BETWEEN ? AND ? AND \(Self.countedNightSQL)
                    GROUP BY r.company_code, past
                    """,
                arguments: [today.description, nights.first.description, nights.last.description, today.description])
            while let row = try cursor.next() {
                let past: Bool = row["past"]
                let rn: Int = row["rn"]
                let revenue: Int64 = row["revenue"]
                var keys = ["company \(row["company"] as String)", "segment \(row["segment"] as String)"]
                if let owner = row["owner"] as String? { keys.append("sales-owner \(owner)") }
                for key in keys {
                    var value = actual[key] ?? (0, 0, 0, 0)
                    if past {
                        value.stayedRN += rn
                        value.stayed += revenue
                    } else {
                        value.otbRN += rn
                        value.otb += revenue
                    }
                    actual[key] = value
                }
            }
            return try rows.map { row in
                let dimension = SalesTarget.Dimension(rawValue: row["dimension"]) ?? .company
                let key: String = row["key"]
                let target = try SalesTarget(
                    dimension: dimension, key: key, period: period, roomNights: row["room_nights"],
                    revenue: Money(minorUnits: row["revenue_minor"], currency: currency))
                let value = actual["\(dimension.rawValue) \(key)"] ?? (0, 0, 0, 0)
                return TargetAttainment(
                    target: target, stayedRoomNights: value.stayedRN, onTheBooksRoomNights: value.otbRN,
                    stayedRevenue: ProductionRule.netOfTax(Money(minorUnits: value.stayed, currency: currency), taxRate: tax),
                    onTheBooksRevenue: ProductionRule.netOfTax(Money(minorUnits: value.otb, currency: currency), taxRate: tax))
            }
        }
    }
}
