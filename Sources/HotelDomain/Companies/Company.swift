/// An agreement company: a customer account the sales office signs contracts with.
///
/// Rule: a unique code, a name, a market segment, a sales owner, a credit limit in the hotel's currency
/// (zero means no credit) and payment terms in days. Example: ACME "Acme Industrial Ltd", corporate,
/// owner lwang, credit limit 20000.00 CNY, 30 days.
public struct Company: Hashable, Sendable {
    public var code: Code
    public var name: String
    public var segment: Segment
    public var salesOwner: String?
    public var creditLimit: Money
    public var paymentTermsDays: Int
    public var parentCode: Code?
    public var address: String?
    public var contactName: String?
    public var email: String?
    public var phone: String?
    public var vipLevel: String?

    public init(
        code: Code, name: String, segment: Segment, salesOwner: String? = nil, creditLimit: Money,
        paymentTermsDays: Int = 30, parentCode: Code? = nil, address: String? = nil, contactName: String? = nil,
        email: String? = nil, phone: String? = nil, vipLevel: String? = nil
    ) throws {
        guard !name.trimmingWhitespace.isEmpty else {
            throw DomainError.invalid("company name for \(code) is empty; give the company's legal name")
        }
        guard creditLimit.minorUnits >= 0 else {
            throw DomainError.invalid("credit limit \(creditLimit.decimalText) is negative; use 0 or a positive amount")
        }
        guard (0...365).contains(paymentTermsDays) else {
            throw DomainError.invalid("payment terms \(paymentTermsDays) days are not valid; use 0 to 365 days")
        }
        guard parentCode != code else {
            throw DomainError.invalid("company \(code) cannot be its own parent company")
        }
        if let email, !email.contains("@") {
            throw DomainError.invalid("email \"\(email)\" is not an email address; write name@domain")
        }
        self.code = code
        self.name = name.trimmingWhitespace
        self.segment = segment
        self.salesOwner = salesOwner
        self.creditLimit = creditLimit
        self.paymentTermsDays = paymentTermsDays
        self.parentCode = parentCode
        self.address = address
        self.contactName = contactName
        self.email = email
        self.phone = phone
        self.vipLevel = vipLevel
    }
}

/// The market segment of a company, used for production reports.
public enum Segment: String, Sendable, CaseIterable, Codable {
    case corporate
    case government
    case mice
    case wholesale
    case travelAgency = "travel-agency"

    public init(parsing text: String) throws {
        guard let segment = Segment(rawValue: text.lowercased()) else {
            throw DomainError.invalid(
                "segment \"\(text)\" is not valid; use one of \(Segment.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = segment
    }
}
