/// Where a payment card was found in a reservation.
///
/// Rule: a guarantee card secures the booking; a verification card only identifies it. Example: the modify
/// sample has one card in `Guarantee` and one in `Verification`.
public enum OTAPaymentCardLocation: String, Sendable, Equatable, Codable {
    /// Inside `Guarantee`.
    case guarantee
    /// Inside `DepositPayments`.
    case deposit
    /// Inside a profile's `PaymentForm`.
    case paymentForm
    /// Inside `Verification`.
    case verification
    /// Anywhere else.
    case other
}
