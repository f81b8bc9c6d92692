import GRDB
import HotelDomain

extension AppDatabase {
    /// Registers a travel agency or OTA with its commission terms (audited).
    ///
    /// Rules: the code is new; the IATA number, when given, belongs to no other intermediary; flat amounts are
    /// in the hotel's currency.
    public func addIntermediary(_ intermediary: Intermediary, by author: ChangeAuthor) throws {
        try write { db in
            let hotel = try Self.requireHotel(db)
            if try Self.fetchIntermediary(db, intermediary.code) != nil {
                throw DomainError.refused(
                    "intermediary \(intermediary.code) already exists; choose another code or see 'hotelsales intermediaries show \(intermediary.code)'"
                )
            }
            if let iata = intermediary.iata,
                let other = try String.fetchOne(
                    db, sql: "SELECT code FROM intermediary WHERE iata = ?", arguments: [iata.rawValue])
            {
                throw DomainError.refused(
                    "IATA number \(iata) is already intermediary \(other)'s; an IATA number names one agency")
            }
            let terms = intermediary.terms
            guard terms.flatPerNight.currency == hotel.currency, terms.flatPerStay.currency == hotel.currency else {
                throw DomainError.invalid("flat commission amounts must be in the hotel's currency \(hotel.currency)")
            }
            try db.execute(
                sql: """
                    INSERT INTO intermediary (code, name, iata, commission_bp, basis, flat_per_night_minor, flat_per_stay_minor,
                        currency, cap_nights, valid_from, valid_to, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    intermediary.code.rawValue, intermediary.name, intermediary.iata?.rawValue, terms.percent.value,
                    terms.basis.rawValue, terms.flatPerNight.minorUnits, terms.flatPerStay.minorUnits,
                    hotel.currency.code,
                    terms.capNights, terms.validFrom?.description, terms.validTo?.description, author.timestamp,
                ])
            try db.audit(
                author, entity: "intermediary", key: intermediary.code.rawValue, action: "create", old: nil,
                new: Self.snapshot(intermediary))
        }
    }

    /// Every intermediary, by code.
    public func intermediaries() throws -> [Intermediary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM intermediary ORDER BY code").map(Self.intermediary(from:))
        }
    }

    /// The intermediary with this code, or an error naming the known codes.
    public func intermediary(_ code: Code) throws -> Intermediary {
        try read { db in try Self.requireIntermediary(db, code) }
    }

    static func requireIntermediary(_ db: Database, _ code: Code) throws -> Intermediary {
        guard let intermediary = try fetchIntermediary(db, code) else {
            let known = try String.fetchAll(db, sql: "SELECT code FROM intermediary ORDER BY code")
            throw DomainError.notFound(
                "intermediary \(code) does not exist; \(known.isEmpty ? "add it with 'hotelsales intermediaries add'" : "known: \(known.joined(separator: ", "))")"
            )
        }
        return intermediary
    }

    static func fetchIntermediary(_ db: Database, _ code: Code) throws -> Intermediary? {
        try Row.fetchOne(db, sql: "SELECT * FROM intermediary WHERE code = ?", arguments: [code.rawValue]).map(
            intermediary(from:))
    }

    static func intermediary(from row: Row) throws -> Intermediary {
        let currency = try Currency(row["currency"])
        let terms = try CommissionTerms(
            percent: BasisPoints(row["commission_bp"]), basis: CommissionBasis(parsing: row["basis"]),
            flatPerNight: Money(minorUnits: row["flat_per_night_minor"], currency: currency),
            flatPerStay: Money(minorUnits: row["flat_per_stay_minor"], currency: currency),
            capNights: row["cap_nights"],
            validFrom: (row["valid_from"] as String?).map(CalendarDate.init(parsing:)),
            validTo: (row["valid_to"] as String?).map(CalendarDate.init(parsing:)))
        return try Intermediary(
            code: Code(row["code"]), name: row["name"], iata: (row["iata"] as String?).map(IATANumber.init(parsing:)),
            terms: terms)
    }

    /// Marks a new booking as made through `code` (the intermediary must exist).
    static func recordIntermediary(_ db: Database, id: Int64, _ code: Code) throws {
        _ = try requireIntermediary(db, code)
        try db.execute(
            sql: "UPDATE reservation SET intermediary_code = ? WHERE id = ?", arguments: [code.rawValue, id])
    }

    static func snapshot(_ intermediary: Intermediary) -> [String: String] {
        var values = [
            "code": intermediary.code.rawValue, "name": intermediary.name, "terms": intermediary.terms.summary,
        ]
        values["iata"] = intermediary.iata?.rawValue
        return values
    }
}
