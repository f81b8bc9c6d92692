import Foundation
import GRDB
import HotelDomain
import HotelStore

/// Issue 8's speed targets, end-to-end through the binary: `reports production --period 2027` and `ar aging`,
/// each under 500 ms, with 500 agreement companies.
///
/// Runs after the other measurements, because it changes the data: it adds companies C001…C500 (sales owners
/// s01…s25, segments in turn), spreads every company reservation over them (and rebuilds `company_night`), posts
/// every checked-out company stay as an invoice plus 20 older invoices per company, and pays about 60% of them in
/// full (one payment each) and a few partly; `receivableDiscrepancies()` must be empty before anything is timed.
struct ReceivablesBenchmark {
    let bench: BenchHotel
    let binary: String
    let clock = ContinuousClock()
    static let companies = 500

    /// `nil` when the binary has no `ar` command yet.
    func measure(runs: Int) throws -> [Measurement] {
        guard try run(["ar", "aging", "--help"]).status == 0 else { return [] }
        let (invoices, payments) = try load()
        let problems = try bench.database.receivableDiscrepancies()
        guard problems.isEmpty else { throw BenchError("receivables are inconsistent: \(problems[0])") }
        print("receivables: \(Self.companies) more companies, \(invoices) invoices, \(payments) payments; receivableDiscrepancies(): none")
        return [
            try time("reports production --period 2027 (by company), end-to-end", ["reports", "production", "--period", "2027", "--by", "company"], runs: runs),
            try time("— the same by segment with --compare last-year", ["reports", "production", "--period", "2027", "--by", "segment", "--compare", "last-year"], runs: runs, decides: false),
            try time("ar aging (\(Self.companies + 3) companies), end-to-end", ["ar", "aging", "--as-of", "2027-03-31"], runs: runs),
        ]
    }

    private func time(_ name: String, _ arguments: [String], runs: Int, decides: Bool = true) throws -> Measurement {
        var samples: [Duration] = []
        for index in 0...runs {
            let result = try run(arguments + ["--db", bench.path, "--today", bench.today.description])
            guard result.status == 0 else {
                throw BenchError("\(binary) \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
            }
            if index > 0 { samples.append(result.elapsed) }
        }
        var measurement = Measurement(name: name, samples: samples, target: .milliseconds(500))
        measurement.decides = decides
        return measurement
    }

    /// Writes the companies and the receivables in one transaction; returns the counts of invoices and payments.
    private func load() throws -> (Int, Int) {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(AppDatabase.busyTimeout)
        let queue = try DatabaseQueue(path: bench.path, configuration: configuration)
        defer { try? queue.close() }
        let segments = ["corporate", "government", "mice", "wholesale", "travel-agency"]
        let currency = bench.hotel.currency.code
        var random = SplitMix64(seed: 8)
        var counts = (0, 0)
        try queue.inTransaction(.immediate) { db in
            let insertCompany = try db.makeStatement(
                sql: """
                    INSERT INTO company (code, name, segment, sales_owner, credit_limit_minor, currency, payment_terms_days, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, '2027-01-01T00:00:00.000Z')
                    """)
            for index in 1...Self.companies {
                try insertCompany.execute(arguments: [
                    String(format: "C%03d", index), "Company \(index)", segments[index % segments.count],
                    String(format: "s%02d", index % 25 + 1), Int64(index % 10 + 1) * 5_000_000, currency, [15, 30, 45, 60][index % 4],
                ])
            }
            try db.execute(
                sql: """
                    UPDATE reservation SET company_code = printf('C%03d', id % \(Self.companies) + 1) WHERE company_code IS NOT NULL;
                    DELETE FROM company_night;
                    INSERT INTO company_night (company_code, night, rooms)
                        SELECT r.company_code, n.night, SUM(r.rooms)
                        FROM reservation_night n JOIN reservation r ON r.id = n.reservation_id
                        WHERE r.company_code IS NOT NULL
                          AND r.status IN ('tentative', 'confirmed', 'checked-in', 'checked-out')
                        GROUP BY r.company_code, n.night;
                    """)
            let insertInvoice = try db.makeStatement(
                sql: """
                    INSERT INTO ar_invoice (id, number, company_code, reservation_id, issued_on, due_on, amount_minor, paid_minor,
                        currency, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2027-01-01T00:00:00.000Z', 'bench')
                    """)
            let insertPayment = try db.makeStatement(
                sql: """
                    INSERT INTO ar_payment (id, number, company_code, received_on, amount_minor, unapplied_minor, currency, reference,
                        created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, 0, ?, NULL, '2027-01-01T00:00:00.000Z', 'bench')
                    """)
            let insertAllocation = try db.makeStatement(
                sql: "INSERT INTO ar_allocation (payment_id, invoice_id, applied_on, amount_minor) VALUES (?, ?, ?, ?)")
            var invoices: [(company: String, reservation: Int64?, issued: CalendarDate, amount: Int64)] = []
            for row in try Row.fetchAll(
                db,
                sql: "SELECT id, company_code, departure, total_minor FROM reservation WHERE company_code IS NOT NULL AND status = 'checked-out' AND total_minor > 0")
            {
                invoices.append((row["company_code"], row["id"], try CalendarDate(parsing: row["departure"]), row["total_minor"]))
            }
            let first = bench.firstNight.adding(days: -180)
            for index in 1...Self.companies {
                for _ in 0..<20 {
                    invoices.append(
                        (String(format: "C%03d", index), nil, first.adding(days: Int.random(in: 0..<180, using: &random)),
                         Int64.random(in: 50_000...2_000_000, using: &random)))
                }
            }
            var balances: [String: Int64] = [:]
            var paymentID: Int64 = 0
            for (offset, invoice) in invoices.enumerated() {
                let id = Int64(offset + 1)
                let terms = [15, 30, 45, 60][(Int(invoice.company.dropFirst()) ?? 0) % 4]
                let due = invoice.issued.adding(days: terms)
                let roll = Int.random(in: 0..<100, using: &random)
                let paid = roll < 60 ? invoice.amount : roll < 70 ? invoice.amount / 2 : 0
                try insertInvoice.execute(arguments: [
                    id, "AR-" + String(format: "%06d", id), invoice.company, invoice.reservation, invoice.issued.description,
                    due.description, invoice.amount, paid, currency,
                ])
                balances[invoice.company, default: 0] += invoice.amount - paid
                guard paid > 0 else { continue }
                paymentID += 1
                let received = min(bench.today, due.adding(days: Int.random(in: -10...20, using: &random)))
                let receivedOn = max(received, invoice.issued).description
                try insertPayment.execute(arguments: [paymentID, "PAY-" + String(format: "%06d", paymentID), invoice.company, receivedOn, paid, currency])
                try insertAllocation.execute(arguments: [paymentID, id, receivedOn, paid])
            }
            let account = try db.makeStatement(sql: "INSERT INTO ar_account (company_code, balance_minor, currency) VALUES (?, ?, ?)")
            for (company, balance) in balances { try account.execute(arguments: [company, balance, currency]) }
            counts = (invoices.count, Int(paymentID))
            return .commit
        }
        return counts
    }

    private func run(_ arguments: [String]) throws -> TimedRun { try timedRun(binary, arguments) }
}
