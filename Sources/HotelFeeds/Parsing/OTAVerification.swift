/// `Verification`: details that prove which booking a modification or cancellation is about.
///
/// Rule: used to check, never to overwrite the booking; a card here is summarised in `paymentCards` like any
/// other. Example: OpenTravel's cancel sample verifies `John Doe`, `John.Doe@Somewhere.com`, `999-999-9999`.
public struct OTAVerification: Sendable, Equatable, Codable {
    /// `PersonName`.
    public var personName: OTAPersonName?
    /// `Email` elements.
    public var emails: [OTAEmail] = []
    /// `TelephoneInfo` (or `Telephone`) elements.
    public var telephones: [OTATelephone] = []
    /// `BasicPropertyInfo`.
    public var basicPropertyInfo: OTAPropertyInfo?

    /// An empty verification.
    public init() {}
}
