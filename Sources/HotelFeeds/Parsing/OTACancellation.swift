/// What an `OTA_CancelRQ` cancels.
///
/// Rule: the booking is found by the `UniqueID`s (usually `Type="14"`); an unknown id leaves a tombstone.
/// Example: OpenTravel's sample cancels `UniqueID Type="14" ID="99999999"` with `CancelType="Initiate"`.
public struct OTACancellation: Sendable, Equatable, Codable {
    /// Root attribute `CancelType`, e.g. `"Initiate"`, `"Commit"`, `"Cancel"`.
    public var cancelType: String?
    /// The root's `UniqueID` elements.
    public var uniqueIDs: [OTAUniqueID] = []
    /// `Verification`.
    public var verification: OTAVerification?
    /// `Reasons/Reason` texts, e.g. `["Guest request"]`.
    public var reasons: [String] = []
    /// Payment cards found in the message, as summaries.
    public var paymentCards: [OTAPaymentCardSummary] = []

    /// An empty cancellation.
    public init() {}
}
