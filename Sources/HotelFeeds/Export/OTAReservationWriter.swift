import HotelDomain

/// Writes reservations as one `OTA_HotelResNotifRQ`, streamed one `HotelReservation` at a time, valid against
/// the OTA 2015A schema and readable by this tool's own feed importer (`feeds import`).
///
/// Rule, per reservation: `CreateDateTime`/`LastModifyDateTime` as stored (so an importer keeps the newest) and
/// `ResStatus` in the PMS vocabulary (`OTAExportValues.resStatus`); `UniqueID Type="14"` with the hotel's
/// confirmation number; one `RoomStay` with room type and rooms (`NumberOfUnits`; a group booking's group code
/// as `InvBlockCode`), rate plan and meals, the
/// nightly prices of one room as `Rate`s (`EffectiveDate` … exclusive `ExpireDate`, `Base AmountAfterTax`,
/// consecutive equal nights as one rate), the party as `GuestCounts` when known, `TimeSpan`, the `Total` of
/// all rooms and the hotel code; `BillingInstructionCode` (`direct-bill`, with the company's
/// account in `AccountNumber`; `guest`); the lead guest as a customer profile (`PersonName/Surname` is the whole
/// name, `VIP_Indicator` when a VIP level is set); in `ResGlobalInfo`: comments (VIP level, group, channel
/// comments), special requests, a `DirectBill` guarantee for direct billing, the total, the hotel's
/// confirmation number (`ResID_Type="14"`) and the channel's (`"13"`), and the company (`ProfileType="3"`,
/// `CompanyName Code`) and travel agent (`ProfileType="4"`, IATA number as `Code` with `CodeContext="IATA"`,
/// else the intermediary's code in the hotel's context; a registered intermediary also as the profile's
/// `UniqueID Type="5"` with its code in the hotel's context).
public struct OTAReservationWriter {
    private var xml: XMLStream
    private let hotelCode: String
    /// Reservations written so far.
    public private(set) var count = 0

    /// Starts the document in `buffer`; call `append` per reservation, then `finish`.
    public init(buffer: ExportBuffer, hotelCode: String, timeStamp: String?) {
        xml = XMLStream(buffer)
        self.hotelCode = hotelCode
        xml.start(
            "OTA_HotelResNotifRQ",
            [
                ("xmlns", AcknowledgementWriter.namespace), ("TimeStamp", timeStamp),
                ("Version", OTAExportValues.version),
            ])
        xml.start("HotelReservations")
    }

    /// Appends one `HotelReservation`.
    public mutating func append(_ record: PMSReservation) throws {
        let fit = OTAExportValues.fit
        let reservation = record.reservation
        let currency = reservation.total.currency.code
        let roomType = fit(reservation.roomType.rawValue, 16)
        let ratePlan = fit(reservation.ratePlanCode.rawValue, 64)
        let units = String(reservation.rooms)
        xml.start(
            "HotelReservation",
            [
                ("CreateDateTime", record.createdAt), ("LastModifyDateTime", record.lastModifiedAt),
                ("ResStatus", OTAExportValues.resStatus(reservation.status)),
            ])
        xml.empty(
            "UniqueID", [("Type", "14"), ("ID", fit(reservation.confirmation, 32)), ("ID_Context", fit(hotelCode, 32))])
        xml.start("RoomStays")
        xml.start("RoomStay", [("SourceOfBusiness", reservation.source.rawValue)])
        xml.start("RoomTypes")
        xml.empty(
            "RoomType",
            [("RoomTypeCode", roomType), ("NumberOfUnits", units), ("InvBlockCode", fit(record.groupCode, 32))])
        xml.end()
        xml.start("RatePlans")
        if let meals = OTAExportValues.mealsIncluded(record.mealPlan) {
            xml.start("RatePlan", [("RatePlanCode", ratePlan)])
            xml.empty("MealsIncluded", meals)
            xml.end()
        } else {
            xml.empty("RatePlan", [("RatePlanCode", ratePlan)])
        }
        xml.end()
        xml.start("RoomRates")
        xml.start("RoomRate", [("RoomTypeCode", roomType), ("RatePlanCode", ratePlan), ("NumberOfUnits", units)])
        xml.start("Rates")
        for period in record.ratePeriods {
            xml.start(
                "Rate",
                [
                    ("EffectiveDate", period.nights.first.description), ("ExpireDate", period.nights.end.description),
                    ("RateTimeUnit", "Day"),
                ])
            xml.empty("Base", [("AmountAfterTax", OTAExportValues.amount(period.amount)), ("CurrencyCode", currency)])
            xml.end()
        }
        xml.end()
        xml.end()
        xml.end()
        if let adults = record.adults, adults > 0 {
            xml.start("GuestCounts")
            xml.empty("GuestCount", [("AgeQualifyingCode", "10"), ("Count", String(min(adults, 999)))])
            var ages: [(age: Int, count: Int)] = []
            for age in record.childAges {
                if let index = ages.firstIndex(where: { $0.age == age }) {
                    ages[index].count += 1
                } else {
                    ages.append((age, 1))
                }
            }
            for (age, count) in ages {
                xml.empty("GuestCount", [("AgeQualifyingCode", "8"), ("Age", String(age)), ("Count", String(count))])
            }
            xml.end()
        }
        xml.empty(
            "TimeSpan",
            [("Start", reservation.stay.arrival.description), ("End", reservation.stay.departure.description)])
        xml.empty("Total", [("AmountAfterTax", OTAExportValues.amount(reservation.total)), ("CurrencyCode", currency)])
        xml.empty("BasicPropertyInfo", [("HotelCode", fit(hotelCode, 16))])
        xml.end()  // RoomStay
        xml.end()  // RoomStays
        switch reservation.billing {
        case .directBill:
            xml.empty(
                "BillingInstructionCode",
                [("BillingCode", "direct-bill"), ("AccountNumber", fit(reservation.companyCode?.rawValue, 64))])
        case .guestPays:
            xml.empty("BillingInstructionCode", [("BillingCode", "guest")])
        }
        xml.start("ResGuests")
        xml.start("ResGuest", [("PrimaryIndicator", "true")])
        xml.start("Profiles")
        xml.start("ProfileInfo")
        xml.start("Profile", [("ProfileType", "1")])
        xml.start("Customer", [("VIP_Indicator", reservation.vipLevel == nil ? nil : "true")])
        xml.start("PersonName")
        xml.element("Surname", text: fit(reservation.guestName, 64) ?? "")
        xml.end()
        if let phone = fit(record.guestPhone, 32) { xml.empty("Telephone", [("PhoneNumber", phone)]) }
        if let email = fit(record.guestEmail, 128) { xml.element("Email", text: email) }
        xml.end()  // Customer
        xml.end()
        xml.end()
        xml.end()
        xml.end()  // ResGuest
        xml.end()
        xml.start("ResGlobalInfo")
        var comments: [(String, String)] = []
        if let vip = reservation.vipLevel { comments.append(("VIP", vip)) }
        if let group = record.groupCode { comments.append(("Group", group)) }
        if let text = record.comments, !text.isEmpty { comments.append(("Channel", text)) }
        if !comments.isEmpty {
            xml.start("Comments")
            for (name, text) in comments {
                xml.start("Comment", [("Name", name)])
                xml.element("Text", text: text)
                xml.end()
            }
            xml.end()
        }
        if let requests = reservation.specialRequests, !requests.isEmpty {
            xml.start("SpecialRequests")
            xml.start("SpecialRequest")
            xml.element("Text", text: requests)
            xml.end()
            xml.end()
        }
        if reservation.billing == .directBill, let company = reservation.companyCode {
            xml.start("Guarantee")
            xml.start("GuaranteesAccepted")
            xml.start("GuaranteeAccepted")
            xml.start("DirectBill", [("DirectBill_ID", fit(company.rawValue, 32))])
            xml.element("CompanyName", [("Code", fit(company.rawValue, 32))], text: fit(record.companyName, 128) ?? "")
            xml.end()
            xml.end()
            xml.end()
            xml.end()
        }
        xml.empty("Total", [("AmountAfterTax", OTAExportValues.amount(reservation.total)), ("CurrencyCode", currency)])
        xml.start("HotelReservationIDs")
        xml.empty(
            "HotelReservationID",
            [
                ("ResID_Type", "14"), ("ResID_Value", fit(reservation.confirmation, 64)),
                ("ResID_Source", fit(hotelCode, 64)),
            ])
        if let channel = reservation.channelCode, let reference = fit(reservation.channelReference, 64) {
            xml.empty(
                "HotelReservationID",
                [("ResID_Type", "13"), ("ResID_Value", reference), ("ResID_Source", fit(channel.rawValue, 64))])
        }
        xml.end()
        if reservation.companyCode != nil || record.travelAgent != nil {
            xml.start("Profiles")
            if let company = reservation.companyCode {
                xml.start("ProfileInfo")
                xml.start("Profile", [("ProfileType", "3")])
                xml.start("CompanyInfo")
                xml.element(
                    "CompanyName", [("Code", fit(company.rawValue, 32)), ("CodeContext", fit(hotelCode, 32))],
                    text: fit(record.companyName, 128) ?? "")
                xml.end()
                xml.end()
                xml.end()
            }
            if let agent = record.travelAgent {
                xml.start("ProfileInfo")
                let code = fit(record.travelAgentCode, 32)
                if let code {
                    xml.empty("UniqueID", [("Type", "5"), ("ID", code), ("ID_Context", fit(hotelCode, 32))])
                }
                xml.start("Profile", [("ProfileType", "4")])
                xml.start("CompanyInfo")
                let iata = fit(agent.iataNumber, 32)
                xml.element(
                    "CompanyName",
                    [
                        ("Code", iata ?? code),
                        ("CodeContext", iata != nil ? "IATA" : code != nil ? fit(hotelCode, 32) : nil),
                    ],
                    text: fit(agent.name, 128) ?? "")
                xml.end()
                xml.end()
                xml.end()
            }
            xml.end()
        }
        xml.empty("BasicPropertyInfo", [("HotelCode", fit(hotelCode, 16))])
        xml.end()  // ResGlobalInfo
        xml.end()  // HotelReservation
        count += 1
        try xml.flushIfFull()
    }

    /// Closes the document and hands on the last bytes.
    public mutating func finish() throws {
        xml.end()
        xml.end()
        try xml.finish()
    }
}
