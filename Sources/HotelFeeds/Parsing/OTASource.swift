/// `POS/Source`: who sent the message, with requestor ids and booking channel.
///
/// Rule: a travel agency's IATA number is often `RequestorID Type="5"` (or a `CompanyName` code); a message
/// password in `RequestorID/@MessagePassword` is never kept. Example: OpenTravel's sample gives requestor
/// `Type="13" ID="473"` and booking channel `Type="7"` "Travel Today".
public struct OTASource: Sendable, Equatable, Codable {
    /// `ISOCountry`, e.g. `"US"`.
    public var isoCountry: String?
    /// `ISOCurrency`, e.g. `"USD"`.
    public var isoCurrency: String?
    /// `AgentSine`, e.g. `"ABC123"`.
    public var agentSine: String?
    /// `PseudoCityCode`, e.g. `"ZYX"`.
    public var pseudoCityCode: String?
    /// `RequestorID` elements.
    public var requestorIDs: [OTARequestorID] = []
    /// `BookingChannel`.
    public var bookingChannel: OTABookingChannel?

    /// An empty source.
    public init() {}
}
