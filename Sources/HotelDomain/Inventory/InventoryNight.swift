/// The room situation of one room type on one night.
///
/// Rule: available = physical − out of order − sold − held by group blocks; a booking of n rooms fits when
/// n ≤ available + overbooking allowance. Example: DLX 36 physical, 2 out of order, 30 sold, 0 held →
/// 4 available; with an allowance of 2, a booking of 6 rooms fits and one of 7 does not.
public struct InventoryNight: Hashable, Sendable {
    public var night: CalendarDate
    public var roomType: Code
    public var physical: Int
    public var outOfOrder: Int
    public var sold: Int
    public var held: Int
    public var overbookingAllowance: Int
    /// Room revenue on the books for the night (sum of nightly prices × rooms of occupying reservations).
    public var revenue: Money

    public init(
        night: CalendarDate, roomType: Code, physical: Int, outOfOrder: Int = 0, sold: Int = 0, held: Int = 0,
        overbookingAllowance: Int = 0, revenue: Money
    ) {
        self.night = night
        self.roomType = roomType
        self.physical = physical
        self.outOfOrder = outOfOrder
        self.sold = sold
        self.held = held
        self.overbookingAllowance = overbookingAllowance
        self.revenue = revenue
    }

    /// Sellable rooms: physical − out of order.
    public var sellable: Int { physical - outOfOrder }

    /// Rooms still free (negative when oversold).
    public var available: Int { physical - outOfOrder - sold - held }

    /// Whether `rooms` more rooms can be sold, counting the overbooking allowance.
    public func fits(_ rooms: Int) -> Bool { rooms <= available + overbookingAllowance }

    /// Occupancy in basis points of sellable rooms: 30 sold of 34 sellable is 8824 (88.24%).
    public var occupancy: BasisPoints {
        guard sellable > 0 else { return BasisPoints(0) }
        return BasisPoints(Int(Money.divideRoundingHalfAway(Int64(sold) * 10_000, by: Int64(sellable))))
    }
}

/// The house totals of one night: rooms, occupancy, ADR and RevPAR of what is on the books.
///
/// Rule: ADR = room revenue ÷ rooms sold; RevPAR = room revenue ÷ sellable rooms; both rounded half away from
/// zero to the minor unit. Example: 92 rooms sold for 78,200.00 in a 118-sellable-room house → ADR 850.00,
/// RevPAR 662.71.
public struct HouseNight: Hashable, Sendable {
    public var night: CalendarDate
    public var physical: Int
    public var outOfOrder: Int
    public var sold: Int
    public var held: Int
    public var revenue: Money

    public init(night: CalendarDate, roomTypes: [InventoryNight], currency: Currency) {
        self.night = night
        physical = roomTypes.reduce(0) { $0 + $1.physical }
        outOfOrder = roomTypes.reduce(0) { $0 + $1.outOfOrder }
        sold = roomTypes.reduce(0) { $0 + $1.sold }
        held = roomTypes.reduce(0) { $0 + $1.held }
        revenue = roomTypes.reduce(Money.zero(currency)) { $0 + $1.revenue }
    }

    public var sellable: Int { physical - outOfOrder }
    public var available: Int { physical - outOfOrder - sold - held }

    public var occupancy: BasisPoints {
        guard sellable > 0 else { return BasisPoints(0) }
        return BasisPoints(Int(Money.divideRoundingHalfAway(Int64(sold) * 10_000, by: Int64(sellable))))
    }

    public var averageDailyRate: Money {
        guard sold > 0 else { return Money.zero(revenue.currency) }
        return Money(minorUnits: Money.divideRoundingHalfAway(revenue.minorUnits, by: Int64(sold)), currency: revenue.currency)
    }

    public var revenuePerAvailableRoom: Money {
        guard sellable > 0 else { return Money.zero(revenue.currency) }
        return Money(minorUnits: Money.divideRoundingHalfAway(revenue.minorUnits, by: Int64(sellable)), currency: revenue.currency)
    }
}
