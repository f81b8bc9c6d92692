/// What a group owes under its attrition clause: the room-nights it contracted, the share it may leave
/// unused, the room-nights it picked up and the penalty on the shortfall.
///
/// Rule (cumulative over the whole block): penalty = (contracted room-nights × (1 − allowed attrition) −
/// picked-up room-nights) × group rate, when positive, rounded half away from zero to the minor unit. The
/// group rate is the block's rate, or, when its nights carry different rates, the average contracted rate
/// (contracted revenue ÷ contracted room-nights). Room-nights are counted exactly in ten-thousandths, so 37 ×
/// 80% is 29.6, never rounded. Example: 160 contracted, 20% attrition, 100 picked up at 890.00 →
/// (128 − 100) × 890.00 = 24920.00.
public struct AttritionAssessment: Hashable, Sendable {
    public let nights: [BlockNight]
    public let attrition: BasisPoints
    public let contractedRoomNights: Int
    public let pickedUpRoomNights: Int
    /// contracted × (1 − attrition), in ten-thousandths of a room-night.
    public let requiredTenThousandths: Int64
    /// max(0, required − picked up), in ten-thousandths of a room-night.
    public let shortfallTenThousandths: Int64
    public let rate: Money
    /// Whether `rate` is the average of different nightly rates.
    public let rateIsAverage: Bool
    public let contractedRevenue: Money
    public let penalty: Money

    public init(nights: [BlockNight], attrition: BasisPoints, currency: Currency) {
        self.nights = nights
        self.attrition = attrition
        contractedRoomNights = nights.reduce(0) { $0 + $1.contracted }
        pickedUpRoomNights = nights.reduce(0) { $0 + $1.pickedUp }
        contractedRevenue = nights.reduce(Money.zero(currency)) { $0 + $1.contractedRevenue }
        let rates = Set(nights.filter { $0.contracted > 0 }.map(\.rate.minorUnits))
        if rates.count <= 1 {
            rate = Money(minorUnits: rates.first ?? 0, currency: currency)
            rateIsAverage = false
        } else {
            rate = Money(
                minorUnits: Money.divideRoundingHalfAway(contractedRevenue.minorUnits, by: Int64(contractedRoomNights)),
                currency: currency)
            rateIsAverage = true
        }
        requiredTenThousandths = Int64(contractedRoomNights) * Int64(10_000 - attrition.value)
        shortfallTenThousandths = max(0, requiredTenThousandths - Int64(pickedUpRoomNights) * 10_000)
        penalty = Money(
            minorUnits: Money.divideRoundingHalfAway(shortfallTenThousandths * rate.minorUnits, by: 10_000),
            currency: currency)
    }

    /// The room-nights the group must take on one night if the clause were read night by night (shown per
    /// night for the sales manager; the penalty itself is cumulative).
    public func required(on night: BlockNight) -> Int64 { Int64(night.contracted) * Int64(10_000 - attrition.value) }

    /// The calculation, line by line, with the figures as written in the contract and in minor units.
    ///
    /// Example: "contracted 160 room-nights × (100% − 20%) = 128 room-nights the group must take",
    /// "picked up 100 room-nights; shortfall 128 − 100 = 28 room-nights",
    /// "penalty 28 × 890.00 = 24920.00 CNY (28 × 89000 = 2492000 minor units)".
    public var arithmetic: [String] {
        let required = Self.roomNights(requiredTenThousandths)
        var lines = [
            "contracted \(contractedRoomNights) room-nights × (100% − \(attrition)) = \(required) room-nights the group must take",
            "picked up \(pickedUpRoomNights) room-nights",
        ]
        if rateIsAverage {
            lines.append(
                "group rate: the nights carry different rates, so the average contracted rate \(contractedRevenue.decimalText) ÷ \(contractedRoomNights) = \(rate.decimalText) applies"
            )
        }
        guard shortfallTenThousandths > 0 else {
            lines.append(
                "no shortfall: \(pickedUpRoomNights) ≥ \(required); penalty 0 × \(rate.decimalText) = \(penalty) (0 minor units)"
            )
            return lines
        }
        let shortfall = Self.roomNights(shortfallTenThousandths)
        lines.append("shortfall \(required) − \(pickedUpRoomNights) = \(shortfall) room-nights")
        lines.append(
            "penalty \(shortfall) × \(rate.decimalText) = \(penalty) (\(shortfall) × \(rate.minorUnits) = \(penalty.minorUnits) minor units)"
        )
        return lines
    }

    /// Ten-thousandths of a room-night as text: 1_280_000 → "128", 296_000 → "29.6".
    public static func roomNights(_ tenThousandths: Int64) -> String {
        let sign = tenThousandths < 0 ? "-" : ""
        let magnitude = tenThousandths.magnitude
        var fraction = String(magnitude % 10_000)
        guard fraction != "0" else { return sign + String(magnitude / 10_000) }
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(magnitude / 10_000).\(fraction)"
    }
}
