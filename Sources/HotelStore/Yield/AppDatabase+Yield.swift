import GRDB
import HotelDomain

/// How `yield recommend` values overbooking.
public struct OverbookingTerms: Sendable {
    public var showUpRate: BasisPoints
    /// The cost of walking a guest; `nil`: twice the night's highest fare.
    public var walkCost: Money?

    public init(showUpRate: BasisPoints = BasisPoints(9_500), walkCost: Money? = nil) {
        self.showUpRate = showUpRate
        self.walkCost = walkCost
    }
}

extension AppDatabase {
    /// How many past same-weekday nights the pickup forecast looks at.
    public static let pickupHistoryWeeks = 8

    /// Remaining demand per night, room type and rate class, with each class's fare that night.
    ///
    /// Rules: the rate classes are the plans that yield control can close — BAR, packages, net and NLRA
    /// negotiated plans that price the room type that night (LRA plans stay open by contract, group plans
    /// belong to blocks). Without `supplied`, the forecast is additive pickup: for a night `d` days away, the
    /// rooms each class picked up in the last `d` days before each of the last 8 same-weekday past nights;
    /// mean and sample standard deviation of those 8 observations. A supplied row must name a known room
    /// type and rate class; classes it does not name get no demand.
    public func yieldForecast(
        from: CalendarDate, to: CalendarDate, today: CalendarDate, supplied: [SuppliedDemand]? = nil
    ) throws -> [RateClassForecast] {
        try read { db in try Self.yieldForecast(db, from: from, to: to, today: today, supplied: supplied) }
    }

    /// Recommendations for every night and room type of the range.
    public func yieldRecommendations(
        from: CalendarDate, to: CalendarDate, today: CalendarDate, supplied: [SuppliedDemand]? = nil,
        overbooking: OverbookingTerms = OverbookingTerms()
    ) throws -> [YieldRecommendation] {
        try read { db in
            let hotel = try Self.requireHotel(db)
            let forecasts = try Self.yieldForecast(db, from: from, to: to, today: today, supplied: supplied)
            var byCell: [String: [RateClassForecast]] = [:]
            for forecast in forecasts { byCell["\(forecast.night) \(forecast.roomType)", default: []].append(forecast) }
            return try Self.inventory(db, hotel: hotel, from: from, to: to, roomType: nil).map { night in
                try YieldRecommender.recommend(
                    inventory: night, classes: byCell["\(night.night) \(night.roomType)"] ?? [],
                    showUpRate: overbooking.showUpRate, walkCost: overbooking.walkCost)
            }
        }
    }

    /// Turns recommendations into stay controls (close or open each class on its night and room type) and
    /// overbooking allowances, in one audited transaction. Returns the number of controls and allowances changed.
    @discardableResult
    public func applyYield(_ recommendations: [YieldRecommendation], by author: ChangeAuthor) throws -> (controls: Int, allowances: Int) {
        try write { db in
            var controls = 0
            var allowances = 0
            for recommendation in recommendations {
                let night = try NightRange(first: recommendation.night, last: recommendation.night)
                let existing = try Self.fetchControls(db, from: recommendation.night, to: recommendation.night, ratePlan: nil)
                for item in recommendation.classes {
                    let current = existing.first { $0.ratePlan == item.ratePlan && $0.roomType == recommendation.roomType }
                    guard (current?.closed ?? false) == item.open else { continue }
                    controls += try Self.setControls(
                        db, ratePlan: item.ratePlan, roomType: recommendation.roomType, nights: night,
                        change: ControlChange(closed: !item.open), author: author)
                }
                let stored = try Int.fetchOne(
                    db, sql: "SELECT overbook FROM inventory_night WHERE night = ? AND room_type_code = ?",
                    arguments: [recommendation.night.description, recommendation.roomType.rawValue]) ?? 0
                if stored != recommendation.overbookingRooms {
                    try db.execute(
                        sql: """
                            INSERT INTO inventory_night (room_type_code, night, overbook) VALUES (?, ?, ?)
                            ON CONFLICT(night, room_type_code) DO UPDATE SET overbook = excluded.overbook
                            """,
                        arguments: [recommendation.roomType.rawValue, recommendation.night.description, recommendation.overbookingRooms])
                    try db.audit(
                        author, entity: "inventory", key: "\(recommendation.roomType) \(recommendation.night)", action: "yield",
                        old: ["overbook": String(stored)], new: ["overbook": String(recommendation.overbookingRooms)])
                    allowances += 1
                }
            }
            return (controls, allowances)
        }
    }

    static func yieldForecast(
        _ db: Database, from: CalendarDate, to: CalendarDate, today: CalendarDate, supplied: [SuppliedDemand]?
    ) throws -> [RateClassForecast] {
        let hotel = try requireHotel(db)
        _ = try NightRange(first: from, last: to)
        let book = RateBook(plans: try fetchRatePlans(db))
        let classPlans = book.plans.values.filter { plan in
            !plan.lastRoomAvailability && [.bar, .negotiated, .package, .net].contains(plan.kind)
        }.sorted { $0.code < $1.code }
        var suppliedByCell: [String: SuppliedDemand] = [:]
        if let supplied {
            for row in supplied {
                _ = try hotel.roomType(row.roomType)
                guard book.plans[row.ratePlan] != nil else {
                    throw DomainError.notFound("demand row for \(row.night) \(row.roomType) names rate plan \(row.ratePlan), which does not exist")
                }
                suppliedByCell["\(row.night) \(row.roomType) \(row.ratePlan)"] = row
            }
        }
        let pickup = supplied == nil ? try pickupHistory(db, today: today) : [:]
        var forecasts: [RateClassForecast] = []
        for night in stride(from: from, through: to, by: 1) {
            let barOfNight = book.barPlan(on: night)?.code
            for roomType in hotel.roomTypes {
                for plan in classPlans {
                    let fare: Money
                    if plan.kind == .bar {
                        guard barOfNight == plan.code else { continue }
                    }
                    do {
                        fare = try book.price(of: plan, roomType: roomType.code, on: night).amount
                    } catch {
                        continue  // the plan does not sell this room type that night
                    }
                    let forecast: DemandForecast
                    let source: String
                    if supplied != nil {
                        guard let row = suppliedByCell["\(night) \(roomType.code) \(plan.code)"] else { continue }
                        do {
                            forecast = try DemandForecast(mean: row.mean, standardDeviation: row.standardDeviation)
                        } catch {
                            throw DomainError.invalid("demand for \(night) \(roomType.code) \(plan.code): \(String(describing: error))")
                        }
                        source = "supplied"
                    } else {
                        let daysOut = max(0, today.days(until: night))
                        let observations = pastSameWeekdayNights(of: night, today: today).map { past in
                            (pickup["\(past) \(roomType.code) \(plan.code)"] ?? []).reduce(0) { total, booking in
                                booking.bookedOn >= past.adding(days: -daysOut) ? total + booking.rooms : total
                            }
                        }
                        do {
                            forecast = try DemandForecast(pickupObservations: observations)
                        } catch {
                            throw DomainError.invalid("pickup forecast for \(night) \(roomType.code) \(plan.code): \(String(describing: error))")
                        }
                        source = "pickup"
                    }
                    forecasts.append(
                        RateClassForecast(
                            night: night, roomType: roomType.code, ratePlan: plan.code, fare: fare, forecast: forecast,
                            source: source))
                }
            }
        }
        return forecasts
    }

    /// The last 8 nights before `today` that fall on the same weekday as `night`.
    static func pastSameWeekdayNights(of night: CalendarDate, today: CalendarDate) -> [CalendarDate] {
        let yesterday = today.adding(days: -1)
        let offset = ((yesterday.isoWeekday - night.isoWeekday) + 7) % 7
        let latest = yesterday.adding(days: -offset)
        return (0..<pickupHistoryWeeks).map { latest.adding(days: -7 * $0) }
    }

    /// Bookings of the past `pickupHistoryWeeks` weeks of nights, keyed "night roomType plan".
    static func pickupHistory(_ db: Database, today: CalendarDate) throws -> [String: [(bookedOn: CalendarDate, rooms: Int)]] {
        var history: [String: [(bookedOn: CalendarDate, rooms: Int)]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT n.night, r.room_type_code, n.rate_plan_code, r.booked_on, r.rooms
                FROM reservation_night n JOIN reservation r ON r.id = n.reservation_id
                WHERE n.night >= ? AND n.night < ? AND r.status IN ('tentative', 'confirmed', 'checked-in', 'checked-out', 'no-show')
                """,
            arguments: [today.adding(days: -7 * pickupHistoryWeeks).description, today.description])
        while let row = try rows.next() {
            let key = "\(row[0] as String) \(row[1] as String) \(row[2] as String)"
            history[key, default: []].append((try CalendarDate(parsing: row[3]), row[4]))
        }
        return history
    }
}
