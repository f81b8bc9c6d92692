/// `BasicPropertyInfo`: which hotel the booking is for.
///
/// Rule: the importer accepts only the hotel code(s) configured for the channel. Example: `ChainCode="MC"
/// HotelCode="WASJW" HotelName="JW Marriott Hotel Pennsylvania Avenue"`.
public struct OTAPropertyInfo: Sendable, Equatable, Codable {
    /// `HotelCode`, e.g. `"123"`.
    public var hotelCode: String?
    /// `HotelName`, e.g. `"Frangart Inn"`.
    public var hotelName: String?
    /// `ChainCode`, e.g. `"MC"`.
    public var chainCode: String?
    /// `HotelCodeContext`, e.g. `"BOOKINGCOM"`.
    public var hotelCodeContext: String?
    /// `BrandCode`, e.g. `"JW"`.
    public var brandCode: String?

    /// An empty property.
    public init() {}
}
