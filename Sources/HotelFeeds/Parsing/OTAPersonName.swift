/// `PersonName`.
///
/// Rule: several `GivenName` elements are joined with one space. Example: `Herr Otto Mustermann`, title `Dr`.
public struct OTAPersonName: Sendable, Equatable, Codable {
    /// `NamePrefix`, e.g. `"Herr"`.
    public var namePrefix: String?
    /// `GivenName`, e.g. `"Otto"`.
    public var givenName: String?
    /// `MiddleName`, e.g. `"R"`.
    public var middleName: String?
    /// `Surname`, e.g. `"Mustermann"`.
    public var surname: String?
    /// `NameTitle`, e.g. `"Dr"`.
    public var nameTitle: String?

    /// An empty name.
    public init() {}
}
