/// `Taxes`: the tax total and its items.
///
/// Rule: kept as written for the commission and invoice checks. Example: `Tax Amount="31" CurrencyCode="USD"
/// DecimalPlaces="2"` inside a `Base`.
public struct OTATaxes: Sendable, Equatable, Codable {
    /// `Amount` of all taxes, e.g. `"31"`.
    public var amount: String?
    /// `CurrencyCode`, e.g. `"USD"`.
    public var currencyCode: String?
    /// `DecimalPlaces`, e.g. `"2"`.
    public var decimalPlaces: String?
    /// The `Tax` items.
    public var items: [OTATax] = []

    /// No taxes.
    public init() {}
}
