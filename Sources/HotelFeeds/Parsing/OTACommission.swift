/// `Commission`: what the hotel owes the channel or travel agent for the booking.
///
/// Rule: `percent` is kept as written (`"15"` or `"0.15"`: which one is a per-channel setting); an amount comes
/// from `CommissionPayableAmount`. Example: AlpineBits gives `percent: "15"`.
public struct OTACommission: Sendable, Equatable, Codable {
    /// `Percent`, e.g. `"15"`.
    public var percent: String?
    /// `StatusType`, e.g. `"Full"` or `"Non-paying"`.
    public var statusType: String?
    /// `CommissionPayableAmount/@Amount`, e.g. `"4485"`.
    public var payableAmount: String?
    /// `CommissionPayableAmount/@CurrencyCode`, e.g. `"EUR"`.
    public var payableCurrencyCode: String?
    /// `CommissionPayableAmount/@DecimalPlaces`, e.g. `"2"`.
    public var payableDecimalPlaces: String?

    /// An empty commission.
    public init() {}
}
