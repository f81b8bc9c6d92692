/// One `Tax` item.
///
/// Rule: kept as written. Example: `Tax Type="Inclusive" Code="19" Percent="10" Amount="31"`.
public struct OTATax: Sendable, Equatable, Codable {
    /// `Type`, e.g. `"Inclusive"`.
    public var type: String?
    /// `Code`, e.g. `"19"` (OpenTravel FTT list).
    public var code: String?
    /// `Percent`, e.g. `"10"`.
    public var percent: String?
    /// `Amount`, e.g. `"31"`.
    public var amount: String?
    /// `CurrencyCode`, e.g. `"USD"`.
    public var currencyCode: String?
    /// `DecimalPlaces`, e.g. `"2"`.
    public var decimalPlaces: String?
    /// `ChargeUnit`, e.g. `"21"` (per person per night).
    public var chargeUnit: String?

    /// An empty tax.
    public init() {}
}
