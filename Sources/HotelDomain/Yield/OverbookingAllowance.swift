/// The overbooking allowance for a night and room type, with the probabilities that decided it.
///
/// Produced by `OverbookingPolicy.allowance()`. Example: capacity 100, p = 0.9, walk cost 25000, room value
/// 12000 → `rooms` 9, `bookingLimit` 109, walk probability 0.2364 for booking 109 and 0.3403 for booking 110
/// against a break-even of 0.3243.
public struct OverbookingAllowance: Sendable, Hashable {
    /// Rooms to sell beyond capacity.
    public let rooms: Int
    /// The capacity the allowance is added to.
    public let capacity: Int
    /// The probability that the last accepted booking (capacity + rooms) is walked if it shows.
    public let walkProbabilityOfLastBooking: Double
    /// The same probability for the first refused booking (capacity + rooms + 1).
    public let walkProbabilityOfNextBooking: Double
    /// Room value ÷ (room value + walk cost): bookings pay while their walk probability is below this.
    public let breakEvenWalkProbability: Double
    /// The expected profit of the first refused booking, in minor units (0 or less).
    public let expectedGainOfNextBooking: Double

    /// The most bookings to accept: capacity + rooms.
    public var bookingLimit: Int { capacity + rooms }

    /// A one-line explanation for a sales manager.
    ///
    /// Example: `reason(night: "2027-03-04")` gives `overbook by 9 on 2027-03-04: booking 109 is walked with
    /// probability 23.6% if it shows, below the break-even 32.4% (room value ÷ (room value + walk cost));
    /// booking 110 would be at 34.0%`.
    public func reason(night: String? = nil) -> String {
        let when = night.map { " on \($0)" } ?? ""
        let breakEven = percent(breakEvenWalkProbability)
        let next =
            "booking \(bookingLimit + 1) would be walked with probability \(percent(walkProbabilityOfNextBooking))"
        guard rooms > 0 else {
            return "do not overbook\(when): \(next) if it shows, not below the break-even \(breakEven) "
                + "(room value ÷ (room value + walk cost))"
        }
        return
            "overbook by \(rooms)\(when): booking \(bookingLimit) is walked with probability "
            + "\(percent(walkProbabilityOfLastBooking)) if it shows, below the break-even \(breakEven) "
            + "(room value ÷ (room value + walk cost)); booking \(bookingLimit + 1) would be at "
            + percent(walkProbabilityOfNextBooking)
    }

    private func percent(_ probability: Double) -> String {
        FareClassDecision.oneDecimal(probability * 100) + "%"
    }
}
