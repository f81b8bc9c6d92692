/// `Telephone` or `TelephoneInfo`.
///
/// Rule: kept as written. Example: `PhoneTechType="5" PhoneNumber="+4934567893"` is a mobile.
public struct OTATelephone: Sendable, Equatable, Codable {
    /// `PhoneNumber`, e.g. `"+4934567891"`.
    public var phoneNumber: String?
    /// `PhoneTechType`, e.g. `"1"` voice, `"3"` fax, `"5"` mobile.
    public var phoneTechType: String?
    /// `PhoneLocationType`, e.g. `"6"` home.
    public var phoneLocationType: String?
    /// `PhoneUseType`, e.g. `"3"`.
    public var phoneUseType: String?

    /// An empty telephone.
    public init() {}
}
