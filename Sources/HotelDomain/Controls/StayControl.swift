/// The restrictions on one rate plan (optionally one room type) on one night.
///
/// Rules, for a stay arriving A and departing D under the plan:
/// - closed (stop-sell) on any night A…D−1 refuses the stay;
/// - closed to arrival on A refuses it; closed to departure on D refuses it (the control of the departure date);
/// - the minimum / maximum length of stay of the arrival night bound the number of nights.
/// Last-room-availability plans ignore all of them (the contract guarantees the rate while a room is free).
/// Example: BAR closed to arrival on 2027-05-01 refuses an arrival that day, but not a stay that arrived on
/// 2027-04-30 and stays over.
public struct StayControl: Hashable, Sendable {
    public var ratePlan: Code
    /// `nil`: the control applies to every room type of the plan.
    public var roomType: Code?
    public var night: CalendarDate
    public var closed: Bool
    public var closedToArrival: Bool
    public var closedToDeparture: Bool
    public var minimumStay: Int?
    public var maximumStay: Int?

    public init(
        ratePlan: Code, roomType: Code? = nil, night: CalendarDate, closed: Bool = false, closedToArrival: Bool = false,
        closedToDeparture: Bool = false, minimumStay: Int? = nil, maximumStay: Int? = nil
    ) {
        self.ratePlan = ratePlan
        self.roomType = roomType
        self.night = night
        self.closed = closed
        self.closedToArrival = closedToArrival
        self.closedToDeparture = closedToDeparture
        self.minimumStay = minimumStay
        self.maximumStay = maximumStay
    }

    /// Whether this control restricts nothing (and can be deleted).
    public var isEmpty: Bool {
        !closed && !closedToArrival && !closedToDeparture && minimumStay == nil && maximumStay == nil
    }

    /// "closed", "CTA", "CTD", "min 2", "max 7", joined by commas.
    public var summary: String {
        var parts: [String] = []
        if closed { parts.append("closed") }
        if closedToArrival { parts.append("CTA") }
        if closedToDeparture { parts.append("CTD") }
        if let minimumStay { parts.append("min \(minimumStay)") }
        if let maximumStay { parts.append("max \(maximumStay)") }
        return parts.isEmpty ? "open" : parts.joined(separator: ", ")
    }

    /// Checks a stay against the controls of its plan and room type; throws the first refusal with its night.
    ///
    /// `controls` holds those of the plan for the nights A…D (the departure date included, for CTD), both
    /// plan-wide (`roomType == nil`) and for `roomType`.
    public static func check(
        stay: Stay, ratePlan: Code, roomType: Code, lastRoomAvailability: Bool, controls: [StayControl]
    ) throws {
        guard !lastRoomAvailability else { return }
        let relevant = controls.filter { $0.ratePlan == ratePlan && ($0.roomType == nil || $0.roomType == roomType) }
        for control in relevant.sorted(by: { $0.night < $1.night }) {
            let scope = control.roomType.map { "\(ratePlan) \($0)" } ?? "\(ratePlan)"
            if control.closed, control.night >= stay.arrival, control.night < stay.departure {
                throw DomainError.refused("\(scope) is closed on \(control.night); choose other dates or another rate plan")
            }
            if control.closedToArrival, control.night == stay.arrival {
                throw DomainError.refused("\(scope) is closed to arrival on \(control.night); arrive on another day or use another rate plan")
            }
            if control.closedToDeparture, control.night == stay.departure {
                throw DomainError.refused("\(scope) is closed to departure on \(control.night); depart on another day or use another rate plan")
            }
            if control.night == stay.arrival {
                if let minimum = control.minimumStay, stay.nightCount < minimum {
                    throw DomainError.refused(
                        "\(scope) needs at least \(minimum) nights for arrival on \(control.night); the stay has \(stay.nightCount)")
                }
                if let maximum = control.maximumStay, stay.nightCount > maximum {
                    throw DomainError.refused(
                        "\(scope) allows at most \(maximum) nights for arrival on \(control.night); the stay has \(stay.nightCount)")
                }
            }
        }
    }
}
