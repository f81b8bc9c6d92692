/// A distribution channel that delivers booking feeds (an OTA, a channel manager, an AlpineBits partner),
/// with its code mappings and the per-channel reading rules its messages need.
///
/// Rule: every room-type and rate-plan code a channel sends is mapped to the hotel's codes; a message with an
/// unmapped code is quarantined, never guessed. Example: BOOKINGCOM maps "DBL-STD" → STD and "BAR-RO" → BAR,
/// reads `Rate/@ExpireDate` as exclusive and accepts hotel code "SHBUND".
public struct Channel: Hashable, Sendable {
    public var code: Code
    public var name: String
    /// The contracted commission, compared with what the feed says (basis points of room revenue).
    public var commission: BasisPoints?
    public var settings: ChannelSettings
    /// Channel room-type code → hotel room type.
    public var roomTypes: [String: Code]
    /// Channel rate-plan code → hotel rate plan.
    public var ratePlans: [String: Code]

    public init(
        code: Code, name: String, commission: BasisPoints? = nil, settings: ChannelSettings = ChannelSettings(),
        roomTypes: [String: Code] = [:], ratePlans: [String: Code] = [:]
    ) {
        self.code = code
        self.name = name
        self.commission = commission
        self.settings = settings
        self.roomTypes = roomTypes
        self.ratePlans = ratePlans
    }
}

/// How to read one channel's messages; the defaults follow the OpenTravel specification.
public struct ChannelSettings: Hashable, Sendable {
    /// Whether `Rate/@ExpireDate` is the last night of the rate (inclusive) or the day after it (exclusive,
    /// the OTA reading). Example: Effective 2027-03-01, Expire 2027-03-03 is 2 nights exclusive, 3 inclusive.
    public var expireDateInclusive: Bool
    /// Whether `DecimalPlaces="2"` means the amount is written without its decimal point (`16900` = 169.00,
    /// the OTA reading) or that the amount already has a point (`169.00`).
    public var decimalPlacesImplied: Bool
    /// Whether `Commission/@Percent` is a fraction (`0.15` = 15%) instead of a percentage (`15`).
    public var commissionPercentIsFraction: Bool
    /// The `HotelCode`s this channel uses for the hotel; a message for another hotel is quarantined. Empty:
    /// any hotel code is accepted.
    public var hotelCodes: [String]
    /// The hotel rate plan for messages that carry no rate-plan code.
    public var defaultRatePlan: Code?
    /// The hotel room type for new bookings whose message carries no room-type code (a modify without one
    /// keeps the stored room type).
    public var defaultRoomType: Code?

    public init(
        expireDateInclusive: Bool = false, decimalPlacesImplied: Bool = true, commissionPercentIsFraction: Bool = false,
        hotelCodes: [String] = [], defaultRatePlan: Code? = nil, defaultRoomType: Code? = nil
    ) {
        self.defaultRoomType = defaultRoomType
        self.expireDateInclusive = expireDateInclusive
        self.decimalPlacesImplied = decimalPlacesImplied
        self.commissionPercentIsFraction = commissionPercentIsFraction
        self.hotelCodes = hotelCodes
        self.defaultRatePlan = defaultRatePlan
    }
}
