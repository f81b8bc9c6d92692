import HotelDomain

/// What the sales office or front desk asks for when it books a stay.
public struct BookingRequest: Sendable {
    public var guestName: String
    public var roomType: Code
    public var stay: Stay
    public var rooms: Int
    public var companyCode: Code?
    public var ratePlanCode: Code?
    public var vipLevel: String?
    public var specialRequests: String?
    public var billing: BillingInstruction
    public var tentative: Bool
    /// The travel agency or OTA the booking came through (`--intermediary`).
    public var intermediaryCode: Code?
    /// Book a direct-bill stay even over the company's credit limit (`--override-credit`, audited).
    public var overrideCredit = false

    public init(
        guestName: String, roomType: Code, stay: Stay, rooms: Int = 1, companyCode: Code? = nil,
        ratePlanCode: Code? = nil, vipLevel: String? = nil, specialRequests: String? = nil,
        billing: BillingInstruction = .guestPays, tentative: Bool = false, intermediaryCode: Code? = nil
    ) throws {
        guard !guestName.trimmingWhitespace.isEmpty else {
            throw DomainError.invalid("guest name is empty; give the guest's name, e.g. --guest \"Chen Li\"")
        }
        guard (1...500).contains(rooms) else {
            throw DomainError.invalid("rooms \(rooms) is not valid; book 1 to 500 rooms")
        }
        if billing == .directBill, companyCode == nil {
            throw DomainError.invalid("direct billing needs --company; only an agreement company can be billed")
        }
        self.guestName = guestName.trimmingWhitespace
        self.roomType = roomType
        self.stay = stay
        self.rooms = rooms
        self.companyCode = companyCode
        self.ratePlanCode = ratePlanCode
        self.vipLevel = vipLevel
        self.specialRequests = specialRequests
        self.billing = billing
        self.tentative = tentative
        self.intermediaryCode = intermediaryCode
    }
}

/// A change to a booking: any field left `nil` stays as it is.
public struct BookingChange: Sendable {
    public var guestName: String?
    public var roomType: Code?
    public var arrival: CalendarDate?
    public var nights: Int?
    public var departure: CalendarDate?
    public var rooms: Int?
    public var ratePlanCode: Code?
    public var vipLevel: String?
    public var specialRequests: String?
    /// A direct-bill change that raises the total past the company's credit limit goes through (audited).
    public var overrideCredit: Bool

    public init(
        guestName: String? = nil, roomType: Code? = nil, arrival: CalendarDate? = nil, nights: Int? = nil,
        departure: CalendarDate? = nil, rooms: Int? = nil, ratePlanCode: Code? = nil, vipLevel: String? = nil,
        specialRequests: String? = nil, overrideCredit: Bool = false
    ) {
        self.overrideCredit = overrideCredit
        self.guestName = guestName
        self.roomType = roomType
        self.arrival = arrival
        self.nights = nights
        self.departure = departure
        self.rooms = rooms
        self.ratePlanCode = ratePlanCode
        self.vipLevel = vipLevel
        self.specialRequests = specialRequests
    }

    /// Whether the change touches what is sold (dates, room type, rooms, plan) and so needs re-pricing and an
    /// inventory check.
    var changesInventory: Bool {
        roomType != nil || arrival != nil || nights != nil || departure != nil || rooms != nil || ratePlanCode != nil
    }
}

/// Which reservations `bookings list` shows.
public struct ReservationFilter: Sendable {
    public var arrivalFrom: CalendarDate?
    public var arrivalTo: CalendarDate?
    public var status: ReservationStatus?
    public var companyCode: Code?
    public var limit: Int

    public init(
        arrivalFrom: CalendarDate? = nil, arrivalTo: CalendarDate? = nil, status: ReservationStatus? = nil,
        companyCode: Code? = nil, limit: Int = 1_000
    ) {
        self.arrivalFrom = arrivalFrom
        self.arrivalTo = arrivalTo
        self.status = status
        self.companyCode = companyCode
        self.limit = limit
    }
}
