/// A signed contract between the hotel and an agreement company.
///
/// Rule: the lifecycle is draft → submitted → approved; an approved agreement is *active* on the days within
/// its validity and *expired* after it; it can be terminated while draft, submitted or approved. Only an
/// approved agreement, on a night within its validity, gives the company access to its rates.
/// Example: ACME cumulative-room agreement for 2027-01-01…2027-12-31, approved: active on 2027-03-01.
public struct Agreement: Hashable, Sendable {
    public var id: AgreementID?
    public var companyCode: Code
    public var type: AgreementType
    public var validity: NightRange
    /// The stored lifecycle state; `status(on:)` adds active/expired, which depend on the day.
    public var recordedStatus: AgreementStatus
    public var terms: AgreementTerms
    /// Room-nights already produced in this agreement year before the tool took over (carried from the
    /// previous system), counted towards cumulative tiers.
    public var openingRoomNights: Int

    public init(
        id: AgreementID? = nil, companyCode: Code, type: AgreementType, validity: NightRange,
        recordedStatus: AgreementStatus = .draft, terms: AgreementTerms = AgreementTerms(), openingRoomNights: Int = 0
    ) throws {
        guard openingRoomNights >= 0 else {
            throw DomainError.invalid("opening room-nights \(openingRoomNights) is negative; use 0 or more")
        }
        try terms.validate(for: type)
        self.id = id
        self.companyCode = companyCode
        self.type = type
        self.validity = validity
        self.recordedStatus = recordedStatus
        self.terms = terms
        self.openingRoomNights = openingRoomNights
    }

    /// The status as a sales manager sees it on `today`: approved agreements read as active inside their
    /// validity and expired after it.
    public func status(on today: CalendarDate) -> AgreementStatus {
        guard recordedStatus == .approved else { return recordedStatus }
        if today > validity.last { return .expired }
        if validity.contains(today) { return .active }
        return .approved
    }

    /// Whether this agreement gives access to its rates on `night`: approved and the night within validity.
    public func grantsRates(on night: CalendarDate) -> Bool {
        recordedStatus == .approved && validity.contains(night)
    }

    /// The agreement after `transition`, or the reason it is not allowed from the current status.
    public func applying(_ transition: AgreementTransition, today: CalendarDate) throws -> Agreement {
        let current = status(on: today)
        let allowedFrom: Set<AgreementStatus>
        let target: AgreementStatus
        switch transition {
        case .submit:
            allowedFrom = [.draft]
            target = .submitted
        case .approve:
            allowedFrom = [.submitted]
            target = .approved
        case .terminate:
            allowedFrom = [.draft, .submitted, .approved, .active]
            target = .terminated
        }
        guard allowedFrom.contains(current) else {
            let idText = id.map { "agreement \($0)" } ?? "the agreement"
            let needed = allowedFrom.map(\.rawValue).sorted().joined(separator: " or ")
            throw DomainError.refused(
                "\(idText) is \(current.rawValue); only a \(needed) agreement can be \(transition.pastTense)")
        }
        var next = self
        next.recordedStatus = target
        return next
    }
}

/// What a lifecycle command does to an agreement.
public enum AgreementTransition: String, Sendable {
    case submit, approve, terminate

    public var pastTense: String {
        switch self {
        case .submit: "submitted"
        case .approve: "approved"
        case .terminate: "terminated"
        }
    }
}

/// The four contract types of a hotel sales office.
public enum AgreementType: String, Sendable, CaseIterable, Codable {
    /// Negotiated room rates with tiers unlocked by room-nights accumulated in the agreement year.
    case cumulativeRoom = "cumulative-room"
    /// Preferential meeting-room rates per half day and full day.
    case conferenceRoom = "conference-room"
    /// A discount off BAR for stays of at least N nights.
    case longStay = "long-stay"
    /// The company may sign for charges, billed to its receivable account up to its credit limit.
    case directBilling = "direct-billing"

    public init(parsing text: String) throws {
        guard let type = AgreementType(rawValue: text.lowercased()) else {
            throw DomainError.invalid(
                "agreement type \"\(text)\" is not valid; use one of \(AgreementType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = type
    }

    /// A heading for contract texts: "Cumulative Room Agreement".
    public var title: String {
        switch self {
        case .cumulativeRoom: "Cumulative Room Agreement"
        case .conferenceRoom: "Conference Room Agreement"
        case .longStay: "Long-Stay Agreement"
        case .directBilling: "Direct-Billing (Signing) Agreement"
        }
    }
}

/// An agreement's lifecycle state.
public enum AgreementStatus: String, Sendable, CaseIterable, Codable {
    case draft, submitted, approved, active, expired, terminated
}

/// The type-specific terms of an agreement.
///
/// Rule: conference-room needs a half-day and a full-day meeting-room rate; long-stay needs a minimum
/// number of nights (2 or more) and a discount off BAR; direct-billing needs a credit limit (it may be the
/// company's) and payment terms. Example: long-stay, 14 nights or more, 25% off BAR.
public struct AgreementTerms: Hashable, Sendable {
    public var meetingHalfDay: Money?
    public var meetingFullDay: Money?
    public var longStayMinimumNights: Int?
    public var longStayDiscount: BasisPoints?
    public var billingCreditLimit: Money?
    public var billingPaymentTermsDays: Int?

    public init(
        meetingHalfDay: Money? = nil, meetingFullDay: Money? = nil, longStayMinimumNights: Int? = nil,
        longStayDiscount: BasisPoints? = nil, billingCreditLimit: Money? = nil, billingPaymentTermsDays: Int? = nil
    ) {
        self.meetingHalfDay = meetingHalfDay
        self.meetingFullDay = meetingFullDay
        self.longStayMinimumNights = longStayMinimumNights
        self.longStayDiscount = longStayDiscount
        self.billingCreditLimit = billingCreditLimit
        self.billingPaymentTermsDays = billingPaymentTermsDays
    }

    func validate(for type: AgreementType) throws {
        switch type {
        case .cumulativeRoom:
            break
        case .conferenceRoom:
            guard let half = meetingHalfDay, let full = meetingFullDay else {
                throw DomainError.invalid(
                    "a conference-room agreement needs --half-day and --full-day meeting-room rates, e.g. --half-day 1200.00 --full-day 2000.00")
            }
            guard half.minorUnits >= 0, full.minorUnits >= 0 else {
                throw DomainError.invalid("meeting-room rate \(min(half, full).decimalText) is negative; use 0 or more")
            }
        case .longStay:
            guard let nights = longStayMinimumNights, let discount = longStayDiscount else {
                throw DomainError.invalid(
                    "a long-stay agreement needs --min-nights and --discount, e.g. --min-nights 14 --discount 25%")
            }
            guard (2...366).contains(nights) else {
                throw DomainError.invalid("minimum nights \(nights) is not valid for a long stay; use 2 to 366")
            }
            guard discount.value < 10_000 else {
                throw DomainError.invalid("long-stay discount \(discount) would make rooms free; use less than 100%")
            }
        case .directBilling:
            if let limit = billingCreditLimit, limit.minorUnits < 0 {
                throw DomainError.invalid("credit limit \(limit.decimalText) is negative; use 0 or a positive amount")
            }
            if let days = billingPaymentTermsDays, !(0...365).contains(days) {
                throw DomainError.invalid("payment terms \(days) days are not valid; use 0 to 365 days")
            }
        }
    }
}
