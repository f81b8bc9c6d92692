/// `Customer`: a person with name and contacts.
///
/// Rule: every telephone, email and address is kept in order. Example: OpenTravel's sample gives
/// `Mr. David Dewberry`, phone `7245554321`, email `david.dewberry@dewberrycorp.com`.
public struct OTACustomer: Sendable, Equatable, Codable {
    /// `Gender`, e.g. `"Male"`.
    public var gender: String?
    /// `BirthDate`, e.g. `"1980-01-01"`.
    public var birthDate: String?
    /// `Language`, e.g. `"de"`.
    public var language: String?
    /// `PersonName`.
    public var personName: OTAPersonName?
    /// `Telephone` elements.
    public var telephones: [OTATelephone] = []
    /// `Email` elements.
    public var emails: [OTAEmail] = []
    /// `Address` elements.
    public var addresses: [OTAAddress] = []

    /// An empty customer.
    public init() {}
}
