import GRDB
import HotelDomain

/// One booking of `commissions due`: the booking, its intermediary, what is due and whether it was paid.
public struct CommissionDueLine: Sendable {
    public var reservation: Reservation
    public var due: CommissionDue
    /// The statement whose approval paid this booking's commission, if any.
    public var paidInStatement: Int64?
}

/// The outcome of `commissions check`: the stored statement's id and the verdict on every line.
public struct CommissionStatementReport: Sendable {
    public var id: Int64
    public var intermediary: Intermediary
    public var fileName: String
    public var currency: Currency
    public var results: [ClaimResult]

    public var claimed: Money { results.reduce(.zero(currency)) { $0 + $1.claimed } }
    public var due: Money { results.reduce(.zero(currency)) { $0 + $1.due } }
    public var difference: Money { claimed - due }
    public var linesOK: Int { results.filter(\.isOK).count }
    public var linesDisputed: Int { results.count - linesOK }
}

/// A claim line approved for payment, for the payment export.
public struct ApprovedClaim: Sendable {
    public var statementID: Int64
    public var line: Int
    public var intermediary: Code
    public var intermediaryName: String
    public var iata: String?
    public var reference: String
    public var confirmation: String
    public var guest: String
    public var arrival: String
    public var departure: String
    public var claimed: Money
    public var approved: Money
    public var approvedAt: String
    public var approvedBy: String
}

extension AppDatabase {
    // MARK: - Tax rate

    /// The tax rate included in the hotel's prices, for commission on revenue net of tax (0% until set).
    public func commissionTaxRate() throws -> BasisPoints {
        try read { db in try Self.taxRate(db) }
    }

    /// Sets the tax rate included in the hotel's prices (audited). Returns false when it was already that.
    @discardableResult
    public func setCommissionTaxRate(_ rate: BasisPoints, by author: ChangeAuthor) throws -> Bool {
        try write { db in
            _ = try Self.requireHotel(db)
            let old = try Self.taxRate(db)
            guard old != rate else { return false }
            try db.execute(
                sql:
                    "INSERT INTO commission_setting (id, tax_rate_bp) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET tax_rate_bp = excluded.tax_rate_bp",
                arguments: [rate.value])
            try db.audit(
                author, entity: "commission_setting", key: "tax-rate", action: "update",
                old: ["taxRate": old.description],
                new: ["taxRate": rate.description])
            return true
        }
    }

    static func taxRate(_ db: Database) throws -> BasisPoints {
        BasisPoints(try Int.fetchOne(db, sql: "SELECT tax_rate_bp FROM commission_setting WHERE id = 1") ?? 0)
    }

    // MARK: - Due

    /// What the hotel owes `code` for the stays departing within `departures`, booking by booking.
    public func commissionDue(_ code: Code, departures: NightRange) throws -> (
        Intermediary, BasisPoints, [CommissionDueLine]
    ) {
        try read { db in
            let intermediary = try Self.requireIntermediary(db, code)
            let taxRate = try Self.taxRate(db)
            let owners = try CommissionOwners(db)
            let nonCommissionable = try Self.nonCommissionablePlans(db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM reservation
                    WHERE departure >= ? AND departure <= ?
                      AND (intermediary_code = ? OR (intermediary_code IS NULL AND (travel_agent_iata = ? OR channel_code = ?)))
                    ORDER BY departure, id
                    """,
                arguments: [
                    departures.first.description, departures.last.description, code.rawValue,
                    intermediary.iata?.rawValue ?? "", code.rawValue,
                ])
            return (
                intermediary, taxRate,
                try rows.filter { owners.owner(of: $0) == code }.map { row in
                    let reservation = try Self.reservation(from: row, db)
                    let booking = CommissionableBooking(
                        reservation: reservation, nonCommissionablePlans: nonCommissionable,
                        feedCommission: Self.feedCommission(row, reservation.total.currency))
                    return CommissionDueLine(
                        reservation: reservation, due: intermediary.terms.due(for: booking, taxRate: taxRate),
                        paidInStatement: try Self.paidInStatement(db, reservationID: row["id"]))
                }
            )
        }
    }

    // MARK: - Check

    /// Checks a statement claim by claim and stores it with its verdicts (audited), so that its lines can be
    /// approved. Lines in another currency are converted at `exchangeRates`.
    ///
    /// Rules: the intermediary exists; every currency of the statement other than the hotel's has a rate,
    /// otherwise the whole statement is refused and nothing is written; a reference is a hotel confirmation
    /// number or a channel reservation id; see `ClaimCheck` for the verdicts.
    public func checkStatement(
        intermediary code: Code, fileName: String, lines: [CommissionStatementLine], exchangeRates: [ExchangeRate],
        today: CalendarDate, by author: ChangeAuthor
    ) throws -> CommissionStatementReport {
        try write { db in
            let hotel = try Self.requireHotel(db)
            let intermediary = try Self.requireIntermediary(db, code)
            let rates = Dictionary(exchangeRates.map { ($0.from.code, $0) }, uniquingKeysWith: { _, last in last })
            let foreign = Set(
                lines.compactMap { line -> String? in
                    guard case .claim(_, let currency) = line, currency != hotel.currency else { return nil }
                    return currency.code
                })
            if let missing = foreign.sorted().first(where: { rates[$0] == nil }) {
                throw DomainError.refused(
                    "statement \(fileName) has amounts in \(missing) but the hotel's currency is \(hotel.currency); give --exchange-rate \(missing)=RATE (one \(missing) in \(hotel.currency)) to check it"
                )
            }
            let taxRate = try Self.taxRate(db)
            let owners = try CommissionOwners(db)
            let nonCommissionable = try Self.nonCommissionablePlans(db)
            let checker = ClaimCheck(intermediary: code, taxRate: taxRate)
            let zero = Money.zero(hotel.currency)
            var firstLine: [String: Int] = [:]
            var results: [ClaimResult] = []
            var reservationIDs: [Int: Int64] = [:]
            for line in lines {
                switch line {
                case .malformed(let number, let reference, let guest, let problem):
                    results.append(
                        ClaimResult(
                            line: number, reference: reference, guest: guest, confirmation: nil, reason: .malformed,
                            explanation: problem, claimed: zero, due: zero, arithmetic: ""))
                case .claim(var claim, let currency):
                    if currency != hotel.currency, let rate = rates[currency.code] {
                        guard let claimed = rate.convert(claim.claimed), let revenue = rate.convert(claim.roomRevenue)
                        else {
                            results.append(
                                ClaimResult(
                                    line: claim.line, reference: claim.reference, guest: claim.guest, confirmation: nil,
                                    reason: .malformed, explanation: "the amounts are too large to convert at \(rate)",
                                    claimed: zero, due: zero, arithmetic: ""))
                            continue
                        }
                        claim.originalClaimed = claim.claimed
                        claim.claimed = claimed
                        claim.roomRevenue = revenue
                    }
                    let row = try Self.claimedReservation(db, reference: claim.reference, for: code, owners: owners)
                    let booking: ClaimedBooking
                    let key: String
                    if let row {
                        let id: Int64 = row["id"]
                        let reservation = try Self.reservation(from: row, db)
                        let due = intermediary.terms.due(
                            for: CommissionableBooking(
                                reservation: reservation, nonCommissionablePlans: nonCommissionable,
                                feedCommission: Self.feedCommission(row, reservation.total.currency)),
                            taxRate: taxRate)
                        booking = .found(
                            reservation, owner: owners.owner(of: row),
                            paidInStatement: try Self.paidInStatement(db, reservationID: id), due: due)
                        key = "#\(id)"
                        reservationIDs[claim.line] = id
                    } else {
                        booking = .unknown
                        key = claim.reference.uppercased()
                    }
                    let duplicateOf = firstLine[key]
                    if duplicateOf == nil { firstLine[key] = claim.line }
                    var result = checker.check(claim, booking: booking, duplicateOfLine: duplicateOf)
                    if let original = claim.originalClaimed, let rate = rates[original.currency.code] {
                        result.explanation = "\(original) at \(rate) is \(claim.claimed); " + result.explanation
                    }
                    results.append(result)
                }
            }
            let report = CommissionStatementReport(
                id: 0, intermediary: intermediary, fileName: fileName, currency: hotel.currency, results: results)
            try db.execute(
                sql: """
                    INSERT INTO commission_statement (intermediary_code, file_name, currency, exchange_rates, tax_rate_bp,
                        claimed_minor, due_minor, lines_ok, lines_disputed, checked_on, checked_at, checked_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    code.rawValue, fileName, hotel.currency.code,
                    exchangeRates.map(\.description).joined(separator: " "),
                    taxRate.value, report.claimed.minorUnits, report.due.minorUnits, report.linesOK,
                    report.linesDisputed,
                    today.description, author.timestamp, author.user,
                ])
            let id = db.lastInsertedRowID
            let originals = Dictionary(
                lines.compactMap { line -> (Int, Money)? in
                    guard case .claim(let claim, let currency) = line, currency != hotel.currency else { return nil }
                    return (claim.line, claim.claimed)
                }, uniquingKeysWith: { first, _ in first })
            let claims = Dictionary(
                lines.compactMap { line -> (Int, CommissionClaim)? in
                    guard case .claim(let claim, _) = line else { return nil }
                    return (claim.line, claim)
                }, uniquingKeysWith: { first, _ in first })
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO commission_claim (statement_id, line, reference, guest, arrival, departure, room_revenue_minor,
                        claimed_minor, claimed_currency, claimed_original_minor, reservation_id, confirmation, due_minor, reason,
                        explanation, arithmetic)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for result in results {
                let claim = claims[result.line]
                let original = originals[result.line]
                try insert.execute(arguments: [
                    id, result.line, result.reference, result.guest, claim?.arrival.description,
                    claim?.departure.description,
                    claim.map { $0.roomRevenue.currency == hotel.currency ? $0.roomRevenue.minorUnits : nil } ?? nil,
                    result.claimed.minorUnits, original?.currency.code, original?.minorUnits,
                    reservationIDs[result.line],
                    result.confirmation, result.due.minorUnits, result.reason?.rawValue, result.explanation,
                    result.arithmetic,
                ])
            }
            try db.audit(
                author, entity: "commission_statement", key: String(id), action: "check", old: nil,
                new: [
                    "intermediary": code.rawValue, "file": fileName, "lines": String(results.count),
                    "claimed": report.claimed.description, "due": report.due.description, "ok": String(report.linesOK),
                    "disputed": String(report.linesDisputed),
                ])
            var stored = report
            stored.id = id
            return stored
        }
    }

    // MARK: - Approve and pay

    /// Approves lines of a checked statement for payment (audited): by default every OK line not yet approved,
    /// or exactly `lines`. An approved line pays the smaller of claimed and due, and its booking can never be
    /// paid again: later statements that claim it get ALREADY_PAID.
    ///
    /// Refused, with nothing written: an unknown statement or line, a line already approved, a line on which
    /// nothing is due, a booking already paid in another statement, or nothing left to approve.
    public func approveClaims(statement id: Int64, lines: [Int]?, by author: ChangeAuthor) throws -> [ApprovedClaim] {
        try write { db in
            guard
                let statement = try Row.fetchOne(
                    db, sql: "SELECT * FROM commission_statement WHERE id = ?", arguments: [id])
            else {
                throw DomainError.notFound(
                    "commission statement \(id) does not exist; use the id printed by 'hotelsales commissions check'")
            }
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM commission_claim WHERE statement_id = ? ORDER BY line", arguments: [id])
            let byLine = Dictionary(
                rows.map { (Int($0["line"] as Int64), $0) }, uniquingKeysWith: { first, _ in first })
            var selected: [Row] = []
            if let lines {
                for line in lines {
                    guard let row = byLine[line] else {
                        throw DomainError.notFound(
                            "statement \(id) has no line \(line); its lines are \(rows.map { String(Int($0["line"] as Int64)) }.joined(separator: ", "))"
                        )
                    }
                    selected.append(row)
                }
            } else {
                selected = rows.filter { ($0["reason"] as String?) == nil && ($0["approved_at"] as String?) == nil }
            }
            guard !selected.isEmpty else {
                throw DomainError.refused(
                    "statement \(id) has no OK line left to approve; name disputed lines with --lines to pay what is due on them"
                )
            }
            let currency = try Currency(statement["currency"])
            var approved: [(line: Int, amount: Money)] = []
            for row in selected {
                let line = Int(row["line"] as Int64)
                let reason: String? = row["reason"]
                if let at: String = row["approved_at"] {
                    throw DomainError.refused("line \(line) of statement \(id) was already approved on \(at)")
                }
                let payable = min(row["claimed_minor"] as Int64, row["due_minor"] as Int64)
                guard let reservationID: Int64 = row["reservation_id"], payable > 0 else {
                    throw DomainError.refused(
                        "line \(line) of statement \(id) is \(reason ?? "OK") with nothing due; it cannot be approved")
                }
                if let paidIn = try Self.paidInStatement(db, reservationID: reservationID) {
                    throw DomainError.refused(
                        "line \(line) of statement \(id): booking \(row["confirmation"] as String? ?? "") was already approved in statement \(paidIn)"
                    )
                }
                try db.execute(
                    sql: """
                        UPDATE commission_claim SET approved_minor = ?, approved_at = ?, approved_by = ?
                        WHERE statement_id = ? AND line = ?
                        """,
                    arguments: [payable, author.timestamp, author.user, id, line])
                approved.append((line, Money(minorUnits: payable, currency: currency)))
            }
            let total = approved.reduce(Money.zero(currency)) { $0 + $1.amount }
            try db.audit(
                author, entity: "commission_statement", key: String(id), action: "approve", old: nil,
                new: [
                    "lines": approved.map { "\($0.line)=\($0.amount.decimalText)" }.joined(separator: " "),
                    "total": total.description,
                ])
            return try Self.approvedClaims(db, statement: id).filter { claim in
                approved.contains { $0.line == claim.line }
            }
        }
    }

    /// The approved lines of a statement, for the payment file; refused when none is approved.
    public func approvedClaims(statement id: Int64) throws -> [ApprovedClaim] {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM commission_statement WHERE id = ?", arguments: [id]) == true
            else {
                throw DomainError.notFound(
                    "commission statement \(id) does not exist; use the id printed by 'hotelsales commissions check'")
            }
            let claims = try Self.approvedClaims(db, statement: id)
            guard !claims.isEmpty else {
                throw DomainError.refused(
                    "statement \(id) has no approved line; approve lines first with 'hotelsales commissions approve --statement-id \(id)'"
                )
            }
            return claims
        }
    }

    static func approvedClaims(_ db: Database, statement id: Int64) throws -> [ApprovedClaim] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.*, s.currency, s.intermediary_code, i.name AS intermediary_name, i.iata
                FROM commission_claim c JOIN commission_statement s ON s.id = c.statement_id
                JOIN intermediary i ON i.code = s.intermediary_code
                WHERE c.statement_id = ? AND c.approved_at IS NOT NULL ORDER BY c.line
                """, arguments: [id]
        ).map { row in
            let currency = try Currency(row["currency"])
            return ApprovedClaim(
                statementID: id, line: Int(row["line"] as Int64), intermediary: try Code(row["intermediary_code"]),
                intermediaryName: row["intermediary_name"], iata: row["iata"], reference: row["reference"],
                confirmation: row["confirmation"] ?? "", guest: row["guest"], arrival: row["arrival"] ?? "",
                departure: row["departure"] ?? "", claimed: Money(minorUnits: row["claimed_minor"], currency: currency),
                approved: Money(minorUnits: row["approved_minor"], currency: currency), approvedAt: row["approved_at"],
                approvedBy: row["approved_by"])
        }
    }

    // MARK: - Shared steps

    static func nonCommissionablePlans(_ db: Database) throws -> Set<Code> {
        Set(try String.fetchAll(db, sql: "SELECT code FROM rate_plan WHERE commissionable = 0").map { try Code($0) })
    }

    static func feedCommission(_ row: Row, _ currency: Currency) -> ChannelCommission? {
        if let share: Int = row["commission_bp"] { return .percent(BasisPoints(share)) }
        if let amount: Int64 = row["commission_minor"] { return .amount(Money(minorUnits: amount, currency: currency)) }
        return nil
    }

    static func paidInStatement(_ db: Database, reservationID: Int64) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT statement_id FROM commission_claim WHERE reservation_id = ? AND approved_at IS NOT NULL",
            arguments: [reservationID])
    }

    /// The booking a statement line names: its hotel confirmation number, else its channel reservation id
    /// (preferring the intermediary's own booking when two channels used the same id).
    static func claimedReservation(_ db: Database, reference: String, for code: Code, owners: CommissionOwners) throws
        -> Row?
    {
        if let row = try Row.fetchOne(
            db, sql: "SELECT * FROM reservation WHERE confirmation = ?", arguments: [reference.uppercased()])
        {
            return row
        }
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM reservation WHERE channel_reference = ? ORDER BY id", arguments: [reference])
        return rows.first { owners.owner(of: $0) == code } ?? rows.first
    }
}

/// Which intermediary a booking belongs to: the one it was booked through (`--intermediary`), else the
/// travel agent whose IATA number the channel's feed gave, else the intermediary whose code is its channel.
struct CommissionOwners {
    let codes: Set<String>
    let byIATA: [String: String]

    init(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT code, iata FROM intermediary")
        codes = Set(rows.map { $0["code"] as String })
        byIATA = Dictionary(
            rows.compactMap { row -> (String, String)? in
                guard let iata: String = row["iata"] else { return nil }
                return (iata, row["code"])
            }, uniquingKeysWith: { first, _ in first })
    }

    func owner(of row: Row) -> Code? {
        if let code: String = row["intermediary_code"] { return Code(stringLiteral: code) }
        if let iata: String = row["travel_agent_iata"], let code = byIATA[iata] { return Code(stringLiteral: code) }
        if let channel: String = row["channel_code"], codes.contains(channel) { return Code(stringLiteral: channel) }
        return nil
    }
}
