import HotelDomain
import HotelStore

/// A deterministic 64-bit generator (SplitMix64, Steele, Lea & Flood 2014): the same seed gives the same
/// hotel, the same reservations and the same measured bookings on every machine.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An index into `weights`, chosen with probability proportional to its weight.
    mutating func pick(weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var ticket = Int.random(in: 0..<total, using: &self)
        for (index, weight) in weights.enumerated() {
            if ticket < weight { return index }
            ticket -= weight
        }
        return weights.count - 1
    }

    /// True with probability `percent` / 100.
    mutating func percent(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
}

/// What the benchmark is asked to build and measure.
struct BenchOptions {
    var reservations = 100_000
    var nights = 365
    var roomTypes = 10
    var databasePath: String?
    var keep = false
    var binaryPath: String?
    var seed: UInt64 = 2027
}

/// The shape of the generated demand, shared by the sizing of the hotel and by the generator.
enum DemandShape {
    /// Stay lengths 1…5 nights: mean 2.38 nights.
    static let nightWeights = [30, 30, 20, 12, 8]
    static let meanNightsPercent = 238
    /// 85% one room, 15% two rooms: mean 1.15 rooms.
    static let roomsWeights = [85, 15]
    static let meanRoomsPercent = 115
    /// Share of reservations that hold rooms (the rest are cancelled or no-show).
    static let occupyingPercent = 90
    /// The average occupancy the hotel is sized for, so that peak months fill up without running out of rooms.
    static let targetOccupancyPercent = 62
    /// Relative demand per calendar month, January first (also the BAR season factor in percent).
    /// 100,000 reservations over 2027 → occupancy about 61% (47% in January, 76% in August).
    static let monthFactor = [80, 80, 95, 105, 110, 100, 115, 120, 105, 110, 95, 85]
    /// Share of reservations made by agreement companies.
    static let companyPercent = 25
}

/// A company of the bench hotel and whether it has an approved cumulative-room agreement (negotiated rate).
struct BenchCompany {
    let code: Code
    let weight: Int
    let hasAgreement: Bool
}

/// The bench hotel as set up through the real API: the hotel, BAR by month, a package, a net rate, a
/// negotiated plan, three companies (two with an approved cumulative-room agreement).
struct BenchHotel {
    let database: AppDatabase
    let path: String
    let hotel: Hotel
    /// The loaded nights: `firstNight` … `lastNight`, both included.
    let firstNight: CalendarDate
    let lastNight: CalendarDate
    /// The day the bench takes as today: 8 weeks of history (checked-out stays; the window of the pickup
    /// forecast of `yield recommend`) before it, the rest ahead.
    let today: CalendarDate
    let rateBook: RateBook
    /// The negotiated plan (15% off BAR, LRA) that companies with an agreement get.
    let negotiated: RatePlan
    /// The plans a guest without agreement books, with their share: BAR, a breakfast package, a wholesale net rate.
    let publicPlans: [(plan: RatePlan, weight: Int)]
    let companies: [BenchCompany]
    /// Relative share of each room type (same order as `hotel.roomTypes`), for sizing and for demand.
    let typeWeights: [Int]

    var nightCount: Int { firstNight.days(until: lastNight) + 1 }
}

/// Builds the bench hotel in a fresh database through `AppDatabase` (audited, validated like `hotelsales`).
enum Setup {
    static let author = ChangeAuthor(user: "bench")

    /// Code, name, weight (share of rooms and demand), max occupancy, BAR base price in major units.
    private static let catalog: [(String, String, Int, Int, Int64)] = [
        ("STD", "Superior Queen", 24, 2, 680), ("SUP", "Superior Twin", 18, 2, 720),
        ("DLX", "Deluxe King", 16, 2, 880), ("DLT", "Deluxe Twin", 12, 2, 920),
        ("EXE", "Executive King", 9, 2, 1_180), ("CLB", "Club King", 7, 2, 1_380),
        ("FAM", "Family Room", 5, 4, 1_280), ("JST", "Junior Suite", 4, 3, 1_880),
        ("STE", "River Suite", 3, 4, 2_880), ("PRS", "Presidential Suite", 2, 4, 8_800),
    ]

    static func make(_ options: BenchOptions, path: String) throws -> BenchHotel {
        guard options.roomTypes >= 1, options.roomTypes <= 50 else {
            throw BenchError("--room-types \(options.roomTypes) is not valid; use 1 to 50")
        }
        guard options.nights >= 7, options.nights <= 3_000 else {
            throw BenchError("--nights \(options.nights) is not valid; use 7 to 3000")
        }
        guard options.reservations >= 1 else {
            throw BenchError("--reservations \(options.reservations) is not valid; use 1 or more")
        }
        let currency = try Currency("CNY")
        let first = try CalendarDate(year: 2027, month: 1, day: 1)
        let last = first.adding(days: options.nights - 1)
        let kinds = (0..<options.roomTypes).map { index in
            index < catalog.count
                ? catalog[index] : ("RT\(index + 1)", "Room type \(index + 1)", 5, 2, 1_000 + 100 * Int64(index))
        }
        let weights = kinds.map(\.2)
        let totalRooms = roomsNeeded(options)
        let weightSum = weights.reduce(0, +)
        let roomTypes = try kinds.map { kind in
            let rooms = max(4, (totalRooms * kind.2 + weightSum - 1) / weightSum)
            guard rooms <= 10_000 else {
                throw BenchError("\(options.reservations) reservations need \(rooms) \(kind.0) rooms; give more --room-types or --nights")
            }
            return try RoomType(code: Code(kind.0), name: kind.1, rooms: rooms, maxOccupancy: kind.3)
        }
        let hotel = try Hotel(
            code: "BENCH", name: "Benchmark Riverside Hotel", currency: currency, timeZone: "Asia/Shanghai", roomTypes: roomTypes)

        let database = try AppDatabase.open(path: path)
        try database.initialize(hotel, by: author)

        // BAR: one season per calendar month, from the month before the first night to two months after the last.
        let seasonsFrom = monthStart(monthStart(first).adding(days: -1))
        let monthAfterLast = monthEnd(last).adding(days: 1)
        let seasonsTo = monthEnd(monthEnd(monthAfterLast).adding(days: 1))
        var seasons: [Season] = []
        var monthFirst = seasonsFrom
        while monthFirst <= seasonsTo {
            let factor = Int64(DemandShape.monthFactor[monthFirst.month - 1])
            var prices: [Code: Money] = [:]
            for (roomType, kind) in zip(roomTypes, kinds) {
                prices[roomType.code] = Money(minorUnits: kind.4 * factor, currency: currency)  // base × factor% in fen
            }
            let monthLast = monthEnd(monthFirst)
            seasons.append(
                Season(
                    name: "\(monthFirst.description.prefix(7))", nights: try NightRange(first: monthFirst, last: monthLast),
                    prices: prices))
            monthFirst = monthLast.adding(days: 1)
        }
        let seasonRange = try NightRange(first: seasonsFrom, last: seasonsTo)
        let bar = try RatePlan(
            code: "BAR", name: "Best available rate", kind: .bar, currency: currency, mealPlan: .roomOnly,
            cancellationPolicy: "Free cancellation until 18:00 on the day of arrival",
            tiers: [RateTier(rule: .seasons(seasons))])
        _ = try database.importRatePlan(bar, sourceFile: nil, by: author)
        // Room and breakfast: the BAR seasons at 112%, rounded down to the fen (integer arithmetic).
        let packageSeasons = seasons.map { season in
            Season(
                name: season.name, nights: season.nights,
                prices: season.prices.mapValues { Money(minorUnits: $0.minorUnits * 112 / 100, currency: currency) })
        }
        let package = try RatePlan(
            code: "PKG-BB", name: "Room and breakfast package", kind: .package, currency: currency, mealPlan: .breakfast,
            cancellationPolicy: "Free cancellation until 18:00 the day before arrival",
            tiers: [RateTier(rule: .seasons(packageSeasons))])
        _ = try database.importRatePlan(package, sourceFile: nil, by: author)
        let net = try RatePlan(
            code: "NET-WH", name: "Wholesale net rate", kind: .net, currency: currency, mealPlan: .roomOnly,
            cancellationPolicy: "Non-refundable", basePlanCode: "BAR", tiers: [RateTier(rule: .percentOff(BasisPoints(2_500)))])
        _ = try database.importRatePlan(net, sourceFile: nil, by: author)

        let companies = [
            BenchCompany(code: "ACME", weight: 50, hasAgreement: true),
            BenchCompany(code: "GLOBEX", weight: 35, hasAgreement: true),
            BenchCompany(code: "INITECH", weight: 15, hasAgreement: false),
        ]
        let names = ["ACME": "Acme Industrial Ltd", "GLOBEX": "Globex Corporation", "INITECH": "Initech Travel"]
        for company in companies {
            try database.addCompany(
                Company(
                    code: company.code, name: names[company.code.rawValue] ?? company.code.rawValue,
                    segment: company.hasAgreement ? .corporate : .travelAgency, salesOwner: "bench",
                    creditLimit: Money(minorUnits: 50_000_000, currency: currency)),
                by: author)
            if company.hasAgreement {
                let id = try database.addAgreement(
                    Agreement(companyCode: company.code, type: .cumulativeRoom, validity: seasonRange), by: author)
                _ = try database.transition(id, .submit, today: first, by: author)
                _ = try database.transition(id, .approve, today: first, by: author)
            }
        }
        let negotiated = try RatePlan(
            code: "CORP27", name: "Corporate negotiated rate", kind: .negotiated, currency: currency, mealPlan: .breakfast,
            cancellationPolicy: "Free cancellation until 18:00 the day before arrival", basePlanCode: "BAR",
            companyCodes: companies.filter(\.hasAgreement).map(\.code), lastRoomAvailability: true,
            tiers: [RateTier(rule: .percentOff(BasisPoints(1_500)))])
        _ = try database.importRatePlan(negotiated, sourceFile: nil, by: author)

        return BenchHotel(
            database: database, path: path, hotel: hotel, firstNight: first, lastNight: last,
            today: first.adding(days: min(7 * AppDatabase.pickupHistoryWeeks, options.nights / 4)),
            rateBook: RateBook(plans: [bar, package, net, negotiated]), negotiated: negotiated,
            publicPlans: [(bar, 70), (package, 15), (net, 15)], companies: companies, typeWeights: weights)
    }

    /// Physical rooms the hotel needs so that the generated demand averages `targetOccupancyPercent`:
    /// 100,000 reservations over 365 nights → 1,088 rooms (about 110 per room type).
    static func roomsNeeded(_ options: BenchOptions) -> Int {
        let roomNightsPer1e6 = options.reservations * DemandShape.meanNightsPercent * DemandShape.meanRoomsPercent
            * DemandShape.occupyingPercent
        let denominator = 1_000_000 * options.nights * DemandShape.targetOccupancyPercent / 100
        return (roomNightsPer1e6 + denominator - 1) / denominator
    }

    private static func monthStart(_ date: CalendarDate) -> CalendarDate { date.adding(days: 1 - date.day) }

    private static func monthEnd(_ date: CalendarDate) -> CalendarDate {
        date.adding(days: CalendarDate.daysIn(month: date.month, year: date.year) - date.day)
    }
}

/// A failure of the benchmark itself (bad option, inconsistent generator, failed command): one line on stderr.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
