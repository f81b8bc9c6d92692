/// `RequestorID`: an identifier of the requesting party.
///
/// Rule: `MessagePassword` is deliberately not part of this type. Example: `RequestorID Type="10"
/// ID="1234567"` with `CompanyName CompanyShortName="ABC Hotel"`.
public struct OTARequestorID: Sendable, Equatable, Codable {
    /// `Type`, e.g. `"5"` travel agency, `"13"` internet broker.
    public var type: String?
    /// `ID`, e.g. `"473"` or an IATA number.
    public var id: String?
    /// `ID_Context`, e.g. `"IATA"`.
    public var idContext: String?
    /// `CompanyName`.
    public var companyName: OTACompanyName?

    /// An empty requestor id.
    public init() {}
}
