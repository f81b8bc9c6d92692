/// An OpenTravel amount (`Base`, `Total`, ...) with its currency, decimal places and taxes, as written.
///
/// Rule: amounts are never converted to floating point. `DecimalPlaces="2"` with `AmountAfterTax="200"` may
/// mean 200.00 or 2.00 depending on the channel (implied decimals: a per-channel setting). Example: OpenTravel's
/// sample gives `amountAfterTax: "200", currencyCode: "USD", decimalPlaces: "2"`.
public struct OTAAmount: Sendable, Equatable, Codable {
    /// `AmountBeforeTax`, e.g. `"169"` or `"280.00"`.
    public var amountBeforeTax: String?
    /// `AmountAfterTax`, e.g. `"299"`.
    public var amountAfterTax: String?
    /// `CurrencyCode`, e.g. `"EUR"`; absent in some samples, then the hotel's or channel's currency applies.
    public var currencyCode: String?
    /// `DecimalPlaces`, e.g. `"2"`.
    public var decimalPlaces: String?
    /// `Taxes` inside the amount.
    public var taxes: OTATaxes?

    /// An empty amount.
    public init() {}
}
