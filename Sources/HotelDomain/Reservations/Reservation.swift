/// A reservation: who stays, in which room type, on which nights, at which nightly prices, and its status.
///
/// Rule: the hotel's confirmation number identifies it; the nightly prices are fixed when it is booked or
/// modified (re-pricing never happens behind the guest's back); the total is the sum of the nightly prices
/// times the rooms. Example: SHBUND-0000001, Chen Li, DLX 2027-03-01…2027-03-03 (2 nights) at ACME27
/// 782.00 + 782.00, 1 room, total 1564.00 CNY, confirmed.
public struct Reservation: Hashable, Sendable {
    public var confirmation: String
    public var source: ReservationSource
    public var channelCode: Code?
    public var channelReference: String?
    public var guestName: String
    public var roomType: Code
    public var ratePlanCode: Code
    public var stay: Stay
    public var rooms: Int
    public var status: ReservationStatus
    public var companyCode: Code?
    public var vipLevel: String?
    public var specialRequests: String?
    public var billing: BillingInstruction
    public var lastRoomAvailability: Bool
    /// The price of one room per night, in stay order.
    public var nights: [NightPrice]
    /// The day the booking was made (for pickup history and lead time).
    public var bookedOn: CalendarDate
    /// The travel agency or OTA the booking came through, when the hotel owes it commission.
    public var intermediaryCode: Code?

    public init(
        confirmation: String, source: ReservationSource, channelCode: Code? = nil, channelReference: String? = nil,
        guestName: String, roomType: Code, ratePlanCode: Code, stay: Stay, rooms: Int, status: ReservationStatus,
        companyCode: Code? = nil, vipLevel: String? = nil, specialRequests: String? = nil,
        billing: BillingInstruction = .guestPays, lastRoomAvailability: Bool = false, nights: [NightPrice],
        bookedOn: CalendarDate, intermediaryCode: Code? = nil
    ) {
        self.confirmation = confirmation
        self.source = source
        self.channelCode = channelCode
        self.channelReference = channelReference
        self.guestName = guestName
        self.roomType = roomType
        self.ratePlanCode = ratePlanCode
        self.stay = stay
        self.rooms = rooms
        self.status = status
        self.companyCode = companyCode
        self.vipLevel = vipLevel
        self.specialRequests = specialRequests
        self.billing = billing
        self.lastRoomAvailability = lastRoomAvailability
        self.nights = nights
        self.bookedOn = bookedOn
        self.intermediaryCode = intermediaryCode
    }

    /// Sum of the nightly prices of one room.
    public var totalPerRoom: Money {
        nights.dropFirst().reduce(nights[0].amount) { $0 + $1.amount }
    }

    /// The stay's total for all rooms.
    public var total: Money { totalPerRoom.times(rooms) }

    /// Room-nights of the reservation (nights × rooms).
    public var roomNights: Int { stay.nightCount * rooms }
}

/// Where a reservation came from.
public enum ReservationSource: String, Sendable, CaseIterable {
    case direct, company, group, channel
}

/// Who pays the room charges.
public enum BillingInstruction: String, Sendable, CaseIterable {
    case guestPays = "guest"
    case directBill = "direct-bill"

    public init(parsing text: String) throws {
        guard let value = BillingInstruction(rawValue: text.lowercased()) else {
            throw DomainError.invalid("billing \"\(text)\" is not valid; use guest or direct-bill")
        }
        self = value
    }
}

/// A reservation's status and the moves allowed between statuses.
///
/// Rule: tentative and confirmed bookings can be modified, cancelled, marked no-show (from the arrival day on)
/// or checked in (from the arrival day to the last night); a checked-in guest checks out; cancelled,
/// no-show and checked-out bookings are final. Tentative, confirmed, checked-in and checked-out bookings
/// occupy their nights; cancelled and no-show bookings release them.
public enum ReservationStatus: String, Sendable, CaseIterable {
    case tentative
    case confirmed
    case checkedIn = "checked-in"
    case checkedOut = "checked-out"
    case cancelled
    case noShow = "no-show"

    public init(parsing text: String) throws {
        guard let status = ReservationStatus(rawValue: text.lowercased()) else {
            throw DomainError.invalid(
                "status \"\(text)\" is not valid; use one of \(ReservationStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = status
    }

    /// Whether a reservation in this status occupies rooms on its nights.
    public var occupiesRooms: Bool {
        switch self {
        case .tentative, .confirmed, .checkedIn, .checkedOut: true
        case .cancelled, .noShow: false
        }
    }

    /// Whether the stay (dates, room type, rooms) may still change.
    public var isModifiable: Bool { self == .tentative || self == .confirmed || self == .checkedIn }
}

/// What a status command does to a reservation.
public enum ReservationTransition: String, Sendable {
    case cancel
    case noShow = "no-show"
    case checkIn = "check-in"
    case checkOut = "check-out"

    public var target: ReservationStatus {
        switch self {
        case .cancel: .cancelled
        case .noShow: .noShow
        case .checkIn: .checkedIn
        case .checkOut: .checkedOut
        }
    }

    /// The reservation's new status, or the reason the move is refused.
    ///
    /// Example: checking in a cancelled booking is refused: "reservation SHBUND-0000004 is cancelled; only a
    /// tentative or confirmed reservation can be checked in".
    public func apply(to reservation: Reservation, today: CalendarDate) throws -> ReservationStatus {
        let allowed: [ReservationStatus]
        switch self {
        case .cancel, .noShow: allowed = [.tentative, .confirmed]
        case .checkIn: allowed = [.tentative, .confirmed]
        case .checkOut: allowed = [.checkedIn]
        }
        guard allowed.contains(reservation.status) else {
            throw DomainError.refused(
                "reservation \(reservation.confirmation) is \(reservation.status.rawValue); only a \(allowed.map(\.rawValue).joined(separator: " or ")) reservation can be \(pastTense)")
        }
        switch self {
        case .noShow where today < reservation.stay.arrival:
            throw DomainError.refused(
                "reservation \(reservation.confirmation) arrives on \(reservation.stay.arrival); it can be marked no-show from that day on, not on \(today)")
        case .checkIn where today < reservation.stay.arrival || today >= reservation.stay.departure:
            throw DomainError.refused(
                "reservation \(reservation.confirmation) is for \(reservation.stay.nightRange); it can be checked in from \(reservation.stay.arrival) to \(reservation.stay.departure.adding(days: -1)), not on \(today)")
        default:
            return target
        }
    }

    public var pastTense: String {
        switch self {
        case .cancel: "cancelled"
        case .noShow: "marked no-show"
        case .checkIn: "checked in"
        case .checkOut: "checked out"
        }
    }
}
