/// `Address` or `AddressInfo`.
///
/// Rule: the country may be given as a name (`CountryName` text) or an ISO code (`CountryName/@Code`).
/// Example: `Musterstraße 1`, `1234 Musterstadt`, country code `DE`.
public struct OTAAddress: Sendable, Equatable, Codable {
    /// `Type`, e.g. `"1"` home.
    public var type: String?
    /// `Remark`, e.g. `"catalog:yes"`.
    public var remark: String?
    /// `AddressLine` elements, e.g. `["321 Myrtle Lane"]`.
    public var addressLines: [String] = []
    /// `StreetNmbr`, e.g. `"100"`.
    public var streetNumber: String?
    /// `CityName`, e.g. `"Latrobe"`.
    public var cityName: String?
    /// `PostalCode`, e.g. `"15650"`.
    public var postalCode: String?
    /// `StateProv` text, e.g. `"PA"`.
    public var stateProvince: String?
    /// `StateProv/@StateCode`, e.g. `"PA"`.
    public var stateCode: String?
    /// `CountryName` text, e.g. `"USA"`.
    public var countryName: String?
    /// `CountryName/@Code`, e.g. `"DE"`.
    public var countryCode: String?

    /// An empty address.
    public init() {}
}
