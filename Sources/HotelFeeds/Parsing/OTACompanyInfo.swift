/// `CompanyInfo`: a travel agency, company or channel.
///
/// Rule: the IATA number of a travel agent is usually `companyName.code` with `codeContext` `"IATA"`.
/// Example: AlpineBits gives `CompanyName Code="123" CodeContext="ABC"` "ACME Travel Agency".
public struct OTACompanyInfo: Sendable, Equatable, Codable {
    /// `CompanyName`.
    public var companyName: OTACompanyName?
    /// `AddressInfo` elements.
    public var addresses: [OTAAddress] = []
    /// `TelephoneInfo` elements.
    public var telephones: [OTATelephone] = []
    /// `Email` elements.
    public var emails: [OTAEmail] = []

    /// An empty company.
    public init() {}
}
