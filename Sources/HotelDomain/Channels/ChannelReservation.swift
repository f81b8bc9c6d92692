/// One reservation record of a channel message, normalized into the hotel's terms and ready to store.
///
/// Rule: identity is (channel, channel reservation id); `action` says what the record does to the stored
/// booking. A record without room stays (`isStatusOnly`) changes the status and nothing else.
/// Example: BOOKINGCOM 4711 book, Otto Mustermann, DLX 2027-03-01…2027-03-04, 3 nights at 169.00 EUR.
public struct ChannelReservation: Hashable, Sendable {
    public var channel: Code
    /// The channel's reservation id (UniqueID, else the HotelReservationID the channel assigned).
    public var reference: String
    public var action: ChannelAction
    /// No room stay in the record: only the status changes.
    public var isStatusOnly: Bool
    /// `LastModifyDateTime` (else `CreateDateTime`, else the message's `TimeStamp`) as milliseconds since
    /// 1970-01-01T00:00:00Z, for stale-message protection; `nil` when the message has none.
    public var lastModified: Int64?
    /// The same instant as written, for display.
    public var lastModifiedText: String?
    public var hotelCode: String?

    public var guest: ChannelGuest
    public var roomType: Code?
    public var ratePlan: Code?
    public var stay: Stay?
    public var rooms: Int
    /// The price of one room per night, in stay order (empty for status-only records).
    public var nights: [ChannelNight]
    /// The stay's total as the channel sent it (all rooms), if it sent one.
    public var total: Money?
    public var commission: ChannelCommission?
    public var travelAgent: TravelAgent?
    public var mealPlan: String?
    public var comments: [String]
    public var specialRequests: [String]
    /// A payment card was given: its last four digits and expiry only, never the number or security code.
    public var cardLastFour: String?
    public var cardExpiry: String?

    public init(
        channel: Code, reference: String, action: ChannelAction, isStatusOnly: Bool = false, lastModified: Int64? = nil,
        lastModifiedText: String? = nil, hotelCode: String? = nil, guest: ChannelGuest = ChannelGuest(),
        roomType: Code? = nil, ratePlan: Code? = nil, stay: Stay? = nil, rooms: Int = 1, nights: [ChannelNight] = [],
        total: Money? = nil, commission: ChannelCommission? = nil, travelAgent: TravelAgent? = nil,
        mealPlan: String? = nil, comments: [String] = [], specialRequests: [String] = [], cardLastFour: String? = nil,
        cardExpiry: String? = nil
    ) {
        self.channel = channel
        self.reference = reference
        self.action = action
        self.isStatusOnly = isStatusOnly
        self.lastModified = lastModified
        self.lastModifiedText = lastModifiedText
        self.hotelCode = hotelCode
        self.guest = guest
        self.roomType = roomType
        self.ratePlan = ratePlan
        self.stay = stay
        self.rooms = rooms
        self.nights = nights
        self.total = total
        self.commission = commission
        self.travelAgent = travelAgent
        self.mealPlan = mealPlan
        self.comments = comments
        self.specialRequests = specialRequests
        self.cardLastFour = cardLastFour
        self.cardExpiry = cardExpiry
    }
}

/// What a channel record does.
public enum ChannelAction: String, Hashable, Sendable {
    /// New or confirmed booking (Book, Commit, Reserved, Initiate, or an OTA_HotelResNotifRQ without status).
    case book
    /// Full overlay of the stored booking (Modify, or an OTA_HotelResModifyNotifRQ).
    case modify
    /// Cancellation (Cancel, Cancelled, or an OTA_CancelRQ).
    case cancel
    /// A quote request (Requested): not a booking; acknowledged and otherwise ignored.
    case quote
}

/// The lead guest and party of a channel booking.
public struct ChannelGuest: Hashable, Sendable {
    /// "Given Surname", e.g. "Otto Mustermann"; "(no name)" never: a booking without a name is refused.
    public var name: String
    public var email: String?
    public var phone: String?
    public var adults: Int
    /// Ages of the children, as the channel sent them, e.g. [9, 3].
    public var childAges: [Int]

    public init(name: String = "", email: String? = nil, phone: String? = nil, adults: Int = 1, childAges: [Int] = []) {
        self.name = name
        self.email = email
        self.phone = phone
        self.adults = adults
        self.childAges = childAges
    }
}

/// One night of a channel booking at the price of one room.
public struct ChannelNight: Hashable, Sendable {
    public var night: CalendarDate
    public var amount: Money

    public init(night: CalendarDate, amount: Money) {
        self.night = night
        self.amount = amount
    }
}

/// The commission a channel says it takes on a booking.
public enum ChannelCommission: Hashable, Sendable {
    case percent(BasisPoints)
    case amount(Money)
}

/// The travel agent or intermediary that made a channel booking.
public struct TravelAgent: Hashable, Sendable {
    public var name: String
    public var iataNumber: String?

    public init(name: String, iataNumber: String? = nil) {
        self.name = name
        self.iataNumber = iataNumber
    }
}

/// Why one record of a message cannot be imported: it is quarantined with this reason, and the
/// acknowledgement carries a warning with its `RecordID`.
public struct ChannelRecordError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The channel reservation id, when the record has one.
    public var reference: String?
    /// One sentence naming the value and what would be valid, e.g. "room type code \"bigsuite\" is not mapped
    /// for channel ALPINE; map it with 'channels map --channel ALPINE --room-type-code bigsuite --to STE'".
    public var reason: String

    public init(reference: String?, reason: String) {
        self.reference = reference
        self.reason = reason
    }

    public var description: String { reason }
}
