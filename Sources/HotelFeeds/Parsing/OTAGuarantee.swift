/// `Guarantee`: how the booking is guaranteed.
///
/// Rule: only the guarantee's type and code are kept here; a card inside it becomes an
/// `OTAPaymentCardSummary` of the reservation. Example: `Guarantee GuaranteeType="CC/DC/Voucher"`.
public struct OTAGuarantee: Sendable, Equatable, Codable {
    /// `GuaranteeType`, e.g. `"GuaranteeRequired"`.
    public var guaranteeType: String?
    /// `GuaranteeCode`, e.g. `"GCC"`.
    public var guaranteeCode: String?
    /// How many `PaymentCard` elements the guarantee holds.
    public var paymentCardCount: Int = 0

    /// An empty guarantee.
    public init() {}
}
