/// What the hotel owes an intermediary for one booking, with the arithmetic that gives it.
///
/// Rules:
/// - Only stayed nights are commissionable: a checked-in or checked-out booking owes on the nights it holds
///   (a stay shortened or extended with `bookings modify` holds the nights actually stayed); cancelled,
///   no-show, and tentative or confirmed bookings (never checked in) owe nothing.
/// - A night counts when the terms cover it and its rate plan is commissionable (net, negotiated and group
///   plans are not, unless their file says so); then at most `capNights` of those nights, the earliest first.
/// - Eligible revenue = the counted nights' prices × rooms; net of tax, prices being tax-inclusive:
///   gross × 10000 ÷ (10000 + tax rate in bp). The percent of it, plus the flat amounts, is due. Every step
///   rounds half away from zero to the minor unit.
/// - When the channel's feed gave a commission for the booking, it replaces the contract's: a percent is
///   applied to the eligible revenue, an amount is due as given; a difference from the contract is noted.
///
/// Example: 3 nights at 780.00, 6% tax, 10% net of tax: 2340.00 → 2207.55 net → 220.76 due.
public struct CommissionDue: Hashable, Sendable {
    /// The amount owed.
    public var amount: Money
    /// Why nothing at all is owed on the booking (no stay, no commissionable night, no night within the terms).
    public var nothingDueReason: ClaimReason?
    /// The nights stayed (per room); empty when the booking was not stayed.
    public var stayedNights: [CalendarDate]
    /// Room revenue of every night stayed × rooms, tax included (what a statement's room revenue should say).
    public var stayRevenue: Money
    /// The nights counted after validity, rate plan and cap.
    public var countedNights: Int
    /// Room revenue of the counted nights × rooms, tax included.
    public var grossRevenue: Money
    /// The revenue the percent applies to.
    public var eligibleRevenue: Money
    /// The percent applied (the feed's or the contract's); nil when the feed gave an amount.
    public var percent: BasisPoints?
    /// The flat part of `amount` (per night and per stay).
    public var flatAmount: Money
    /// One line of arithmetic, e.g. "10% of 2207.55 (2340.00 less 6% tax; 3 nights × 1 room) = 220.76".
    public var arithmetic: String
    /// Differences worth telling: the feed's commission against the contract, nights left out.
    public var notes: [String]
    /// What the commission would have been on tax-inclusive revenue (nil when that is the basis already or
    /// there is no tax): a claim equal to it is on the wrong base.
    public var onTaxInclusiveRevenue: Money?
    /// What it would have been without the cap on nights (nil when the cap changed nothing).
    public var withoutCap: Money?
    /// What it would have been with the non-commissionable nights counted (nil when there are none).
    public var withNonCommissionableNights: Money?
    /// What it would have been with the nights outside the terms counted (nil when there are none).
    public var withNightsOutsideTerms: Money?

    /// The booking's stay as it happened, when it happened.
    public var stayedStay: Stay? {
        guard let first = stayedNights.first, let last = stayedNights.last else { return nil }
        return try? Stay(arrival: first, departure: last.adding(days: 1))
    }
}

/// A booking as the commission rules see it.
public struct CommissionableBooking: Hashable, Sendable {
    public var reservation: Reservation
    /// The rate plans of the booking's nights that are not commissionable.
    public var nonCommissionablePlans: Set<Code>
    /// The commission the channel's feed gave for the booking, if any.
    public var feedCommission: ChannelCommission?

    public init(reservation: Reservation, nonCommissionablePlans: Set<Code>, feedCommission: ChannelCommission? = nil) {
        self.reservation = reservation
        self.nonCommissionablePlans = nonCommissionablePlans
        self.feedCommission = feedCommission
    }

    /// Whether the guest stayed: checked in or checked out.
    public var stayed: Bool { reservation.status == .checkedIn || reservation.status == .checkedOut }
}

extension CommissionTerms {
    /// The commission due on a booking under these terms, with `taxRate` included in the hotel's prices.
    public func due(for booking: CommissionableBooking, taxRate: BasisPoints) -> CommissionDue {
        let reservation = booking.reservation
        let currency = reservation.total.currency
        let zero = Money.zero(currency)
        var result = CommissionDue(
            amount: zero, nothingDueReason: nil, stayedNights: [], stayRevenue: zero, countedNights: 0,
            grossRevenue: zero,
            eligibleRevenue: zero, percent: nil, flatAmount: zero, arithmetic: "", notes: [])
        guard booking.stayed else {
            result.nothingDueReason = .noStay
            result.arithmetic = "\(reservation.status.rawValue): no night stayed, nothing is due"
            return result
        }
        let nights = reservation.nights
        result.stayedNights = nights.map(\.night)
        result.stayRevenue = revenue(nights, rooms: reservation.rooms, currency: currency)
        let inTerms = nights.filter { covers($0.night) }
        let commissionable = inTerms.filter { !booking.nonCommissionablePlans.contains($0.ratePlanCode) }
        let counted = Array(commissionable.prefix(capNights ?? Int.max))
        let percent: BasisPoints?
        switch booking.feedCommission {
        case .percent(let share): percent = share
        case .amount: percent = nil
        case nil: percent = self.percent
        }
        result.percent = percent

        func amount(_ nights: [NightPrice], percent: BasisPoints, basis: CommissionBasis) -> Money {
            let gross = revenue(nights, rooms: reservation.rooms, currency: currency)
            let base = basis == .roomNetOfTax ? Self.netOfTax(gross, taxRate) : gross
            return base.share(percent) + flat(nights.count, rooms: reservation.rooms)
        }

        if inTerms.isEmpty {
            result.nothingDueReason = .outsideTerms
            result.arithmetic = "no night stayed within the terms (\(summary)): nothing is due"
        } else if commissionable.isEmpty {
            result.nothingDueReason = .notCommissionable
            let plans = Set(inTerms.map(\.ratePlanCode.rawValue)).sorted().joined(separator: ", ")
            result.arithmetic = "rate plan \(plans) is not commissionable: nothing is due"
        }
        let contractual = amount(counted, percent: self.percent, basis: basis)
        if result.nothingDueReason == nil {
            let gross = revenue(counted, rooms: reservation.rooms, currency: currency)
            let eligible = basis == .roomNetOfTax ? Self.netOfTax(gross, taxRate) : gross
            result.countedNights = counted.count
            result.grossRevenue = gross
            result.eligibleRevenue = eligible
            result.flatAmount = flat(counted.count, rooms: reservation.rooms)
            let roomsText =
                "\(counted.count) night\(counted.count == 1 ? "" : "s") × \(reservation.rooms) room\(reservation.rooms == 1 ? "" : "s")"
            let baseText =
                basis == .roomNetOfTax && taxRate.value > 0
                ? "\(eligible.decimalText) (\(gross.decimalText) less \(taxRate) tax; \(roomsText))"
                : "\(eligible.decimalText) (\(roomsText))"
            var parts: [String] = []
            switch booking.feedCommission {
            case .amount(let given):
                result.amount = given
                result.flatAmount = zero
                parts.append("channel commission \(given.decimalText) from the feed")
                if given != contractual {
                    result.notes.append(
                        "the feed's commission \(given.decimalText) differs from the contract's \(contractual.decimalText)"
                    )
                }
            case .percent, nil:
                let share = percent ?? self.percent
                let percentPart = eligible.share(share)
                result.amount = percentPart + result.flatAmount
                if share.value > 0 || result.flatAmount.minorUnits == 0 {
                    parts.append("\(share) of \(baseText) = \(percentPart.decimalText)")
                }
                if flatPerNight.minorUnits > 0 {
                    parts.append("\(flatPerNight.decimalText) × \(counted.count * reservation.rooms) room-nights")
                }
                if flatPerStay.minorUnits > 0 {
                    parts.append(
                        "\(flatPerStay.decimalText) × \(reservation.rooms) room-stay\(reservation.rooms == 1 ? "" : "s")"
                    )
                }
                if booking.feedCommission != nil, share != self.percent {
                    result.notes.append("the feed's commission \(share) differs from the contract's \(self.percent)")
                }
            }
            result.arithmetic =
                parts.joined(separator: " + ") + (parts.count > 1 ? " = \(result.amount.decimalText)" : "")
            if let percent, basis == .roomNetOfTax, taxRate.value > 0 {
                result.onTaxInclusiveRevenue = gross.share(percent) + result.flatAmount
            }
        }
        if let percent {
            if counted.count < commissionable.count {
                result.withoutCap = amount(commissionable, percent: percent, basis: basis)
                result.notes.append(
                    "\(Self.nights(commissionable.count - counted.count)) over the cap of \(capNights ?? 0)")
            }
            if commissionable.count < inTerms.count, !commissionable.isEmpty {
                let all = Array(inTerms.prefix(capNights ?? Int.max))
                result.withNonCommissionableNights = amount(all, percent: percent, basis: basis)
                result.notes.append(
                    "\(Self.nights(inTerms.count - commissionable.count)) on a non-commissionable rate plan")
            }
            if inTerms.count < nights.count {
                let all = Array(
                    nights.filter { !booking.nonCommissionablePlans.contains($0.ratePlanCode) }.prefix(
                        capNights ?? Int.max))
                result.withNightsOutsideTerms = amount(all, percent: percent, basis: basis)
                if !inTerms.isEmpty {
                    result.notes.append("\(Self.nights(nights.count - inTerms.count)) outside the terms")
                }
            }
        }
        return result
    }

    private static func nights(_ count: Int) -> String { "\(count) night\(count == 1 ? "" : "s")" }

    private func revenue(_ nights: [NightPrice], rooms: Int, currency: Currency) -> Money {
        nights.reduce(Money.zero(currency)) { $0 + $1.amount }.times(rooms)
    }

    private func flat(_ nights: Int, rooms: Int) -> Money {
        guard nights > 0 else { return .zero(flatPerNight.currency) }
        return flatPerNight.times(nights * rooms) + flatPerStay.times(rooms)
    }

    /// A tax-inclusive amount without its tax, rounded half away from zero: 2340.00 at 6% is 2207.55.
    public static func netOfTax(_ gross: Money, _ taxRate: BasisPoints) -> Money {
        Money(
            minorUnits: Money.divideRoundingHalfAway(gross.minorUnits * 10_000, by: Int64(10_000 + taxRate.value)),
            currency: gross.currency)
    }
}
