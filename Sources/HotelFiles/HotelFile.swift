import HotelDomain

/// The hotel's own description, `rate-plans/hotel.yaml`: code, name, currency, time zone and room types.
///
/// Example:
/// ```yaml
/// code: SHBUND
/// name: Bund Riverside Hotel Shanghai
/// currency: CNY
/// time-zone: Asia/Shanghai
/// room-types:
///   - {code: STD, name: Superior Queen, rooms: 48, max-occupancy: 2}
/// ```
public enum HotelFile {
    public static func load(path: String) throws -> Hotel {
        try YAMLDocument.decode(Shape.self, path: path).hotel()
    }

    public static func parse(_ text: String, name: String = "hotel file") throws -> Hotel {
        do {
            return try YAMLDocument.decode(Shape.self, text: text, name: name).hotel()
        } catch let error as DomainError where !error.description.hasPrefix(name) {
            throw DomainError(error.kind, "\(name): \(error.description)")
        }
    }

    struct Shape: Decodable {
        var code: String
        var name: String
        var currency: String
        var timeZone: String
        var roomTypes: [RoomTypeShape]

        enum CodingKeys: String, CodingKey {
            case code, name, currency
            case timeZone = "time-zone"
            case roomTypes = "room-types"
        }

        func hotel() throws -> Hotel {
            guard TimeZoneCheck.isKnown(timeZone) else {
                throw DomainError.invalid("time zone \"\(timeZone)\" is not an IANA time zone; use e.g. Asia/Shanghai or Europe/Vienna")
            }
            return try Hotel(
                code: Code(code, of: "hotel code"), name: name, currency: Currency(currency), timeZone: timeZone,
                roomTypes: roomTypes.map { try $0.roomType() })
        }
    }

    struct RoomTypeShape: Decodable {
        var code: String
        var name: String
        var rooms: Int
        var maxOccupancy: Int?

        enum CodingKeys: String, CodingKey {
            case code, name, rooms
            case maxOccupancy = "max-occupancy"
        }

        func roomType() throws -> RoomType {
            try RoomType(code: Code(code, of: "room type code"), name: name, rooms: rooms, maxOccupancy: maxOccupancy ?? 2)
        }
    }
}
