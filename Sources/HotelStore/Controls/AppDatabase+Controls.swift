import GRDB
import HotelDomain

/// What `controls set` changes on each night of its range; `nil` leaves a field as it is.
public struct ControlChange: Sendable, Equatable {
    public var closed: Bool?
    public var closedToArrival: Bool?
    public var closedToDeparture: Bool?
    /// `.some(nil)` clears the minimum stay.
    public var minimumStay: Int??
    public var maximumStay: Int??

    public init(
        closed: Bool? = nil, closedToArrival: Bool? = nil, closedToDeparture: Bool? = nil, minimumStay: Int?? = nil,
        maximumStay: Int?? = nil
    ) {
        self.closed = closed
        self.closedToArrival = closedToArrival
        self.closedToDeparture = closedToDeparture
        self.minimumStay = minimumStay
        self.maximumStay = maximumStay
    }

    /// `--open`: lifts stop-sell, CTA and CTD (length-of-stay limits stay).
    public static let open = ControlChange(closed: false, closedToArrival: false, closedToDeparture: false)

    public var isEmpty: Bool { self == ControlChange() }

    func applied(to control: StayControl) -> StayControl {
        var next = control
        if let closed { next.closed = closed }
        if let closedToArrival { next.closedToArrival = closedToArrival }
        if let closedToDeparture { next.closedToDeparture = closedToDeparture }
        if let minimumStay { next.minimumStay = minimumStay }
        if let maximumStay { next.maximumStay = maximumStay }
        return next
    }
}

extension AppDatabase {
    /// Sets stay controls on a rate plan (and optionally one room type) for every night of a range; returns
    /// how many nights changed.
    ///
    /// Rules: the plan and room type must exist; a minimum stay above the maximum is refused; controls that
    /// end up restricting nothing are removed. Existing bookings are never touched.
    @discardableResult
    public func setControls(
        ratePlan: Code, roomType: Code?, nights: NightRange, change: ControlChange, by author: ChangeAuthor
    ) throws -> Int {
        try write { db in try Self.setControls(db, ratePlan: ratePlan, roomType: roomType, nights: nights, change: change, author: author) }
    }

    static func setControls(
        _ db: Database, ratePlan: Code, roomType: Code?, nights: NightRange, change: ControlChange, author: ChangeAuthor
    ) throws -> Int {
        let hotel = try requireHotel(db)
        guard try fetchRatePlan(db, ratePlan) != nil else {
            throw DomainError.notFound("rate plan \(ratePlan) does not exist; see 'hotelsales rates list'")
        }
        if let roomType { _ = try hotel.roomType(roomType) }
        guard !change.isEmpty else {
            throw DomainError.invalid(
                "nothing to set; give --closed, --open, --closed-to-arrival, --closed-to-departure, --min-los N or --max-los N")
        }
        let existing = Dictionary(
            try fetchControls(db, from: nights.first, to: nights.last, ratePlan: ratePlan)
                .filter { $0.roomType == roomType }.map { ($0.night, $0) }, uniquingKeysWith: { first, _ in first })
        var changed = 0
        for night in nights.nights {
            let old = existing[night] ?? StayControl(ratePlan: ratePlan, roomType: roomType, night: night)
            let new = change.applied(to: old)
            if let minimum = new.minimumStay, let maximum = new.maximumStay, minimum > maximum {
                throw DomainError.invalid(
                    "minimum stay \(minimum) is above maximum stay \(maximum) on \(night); the minimum must not exceed the maximum")
            }
            guard new != old else { continue }
            changed += 1
            if new.isEmpty {
                try db.execute(
                    sql: "DELETE FROM stay_control WHERE rate_plan_code = ? AND room_type_code = ? AND night = ?",
                    arguments: [ratePlan.rawValue, roomType?.rawValue ?? "", night.description])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO stay_control (rate_plan_code, room_type_code, night, closed, cta, ctd, min_los, max_los)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(rate_plan_code, night, room_type_code) DO UPDATE SET closed = excluded.closed,
                            cta = excluded.cta, ctd = excluded.ctd, min_los = excluded.min_los, max_los = excluded.max_los
                        """,
                    arguments: [
                        ratePlan.rawValue, roomType?.rawValue ?? "", night.description, new.closed, new.closedToArrival,
                        new.closedToDeparture, new.minimumStay, new.maximumStay,
                    ])
            }
            try db.audit(
                author, entity: "control", key: "\(ratePlan)\(roomType.map { " \($0)" } ?? "") \(night)", action: "set",
                old: ["controls": old.summary], new: ["controls": new.summary])
        }
        return changed
    }

    /// Controls on nights `from`…`to`, optionally of one plan, by night then plan.
    public func controls(from: CalendarDate, to: CalendarDate, ratePlan: Code? = nil) throws -> [StayControl] {
        try read { db in try Self.fetchControls(db, from: from, to: to, ratePlan: ratePlan) }
    }

    static func fetchControls(_ db: Database, from: CalendarDate, to: CalendarDate, ratePlan: Code?) throws -> [StayControl] {
        var sql = "SELECT * FROM stay_control WHERE night >= ? AND night <= ?"
        var arguments: StatementArguments = [from.description, to.description]
        if let ratePlan {
            sql += " AND rate_plan_code = ?"
            _ = arguments.append(contentsOf: [ratePlan.rawValue])
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY night, rate_plan_code, room_type_code", arguments: arguments).map { row in
            let roomType: String = row["room_type_code"]
            return StayControl(
                ratePlan: try Code(row["rate_plan_code"]), roomType: roomType.isEmpty ? nil : try Code(roomType),
                night: try CalendarDate(parsing: row["night"]), closed: row["closed"], closedToArrival: row["cta"],
                closedToDeparture: row["ctd"], minimumStay: row["min_los"], maximumStay: row["max_los"])
        }
    }
}
