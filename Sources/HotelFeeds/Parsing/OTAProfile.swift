/// `Profile`: a guest, a travel agent or a company attached to a reservation.
///
/// Rule: `ProfileType="1"` is a customer, `"4"` a travel agent, `"3"` a corporation (OpenTravel PRT list);
/// the importer picks the travel agent and its IATA code from here or from `POS`. Example: AlpineBits' travel
/// agent is `profileType: "4"` with `company.companyName.name == "ACME Travel Agency"`.
public struct OTAProfile: Sendable, Equatable, Codable {
    /// `ProfileType`, e.g. `"4"`.
    public var profileType: String?
    /// `Customer`: a person.
    public var customer: OTACustomer?
    /// `CompanyInfo`: a company or agency.
    public var company: OTACompanyInfo?

    /// An empty profile.
    public init() {}
}
