import HotelDomain

/// Everything one `export pms` writes (but the reservations, which are streamed), read in one read
/// transaction so the files agree with each other.
public struct PMSExportSnapshot: Sendable {
    public var hotel: Hotel
    /// The newest audit-log row the export reflects (0: an empty log); the next incremental export starts
    /// after it.
    public var auditID: Int64
    /// When that row was written (`2027-03-01T08:15:02.123Z`): the instant the data is "as of", used for the
    /// `TimeStamp` of every message, so the same data always gives the same bytes. `nil` for an empty log.
    public var asOf: String?
    /// What each requested entity covers.
    public var selections: [ExportSelection]
    /// Companies to export, by code, each with its agreements (oldest first).
    public var companies: [ExportedCompany]
    /// Intermediaries (travel agencies, OTAs) to export, by code.
    public var intermediaries: [ExportedIntermediary] = []
    /// The tax rate included in the hotel's prices (commission "net of tax" is computed without it).
    public var commissionTaxRate = BasisPoints(0)
    /// Rate plans to export, by code.
    public var ratePlans: [RatePlan]
    /// Every rate plan: derived plans are priced from their base.
    public var allRatePlans: [RatePlan]
    /// Every company's name by code (rate plans name the companies they are restricted to).
    public var companyNames: [Code: String]
    /// Stay controls to export, each the current state of one (plan, room type, night); an empty control
    /// means the night is open again.
    public var controls: [StayControl]
    /// Room-type nights whose booking limit (physical − out of order + overbooking) is exported.
    public var inventory: [InventoryNight]
    /// How many reservations were handed to the visitor.
    public var reservationCount: Int
    /// Group blocks to export, by code, each with its nights.
    public var blocks: [ExportedBlock] = []
}

/// What one entity of an export covers: everything, or the changes after an instant or an earlier export.
public struct ExportSelection: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        /// `--full`.
        case full
        /// No earlier export of the entity: everything.
        case firstExport
        /// `--since`: changes logged after the instant.
        case since(String)
        /// Changes logged after audit row `auditID`, the newest of export run `run` (as of `asOf`).
        case afterExport(run: Int64, auditID: Int64, asOf: String?)
    }

    public var entity: ExportEntity
    public var scope: Scope

    /// Whether every record of the entity is exported (not only changes).
    public var isComplete: Bool { scope == .full || scope == .firstExport }

    /// `full`, `full (first export)`, `since 2027-03-01T00:00:00.000Z`, `since export 3 (2027-03-01T…)`.
    public var summary: String {
        switch scope {
        case .full: "full"
        case .firstExport: "full (first export)"
        case .since(let instant): "changes since \(instant)"
        case .afterExport(let run, _, let asOf): "changes since export \(run)\(asOf.map { " (as of \($0))" } ?? "")"
        }
    }
}

/// A company with its agreements, as exported to the PMS.
public struct ExportedCompany: Sendable, Equatable {
    public var company: Company
    /// Oldest first.
    public var agreements: [Agreement]
    public var createdAt: String
}

/// A travel agency or OTA, as exported to the PMS.
public struct ExportedIntermediary: Sendable, Equatable {
    public var intermediary: Intermediary
    public var createdAt: String
}

/// A group block with its nights (by night, then room type), as exported to the PMS.
public struct ExportedBlock: Sendable, Equatable {
    public var block: GroupBlock
    public var companyName: String?
    public var nights: [BlockNight]
    /// The currency of the block's rates.
    public var currency: Currency
    public var createdAt: String
}

/// A reservation with what the PMS needs beyond `Reservation`: stored timestamps, the company's name, the
/// channel details, the travel agent and the group.
public struct ExportedReservation: Sendable {
    public var reservation: Reservation
    /// `created_at` / `updated_at` as stored (`2027-03-01T08:15:02.123Z`).
    public var createdAt: String
    public var updatedAt: String
    public var companyName: String?
    public var guestEmail: String?
    public var guestPhone: String?
    public var adults: Int?
    /// Children's ages as stored, e.g. `9,3`.
    public var childAges: [Int]
    /// The travel agent: the booking's intermediary (`bookings create --intermediary`, or the one whose IATA
    /// number the channel named) with its registered name and IATA number, else the agent the channel named.
    public var travelAgentName: String?
    public var travelAgentIATA: String?
    /// The intermediary's code, when the travel agent is a registered intermediary.
    public var travelAgentCode: String?
    /// The group (block) code of a group booking.
    public var groupCode: String?
    /// The booking's meal plan as the channel sent it, else the rate plan's.
    public var mealPlan: String?
    public var commissionBasisPoints: Int?
    public var commissionMinorUnits: Int64?
    public var comments: String?
}

/// One recorded export: when, by whom, what it covered and where it went.
public struct ExportRun: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case full
        case sinceLast = "since-last"
        case since
        case arrivals
    }

    public var id: Int64?
    public var startedAt: String
    public var user: String
    public var kind: Kind
    public var since: String?
    public var entities: [String]
    public var format: String
    public var auditID: Int64
    public var asOf: String?
    public var outDirectory: String
    public var manifest: String
    public var files: Int
    public var records: Int

    public init(
        id: Int64? = nil, startedAt: String, user: String, kind: Kind, since: String?, entities: [String],
        format: String,
        auditID: Int64, asOf: String?, outDirectory: String, manifest: String, files: Int, records: Int
    ) {
        self.id = id
        self.startedAt = startedAt
        self.user = user
        self.kind = kind
        self.since = since
        self.entities = entities
        self.format = format
        self.auditID = auditID
        self.asOf = asOf
        self.outDirectory = outDirectory
        self.manifest = manifest
        self.files = files
        self.records = records
    }
}
