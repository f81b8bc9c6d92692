/// `CompanyName`: a company's name and code.
///
/// Rule: `code` plus `codeContext` identify the company, e.g. an IATA number. Example: `CompanyName Code="123"
/// CodeContext="ABC"` with text `ACME Travel Agency`.
public struct OTACompanyName: Sendable, Equatable, Codable {
    /// The element's trimmed text, e.g. `"Travel Today"`; empty when the element has none.
    public var name: String = ""
    /// `Code`, e.g. `"12345678"`.
    public var code: String?
    /// `CodeContext`, e.g. `"IATA"`.
    public var codeContext: String?
    /// `CompanyShortName`, e.g. `"ABC Hotel"`.
    public var shortName: String?

    /// An empty company name.
    public init() {}
}
