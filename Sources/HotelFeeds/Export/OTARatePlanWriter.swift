import HotelDomain

/// Writes rate plans and their rate grids as one `OTA_HotelRatePlanNotifRQ`, valid against the OTA 2015A schema.
///
/// Rule: one `RatePlan` per plan with `RatePlanCode`, `CurrencyCode`, validity (`Start`/`End`, when the plan
/// has one), `RatePlanCategory` (the kind: bar, negotiated, group, package, net), `IsCommissionable`,
/// `BaseRatePlanCode` for a derived plan (and `AdjustedPercentage` / `AdjustedAmount` for a single-tier one);
/// a `BookingRule` with the cancellation policy, LRA (`QualifiedRateYN`: restricted to companies) and the
/// companies it is restricted to as `Viewerships/Viewership/Profiles/Profile ProfileType="3"`; one `Rate` per
/// period of the grid (`InvTypeCode` the room type, `Start`…`End` both included, `RateTier` the tier,
/// `BaseByGuestAmts/BaseByGuestAmt AmountAfterTax` the price of one room per night) with `MealsIncluded`;
/// the plan's name as `Description`. Example: BAR DLX Spring → `<Rate InvTypeCode="DLX" Start="2027-03-01"
/// End="2027-04-30" RateTimeUnit="Day" CurrencyCode="CNY">…<BaseByGuestAmt AmountAfterTax="920.00" …/>`.
public enum OTARatePlanWriter {
    /// Writes the document into `buffer` and finishes it; `plans` must not be empty.
    public static func write(
        _ plans: [PMSRatePlan], hotelCode: String, hotelName: String?, timeStamp: String?, to buffer: ExportBuffer
    ) throws {
        let fit = OTAExportValues.fit
        var xml = XMLStream(buffer)
        xml.start(
            "OTA_HotelRatePlanNotifRQ",
            [
                ("xmlns", AcknowledgementWriter.namespace), ("TimeStamp", timeStamp),
                ("Version", OTAExportValues.version),
            ])
        xml.start("RatePlans", [("HotelCode", fit(hotelCode, 16)), ("HotelName", fit(hotelName, 128))])
        for entry in plans {
            let plan = entry.plan
            var adjustment: (String, String?) = ("AdjustedPercentage", nil)
            if plan.tiers.count == 1 {
                switch plan.tiers[0].rule {
                case .percentOff(let discount): adjustment = ("AdjustedPercentage", "-" + percentText(discount))
                case .amountOff(let amount): adjustment = ("AdjustedAmount", "-" + OTAExportValues.amount(amount))
                case .seasons, .fixed: break
                }
            }
            xml.start(
                "RatePlan",
                [
                    ("RatePlanCode", fit(plan.code.rawValue, 64)), ("CurrencyCode", plan.currency.code),
                    ("Start", plan.validity?.first.description), ("End", plan.validity?.last.description),
                    ("RatePlanCategory", plan.kind.rawValue),
                    ("IsCommissionable", plan.commissionable ? "true" : "false"),
                    ("BaseRatePlanCode", plan.basePlanCode?.rawValue), adjustment,
                ])
            xml.start("BookingRules")
            xml.start(
                "BookingRule",
                [
                    ("Code", fit(plan.code.rawValue, 32)),
                    ("QualifiedRateYN", plan.companyCodes.isEmpty ? "false" : "true"),
                ])
            if let policy = fit(plan.cancellationPolicy, 10_000) {
                xml.start("CancelPenalties")
                xml.start("CancelPenalty")
                xml.start("PenaltyDescription")
                xml.element("Text", text: policy)
                xml.end()
                xml.end()
                xml.end()
            }
            if !plan.companyCodes.isEmpty {
                xml.start("Viewerships")
                xml.start("Viewership")
                xml.start("Profiles")
                for company in plan.companyCodes.sorted() {
                    xml.start("Profile", [("ProfileType", "3")])
                    xml.start("CompanyInfo")
                    xml.element(
                        "CompanyName", [("Code", fit(company.rawValue, 32)), ("CodeContext", fit(hotelCode, 32))],
                        text: fit(entry.companyNames[company], 128) ?? "")
                    xml.end()
                    xml.end()
                }
                xml.end()
                xml.end()
                xml.end()
            }
            xml.start("Description", [("Name", "LRA")])
            xml.element(
                "Text",
                text: plan.lastRoomAvailability
                    ? "last room availability: sellable while any room of the type is free"
                    : "no last room availability: closes with yield controls")
            xml.end()
            xml.end()  // BookingRule
            xml.end()  // BookingRules
            if !entry.rates.isEmpty {
                xml.start("Rates")
                let meals = OTAExportValues.mealsIncluded(plan.mealPlan.rawValue)
                for rate in entry.rates {
                    xml.start(
                        "Rate",
                        [
                            ("InvTypeCode", fit(rate.roomType.rawValue, 16)), ("RateTimeUnit", "Day"),
                            ("Start", rate.nights.first.description), ("End", rate.nights.last.description),
                            ("CurrencyCode", rate.amount.currency.code), ("RateTier", fit(rate.tierLabel, 64)),
                        ])
                    xml.start("BaseByGuestAmts")
                    xml.empty(
                        "BaseByGuestAmt",
                        [
                            ("AmountAfterTax", OTAExportValues.amount(rate.amount)),
                            ("CurrencyCode", rate.amount.currency.code),
                        ])
                    xml.end()
                    if let meals { xml.empty("MealsIncluded", meals) }
                    xml.end()
                }
                xml.end()
                try xml.flushIfFull()
            }
            xml.start("Description", [("Name", "Name")])
            xml.element("Text", text: plan.name)
            xml.end()
            xml.end()  // RatePlan
        }
        xml.end()  // RatePlans
        xml.end()
        try xml.finish()
    }

    /// Basis points as a percentage with up to two decimals: 1500 → "15", 1250 → "12.5", 1234 → "12.34".
    static func percentText(_ share: BasisPoints) -> String {
        let whole = share.value / 100
        let fraction = share.value % 100
        guard fraction != 0 else { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
