import HotelDomain

/// The CSV layouts of the PMS export: one header per file kind (documented in the README), UTF-8 without BOM,
/// RFC 4180 (CRLF line ends; a field with a comma, quote, CR or LF is quoted and its quotes doubled), amounts
/// as decimal text with the currency's decimals, dates `YYYY-MM-DD`, booleans `true`/`false`, empty for none.
public enum PMSCSV {
    /// The files and their headers.
    public enum Layout: String, Sendable, CaseIterable {
        case accounts, agreements
        case ratePlans = "rate-plans"
        case rateGrid = "rate-grid"
        case restrictions
        case bookingLimits = "booking-limits"
        case reservations
        case reservationNights = "reservation-nights"
        case blocks

        public var header: [String] {
            switch self {
            case .accounts:
                [
                    "account_type", "code", "name", "segment", "iata_number", "parent_code", "sales_owner", "address",
                    "contact_name", "email", "phone", "vip_level", "credit_limit", "currency", "payment_terms_days",
                    "direct_billing", "direct_billing_account", "direct_billing_agreement", "direct_billing_limit",
                    "direct_billing_terms_days", "commission_terms", "created_at",
                ]
            case .agreements:
                ["account_code", "agreement", "type", "status", "valid_from", "valid_to", "terms"]
            case .ratePlans:
                [
                    "code", "name", "kind", "currency", "meal_plan", "commissionable", "lra", "base_plan", "valid_from",
                    "valid_to", "companies", "tiers", "cancellation_policy",
                ]
            case .rateGrid:
                ["rate_plan", "tier_from_room_nights", "room_type", "first_night", "last_night", "amount", "currency"]
            case .restrictions:
                [
                    "rate_plan", "room_type", "first_night", "last_night", "closed", "closed_to_arrival",
                    "closed_to_departure", "min_los", "max_los",
                ]
            case .bookingLimits:
                ["room_type", "first_night", "last_night", "physical", "out_of_order", "overbooking", "booking_limit"]
            case .reservations:
                [
                    "confirmation", "status", "source", "channel", "channel_reference", "guest_name", "guest_email",
                    "guest_phone", "adults", "child_ages", "room_type", "rate_plan", "arrival", "departure", "nights",
                    "rooms", "total", "currency", "company_code", "company_name", "travel_agent_code", "travel_agent",
                    "travel_agent_iata", "group_code", "vip_level", "billing", "special_requests", "meal_plan",
                    "created_at", "updated_at",
                ]
            case .reservationNights:
                ["confirmation", "night", "amount", "currency", "rate_plan"]
            case .blocks:
                [
                    "group_code", "group_name", "company_code", "company_name", "rate_plan", "cutoff",
                    "attrition_percent", "vip_level", "billing", "released_on", "room_type", "night", "blocked",
                    "picked_up", "released", "held", "rate", "currency",
                ]
            }
        }
    }

    /// A CSV file written row by row into a buffer, starting with its header.
    public struct Table {
        private let buffer: ExportBuffer
        /// Data rows written so far (not counting the header).
        public private(set) var rows = 0

        public init(_ layout: Layout, buffer: ExportBuffer) {
            self.buffer = buffer
            Self.appendLine(layout.header, to: buffer)
        }

        public mutating func append(_ fields: [String?]) throws {
            Self.appendLine(fields.map { $0 ?? "" }, to: buffer)
            rows += 1
            try buffer.flushIfFull()
        }

        public func finish() throws { try buffer.finish() }

        private static func appendLine(_ fields: [String], to buffer: ExportBuffer) {
            for (index, field) in fields.enumerated() {
                if index > 0 { buffer.append(byte: UInt8(ascii: ",")) }
                buffer.append(quoted(field))
            }
            buffer.append("\r\n")
        }
    }

    /// `field` as RFC 4180 wants it: quoted (inner quotes doubled) when it holds a comma, quote, CR or LF.
    /// Example: `Acme "Industrial", Ltd` → `"Acme ""Industrial"", Ltd"`.
    public static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var result = "\""
        for character in field.unicodeScalars {
            if character == "\"" { result += "\"\"" } else { result.unicodeScalars.append(character) }
        }
        return result + "\""
    }

    static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    // MARK: - Rows

    public static func accountRow(_ account: PMSAccount) -> [String?] {
        let billing = account.directBilling
        return [
            account.kind.rawValue, account.code, account.name, account.segment, account.iataNumber, account.parentCode,
            account.salesOwner, account.address, account.contactName, account.email, account.phone, account.vipLevel,
            account.creditLimit?.decimalText, account.creditLimit?.currency.code,
            account.paymentTermsDays.map(String.init),
            flag(billing != nil), billing?.account, billing?.agreement, billing?.creditLimit.decimalText,
            billing.map { String($0.paymentTermsDays) }, account.commissionTerms, account.createdAt,
        ]
    }

    public static func agreementRows(_ account: PMSAccount) -> [[String?]] {
        account.agreements.map { agreement in
            [
                account.code, agreement.reference, agreement.type, agreement.status,
                agreement.validity.first.description,
                agreement.validity.last.description, agreement.terms,
            ]
        }
    }

    public static func ratePlanRow(_ entry: PMSRatePlan) -> [String?] {
        let plan = entry.plan
        return [
            plan.code.rawValue, plan.name, plan.kind.rawValue, plan.currency.code, plan.mealPlan.rawValue,
            flag(plan.commissionable), flag(plan.lastRoomAvailability), plan.basePlanCode?.rawValue,
            plan.validity?.first.description, plan.validity?.last.description,
            plan.companyCodes.sorted().map(\.rawValue).joined(separator: " "),
            plan.tiers.map { tier in "\(tier.fromRoomNights): \(describe(tier.rule))" }.joined(separator: "; "),
            plan.cancellationPolicy,
        ]
    }

    /// "seasons", "fixed", "15% off", "120.00 off".
    static func describe(_ rule: PriceRule) -> String {
        switch rule {
        case .seasons(let seasons): "\(seasons.count) season\(seasons.count == 1 ? "" : "s")"
        case .fixed: "fixed prices"
        case .percentOff(let share): "\(share) off"
        case .amountOff(let amount): "\(amount.decimalText) off"
        }
    }

    public static func rateGridRows(_ entry: PMSRatePlan) -> [[String?]] {
        entry.rates.map { rate in
            [
                entry.plan.code.rawValue, String(rate.fromRoomNights), rate.roomType.rawValue,
                rate.nights.first.description, rate.nights.last.description, rate.amount.decimalText,
                rate.amount.currency.code,
            ]
        }
    }

    public static func restrictionRow(_ period: PMSControlPeriod) -> [String?] {
        [
            period.ratePlan.rawValue, period.roomType?.rawValue, period.nights.first.description,
            period.nights.last.description, flag(period.closed), flag(period.closedToArrival),
            flag(period.closedToDeparture), period.minimumStay.map(String.init), period.maximumStay.map(String.init),
        ]
    }

    public static func bookingLimitRow(_ limit: PMSBookingLimit) -> [String?] {
        [
            limit.roomType.rawValue, limit.nights.first.description, limit.nights.last.description,
            String(limit.physical), String(limit.outOfOrder), String(limit.overbooking), String(limit.limit),
        ]
    }

    public static func reservationRow(_ record: PMSReservation) -> [String?] {
        let reservation = record.reservation
        return [
            reservation.confirmation, reservation.status.rawValue, reservation.source.rawValue,
            reservation.channelCode?.rawValue, reservation.channelReference, reservation.guestName, record.guestEmail,
            record.guestPhone, record.adults.map(String.init), record.childAges.map(String.init).joined(separator: " "),
            reservation.roomType.rawValue, reservation.ratePlanCode.rawValue, reservation.stay.arrival.description,
            reservation.stay.departure.description, String(reservation.stay.nightCount), String(reservation.rooms),
            reservation.total.decimalText, reservation.total.currency.code, reservation.companyCode?.rawValue,
            record.companyName, record.travelAgentCode, record.travelAgent?.name, record.travelAgent?.iataNumber,
            record.groupCode,
            reservation.vipLevel, reservation.billing.rawValue, reservation.specialRequests, record.mealPlan,
            record.createdAt, record.lastModifiedAt,
        ]
    }

    public static func reservationNightRows(_ record: PMSReservation) -> [[String?]] {
        let reservation = record.reservation
        return reservation.nights.map { night in
            [
                reservation.confirmation, night.night.description, night.amount.decimalText, night.amount.currency.code,
                night.ratePlanCode.rawValue,
            ]
        }
    }

    /// One row per room type and night of the block (by night, then room type), each with the block's contract;
    /// a block without nights yet is one row with the night columns empty. `attrition_percent` has two
    /// decimals (`20.00`); `held` = blocked − picked up − released.
    public static func blockRows(_ entry: PMSBlock) -> [[String?]] {
        let block = entry.block
        let attrition = block.attrition.value
        let contract: [String?] = [
            block.code.rawValue, block.name, block.companyCode?.rawValue, entry.companyName,
            block.ratePlanCode.rawValue, block.cutoff.description,
            "\(attrition / 100).\(attrition % 100 < 10 ? "0" : "")\(attrition % 100)", block.vipLevel?.rawValue,
            block.billing.rawValue, block.releasedOn?.description,
        ]
        guard !entry.nights.isEmpty else {
            return [contract + [nil, nil, nil, nil, nil, nil, nil, entry.currency.code]]
        }
        return entry.nights.map { night in
            contract + [
                night.roomType.rawValue, night.night.description, String(night.contracted), String(night.pickedUp),
                String(night.released), String(night.held), night.rate.decimalText, night.rate.currency.code,
            ]
        }
    }
}
