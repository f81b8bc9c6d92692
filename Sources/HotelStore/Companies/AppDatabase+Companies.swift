import GRDB
import HotelDomain

extension AppDatabase {
    /// Registers an agreement company.
    ///
    /// Rules: the code is unique; a parent company must already exist; the credit limit is in the hotel's currency.
    public func addCompany(_ company: Company, by author: ChangeAuthor) throws {
        try write { db in
            let hotel = try Self.requireHotel(db)
            guard company.creditLimit.currency == hotel.currency else {
                throw DomainError.invalid(
                    "credit limit is in \(company.creditLimit.currency) but hotel \(hotel.code) bills in \(hotel.currency)")
            }
            if let existing = try Self.fetchCompany(db, company.code) {
                throw DomainError.refused(
                    "company code \(company.code) is already used by \"\(existing.name)\"; choose another code or use 'companies update \(company.code)'")
            }
            if let parent = company.parentCode, try Self.fetchCompany(db, parent) == nil {
                throw DomainError.notFound("parent company \(parent) does not exist; add it first or leave out --parent")
            }
            try db.execute(
                sql: """
                    INSERT INTO company (code, name, segment, sales_owner, credit_limit_minor, currency,
                        payment_terms_days, parent_code, address, contact_name, email, phone, vip_level, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    company.code.rawValue, company.name, company.segment.rawValue, company.salesOwner,
                    company.creditLimit.minorUnits, company.creditLimit.currency.code, company.paymentTermsDays,
                    company.parentCode?.rawValue, company.address, company.contactName, company.email, company.phone,
                    company.vipLevel, author.timestamp,
                ])
            try db.audit(author, entity: "company", key: company.code.rawValue, action: "add", old: nil, new: Self.snapshot(company))
        }
    }

    /// Changes a company's details (name, segment, credit limit, owner, contacts); the code never changes.
    public func updateCompany(_ code: Code, by author: ChangeAuthor, _ change: @escaping @Sendable (inout Company) throws -> Void)
        throws -> Company
    {
        try write { db in
            let old = try Self.requireCompany(db, code)
            var new = old
            try change(&new)
            let checked = try Company(
                code: old.code, name: new.name, segment: new.segment, salesOwner: new.salesOwner,
                creditLimit: new.creditLimit, paymentTermsDays: new.paymentTermsDays, parentCode: new.parentCode,
                address: new.address, contactName: new.contactName, email: new.email, phone: new.phone,
                vipLevel: new.vipLevel)
            if let parent = checked.parentCode, try Self.fetchCompany(db, parent) == nil {
                throw DomainError.notFound("parent company \(parent) does not exist; add it first")
            }
            guard checked != old else { return old }
            try db.execute(
                sql: """
                    UPDATE company SET name = ?, segment = ?, sales_owner = ?, credit_limit_minor = ?,
                        payment_terms_days = ?, parent_code = ?, address = ?, contact_name = ?, email = ?, phone = ?,
                        vip_level = ?
                    WHERE code = ?
                    """,
                arguments: [
                    checked.name, checked.segment.rawValue, checked.salesOwner, checked.creditLimit.minorUnits,
                    checked.paymentTermsDays, checked.parentCode?.rawValue, checked.address, checked.contactName,
                    checked.email, checked.phone, checked.vipLevel, code.rawValue,
                ])
            try db.audit(
                author, entity: "company", key: code.rawValue, action: "update", old: Self.snapshot(old),
                new: Self.snapshot(checked))
            return checked
        }
    }

    /// All companies, by code.
    public func companies() throws -> [Company] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM company ORDER BY code").map(Self.company(from:))
        }
    }

    /// One company, or an error naming the code.
    public func company(_ code: Code) throws -> Company {
        try read { db in try Self.requireCompany(db, code) }
    }

    static func requireCompany(_ db: Database, _ code: Code) throws -> Company {
        guard let company = try fetchCompany(db, code) else {
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM company") ?? 0
            throw DomainError.notFound(
                "company \(code) does not exist; \(count == 0 ? "no company is registered yet (companies add)" : "see 'hotelsales companies list' for the \(count) registered codes")")
        }
        return company
    }

    static func fetchCompany(_ db: Database, _ code: Code) throws -> Company? {
        try Row.fetchOne(db, sql: "SELECT * FROM company WHERE code = ?", arguments: [code.rawValue]).map(company(from:))
    }

    static func company(from row: Row) throws -> Company {
        try Company(
            code: Code(row["code"]), name: row["name"], segment: Segment(parsing: row["segment"]),
            salesOwner: row["sales_owner"],
            creditLimit: Money(minorUnits: row["credit_limit_minor"], currency: Currency(row["currency"])),
            paymentTermsDays: row["payment_terms_days"], parentCode: (row["parent_code"] as String?).map { try Code($0) },
            address: row["address"], contactName: row["contact_name"], email: row["email"], phone: row["phone"],
            vipLevel: row["vip_level"])
    }

    static func snapshot(_ company: Company) -> [String: String] {
        var values: [String: String] = [
            "code": company.code.rawValue, "name": company.name, "segment": company.segment.rawValue,
            "creditLimit": company.creditLimit.description, "paymentTermsDays": String(company.paymentTermsDays),
        ]
        values["salesOwner"] = company.salesOwner
        values["parent"] = company.parentCode?.rawValue
        values["address"] = company.address
        values["contactName"] = company.contactName
        values["email"] = company.email
        values["phone"] = company.phone
        values["vipLevel"] = company.vipLevel
        return values
    }
}
