import HotelDomain

/// The hotel's channel list, `channel-feeds/channels.yaml`: each channel's code, name, contracted commission,
/// reading rules and code mappings.
///
/// Example:
/// ```yaml
/// channels:
///   - code: BOOKINGCOM
///     name: Booking.com
///     commission: 15%
///     hotel-codes: [SHBUND]
///     expire-date-inclusive: false        # Rate/@ExpireDate is the day after the last night (OTA)
///     decimal-places-implied: false       # amounts carry their decimal point
///     commission-percent-is-fraction: false
///     default-rate-plan: BAR
///     default-room-type: STD              # for bookings whose message has no room-type code
///     room-types: {DBL-STD: STD, DBL-DLX: DLX}
///     rate-plans: {BAR-RO: BAR}
/// ```
public enum ChannelsFile {
    public static func load(path: String) throws -> [Channel] {
        try YAMLDocument.decode(Shape.self, path: path).channels.map { try $0.channel(file: path) }
    }

    public static func parse(_ text: String, name: String = "channels file") throws -> [Channel] {
        try YAMLDocument.decode(Shape.self, text: text, name: name).channels.map { try $0.channel(file: name) }
    }

    struct Shape: Decodable {
        var channels: [ChannelShape]
    }

    struct ChannelShape: Decodable {
        var code: String
        var name: String
        var commission: String?
        var hotelCodes: [String]?
        var expireDateInclusive: Bool?
        var decimalPlacesImplied: Bool?
        var commissionPercentIsFraction: Bool?
        var defaultRatePlan: String?
        var defaultRoomType: String?
        var roomTypes: [String: String]?
        var ratePlans: [String: String]?

        enum CodingKeys: String, CodingKey {
            case code, name, commission
            case hotelCodes = "hotel-codes"
            case expireDateInclusive = "expire-date-inclusive"
            case decimalPlacesImplied = "decimal-places-implied"
            case commissionPercentIsFraction = "commission-percent-is-fraction"
            case defaultRatePlan = "default-rate-plan"
            case defaultRoomType = "default-room-type"
            case roomTypes = "room-types"
            case ratePlans = "rate-plans"
        }

        func channel(file: String) throws -> Channel {
            do {
                let code = try Code(code, of: "channel code")
                return Channel(
                    code: code, name: name, commission: try commission.map(BasisPoints.init(parsing:)),
                    settings: ChannelSettings(
                        expireDateInclusive: expireDateInclusive ?? false, decimalPlacesImplied: decimalPlacesImplied ?? true,
                        commissionPercentIsFraction: commissionPercentIsFraction ?? false, hotelCodes: hotelCodes ?? [],
                        defaultRatePlan: try defaultRatePlan.map { try Code($0, of: "rate plan code") },
                        defaultRoomType: try defaultRoomType.map { try Code($0, of: "room type code") }),
                    roomTypes: try (roomTypes ?? [:]).mapValues { try Code($0, of: "room type code") },
                    ratePlans: try (ratePlans ?? [:]).mapValues { try Code($0, of: "rate plan code") })
            } catch let error as DomainError {
                throw DomainError(error.kind, "\(file): channel \(code): \(error.description)")
            }
        }
    }
}
