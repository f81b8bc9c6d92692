import HotelDomain

/// An account the PMS keeps a profile for: an agreement company, or a travel agency (an intermediary, with its
/// IATA number and commission terms), written as `OTA_ProfileCreateRQ` and as a row of `accounts.csv`.
public struct PMSAccount: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case company
        case travelAgency = "travel-agency"
        case onlineTravelAgency = "ota"
    }

    public var kind: Kind
    public var code: String
    public var name: String
    /// The market segment (`corporate`, `government`, …); `nil` for intermediaries.
    public var segment: String?
    /// The agency's IATA number (intermediaries).
    public var iataNumber: String?
    public var parentCode: String?
    public var salesOwner: String?
    public var address: String?
    public var contactName: String?
    public var email: String?
    public var phone: String?
    public var vipLevel: String?
    /// The account's credit limit (zero: no credit) and payment terms.
    public var creditLimit: Money?
    public var paymentTermsDays: Int?
    public var agreements: [PMSAgreement]
    /// The direct-billing (signing) arrangement: set when an approved direct-billing agreement exists.
    public var directBilling: PMSDirectBilling?
    /// An intermediary's commission terms in words (see `init(intermediary:taxRate:createdAt:)`).
    public var commissionTerms: String?
    /// `created_at` as stored.
    public var createdAt: String?

    public init(
        kind: Kind, code: String, name: String, segment: String? = nil, iataNumber: String? = nil,
        parentCode: String? = nil, salesOwner: String? = nil, address: String? = nil, contactName: String? = nil,
        email: String? = nil, phone: String? = nil, vipLevel: String? = nil, creditLimit: Money? = nil,
        paymentTermsDays: Int? = nil, agreements: [PMSAgreement] = [], directBilling: PMSDirectBilling? = nil,
        commissionTerms: String? = nil, createdAt: String? = nil
    ) {
        self.kind = kind
        self.code = code
        self.name = name
        self.segment = segment
        self.iataNumber = iataNumber
        self.parentCode = parentCode
        self.salesOwner = salesOwner
        self.address = address
        self.contactName = contactName
        self.email = email
        self.phone = phone
        self.vipLevel = vipLevel
        self.creditLimit = creditLimit
        self.paymentTermsDays = paymentTermsDays
        self.agreements = agreements
        self.directBilling = directBilling
        self.commissionTerms = commissionTerms
        self.createdAt = createdAt
    }

    /// A travel agency or OTA that books for the hotel: kind `travel-agency`, its code, name and IATA number,
    /// and its commission terms in words.
    ///
    /// Rule: the terms are `CommissionTerms.summary`; for commission on revenue net of tax the tax rate the
    /// hotel's prices include follows, so the PMS can compute the same amount. Example: TRAVELCO, IATA 12345678
    /// → "10% of room revenue net of tax, at most 29 nights a stay, stays 2027-01-01…2027-12-31; prices include
    /// 6% tax".
    public init(intermediary: Intermediary, taxRate: BasisPoints, createdAt: String? = nil) {
        var terms = intermediary.terms.summary
        if intermediary.terms.basis == .roomNetOfTax { terms += "; prices include \(taxRate) tax" }
        self.init(
            kind: .travelAgency, code: intermediary.code.rawValue, name: intermediary.name,
            iataNumber: intermediary.iata?.rawValue, commissionTerms: terms, createdAt: createdAt)
    }

    /// A company with its agreements (oldest first).
    ///
    /// Rule: the direct-billing arrangement is the newest approved direct-billing agreement's, with its billing
    /// limit and terms, defaulting to the company's credit limit and payment terms. Example: ACME with approved
    /// direct-billing agreement 7 and no billing limit → account ACME, limit 20000.00 CNY, 30 days, agreement 7.
    public init(company: Company, agreements: [Agreement], createdAt: String? = nil) {
        let billing = agreements.last { $0.type == .directBilling && $0.recordedStatus == .approved }
        self.init(
            kind: .company, code: company.code.rawValue, name: company.name, segment: company.segment.rawValue,
            parentCode: company.parentCode?.rawValue, salesOwner: company.salesOwner, address: company.address,
            contactName: company.contactName, email: company.email, phone: company.phone, vipLevel: company.vipLevel,
            creditLimit: company.creditLimit, paymentTermsDays: company.paymentTermsDays,
            agreements: agreements.map(PMSAgreement.init),
            directBilling: billing.map { agreement in
                PMSDirectBilling(
                    account: company.code.rawValue, agreement: agreement.id?.description,
                    creditLimit: agreement.terms.billingCreditLimit ?? company.creditLimit,
                    paymentTermsDays: agreement.terms.billingPaymentTermsDays ?? company.paymentTermsDays,
                    validity: agreement.validity)
            },
            createdAt: createdAt)
    }
}

/// An agreement as the PMS sees it: reference, type, recorded status, validity and terms in words.
public struct PMSAgreement: Sendable, Equatable {
    public var reference: String
    public var type: String
    /// The recorded status (`draft`, `submitted`, `approved`, `terminated`): active/expired follow from the
    /// validity, so the export does not depend on the day it runs.
    public var status: String
    public var validity: NightRange
    /// e.g. `opening room-nights 0`, `half day 1800.00 CNY, full day 3000.00 CNY`, `25% off from 14 nights`.
    public var terms: String

    public init(reference: String, type: String, status: String, validity: NightRange, terms: String) {
        self.reference = reference
        self.type = type
        self.status = status
        self.validity = validity
        self.terms = terms
    }

    public init(_ agreement: Agreement) {
        var terms: [String] = []
        switch agreement.type {
        case .cumulativeRoom:
            terms.append("opening room-nights \(agreement.openingRoomNights)")
        case .conferenceRoom:
            if let half = agreement.terms.meetingHalfDay { terms.append("half day \(half)") }
            if let full = agreement.terms.meetingFullDay { terms.append("full day \(full)") }
        case .longStay:
            if let discount = agreement.terms.longStayDiscount, let nights = agreement.terms.longStayMinimumNights {
                terms.append("\(discount) off BAR from \(nights) nights")
            }
        case .directBilling:
            if let limit = agreement.terms.billingCreditLimit { terms.append("billing limit \(limit)") }
            if let days = agreement.terms.billingPaymentTermsDays { terms.append("payment terms \(days) days") }
        }
        self.init(
            reference: agreement.id?.description ?? "", type: agreement.type.rawValue,
            status: agreement.recordedStatus.rawValue, validity: agreement.validity,
            terms: terms.joined(separator: ", "))
    }
}

/// Direct billing: the account charges go to, its credit limit and payment terms, and the agreement behind it.
public struct PMSDirectBilling: Sendable, Equatable {
    public var account: String
    public var agreement: String?
    public var creditLimit: Money
    public var paymentTermsDays: Int
    public var validity: NightRange?

    public init(account: String, agreement: String?, creditLimit: Money, paymentTermsDays: Int, validity: NightRange?) {
        self.account = account
        self.agreement = agreement
        self.creditLimit = creditLimit
        self.paymentTermsDays = paymentTermsDays
        self.validity = validity
    }
}

/// A reservation with what the PMS needs beyond `Reservation`.
public struct PMSReservation: Sendable {
    public var reservation: Reservation
    /// Stored timestamps (`2027-03-01T08:15:02.123Z`), written as `CreateDateTime` / `LastModifyDateTime`.
    public var createdAt: String?
    public var lastModifiedAt: String?
    public var companyName: String?
    public var guestEmail: String?
    public var guestPhone: String?
    public var adults: Int?
    public var childAges: [Int]
    public var travelAgent: TravelAgent?
    /// The travel agent's intermediary code, when it is a registered intermediary (`TRAVELCO`).
    public var travelAgentCode: String?
    /// A `MealPlan` raw value (`breakfast`) or a channel's words for it.
    public var mealPlan: String?
    /// The group (block) code of a group booking.
    public var groupCode: String?
    public var comments: String?

    public init(
        reservation: Reservation, createdAt: String? = nil, lastModifiedAt: String? = nil, companyName: String? = nil,
        guestEmail: String? = nil, guestPhone: String? = nil, adults: Int? = nil, childAges: [Int] = [],
        travelAgent: TravelAgent? = nil, travelAgentCode: String? = nil, mealPlan: String? = nil,
        groupCode: String? = nil, comments: String? = nil
    ) {
        self.reservation = reservation
        self.createdAt = createdAt
        self.lastModifiedAt = lastModifiedAt
        self.companyName = companyName
        self.guestEmail = guestEmail
        self.guestPhone = guestPhone
        self.adults = adults
        self.childAges = childAges
        self.travelAgent = travelAgent
        self.travelAgentCode = travelAgentCode
        self.mealPlan = mealPlan
        self.groupCode = groupCode
        self.comments = comments
    }

    /// The nightly prices of one room as periods of equal price: `Rate` elements and CSV rows.
    ///
    /// Example: 782.00, 782.00, 820.00 from 2027-03-01 → 03-01…03-02 at 782.00, 03-03 at 820.00.
    public var ratePeriods: [(nights: PMSPeriod, amount: Money)] {
        var periods: [(nights: PMSPeriod, amount: Money)] = []
        for night in reservation.nights {
            if let last = periods.last, last.amount == night.amount, last.nights.isFollowed(by: night.night) {
                periods[periods.count - 1].nights.last = night.night
            } else {
                periods.append((PMSPeriod(night.night), night.amount))
            }
        }
        return periods
    }
}

/// Consecutive nights `first`…`last` (both included) that share a price or a restriction.
public struct PMSPeriod: Hashable, Sendable, CustomStringConvertible {
    public var first: CalendarDate
    public var last: CalendarDate

    /// One night.
    public init(_ night: CalendarDate) {
        first = night
        last = night
    }

    /// Whether `night` is the night after this period.
    func isFollowed(by night: CalendarDate) -> Bool { last.adding(days: 1) == night }

    /// The day after the last night (OpenTravel's exclusive `ExpireDate`, a stay's departure).
    public var end: CalendarDate { last.adding(days: 1) }
    public var count: Int { first.days(until: last) + 1 }
    public var description: String { "\(first)…\(last)" }
}
