/// The hotel this database belongs to: its code, name, currency, time zone and room types.
///
/// Rule: one hotel per database; every price is in the hotel's currency; "today" is the date in the
/// hotel's time zone. Example: `HOTEL-SH`, CNY, Asia/Shanghai, with STD 60 rooms, DLX 40, STE 12, FAM 8.
public struct Hotel: Hashable, Sendable {
    public var code: Code
    public var name: String
    public var currency: Currency
    /// An IANA time-zone identifier such as `Asia/Shanghai`.
    public var timeZone: String
    public var roomTypes: [RoomType]

    public init(code: Code, name: String, currency: Currency, timeZone: String, roomTypes: [RoomType]) throws {
        guard !name.trimmingWhitespace.isEmpty else {
            throw DomainError.invalid("hotel name is empty; give the hotel's name")
        }
        guard !roomTypes.isEmpty else {
            throw DomainError.invalid("hotel \(code) has no room types; list at least one room type with its room count")
        }
        var seen = Set<Code>()
        for roomType in roomTypes where !seen.insert(roomType.code).inserted {
            throw DomainError.invalid("room type \(roomType.code) is listed twice; each room type code must be unique")
        }
        self.code = code
        self.name = name
        self.currency = currency
        self.timeZone = timeZone
        self.roomTypes = roomTypes
    }

    /// Total physical rooms of the hotel.
    public var totalRooms: Int { roomTypes.reduce(0) { $0 + $1.rooms } }

    /// The room type with this code, or an error listing the valid codes.
    public func roomType(_ code: Code) throws -> RoomType {
        guard let roomType = roomTypes.first(where: { $0.code == code }) else {
            throw DomainError.notFound(
                "room type \(code) is not a room type of \(self.code); valid: \(roomTypes.map(\.code.rawValue).joined(separator: ", "))")
        }
        return roomType
    }
}

/// A kind of room the hotel sells, with how many physical rooms it has.
///
/// Rule: at least one room and a maximum occupancy of 1 to 12 guests. Example: DLX "Deluxe King", 40 rooms, 2 guests.
public struct RoomType: Hashable, Sendable {
    public var code: Code
    public var name: String
    public var rooms: Int
    public var maxOccupancy: Int

    public init(code: Code, name: String, rooms: Int, maxOccupancy: Int) throws {
        guard rooms >= 1, rooms <= 10_000 else {
            throw DomainError.invalid("room type \(code) has \(rooms) rooms; give 1 to 10000 physical rooms")
        }
        guard (1...12).contains(maxOccupancy) else {
            throw DomainError.invalid("room type \(code) has max occupancy \(maxOccupancy); use 1 to 12 guests")
        }
        self.code = code
        self.name = name
        self.rooms = rooms
        self.maxOccupancy = maxOccupancy
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    public var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
