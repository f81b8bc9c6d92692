/// `Rate`: a price for one or more nights.
///
/// Rule: `base` is the price per `rateTimeUnit` × `unitMultiplier`; amounts stay strings. Example:
/// OpenTravel's sample gives `EffectiveDate="2005-10-18" ExpireDate="2005-10-20"` and `Base
/// AmountBeforeTax="280.00"` with no currency.
public struct OTARate: Sendable, Equatable, Codable {
    /// `EffectiveDate`, e.g. `"2005-10-18"`.
    public var effectiveDate: String?
    /// `ExpireDate`, e.g. `"2005-10-20"`.
    public var expireDate: String?
    /// `UnitMultiplier`, e.g. `"2"` nights.
    public var unitMultiplier: String?
    /// `RateTimeUnit`, e.g. `"Day"`.
    public var rateTimeUnit: String?
    /// `ChargeType`, e.g. `"1"` (daily, OpenTravel CHG list).
    public var chargeType: String?
    /// `Base`: the price of the period.
    public var base: OTAAmount?
    /// `Total` given inside the rate.
    public var total: OTAAmount?

    /// An empty rate.
    public init() {}
}
