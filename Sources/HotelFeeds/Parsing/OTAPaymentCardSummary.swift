/// A payment card reduced to what the hotel may keep: that it was there, its last four digits and expiry.
///
/// Rule: the full number and the security code are never read into any string of the model; the last four
/// digits are the last four decimal digits of `CardNumber` (attribute, `PlainText` or `Mask`). Example:
/// `PaymentCard CardNumber="4111111111111202" ExpireDate="1205"` becomes `lastFourDigits: "1202",
/// expireDate: "1205"`.
public struct OTAPaymentCardSummary: Sendable, Equatable, Codable {
    /// Where the card was found.
    public var location: OTAPaymentCardLocation = .other
    /// The last four digits, e.g. `"1111"`; `nil` when no number (or fewer than four digits) was given.
    public var lastFourDigits: String?
    /// `ExpireDate` as written, usually `MMYY`, e.g. `"1226"`.
    public var expireDate: String?

    /// A card summary with no digits and no expiry.
    public init() {}
}
