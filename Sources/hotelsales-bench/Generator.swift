import GRDB
import HotelDomain
import HotelStore

/// Rooms sold per night and room type, as the generator and the measured bookings fill the hotel.
struct SoldRooms {
    private(set) var sold: [[Int]]  // [night index][room type index]
    let capacity: [Int]

    init(nights: Int, capacity: [Int]) {
        sold = Array(repeating: Array(repeating: 0, count: capacity.count), count: nights)
        self.capacity = capacity
    }

    func fits(type: Int, nights: Range<Int>, rooms: Int) -> Bool {
        nights.allSatisfy { sold[$0][type] + rooms <= capacity[type] }
    }

    mutating func add(type: Int, nights: Range<Int>, rooms: Int) {
        for night in nights { sold[night][type] += rooms }
    }

    /// Room-nights sold over all nights and types, and the same as a share of capacity in basis points.
    var totals: (roomNights: Int, occupancyBasisPoints: Int) {
        let roomNights = sold.reduce(0) { $0 + $1.reduce(0, +) }
        let available = capacity.reduce(0, +) * sold.count
        return (roomNights, available == 0 ? 0 : roomNights * 10_000 / available)
    }
}

/// What the bulk load wrote.
struct LoadSummary {
    let reservations: Int
    let reservationNights: Int
    let inventoryRows: Int
    let cancelled: Int
    let sold: SoldRooms
}

/// Writes N reservations straight into the hotelsales file in ONE transaction with prepared statements.
///
/// `book()` costs one transaction (and one fsync) per reservation; the bench needs 100,000, so it writes the
/// rows that `book()` would write — `reservation`, `reservation_night`, and the `inventory_night` counters
/// `sold` and `revenue_minor` for occupying statuses only — and then proves itself with
/// `inventoryDiscrepancies()`. Prices come from the domain's `RateBook` exactly as `book()` prices them:
/// BAR, the package or the net rate for a guest (and BAR for a company without agreement), the negotiated
/// plan (15% off BAR, one tier) for a company with an approved cumulative-room agreement. The audit log is
/// not written (nothing reads it for speed).
struct Generator {
    let bench: BenchHotel
    var random: SplitMix64

    /// The plans reservations are sold at: `bench.publicPlans` in order, then the negotiated plan.
    private let plans: [RatePlan]
    /// Price of one room per night: [index in `plans`][room type][night index].
    private let prices: [[[NightPrice]]]
    private let nightText: [String]

    init(bench: BenchHotel, seed: UInt64) throws {
        self.bench = bench
        random = SplitMix64(seed: seed)
        let nights = (0..<bench.nightCount).map { bench.firstNight.adding(days: $0) }
        plans = bench.publicPlans.map(\.plan) + [bench.negotiated]
        prices = try plans.map { plan in
            try bench.hotel.roomTypes.map { type in
                try nights.map { try bench.rateBook.price(of: plan, roomType: type.code, on: $0) }
            }
        }
        nightText = (0...bench.nightCount).map { bench.firstNight.adding(days: $0).description }
    }

    mutating func load(_ count: Int) throws -> LoadSummary {
        var sold = SoldRooms(nights: bench.nightCount, capacity: bench.hotel.roomTypes.map(\.rooms))
        var revenue = Array(repeating: Array(repeating: Int64(0), count: bench.hotel.roomTypes.count), count: bench.nightCount)
        var nightRows = 0
        var cancelled = 0
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(AppDatabase.busyTimeout)
        let queue = try DatabaseQueue(path: bench.path, configuration: configuration)
        try queue.inTransaction(.immediate) { db in
            let insertReservation = try db.makeStatement(
                sql: """
                    INSERT INTO reservation (id, confirmation, source, guest_name, room_type_code, rate_plan_code, arrival,
                        departure, rooms, status, company_code, vip_level, special_requests, billing, lra, total_minor, currency,
                        booked_on, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertNight = try db.makeStatement(
                sql: """
                    INSERT INTO reservation_night (reservation_id, night, amount_minor, rate_plan_code, season, tier, basis)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            let firstID = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM reservation")) ?? 1
            for offset in 0..<count {
                let id = firstID + Int64(offset)
                let stay = try nextStay(fitting: sold)
                let nights = stay.arrival..<(stay.arrival + stay.length)
                let plan = stay.plan
                let nightly = prices[plan][stay.type][nights]
                let perRoom = nightly.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
                let bookedOn = bench.firstNight.adding(days: stay.bookedOn).description
                try insertReservation.execute(arguments: [
                    id, confirmation(id),
                    stay.company == nil ? "direct" : "company", guestName(), bench.hotel.roomTypes[stay.type].code.rawValue,
                    plans[plan].code.rawValue, nightText[stay.arrival],
                    nightText[stay.arrival + stay.length], stay.rooms, stay.status.rawValue, stay.company?.code.rawValue,
                    random.percent(3) ? "V1" : nil, random.percent(5) ? "late arrival" : nil,
                    stay.company?.hasAgreement == true && random.percent(30) ? "direct-bill" : "guest",
                    plans[plan].lastRoomAvailability,
                    perRoom * Int64(stay.rooms), bench.hotel.currency.code, bookedOn, "\(bookedOn)T09:00:00.000Z",
                    "\(bookedOn)T09:00:00.000Z",
                ])
                for price in nightly {
                    try insertNight.execute(arguments: [
                        id, price.night.description, price.amount.minorUnits, price.ratePlanCode.rawValue, price.season,
                        price.tier, price.basis,
                    ])
                }
                nightRows += stay.length
                if stay.status.occupiesRooms {
                    sold.add(type: stay.type, nights: nights, rooms: stay.rooms)
                    for (night, price) in zip(nights, nightly) {
                        revenue[night][stay.type] += price.amount.minorUnits * Int64(stay.rooms)
                    }
                } else {
                    cancelled += 1
                }
            }
            // The counters exactly as `book()` keeps them (an UPSERT adding to whatever is stored).
            let upsert = try db.makeStatement(
                sql: """
                    INSERT INTO inventory_night (room_type_code, night, sold, revenue_minor) VALUES (?, ?, ?, ?)
                    ON CONFLICT(night, room_type_code) DO UPDATE SET sold = sold + excluded.sold,
                        revenue_minor = revenue_minor + excluded.revenue_minor
                    """)
            for night in 0..<bench.nightCount {
                for (type, roomType) in bench.hotel.roomTypes.enumerated() where sold.sold[night][type] > 0 {
                    try upsert.execute(arguments: [
                        roomType.code.rawValue, nightText[night], sold.sold[night][type], revenue[night][type],
                    ])
                }
            }
            // The per-company room-night counter, as `book()` keeps it (same SQL as migration v4's backfill).
            try db.execute(
                sql: """
                    INSERT INTO company_night (company_code, night, rooms)
                        SELECT r.company_code, n.night, SUM(r.rooms)
                        FROM reservation_night n JOIN reservation r ON r.id = n.reservation_id
                        WHERE r.company_code IS NOT NULL
                          AND r.status IN ('tentative', 'confirmed', 'checked-in', 'checked-out')
                        GROUP BY r.company_code, n.night
                    """)
            return .commit
        }
        // One 100,000-reservation transaction leaves a WAL as large as the data; a database in daily use
        // (small transactions, auto-checkpoints) has a small one. Start the measurements from that state.
        _ = try queue.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try queue.close()
        let inventoryRows = sold.sold.reduce(0) { $0 + $1.filter { $0 > 0 }.count }
        return LoadSummary(
            reservations: count, reservationNights: nightRows, inventoryRows: inventoryRows, cancelled: cancelled, sold: sold)
    }

    /// `BENCH-0000042`, as `book()` numbers reservations (hotel code, id padded to 7 digits).
    private func confirmation(_ id: Int64) -> String {
        let digits = String(id)
        return "\(bench.hotel.code)-\(String(repeating: "0", count: max(0, 7 - digits.count)))\(digits)"
    }

    // MARK: - Demand

    struct GeneratedStay {
        let type: Int
        let arrival: Int  // night index
        let length: Int
        let rooms: Int
        let company: BenchCompany?
        let plan: Int  // index in `plans`
        let status: ReservationStatus
        let bookedOn: Int  // day index relative to the first night (negative: before it)
    }

    /// A random stay: room type by share, arrival weighted by month, 1–5 nights, 1–2 rooms, a quarter from
    /// companies, and a status that fits the bench's today (history checked out, ~10% cancelled). A stay
    /// that holds rooms is redrawn until it fits the remaining inventory.
    mutating func nextStay(fitting sold: SoldRooms) throws -> GeneratedStay {
        let nightCount = bench.nightCount
        let today = bench.firstNight.days(until: bench.today)
        for _ in 0..<1_000 {
            let type = random.pick(weights: bench.typeWeights)
            var arrival = Int.random(in: 0..<nightCount, using: &random)
            while !random.percent(DemandShape.monthFactor[bench.firstNight.adding(days: arrival).month - 1] * 100 / 120) {
                arrival = Int.random(in: 0..<nightCount, using: &random)
            }
            let length = min(random.pick(weights: DemandShape.nightWeights) + 1, nightCount - arrival)
            let rooms = random.pick(weights: DemandShape.roomsWeights) + 1
            let company = random.percent(DemandShape.companyPercent)
                ? bench.companies[random.pick(weights: bench.companies.map(\.weight))] : nil
            let plan: Int
            switch company {
            case .some(let company): plan = company.hasAgreement ? plans.count - 1 : 0  // no agreement: BAR
            case .none: plan = random.pick(weights: bench.publicPlans.map(\.weight))
            }
            let status: ReservationStatus
            let roll = Int.random(in: 0..<100, using: &random)
            if arrival + length <= today {
                status = roll < 10 ? .cancelled : roll < 12 ? .noShow : .checkedOut
            } else if arrival <= today {
                status = roll < 10 ? .cancelled : .checkedIn
            } else {
                status = roll < 10 ? .cancelled : roll < 20 ? .tentative : .confirmed
            }
            if status.occupiesRooms, !sold.fits(type: type, nights: arrival..<(arrival + length), rooms: rooms) { continue }
            let bookedOn = min(today, arrival) - Int.random(in: 0...90, using: &random)  // never after today or arrival
            return GeneratedStay(
                type: type, arrival: arrival, length: length, rooms: rooms, company: company, plan: plan, status: status,
                bookedOn: bookedOn)
        }
        throw BenchError("the hotel is full: no stay fits after 1000 draws; give fewer --reservations or more --nights")
    }

    private static let givenNames = ["Li", "Wei", "Fang", "Min", "Anna", "James", "Maria", "Kenji", "Sofia", "Omar", "Yan", "Hui"]
    private static let familyNames = ["Chen", "Wang", "Zhang", "Liu", "Smith", "Müller", "Tanaka", "Rossi", "García", "Kim", "Huang", "Zhou"]

    private mutating func guestName() -> String {
        let given = Self.givenNames[Int.random(in: 0..<Self.givenNames.count, using: &random)]
        let family = Self.familyNames[Int.random(in: 0..<Self.familyNames.count, using: &random)]
        return "\(given) \(family)"
    }
}
