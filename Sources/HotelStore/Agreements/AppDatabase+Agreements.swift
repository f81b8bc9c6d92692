import GRDB
import HotelDomain

extension AppDatabase {
    /// Drafts an agreement for an existing company and returns its new id.
    ///
    /// Rule: the company must exist; amounts are in the hotel's currency; it starts as a draft.
    public func addAgreement(_ agreement: Agreement, by author: ChangeAuthor) throws -> AgreementID {
        try write { db in
            let hotel = try Self.requireHotel(db)
            _ = try Self.requireCompany(db, agreement.companyCode)
            for amount in [agreement.terms.meetingHalfDay, agreement.terms.meetingFullDay, agreement.terms.billingCreditLimit]
            where amount != nil && amount?.currency != hotel.currency {
                throw DomainError.invalid("agreement amounts must be in \(hotel.currency), the hotel's currency")
            }
            var stored = agreement
            stored.recordedStatus = .draft
            try db.execute(
                sql: """
                    INSERT INTO agreement (company_code, type, valid_from, valid_to, status, opening_room_nights, currency,
                        meeting_half_day_minor, meeting_full_day_minor, long_stay_min_nights, long_stay_discount_bp,
                        billing_credit_limit_minor, billing_payment_terms_days, created_at, created_by)
                    VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    agreement.companyCode.rawValue, agreement.type.rawValue, agreement.validity.first.description,
                    agreement.validity.last.description, agreement.openingRoomNights, hotel.currency.code,
                    agreement.terms.meetingHalfDay?.minorUnits, agreement.terms.meetingFullDay?.minorUnits,
                    agreement.terms.longStayMinimumNights, agreement.terms.longStayDiscount?.value,
                    agreement.terms.billingCreditLimit?.minorUnits, agreement.terms.billingPaymentTermsDays,
                    author.timestamp, author.user,
                ])
            let id = AgreementID(db.lastInsertedRowID)
            stored.id = id
            try db.audit(author, entity: "agreement", key: id.description, action: "add", old: nil, new: Self.snapshot(stored))
            return id
        }
    }

    /// Moves an agreement through its lifecycle (submit, approve, terminate) and returns it.
    ///
    /// Rules: only a draft can be submitted, only a submitted agreement approved (so approving twice is
    /// refused), and an approval is refused when the company already has an approved agreement of the same
    /// type whose validity overlaps (two contracts cannot both set the company's rates for a night).
    public func transition(
        _ id: AgreementID, _ transition: AgreementTransition, today: CalendarDate, by author: ChangeAuthor
    ) throws -> Agreement {
        try write { db in
            let old = try Self.requireAgreement(db, id)
            let new = try old.applying(transition, today: today)
            if transition == .approve {
                let others = try Self.fetchAgreements(db, company: old.companyCode)
                if let clash = others.first(where: {
                    $0.id != id && $0.type == old.type && $0.recordedStatus == .approved && $0.validity.overlaps(old.validity)
                }) {
                    throw DomainError.refused(
                        "\(old.companyCode) already has approved \(old.type.rawValue) agreement \(clash.id.map(\.description) ?? "") for \(clash.validity); terminate it or change the dates before approving agreement \(id)")
                }
            }
            try db.execute(
                sql: "UPDATE agreement SET status = ? WHERE id = ?", arguments: [new.recordedStatus.rawValue, id.rawValue])
            try db.audit(
                author, entity: "agreement", key: id.description, action: transition.rawValue, old: Self.snapshot(old),
                new: Self.snapshot(new))
            return new
        }
    }

    public func agreement(_ id: AgreementID) throws -> Agreement {
        try read { db in try Self.requireAgreement(db, id) }
    }

    /// Agreements, newest first, optionally of one company.
    public func agreements(company: Code? = nil) throws -> [Agreement] {
        try read { db in
            if let company {
                _ = try Self.requireCompany(db, company)
            }
            return try Self.fetchAgreements(db, company: company)
        }
    }

    /// What the company has signed, for pricing a stay that starts on `arrival`.
    ///
    /// Cumulative tiers count the agreement's opening room-nights (carried over from the previous system).
    public func contracts(of company: Code) throws -> CompanyContracts {
        try read { db in
            let company = try Self.requireCompany(db, company)
            let agreements = try Self.fetchAgreements(db, company: company.code)
            var accumulated: [AgreementID: Int] = [:]
            for agreement in agreements {
                if let id = agreement.id { accumulated[id] = agreement.openingRoomNights }
            }
            return CompanyContracts(company: company, agreements: agreements, accumulatedRoomNights: accumulated)
        }
    }

    static func requireAgreement(_ db: Database, _ id: AgreementID) throws -> Agreement {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM agreement WHERE id = ?", arguments: [id.rawValue]) else {
            let last = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM agreement")
            throw DomainError.notFound(
                "agreement \(id) does not exist; \(last.map { "ids run from 1 to \($0)" } ?? "no agreement has been added yet")")
        }
        return try agreement(from: row)
    }

    static func fetchAgreements(_ db: Database, company: Code?) throws -> [Agreement] {
        let rows: [Row]
        if let company {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM agreement WHERE company_code = ? ORDER BY id DESC", arguments: [company.rawValue])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM agreement ORDER BY id DESC")
        }
        return try rows.map(agreement(from:))
    }

    static func agreement(from row: Row) throws -> Agreement {
        let currency = try Currency(row["currency"])
        let money: (String) -> Money? = { column in (row[column] as Int64?).map { Money(minorUnits: $0, currency: currency) } }
        let terms = AgreementTerms(
            meetingHalfDay: money("meeting_half_day_minor"), meetingFullDay: money("meeting_full_day_minor"),
            longStayMinimumNights: row["long_stay_min_nights"],
            longStayDiscount: (row["long_stay_discount_bp"] as Int?).map(BasisPoints.init),
            billingCreditLimit: money("billing_credit_limit_minor"), billingPaymentTermsDays: row["billing_payment_terms_days"])
        return try Agreement(
            id: AgreementID(row["id"]), companyCode: Code(row["company_code"]), type: AgreementType(parsing: row["type"]),
            validity: NightRange(first: CalendarDate(parsing: row["valid_from"]), last: CalendarDate(parsing: row["valid_to"])),
            recordedStatus: AgreementStatus(rawValue: row["status"]) ?? .draft, terms: terms,
            openingRoomNights: row["opening_room_nights"])
    }

    static func snapshot(_ agreement: Agreement) -> [String: String] {
        var values: [String: String] = [
            "company": agreement.companyCode.rawValue, "type": agreement.type.rawValue,
            "validity": agreement.validity.description, "status": agreement.recordedStatus.rawValue,
            "openingRoomNights": String(agreement.openingRoomNights),
        ]
        values["id"] = agreement.id?.description
        values["meetingHalfDay"] = agreement.terms.meetingHalfDay?.description
        values["meetingFullDay"] = agreement.terms.meetingFullDay?.description
        values["longStayMinimumNights"] = agreement.terms.longStayMinimumNights.map(String.init)
        values["longStayDiscount"] = agreement.terms.longStayDiscount?.description
        values["billingCreditLimit"] = agreement.terms.billingCreditLimit?.description
        values["billingPaymentTermsDays"] = agreement.terms.billingPaymentTermsDays.map(String.init)
        return values
    }
}
