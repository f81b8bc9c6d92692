import HotelDomain

/// Values as the PMS export writes them into OpenTravel attributes and text.
enum OTAExportValues {
    /// The `Version` of every message the export writes.
    static let version = "1.000"

    /// `value` cut to at most `limit` characters (Unicode scalars), so that a long name never makes a file
    /// invalid against the schema; `nil` for `nil` or an empty value. The CSV files carry values whole.
    static func fit(_ value: String?, _ limit: Int) -> String? {
        guard let value, !value.isEmpty else { return nil }
        guard value.unicodeScalars.count > limit else { return value }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: value.unicodeScalars.prefix(limit))
        return String(scalars)
    }

    /// An amount as OpenTravel decimal text with the currency's decimals and no `DecimalPlaces`, the reading
    /// every importer agrees on: `782.00`.
    static func amount(_ money: Money) -> String { money.decimalText }

    /// OpenTravel's Meal Plan Type code of a meal plan, with the meal flags.
    static func mealsIncluded(_ text: String?) -> [(String, String?)]? {
        guard let text, let plan = MealPlan(rawValue: text) else { return nil }
        switch plan {
        case .roomOnly: return [("MealPlanIndicator", "false"), ("MealPlanCodes", "14")]
        case .breakfast: return [("Breakfast", "true"), ("MealPlanIndicator", "true"), ("MealPlanCodes", "3")]
        case .halfBoard:
            return [("Breakfast", "true"), ("Dinner", "true"), ("MealPlanIndicator", "true"), ("MealPlanCodes", "12")]
        case .fullBoard:
            return [
                ("Breakfast", "true"), ("Lunch", "true"), ("Dinner", "true"), ("MealPlanIndicator", "true"),
                ("MealPlanCodes", "10"),
            ]
        case .allInclusive:
            return [
                ("Breakfast", "true"), ("Lunch", "true"), ("Dinner", "true"), ("MealPlanIndicator", "true"),
                ("MealPlanCodes", "1"),
            ]
        }
    }

    /// `HotelReservation/@ResStatus` of a status, in the PMS vocabulary (`PMS_ResStatusType`).
    ///
    /// Rule: confirmed → Reserved, tentative → Requested, checked-in → In-house, checked-out → Checked out,
    /// cancelled → Cancelled, no-show → No-show. A channel importer (ours included) books Reserved, cancels
    /// Cancelled and treats Requested as a quote request.
    static func resStatus(_ status: ReservationStatus) -> String {
        switch status {
        case .confirmed: "Reserved"
        case .tentative: "Requested"
        case .checkedIn: "In-house"
        case .checkedOut: "Checked out"
        case .cancelled: "Cancelled"
        case .noShow: "No-show"
        }
    }
}
