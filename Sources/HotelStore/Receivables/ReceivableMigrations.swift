import GRDB

extension AppDatabase {
    /// Schema of receivables and sales targets ("v8 …"); registered after the export migrations by `migrator`.
    static func registerReceivableMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8 receivables, sales targets") { db in
            try db.execute(
                sql: """
                    CREATE TABLE ar_invoice (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        number TEXT NOT NULL UNIQUE,
                        company_code TEXT NOT NULL REFERENCES company(code),
                        reservation_id INTEGER REFERENCES reservation(id),
                        issued_on TEXT NOT NULL,
                        due_on TEXT NOT NULL CHECK (due_on >= issued_on),
                        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
                        paid_minor INTEGER NOT NULL DEFAULT 0 CHECK (paid_minor BETWEEN 0 AND amount_minor),
                        currency TEXT NOT NULL CHECK (length(currency) = 3),
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE INDEX ar_invoice_company ON ar_invoice(company_code, due_on);
                    CREATE INDEX ar_invoice_reservation ON ar_invoice(reservation_id) WHERE reservation_id IS NOT NULL;
                    CREATE TABLE ar_payment (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        number TEXT NOT NULL UNIQUE,
                        company_code TEXT NOT NULL REFERENCES company(code),
                        received_on TEXT NOT NULL,
                        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
                        unapplied_minor INTEGER NOT NULL CHECK (unapplied_minor BETWEEN 0 AND amount_minor),
                        currency TEXT NOT NULL CHECK (length(currency) = 3),
                        reference TEXT,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE INDEX ar_payment_company ON ar_payment(company_code, received_on);
                    -- Which payment paid how much of which invoice, and from when (for aging as of a past date).
                    CREATE TABLE ar_allocation (
                        payment_id INTEGER NOT NULL REFERENCES ar_payment(id),
                        invoice_id INTEGER NOT NULL REFERENCES ar_invoice(id),
                        applied_on TEXT NOT NULL,
                        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
                        PRIMARY KEY (payment_id, invoice_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX ar_allocation_invoice ON ar_allocation(invoice_id, applied_on);
                    -- The balance per company, kept with every entry: invoices less payments (checked by receivableDiscrepancies()).
                    CREATE TABLE ar_account (
                        company_code TEXT PRIMARY KEY REFERENCES company(code),
                        balance_minor INTEGER NOT NULL,
                        currency TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE sales_target (
                        dimension TEXT NOT NULL CHECK (dimension IN ('sales-owner', 'company', 'segment')),
                        key TEXT NOT NULL,
                        period TEXT NOT NULL,
                        room_nights INTEGER NOT NULL CHECK (room_nights >= 0),
                        revenue_minor INTEGER NOT NULL CHECK (revenue_minor >= 0),
                        currency TEXT NOT NULL,
                        set_at TEXT NOT NULL,
                        set_by TEXT NOT NULL,
                        PRIMARY KEY (dimension, key, period)
                    ) WITHOUT ROWID;
                    """)
        }
    }
}
