/// `Email`.
///
/// Rule: the address is the element's trimmed text. Example: `otto.mustermann@example.com` with
/// `Remark="newsletter:yes"`.
public struct OTAEmail: Sendable, Equatable, Codable {
    /// The address, e.g. `"info@example.com"`.
    public var address: String = ""
    /// `EmailType`, e.g. `"1"`.
    public var emailType: String?
    /// `Remark`, e.g. `"newsletter:yes"`.
    public var remark: String?

    /// An empty email.
    public init() {}
}
