/// `BookingChannel`: the channel the booking came through.
///
/// Rule: `Type="7"` is internet, `"2"` a CRS/GDS (OpenTravel BCT list). Example: `Type="7" Primary="true"`
/// with `CompanyName` "Travel Today".
public struct OTABookingChannel: Sendable, Equatable, Codable {
    /// `Type`, e.g. `"7"`.
    public var type: String?
    /// `Primary`, e.g. `"true"`.
    public var primary: String?
    /// `CompanyName`.
    public var companyName: OTACompanyName?

    /// An empty booking channel.
    public init() {}
}
