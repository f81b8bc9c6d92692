/// A hotel stay: the guest arrives on `arrival` and leaves on `departure`; the nights are `arrival..<departure`.
///
/// Rule: at least one night and at most 366; the departure day is not a night.
/// Example: arrival 2027-03-01 for 3 nights departs 2027-03-04 and has nights 03-01, 03-02, 03-03.
public struct Stay: Hashable, Sendable, CustomStringConvertible {
    public static let maximumNights = 366

    public let arrival: CalendarDate
    public let departure: CalendarDate

    public init(arrival: CalendarDate, departure: CalendarDate) throws {
        guard arrival < departure else {
            throw DomainError.invalid(
                "departure \(departure) is not after arrival \(arrival); a stay needs at least one night")
        }
        guard arrival.days(until: departure) <= Self.maximumNights else {
            throw DomainError.invalid(
                "stay \(arrival)…\(departure) has \(arrival.days(until: departure)) nights; at most \(Self.maximumNights) nights are allowed")
        }
        self.arrival = arrival
        self.departure = departure
    }

    public init(arrival: CalendarDate, nights: Int) throws {
        guard nights >= 1, nights <= Self.maximumNights else {
            throw DomainError.invalid("nights \(nights) is not valid; a stay has 1 to \(Self.maximumNights) nights")
        }
        try self.init(arrival: arrival, departure: arrival.adding(days: nights))
    }

    public var nightCount: Int { arrival.days(until: departure) }
    public var nights: [CalendarDate] { Array(stride(from: arrival, to: departure, by: 1)) }
    public var nightRange: NightRange { NightRange(checkedFirst: arrival, last: departure.adding(days: -1)) }
    public var description: String { "\(arrival)…\(departure) (\(nightCount) night\(nightCount == 1 ? "" : "s"))" }
}

