import HotelDomain

/// Writes an account (agreement company, or travel agency / OTA: an intermediary) as an `OTA_ProfileCreateRQ`,
/// valid against the OTA 2015A schema: one profile per message, as the schema allows.
///
/// Rule: `UniqueID Type="4"` (company; `"5"` travel agency or OTA) with the account code in the hotel's context;
/// `Profile ProfileType="3"` (corporation; `"4"` travel agent), the reading of this tool's feed importer;
/// `CompanyInfo` with `CompanyName Code` (the account code, or the IATA number with `CodeContext="IATA"` for an
/// agency), address line, telephone, email, direct billing as `PaymentForm/DirectBill` (`DirectBill_ID` the
/// account, `BillingNumber` the agreement, the credit limit and terms in its `Remark`), and the contact person;
/// `Comments` with one `Comment` per agreement (`Name="Agreement 12"`: type, status, validity, terms) and the
/// account's terms (`Name="Credit"`: credit limit and payment terms; segment, parent, sales owner, VIP level);
/// an agency's commission terms as `Comment Name="Commission"` (and the credit comment only when it has credit or
/// direct billing). An agency's `CompanyName` comes twice: with its IATA number (`CodeContext="IATA"`, when it
/// has one) and with its code in the hotel's context.
/// Example: ACME → `<CompanyName Code="ACME" CodeContext="SHBUND">Acme Industrial Ltd</CompanyName>` and
/// `<Comment Name="Agreement 1"><Text>cumulative-room approved 2027-01-01…2027-12-31; opening room-nights 0`;
/// TRAVELCO → `<CompanyName Code="12345678" CodeContext="IATA">TravelCo Agency</CompanyName>` and
/// `<Comment Name="Commission"><Text>10% of room revenue net of tax…`.
public enum OTAProfileWriter {
    /// Writes the profile document into `buffer` and finishes it.
    public static func write(
        _ account: PMSAccount, hotelCode: String, timeStamp: String?, to buffer: ExportBuffer
    ) throws {
        let fit = OTAExportValues.fit
        var xml = XMLStream(buffer)
        let agency = account.kind != .company
        xml.start(
            "OTA_ProfileCreateRQ",
            [
                ("xmlns", AcknowledgementWriter.namespace), ("TimeStamp", timeStamp),
                ("Version", OTAExportValues.version),
            ])
        xml.empty(
            "UniqueID",
            [("Type", agency ? "5" : "4"), ("ID", fit(account.code, 32)), ("ID_Context", fit(hotelCode, 32))])
        xml.start(
            "Profile",
            [
                ("ProfileType", agency ? "4" : "3"), ("CreateDateTime", account.createdAt),
            ])
        xml.start("CompanyInfo")
        if agency, let iata = fit(account.iataNumber, 32) {
            xml.element("CompanyName", [("Code", iata), ("CodeContext", "IATA")], text: fit(account.name, 128) ?? "")
        }
        xml.element(
            "CompanyName", [("Code", fit(account.code, 32)), ("CodeContext", fit(hotelCode, 32))],
            text: fit(account.name, 128) ?? "")
        if let address = fit(account.address, 255) {
            xml.start("AddressInfo")
            xml.element("AddressLine", text: address)
            xml.end()
        }
        if let phone = fit(account.phone, 32) {
            xml.empty("TelephoneInfo", [("PhoneNumber", phone)])
        }
        if let email = fit(account.email, 128) {
            xml.element("Email", text: email)
        }
        if let billing = account.directBilling {
            let remark = "credit limit \(billing.creditLimit), payment terms \(billing.paymentTermsDays) days"
            xml.start("PaymentForm", [("Remark", fit(remark, 128))])
            xml.start(
                "DirectBill",
                [("DirectBill_ID", fit(billing.account, 32)), ("BillingNumber", fit(billing.agreement, 64))])
            xml.element("CompanyName", [("Code", fit(account.code, 32))], text: fit(account.name, 128) ?? "")
            xml.end()
            xml.end()
        }
        if let contact = fit(account.contactName, 64) {
            xml.start("ContactPerson")
            xml.start("PersonName")
            xml.element("Surname", text: contact)
            xml.end()
            xml.end()
        }
        xml.end()  // CompanyInfo
        var comments: [(name: String, text: String)] = account.agreements.map { agreement in
            var text = "\(agreement.type) \(agreement.status) \(agreement.validity.first)…\(agreement.validity.last)"
            if !agreement.terms.isEmpty { text += "; \(agreement.terms)" }
            return ("Agreement \(agreement.reference)", text)
        }
        if let terms = account.commissionTerms, !terms.isEmpty { comments.append(("Commission", terms)) }
        if !agency || account.creditLimit != nil || account.directBilling != nil {
            comments.append(("Credit", creditText(account)))
        }
        if !comments.isEmpty {
            xml.start("Comments")
            for comment in comments {
                xml.start("Comment", [("Name", fit(comment.name, 64))])
                xml.element("Text", text: comment.text)
                xml.end()
            }
            xml.end()  // Comments
        }
        xml.end()  // Profile
        xml.end()
        try xml.finish()
    }

    /// "credit limit 20000.00 CNY, payment terms 30 days; direct billing (agreement 7) limit 20000.00 CNY, 30 days;
    /// segment corporate; sales owner lwang".
    static func creditText(_ account: PMSAccount) -> String {
        var parts: [String] = []
        if let limit = account.creditLimit {
            parts.append("credit limit \(limit), payment terms \(account.paymentTermsDays ?? 0) days")
        }
        if let billing = account.directBilling {
            parts.append(
                "direct billing\(billing.agreement.map { " (agreement \($0))" } ?? "") limit \(billing.creditLimit), \(billing.paymentTermsDays) days"
            )
        } else {
            parts.append("no direct billing")
        }
        if let segment = account.segment { parts.append("segment \(segment)") }
        if let parent = account.parentCode { parts.append("parent \(parent)") }
        if let owner = account.salesOwner { parts.append("sales owner \(owner)") }
        if let vip = account.vipLevel { parts.append("VIP level \(vip)") }
        if let iata = account.iataNumber { parts.append("IATA \(iata)") }
        return parts.joined(separator: "; ")
    }
}
