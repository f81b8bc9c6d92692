/// `RoomType`: the channel's room type code and classification.
///
/// Rule: `roomTypeCode` is what the per-channel mapping translates. Example: AlpineBits gives
/// `RoomTypeCode="bigsuite" RoomClassificationCode="42"`.
public struct OTARoomType: Sendable, Equatable, Codable {
    /// `RoomTypeCode`, e.g. `"A1K"`.
    public var roomTypeCode: String?
    /// Attribute `RoomType`, e.g. `"8"` (an OpenTravel code list value).
    public var roomType: String?
    /// `RoomClassificationCode`, e.g. `"42"`.
    public var roomClassificationCode: String?
    /// `NumberOfUnits`, e.g. `"2"` rooms.
    public var numberOfUnits: String?
    /// `InvBlockCode`, e.g. a group block `"GRP2025"`.
    public var invBlockCode: String?

    /// An empty room type.
    public init() {}
}
