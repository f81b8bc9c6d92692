import HotelDomain

/// One parsed channel message, normalized, ready to be applied in one transaction.
public struct ChannelMessageImport: Sendable {
    public var channel: Code
    /// SHA-256 of the channel and the parsed message: a message already imported is skipped. `nil` for a
    /// quarantine retry, which is applied whatever happened before.
    public var digest: String?
    public var feedFileID: Int64?
    public var filePath: String
    public var position: Int
    public var line: Int
    public var records: [Result<ChannelReservation, ChannelRecordError>]
    /// The parsed message as JSON (card data already reduced to the last four digits), kept with any
    /// quarantined record so that it can be retried after a mapping is fixed. Computed only when a record is
    /// quarantined: encoding every message would cost more than importing it.
    public var payload: @Sendable () -> String?
    /// The quarantine entry this import retries; it is resolved when every record imports.
    public var retriedQuarantineID: Int64?
    /// The channel's room type for new bookings whose message names none.
    public var defaultRoomType: Code?
    public var today: CalendarDate

    public init(
        channel: Code, digest: String?, feedFileID: Int64?, filePath: String, position: Int, line: Int,
        records: [Result<ChannelReservation, ChannelRecordError>], payload: @escaping @Sendable () -> String?,
        retriedQuarantineID: Int64? = nil,
        defaultRoomType: Code? = nil, today: CalendarDate
    ) {
        self.defaultRoomType = defaultRoomType
        self.channel = channel
        self.digest = digest
        self.feedFileID = feedFileID
        self.filePath = filePath
        self.position = position
        self.line = line
        self.records = records
        self.payload = payload
        self.retriedQuarantineID = retriedQuarantineID
        self.today = today
    }
}

/// What importing one channel record did.
public enum ChannelRecordOutcome: Hashable, Sendable {
    /// A new reservation; `overbooked` lists the nights sold beyond capacity and allowance (never refused:
    /// the guest already holds the channel's confirmation).
    case created(confirmation: String, overbooked: [OverbookedNight])
    case modified(confirmation: String, overbooked: [OverbookedNight])
    case cancelled(confirmation: String)
    /// Nothing changed, and why: same data, older than what is stored, or cancelled earlier.
    case unchanged(confirmation: String?, reason: String)
    /// A cancellation for a booking never received, kept so that a late booking message does not resurrect it.
    case tombstoned
    /// A quote request (Requested): acknowledged, not a booking.
    case quote
    case quarantined(reason: String, quarantineID: Int64)

    public var confirmation: String? {
        switch self {
        case .created(let confirmation, _), .modified(let confirmation, _), .cancelled(let confirmation): confirmation
        case .unchanged(let confirmation, _): confirmation
        case .tombstoned, .quote, .quarantined: nil
        }
    }

    public var overbookedNights: [OverbookedNight] {
        switch self {
        case .created(_, let nights), .modified(_, let nights): nights
        default: []
        }
    }
}

/// A night a channel booking sold beyond capacity and allowance: "DLX 2027-03-01 (+2)". Kept as values and
/// written as text only when reported: a feed into a full hotel overbooks nearly every night it sells, and the
/// import reports only the first few.
public struct OverbookedNight: Hashable, Sendable, CustomStringConvertible {
    public var roomType: Code
    public var night: CalendarDate
    /// Rooms sold beyond what the night can hold.
    public var excess: Int

    public var description: String { "\(roomType) \(night) (+\(excess))" }
}

/// The result of one message: skipped as already imported, or one outcome per record.
public struct ChannelMessageResult: Sendable {
    public var alreadyImported: Bool
    public var outcomes: [(reference: String?, outcome: ChannelRecordOutcome)]
}

/// Counts of a feed file's import, kept in `feeds history`.
public struct FeedFileCounts: Sendable, Equatable {
    public var messages = 0
    public var created = 0
    public var modified = 0
    public var cancelled = 0
    public var unchanged = 0
    public var quarantined = 0
    public var overbooked = 0
    /// Quotes, acknowledgements, tombstones and other messages that are not bookings.
    public var ignored = 0

    public init() {}

    public mutating func add(_ outcome: ChannelRecordOutcome) {
        switch outcome {
        case .created(_, let nights):
            created += 1
            if !nights.isEmpty { overbooked += 1 }
        case .modified(_, let nights):
            modified += 1
            if !nights.isEmpty { overbooked += 1 }
        case .cancelled: cancelled += 1
        case .unchanged: unchanged += 1
        case .tombstoned, .quote: ignored += 1
        case .quarantined: quarantined += 1
        }
    }
}

/// A quarantined message or record, as `feeds quarantine list|show` tells it.
public struct QuarantineEntry: Sendable, Equatable {
    public var id: Int64
    public var channel: Code
    public var filePath: String
    public var position: Int
    public var line: Int
    public var reference: String?
    public var reason: String
    public var payload: String?
    public var resolved: Bool
    public var createdAt: String
}

/// One imported feed file, as `feeds history` tells it.
public struct FeedFileRecord: Sendable, Equatable {
    public var id: Int64
    public var path: String
    public var sha256: String
    public var bytes: Int64
    public var channel: String?
    public var startedAt: String
    public var finishedAt: String?
    public var user: String
    public var counts: FeedFileCounts
    public var outcome: String
}

/// What a channel told about a booking beyond the stay: contacts, party, commission, travel agent, card.
public struct ChannelBookingDetails: Sendable, Equatable {
    public var channel: Code
    public var reference: String
    public var lastModified: Int64?
    public var email: String?
    public var phone: String?
    public var adults: Int?
    public var childAges: [Int]
    /// Commission in basis points, or as an amount in minor units, as the channel sent it.
    public var commissionBasisPoints: Int?
    public var commissionMinorUnits: Int64?
    public var travelAgentName: String?
    public var travelAgentIATA: String?
    public var mealPlan: String?
    public var comments: String?
    public var cardLastFour: String?
    public var cardExpiry: String?
}
