/// What a production report groups room-nights and revenue by (`reports production --by`).
public enum ProductionDimension: String, Sendable, CaseIterable {
    case company
    case channel
    case segment
    case salesOwner = "sales-owner"
    case ratePlan = "rate-plan"

    public init(parsing text: String) throws {
        guard let value = ProductionDimension(rawValue: text.lowercased()) else {
            throw DomainError.invalid(
                "--by \"\(text)\" is not valid; use one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = value
    }
}

/// Which nights of which reservations count as production.
///
/// Rule: a night before today counts when the guest stayed (checked in or checked out); a night from today on
/// counts while the booking is on the books (tentative, confirmed or checked in). Cancelled and no-show bookings
/// never count (no-show revenue is reported on its own). Example: a confirmed booking for last night that
/// was never checked in does not count; a checked-out stay always does.
public enum ProductionRule {
    public static func counts(_ status: ReservationStatus, night: CalendarDate, today: CalendarDate) -> Bool {
        switch status {
        case .checkedIn, .checkedOut: true
        case .tentative, .confirmed: night >= today
        case .cancelled, .noShow: false
        }
    }

    /// Revenue net of the tax included in the stored prices, rounded half away from zero to the minor unit.
    ///
    /// Example: 1060.00 including 6% tax is 1000.00 net; with a 0% rate the amount is as stored.
    public static func netOfTax(_ gross: Money, taxRate: BasisPoints) -> Money {
        guard taxRate.value > 0 else { return gross }
        return Money(
            minorUnits: Money.divideRoundingHalfAway(gross.minorUnits * 10_000, by: Int64(10_000 + taxRate.value)),
            currency: gross.currency)
    }

    /// Average daily rate: revenue per room-night, rounded half away from zero (zero when nothing was sold).
    public static func averageRate(_ revenue: Money, roomNights: Int) -> Money {
        guard roomNights > 0 else { return .zero(revenue.currency) }
        return Money(minorUnits: Money.divideRoundingHalfAway(revenue.minorUnits, by: Int64(roomNights)), currency: revenue.currency)
    }

    /// `part / whole` in basis points, rounded half away from zero (nil when `whole` is 0).
    public static func ratio(_ part: Int64, of whole: Int64) -> BasisPoints? {
        guard whole != 0 else { return nil }
        return BasisPoints(Int(Money.divideRoundingHalfAway(part * 10_000, by: whole)))
    }
}

/// One row of a production report: a company, channel, segment, sales owner or rate plan.
public struct ProductionLine: Hashable, Sendable {
    public var key: String
    public var roomNights: Int
    /// Room revenue of the counted nights, net of tax.
    public var revenue: Money
    /// No-show bookings arriving in the period and their first night (the usual no-show charge), net of tax.
    public var noShows: Int
    public var noShowRevenue: Money
    /// The same figures for the same period a year earlier (`--compare last-year`).
    public var lastYearRoomNights: Int?
    public var lastYearRevenue: Money?

    public init(
        key: String, roomNights: Int, revenue: Money, noShows: Int = 0, noShowRevenue: Money? = nil,
        lastYearRoomNights: Int? = nil, lastYearRevenue: Money? = nil
    ) {
        self.key = key
        self.roomNights = roomNights
        self.revenue = revenue
        self.noShows = noShows
        self.noShowRevenue = noShowRevenue ?? .zero(revenue.currency)
        self.lastYearRoomNights = lastYearRoomNights
        self.lastYearRevenue = lastYearRevenue
    }

    public var averageRate: Money { ProductionRule.averageRate(revenue, roomNights: roomNights) }
}

/// One row of the channel report (`reports channels`).
///
/// Rule: bookings, cancellations and lead time are counted over the reservations arriving in the period; room-nights
/// and revenue over the nights in the period that count as production (see `ProductionRule`), net of tax;
/// commission is the booking's percentage of that revenue, or its fixed amount spread over its nights.
public struct ChannelLine: Hashable, Sendable {
    public var channel: String
    public var bookings: Int
    public var cancelled: Int
    /// Sum of (arrival − booked on) in days over the bookings.
    public var leadDays: Int
    public var roomNights: Int
    public var grossRevenue: Money
    public var commission: Money

    public init(
        channel: String, bookings: Int, cancelled: Int, leadDays: Int, roomNights: Int, grossRevenue: Money,
        commission: Money
    ) {
        self.channel = channel
        self.bookings = bookings
        self.cancelled = cancelled
        self.leadDays = leadDays
        self.roomNights = roomNights
        self.grossRevenue = grossRevenue
        self.commission = commission
    }

    public var netRevenue: Money { grossRevenue - commission }
    public var averageRate: Money { ProductionRule.averageRate(grossRevenue, roomNights: roomNights) }
    public var cancellationRate: BasisPoints? { ProductionRule.ratio(Int64(cancelled), of: Int64(bookings)) }
    /// Average lead time in tenths of a day (47 = 4.7 days), rounded half away from zero.
    public var averageLeadTenths: Int? {
        bookings == 0 ? nil : Int(Money.divideRoundingHalfAway(Int64(leadDays) * 10, by: Int64(bookings)))
    }
}

/// One night of the daily report: occupancy, ADR, RevPAR and pickup.
public struct DailyLine: Hashable, Sendable {
    public var night: CalendarDate
    /// Physical rooms less out of order.
    public var sellable: Int
    public var sold: Int
    /// Room revenue of the night, net of tax.
    public var revenue: Money
    /// Rooms on this night booked on or after the pickup date (still occupying).
    public var pickup: Int

    public init(night: CalendarDate, sellable: Int, sold: Int, revenue: Money, pickup: Int) {
        self.night = night
        self.sellable = sellable
        self.sold = sold
        self.revenue = revenue
        self.pickup = pickup
    }

    public var occupancy: BasisPoints { ProductionRule.ratio(Int64(sold), of: Int64(sellable)) ?? BasisPoints(0) }
    public var averageRate: Money { ProductionRule.averageRate(revenue, roomNights: sold) }
    public var revenuePerAvailableRoom: Money { ProductionRule.averageRate(revenue, roomNights: sellable) }
}

extension Money {
    /// `numerator / denominator` rounded half away from zero, for spreading an amount over nights.
    public static func roundedQuotient(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        divideRoundingHalfAway(numerator, by: denominator)
    }
}
