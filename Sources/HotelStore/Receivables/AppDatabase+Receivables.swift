import GRDB
import HotelDomain

/// A payment as the accounts office records it (`ar pay`).
public struct PaymentRequest: Sendable {
    public var company: Code
    public var amount: Money
    public var receivedOn: CalendarDate
    public var reference: String?
    /// Invoice numbers to pay first, in this order; empty: oldest due first.
    public var applyTo: [String]

    public init(company: Code, amount: Money, receivedOn: CalendarDate, reference: String? = nil, applyTo: [String] = []) throws {
        guard amount.minorUnits > 0 else {
            throw DomainError.invalid("payment amount \(amount.decimalText) is not positive; record a payment of more than 0")
        }
        self.company = company
        self.amount = amount
        self.receivedOn = receivedOn
        self.reference = reference.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0.trimmingWhitespace }
        self.applyTo = applyTo.map { $0.uppercased() }
    }
}

/// One line of a company's statement: an invoice (debit) or a payment (credit), with the running balance.
public struct StatementEntry: Hashable, Sendable {
    public enum Kind: String, Sendable { case invoice, payment }
    public var date: CalendarDate
    public var kind: Kind
    public var number: String
    /// The stay's confirmation number for an invoice, the payer's reference for a payment.
    public var reference: String?
    public var amount: Money
    public var balance: Money
    /// For an invoice: its due date.
    public var dueOn: CalendarDate?
}

/// A company's account as of a date: every entry, the open invoices, the unapplied credit and the balance.
public struct AccountStatement: Sendable {
    public var company: Company
    public var asOf: CalendarDate
    public var entries: [StatementEntry]
    public var openInvoices: [Invoice]
    public var credit: Money
    public var balance: Money
}

extension AppDatabase {
    // MARK: - Posting charges

    /// Posts the direct-bill charges of a checked-out stay to its company's account (`ar post`).
    ///
    /// Rules: the booking belongs to the company, is direct-billed and checked out; without `amount` its total is
    /// posted, once (a second post without an amount is refused); with `amount` an extra charge is posted (e.g.
    /// banquet or minibar signed to the account). Unapplied credit on the account pays the new invoice at once.
    public func postCharges(
        company code: Code, booking confirmation: String, amount: Money?, today: CalendarDate, by author: ChangeAuthor
    ) throws -> Invoice {
        try write { db in
            let hotel = try Self.requireHotel(db)
            let company = try Self.requireCompany(db, code)
            let (id, reservation) = try Self.requireReservation(db, confirmation)
            guard reservation.companyCode == code else {
                throw DomainError.refused(
                    "reservation \(reservation.confirmation) is \(reservation.companyCode.map { "booked for company \($0)" } ?? "not booked for a company"), not for \(code); post it to its own company")
            }
            guard reservation.billing == .directBill else {
                throw DomainError.refused(
                    "reservation \(reservation.confirmation) is billed to the guest; only direct-bill stays go to \(code)'s account")
            }
            guard reservation.status == .checkedOut else {
                throw DomainError.refused(
                    "reservation \(reservation.confirmation) is \(reservation.status.rawValue); charges are posted when the guest has checked out")
            }
            if let amount {
                guard amount.currency == hotel.currency else {
                    throw DomainError.invalid("amount is in \(amount.currency) but \(code)'s account is kept in \(hotel.currency)")
                }
                guard amount.minorUnits > 0 else {
                    throw DomainError.invalid("amount \(amount.decimalText) is not positive; post a charge of more than 0")
                }
            } else if let posted = try String.fetchOne(
                db, sql: "SELECT number FROM ar_invoice WHERE reservation_id = ? ORDER BY id LIMIT 1", arguments: [id])
            {
                throw DomainError.refused(
                    "reservation \(reservation.confirmation) is already posted as \(posted); give --amount to post an extra charge")
            }
            return try Self.postInvoice(
                db, company: company, reservationID: id, confirmation: reservation.confirmation,
                amount: amount ?? reservation.total, issuedOn: today, author: author)
        }
    }

    /// Posts a direct-bill stay's total at check-out (called inside the check-out transaction).
    static func postStayCharges(_ db: Database, reservationID: Int64, _ reservation: Reservation, on day: CalendarDate, author: ChangeAuthor)
        throws
    {
        guard reservation.billing == .directBill, let code = reservation.companyCode, reservation.total.minorUnits > 0 else { return }
        let posted = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ar_invoice WHERE reservation_id = ?", arguments: [reservationID]) ?? 0
        guard posted == 0 else { return }
        _ = try postInvoice(
            db, company: try requireCompany(db, code), reservationID: reservationID, confirmation: reservation.confirmation,
            amount: reservation.total, issuedOn: day, author: author)
    }

    /// Writes an invoice, raises the balance, applies any unapplied credit oldest first, and audits it.
    static func postInvoice(
        _ db: Database, company: Company, reservationID: Int64?, confirmation: String?, amount: Money,
        issuedOn: CalendarDate, author: ChangeAuthor
    ) throws -> Invoice {
        let id = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM ar_invoice") ?? 1
        let number = "AR-" + padded(id)
        let dueOn = Invoice.dueDate(issuedOn: issuedOn, termsDays: company.paymentTermsDays)
        try db.execute(
            sql: """
                INSERT INTO ar_invoice (id, number, company_code, reservation_id, issued_on, due_on, amount_minor, currency,
                    created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, number, company.code.rawValue, reservationID, issuedOn.description, dueOn.description, amount.minorUnits,
                amount.currency.code, author.timestamp, author.user,
            ])
        try adjustBalance(db, company.code, by: amount)
        // Credit on account (over-payments) pays the new invoice, oldest payment first.
        var open = amount.minorUnits
        let credits = try Row.fetchAll(
            db,
            sql: "SELECT id, received_on, unapplied_minor FROM ar_payment WHERE company_code = ? AND unapplied_minor > 0 ORDER BY received_on, id",
            arguments: [company.code.rawValue])
        for credit in credits where open > 0 {
            let take = min(open, credit["unapplied_minor"] as Int64)
            let receivedOn: String = credit["received_on"]
            try allocate(db, paymentID: credit["id"], invoiceID: id, amount: take, appliedOn: max(receivedOn, issuedOn.description))
            open -= take
        }
        let invoice = Invoice(
            number: number, company: company.code, confirmation: confirmation, issuedOn: issuedOn, dueOn: dueOn, amount: amount,
            paid: Money(minorUnits: amount.minorUnits - open, currency: amount.currency))
        var snapshot = [
            "company": company.code.rawValue, "amount": amount.description, "issuedOn": issuedOn.description,
            "dueOn": dueOn.description, "paidFromCredit": invoice.paid.description,
        ]
        snapshot["booking"] = confirmation
        try db.audit(author, entity: "receivable", key: number, action: "post", old: nil, new: snapshot)
        return invoice
    }

    // MARK: - Payments

    /// Records a payment and applies it to the named invoices, else oldest due first; the rest is a credit on account.
    ///
    /// Rules: the amount is positive and in the hotel's currency; the date is not after today; every `--apply-to`
    /// invoice is an open invoice of the company.
    public func recordPayment(_ request: PaymentRequest, today: CalendarDate, by author: ChangeAuthor) throws
        -> (payment: Payment, shares: [PaymentAllocation.Share])
    {
        try write { db in
            let hotel = try Self.requireHotel(db)
            guard request.amount.currency == hotel.currency else {
                throw DomainError.invalid(
                    "payment is in \(request.amount.currency) but \(request.company)'s account is kept in \(hotel.currency); convert it and record the \(hotel.currency) amount received")
            }
            guard request.receivedOn <= today else {
                throw DomainError.invalid("payment date \(request.receivedOn) is after today (\(today)); record payments when they are received")
            }
            let company = try Self.requireCompany(db, request.company)
            let open = try Row.fetchAll(
                db,
                sql: "SELECT id, number, due_on, amount_minor - paid_minor AS open FROM ar_invoice WHERE company_code = ? AND paid_minor < amount_minor ORDER BY due_on, id",
                arguments: [company.code.rawValue])
            var ids: [String: Int64] = [:]
            var items: [(number: String, dueOn: CalendarDate, open: Money)] = []
            for row in open {
                ids[row["number"]] = row["id"]
                items.append((row["number"], try CalendarDate(parsing: row["due_on"]), Money(minorUnits: row["open"], currency: hotel.currency)))
            }
            for number in request.applyTo where ids[number] == nil {
                let list = items.prefix(8).map(\.number).joined(separator: ", ")
                throw DomainError.notFound(
                    "invoice \(number) is not an open invoice of \(company.code); \(items.isEmpty ? "the company has no open invoice" : "open: \(list)\(items.count > 8 ? ", …" : "")")")
            }
            let (shares, left) = PaymentAllocation.allocate(request.amount, openItems: items, applyTo: request.applyTo)
            let id = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM ar_payment") ?? 1
            let number = "PAY-" + Self.padded(id)
            try db.execute(
                sql: """
                    INSERT INTO ar_payment (id, number, company_code, received_on, amount_minor, unapplied_minor, currency, reference,
                        created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, number, company.code.rawValue, request.receivedOn.description, request.amount.minorUnits,
                    request.amount.minorUnits, request.amount.currency.code, request.reference, author.timestamp, author.user,
                ])
            for share in shares {
                guard let invoiceID = ids[share.invoice] else { continue }
                let issued = try String.fetchOne(db, sql: "SELECT issued_on FROM ar_invoice WHERE id = ?", arguments: [invoiceID]) ?? ""
                try Self.allocate(
                    db, paymentID: id, invoiceID: invoiceID, amount: share.amount.minorUnits,
                    appliedOn: max(request.receivedOn.description, issued))
            }
            try Self.adjustBalance(db, company.code, by: Money(minorUnits: -request.amount.minorUnits, currency: request.amount.currency))
            var snapshot = [
                "company": company.code.rawValue, "amount": request.amount.description, "receivedOn": request.receivedOn.description,
                "applied": shares.map { "\($0.invoice)=\($0.amount.decimalText)" }.joined(separator: " "),
                "unapplied": left.description,
            ]
            snapshot["reference"] = request.reference
            try db.audit(author, entity: "receivable", key: number, action: "pay", old: nil, new: snapshot)
            let payment = Payment(
                number: number, company: company.code, receivedOn: request.receivedOn, amount: request.amount,
                reference: request.reference, unapplied: left)
            return (payment, shares)
        }
    }

    static func allocate(_ db: Database, paymentID: Int64, invoiceID: Int64, amount: Int64, appliedOn: String) throws {
        try db.execute(
            sql: """
                INSERT INTO ar_allocation (payment_id, invoice_id, applied_on, amount_minor) VALUES (?, ?, ?, ?)
                ON CONFLICT(payment_id, invoice_id) DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor
                """,
            arguments: [paymentID, invoiceID, appliedOn, amount])
        try db.execute(sql: "UPDATE ar_invoice SET paid_minor = paid_minor + ? WHERE id = ?", arguments: [amount, invoiceID])
        try db.execute(sql: "UPDATE ar_payment SET unapplied_minor = unapplied_minor - ? WHERE id = ?", arguments: [amount, paymentID])
    }

    static func adjustBalance(_ db: Database, _ company: Code, by amount: Money) throws {
        try db.execute(
            sql: """
                INSERT INTO ar_account (company_code, balance_minor, currency) VALUES (?, ?, ?)
                ON CONFLICT(company_code) DO UPDATE SET balance_minor = balance_minor + excluded.balance_minor
                """,
            arguments: [company.rawValue, amount.minorUnits, amount.currency.code])
    }

    static func padded(_ id: Int64) -> String {
        let digits = String(id)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    // MARK: - Credit control

    /// Credit control for a direct-bill booking or group block of `company` expected to bring `expected` charges.
    ///
    /// Rule (see `CreditCheck`): balance + other open direct-bill bookings + the unpicked rooms of the company's
    /// unreleased direct-bill group blocks (rooms × block rate) + expected must stay within the credit
    /// limit; otherwise the booking is refused with the figures, unless `override` is set, in which case the
    /// override is audited (entity `credit`, action `override`) with the figures, the user and `reference`.
    /// Call it inside the booking's transaction, before the booking itself is written.
    @discardableResult
    public static func checkCredit(
        _ db: Database, company code: Code, expected: Money, override: Bool, author: ChangeAuthor, reference: String
    ) throws -> CreditCheck {
        let company = try requireCompany(db, code)
        let currency = company.creditLimit.currency
        let balance = try Int64.fetchOne(db, sql: "SELECT balance_minor FROM ar_account WHERE company_code = ?", arguments: [code.rawValue]) ?? 0
        let open =
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COALESCE(SUM(total_minor), 0) FROM reservation
                            WHERE company_code = ?1 AND billing = 'direct-bill'
                              AND status IN ('tentative', 'confirmed', 'checked-in'))
                         + (SELECT COALESCE(SUM((n.rooms - n.picked_up - n.released) * n.rate_minor), 0)
                            FROM group_block_night n JOIN group_block g ON g.code = n.group_code
                            WHERE g.company_code = ?1 AND g.billing = 'direct-bill' AND g.released_on IS NULL)
                    """,
                arguments: [code.rawValue]) ?? 0
        let check = CreditCheck(
            company: code, balance: Money(minorUnits: balance, currency: currency),
            openBookings: Money(minorUnits: open, currency: currency), expected: expected, limit: company.creditLimit)
        if let refusal = check.refusal {
            guard override else { throw refusal }
            var snapshot = check.snapshot
            snapshot["reference"] = reference
            try db.audit(author, entity: "credit", key: code.rawValue, action: "override", old: nil, new: snapshot)
        }
        return check
    }

    /// The company's receivable balance now (invoices less payments).
    public func receivableBalance(_ code: Code) throws -> Money {
        try read { db in
            let company = try Self.requireCompany(db, code)
            let balance = try Int64.fetchOne(db, sql: "SELECT balance_minor FROM ar_account WHERE company_code = ?", arguments: [code.rawValue])
            return Money(minorUnits: balance ?? 0, currency: company.creditLimit.currency)
        }
    }

    // MARK: - Statement, aging, dunning

    /// A company's account as of `asOf`: entries up to that day with the running balance, and its open items.
    public func statement(company code: Code, asOf: CalendarDate) throws -> AccountStatement {
        try read { db in
            let hotel = try Self.requireHotel(db)
            let company = try Self.requireCompany(db, code)
            let currency = hotel.currency
            let day = asOf.description
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.issued_on AS date, 'invoice' AS kind, i.id AS id, i.number AS number, r.confirmation AS reference,
                           i.amount_minor AS amount, i.due_on AS due_on
                    FROM ar_invoice i LEFT JOIN reservation r ON r.id = i.reservation_id
                    WHERE i.company_code = ? AND i.issued_on <= ?
                    UNION ALL
                    SELECT received_on, 'payment', id, number, reference, -amount_minor, NULL
                    FROM ar_payment WHERE company_code = ? AND received_on <= ?
                    ORDER BY 1, 2, 3
                    """,
                arguments: [code.rawValue, day, code.rawValue, day])
            var balance: Int64 = 0
            var entries: [StatementEntry] = []
            for row in rows {
                let amount: Int64 = row["amount"]
                balance += amount
                entries.append(
                    StatementEntry(
                        date: try CalendarDate(parsing: row["date"]), kind: StatementEntry.Kind(rawValue: row["kind"]) ?? .invoice,
                        number: row["number"], reference: row["reference"], amount: Money(minorUnits: amount, currency: currency),
                        balance: Money(minorUnits: balance, currency: currency),
                        dueOn: try (row["due_on"] as String?).map(CalendarDate.init(parsing:))))
            }
            let (open, credit) = try Self.openItems(db, company: code, asOf: asOf, currency: currency)
            return AccountStatement(
                company: company, asOf: asOf, entries: entries, openInvoices: open, credit: credit,
                balance: Money(minorUnits: balance, currency: currency))
        }
    }

    /// Open invoices (oldest due first) and unapplied credit of one company as of a day.
    static func openItems(_ db: Database, company code: Code, asOf: CalendarDate, currency: Currency) throws -> ([Invoice], Money) {
        let day = asOf.description
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT i.number, i.issued_on, i.due_on, i.amount_minor, r.confirmation,
                       (SELECT COALESCE(SUM(a.amount_minor), 0) FROM ar_allocation a WHERE a.invoice_id = i.id AND a.applied_on <= ?) AS paid
                FROM ar_invoice i LEFT JOIN reservation r ON r.id = i.reservation_id
                WHERE i.company_code = ? AND i.issued_on <= ?
                ORDER BY i.due_on, i.id
                """,
            arguments: [day, code.rawValue, day])
        let invoices = try rows.compactMap { row -> Invoice? in
            let amount: Int64 = row["amount_minor"]
            let paid: Int64 = row["paid"]
            guard paid < amount else { return nil }
            return Invoice(
                number: row["number"], company: code, confirmation: row["confirmation"],
                issuedOn: try CalendarDate(parsing: row["issued_on"]), dueOn: try CalendarDate(parsing: row["due_on"]),
                amount: Money(minorUnits: amount, currency: currency), paid: Money(minorUnits: paid, currency: currency))
        }
        let credit =
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(p.amount_minor - (SELECT COALESCE(SUM(a.amount_minor), 0) FROM ar_allocation a
                        WHERE a.payment_id = p.id AND a.applied_on <= ?)), 0)
                    FROM ar_payment p WHERE p.company_code = ? AND p.received_on <= ?
                    """,
                arguments: [day, code.rawValue, day]) ?? 0
        return (invoices, Money(minorUnits: credit, currency: currency))
    }

    /// Per company with any receivable entry: open amounts by age, credit, limit (`ar aging`), by code.
    ///
    /// One pass over the invoices and one over the payments, whatever the number of companies.
    public func aging(asOf: CalendarDate) throws -> [AgingLine] {
        try read { db in
            let hotel = try Self.requireHotel(db)
            let currency = hotel.currency
            let day = asOf.description
            var open: [String: [Int64]] = [:]
            var oldest: [String: Int] = [:]
            let invoices = try Row.fetchCursor(
                db,
                sql: """
                    SELECT i.company_code, i.due_on, i.amount_minor - COALESCE(a.paid, 0) AS open
                    FROM ar_invoice i
                    LEFT JOIN (SELECT invoice_id, SUM(amount_minor) AS paid FROM ar_allocation WHERE applied_on <= ? GROUP BY invoice_id) a
                        ON a.invoice_id = i.id
                    WHERE i.issued_on <= ?
                    """,
                arguments: [day, day])
            while let row = try invoices.next() {
                let company: String = row["company_code"]
                var buckets = open[company] ?? [0, 0, 0, 0, 0]
                let amount: Int64 = row["open"]
                if amount > 0 {
                    let days = try CalendarDate(parsing: row["due_on"]).days(until: asOf)
                    buckets[AgingBucket(daysPastDue: days).rawValue] += amount
                    if days > 0 { oldest[company] = max(oldest[company] ?? 0, days) }
                }
                open[company] = buckets
            }
            var credit: [String: Int64] = [:]
            let payments = try Row.fetchCursor(
                db,
                sql: """
                    SELECT p.company_code, SUM(p.amount_minor - COALESCE(a.applied, 0)) AS credit
                    FROM ar_payment p
                    LEFT JOIN (SELECT payment_id, SUM(amount_minor) AS applied FROM ar_allocation WHERE applied_on <= ? GROUP BY payment_id) a
                        ON a.payment_id = p.id
                    WHERE p.received_on <= ?
                    GROUP BY p.company_code
                    """,
                arguments: [day, day])
            while let row = try payments.next() {
                let company: String = row["company_code"]
                credit[company] = row["credit"]
                if open[company] == nil { open[company] = [0, 0, 0, 0, 0] }
            }
            let companies = try Row.fetchAll(db, sql: "SELECT code, name, credit_limit_minor FROM company ORDER BY code")
            return try companies.compactMap { row -> AgingLine? in
                let code: String = row["code"]
                guard let buckets = open[code] else { return nil }
                return AgingLine(
                    company: try Code(code), name: row["name"], buckets: buckets.map { Money(minorUnits: $0, currency: currency) },
                    credit: Money(minorUnits: credit[code] ?? 0, currency: currency),
                    creditLimit: Money(minorUnits: row["credit_limit_minor"], currency: currency),
                    oldestDaysPastDue: oldest[code] ?? 0)
            }
        }
    }

    /// A reminder letter for every company with an overdue invoice as of `asOf`, by code.
    public func dunning(asOf: CalendarDate) throws -> [DunningLetter] {
        let lines = try aging(asOf: asOf).filter { $0.oldestDaysPastDue > 0 }
        return try read { db in
            let hotel = try Self.requireHotel(db)
            let hotelName = try String.fetchOne(db, sql: "SELECT name FROM hotel WHERE id = 1") ?? hotel.name
            return try lines.compactMap { line -> DunningLetter? in
                guard let level = DunningLevel(daysPastDue: line.oldestDaysPastDue) else { return nil }
                let company = try Self.requireCompany(db, line.company)
                let (open, credit) = try Self.openItems(db, company: line.company, asOf: asOf, currency: hotel.currency)
                return DunningLetter(hotelName: hotelName, company: company, level: level, asOf: asOf, openInvoices: open, credit: credit)
            }
        }
    }

    /// Every way the stored balances disagree with their entries (empty when the books are consistent):
    /// the account balance against invoices less payments, an invoice's paid amount and a payment's unapplied
    /// amount against the allocations.
    public func receivableDiscrepancies() throws -> [String] {
        try read { db in
            var problems: [String] = []
            let accounts = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.code,
                        COALESCE((SELECT balance_minor FROM ar_account WHERE company_code = c.code), 0) AS stored,
                        COALESCE((SELECT SUM(amount_minor) FROM ar_invoice WHERE company_code = c.code), 0)
                          - COALESCE((SELECT SUM(amount_minor) FROM ar_payment WHERE company_code = c.code), 0) AS entries
                    FROM company c
                    """)
            for row in accounts where (row["stored"] as Int64) != (row["entries"] as Int64) {
                problems.append("company \(row["code"] as String): balance \(row["stored"] as Int64) but entries sum to \(row["entries"] as Int64)")
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT number, paid_minor, (SELECT COALESCE(SUM(amount_minor), 0) FROM ar_allocation WHERE invoice_id = i.id) AS applied
                    FROM ar_invoice i
                    """) where (row["paid_minor"] as Int64) != (row["applied"] as Int64)
            {
                problems.append("invoice \(row["number"] as String): paid \(row["paid_minor"] as Int64) but allocations sum to \(row["applied"] as Int64)")
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT number, amount_minor - unapplied_minor AS used,
                        (SELECT COALESCE(SUM(amount_minor), 0) FROM ar_allocation WHERE payment_id = p.id) AS applied
                    FROM ar_payment p
                    """) where (row["used"] as Int64) != (row["applied"] as Int64)
            {
                problems.append("payment \(row["number"] as String): applied \(row["used"] as Int64) but allocations sum to \(row["applied"] as Int64)")
            }
            return problems
        }
    }
}
