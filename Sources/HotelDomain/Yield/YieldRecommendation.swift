/// The remaining-demand forecast of one rate class (rate plan) for one night and room type, with its fare.
///
/// Rule: the class's fare is the rate plan's price that night for that room type (a negotiated plan's first
/// tier); classes are ordered by fare, highest first. Example: 2027-05-01 DLX BAR 1299.99, mean 6.0, sd 2.1.
public struct RateClassForecast: Hashable, Sendable {
    public var night: CalendarDate
    public var roomType: Code
    public var ratePlan: Code
    public var fare: Money
    public var forecast: DemandForecast
    /// Where the forecast came from: "pickup" (booking history) or "supplied" (a demand CSV).
    public var source: String

    public init(night: CalendarDate, roomType: Code, ratePlan: Code, fare: Money, forecast: DemandForecast, source: String) {
        self.night = night
        self.roomType = roomType
        self.ratePlan = ratePlan
        self.fare = fare
        self.forecast = forecast
        self.source = source
    }
}

/// What yield control recommends for one rate class on one night and room type.
public struct ClassRecommendation: Hashable, Sendable {
    public var ratePlan: Code
    public var fare: Money
    public var mean: Double
    public var standardDeviation: Double
    /// EMSR-b protection level of this class and all higher ones against lower classes (`nil` for the lowest).
    public var protectionLevel: Double?
    public var roundedProtectionLevel: Int?
    /// Rooms protected for the classes above this one (0 for the highest class).
    public var protectedForHigherClasses: Double
    public var roundedProtectedForHigherClasses: Int
    /// Nested booking limit: how many of the remaining rooms this class may still sell.
    public var bookingLimit: Int
    public var open: Bool
    public var reason: String
}

/// The recommendation for one night and room type: classes open or closed, and the overbooking allowance.
public struct YieldRecommendation: Hashable, Sendable {
    public var night: CalendarDate
    public var roomType: Code
    public var sellable: Int
    public var sold: Int
    public var remainingCapacity: Int
    public var classes: [ClassRecommendation]
    public var overbookingRooms: Int
    public var overbookingReason: String
}

/// Turns forecasts and the room situation into recommendations, night by night.
///
/// Rules: EMSR-b (Belobaba) protection levels over the remaining capacity (sellable − sold − held) and the
/// remaining demand of each class; a class stays open while the remaining capacity exceeds the rooms
/// protected for the classes above it; the overbooking allowance is the largest one whose next booking
/// still has a positive expected gain given the show-up rate, the value of a room (the night's highest fare)
/// and the cost of walking a guest. Example: DLX on 2027-05-01 with 4 rooms left and 5.3 protected for BAR
/// closes ACME-free corporate and package classes and keeps BAR open.
public enum YieldRecommender {
    public static func recommend(
        inventory: InventoryNight, classes: [RateClassForecast], showUpRate: BasisPoints, walkCost: Money?
    ) throws -> YieldRecommendation {
        let ordered = classes.sorted { ($0.fare.minorUnits, $1.ratePlan) > ($1.fare.minorUnits, $0.ratePlan) }
        let remaining = max(0, inventory.available)
        var recommendations: [ClassRecommendation] = []
        if !ordered.isEmpty {
            let fareClasses = try ordered.map { item in
                do {
                    return try FareClass(name: item.ratePlan.rawValue, fare: item.fare.minorUnits, demand: item.forecast)
                } catch {
                    throw DomainError.invalid("\(item.night) \(item.roomType) \(item.ratePlan): \(String(describing: error))")
                }
            }
            let levels: ProtectionLevels
            do {
                levels = try EMSRb.protectionLevels(for: fareClasses, capacity: remaining)
            } catch {
                throw DomainError.invalid("\(inventory.night) \(inventory.roomType): \(String(describing: error))")
            }
            let decisions = levels.decisions(remainingCapacity: remaining)
            for (index, item) in ordered.enumerated() {
                let decision = decisions[index]
                recommendations.append(
                    ClassRecommendation(
                        ratePlan: item.ratePlan, fare: item.fare, mean: item.forecast.mean,
                        standardDeviation: item.forecast.standardDeviation,
                        protectionLevel: index < levels.unrounded.count ? levels.unrounded[index] : nil,
                        roundedProtectionLevel: index < levels.rounded.count ? levels.rounded[index] : nil,
                        protectedForHigherClasses: decision.protectedForHigherClasses,
                        roundedProtectedForHigherClasses: decision.roundedProtectedForHigherClasses,
                        bookingLimit: levels.bookingLimits[index], open: decision.isOpen,
                        reason: decision.reason(className: item.ratePlan.rawValue, night: inventory.night.description)))
            }
        }
        var overbookingRooms = 0
        var overbookingReason = "no fare to value a room; no overbooking"
        if let roomValue = ordered.first?.fare, inventory.sellable > 0 {
            let cost = walkCost ?? roomValue.times(2)
            do {
                let policy = try OverbookingPolicy(
                    capacity: inventory.sellable, showUpRateBasisPoints: showUpRate.value, walkCost: cost.minorUnits,
                    roomValue: roomValue.minorUnits)
                let allowance = policy.allowance()
                overbookingRooms = allowance.rooms
                overbookingReason = allowance.reason(night: inventory.night.description)
            } catch {
                throw DomainError.invalid("overbooking for \(inventory.night) \(inventory.roomType): \(String(describing: error))")
            }
        }
        return YieldRecommendation(
            night: inventory.night, roomType: inventory.roomType, sellable: inventory.sellable, sold: inventory.sold,
            remainingCapacity: remaining, classes: recommendations, overbookingRooms: overbookingRooms,
            overbookingReason: overbookingReason)
    }
}
