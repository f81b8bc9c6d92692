/// A production target for a sales owner, a company or a segment in a period.
///
/// Rule: room-nights and revenue (net of tax, hotel currency) are both whole and not negative; setting a target
/// again for the same owner/company/segment and period replaces it. Example: lwang, 2027-Q1, 1200 room-nights,
/// 950000.00 CNY.
public struct SalesTarget: Hashable, Sendable {
    public enum Dimension: String, Sendable, CaseIterable {
        case salesOwner = "sales-owner"
        case company
        case segment
    }

    public var dimension: Dimension
    public var key: String
    public var period: ReportPeriod
    public var roomNights: Int
    public var revenue: Money

    public init(dimension: Dimension, key: String, period: ReportPeriod, roomNights: Int, revenue: Money) throws {
        guard roomNights >= 0 else {
            throw DomainError.invalid("target room-nights \(roomNights) is negative; use 0 or more")
        }
        guard revenue.minorUnits >= 0 else {
            throw DomainError.invalid("target revenue \(revenue.decimalText) is negative; use 0 or a positive amount")
        }
        self.dimension = dimension
        self.key = key
        self.period = period
        self.roomNights = roomNights
        self.revenue = revenue
    }
}

/// A target next to what was produced: stayed nights before today, on the books from today on.
public struct TargetAttainment: Hashable, Sendable {
    public var target: SalesTarget
    public var stayedRoomNights: Int
    public var onTheBooksRoomNights: Int
    public var stayedRevenue: Money
    public var onTheBooksRevenue: Money

    public init(
        target: SalesTarget, stayedRoomNights: Int, onTheBooksRoomNights: Int, stayedRevenue: Money,
        onTheBooksRevenue: Money
    ) {
        self.target = target
        self.stayedRoomNights = stayedRoomNights
        self.onTheBooksRoomNights = onTheBooksRoomNights
        self.stayedRevenue = stayedRevenue
        self.onTheBooksRevenue = onTheBooksRevenue
    }

    public var actualRoomNights: Int { stayedRoomNights + onTheBooksRoomNights }
    public var actualRevenue: Money { stayedRevenue + onTheBooksRevenue }
    /// Share of the target achieved (stayed + on the books), in basis points; nil for a zero target.
    public var roomNightsAchieved: BasisPoints? {
        ProductionRule.ratio(Int64(actualRoomNights), of: Int64(target.roomNights))
    }
    public var revenueAchieved: BasisPoints? {
        ProductionRule.ratio(actualRevenue.minorUnits, of: target.revenue.minorUnits)
    }
}
