import HotelDomain

/// How a nightly run ended (or that it is still going).
///
/// `attention`: every step ran, and something needs a human (exit 3); `failed`: a step could not run (exit 1);
/// `refused`: another run held the lock (exit 1); `interrupted`: the process stopped without finishing (kill -9,
/// a crash, a reboot) and a later run took its lock over.
public enum NightlyRunStatus: String, Sendable, CaseIterable {
    case running, ok, attention, failed, refused, interrupted
}

/// The process that holds (or asks for) the nightly lock.
///
/// A holder is the same process only when pid, host, boot id and the process's start time all match, so a
/// recycled pid or a reboot never passes for the process that took the lock.
public struct NightlyLockHolder: Sendable, Equatable {
    public var pid: Int32
    public var host: String
    /// `/proc/sys/kernel/random/boot_id` on Linux; empty where the system does not say.
    public var bootID: String
    /// The process's start time since boot (`/proc/PID/stat`, field 22); empty where the system does not say.
    public var processStart: String
    /// When the run started (ISO 8601, UTC).
    public var startedAt: String
    /// The run that holds the lock, and the night it is for (only for a stored lock).
    public var runID: Int64?
    public var today: String?

    public init(
        pid: Int32, host: String, bootID: String, processStart: String, startedAt: String, runID: Int64? = nil,
        today: String? = nil
    ) {
        self.pid = pid
        self.host = host
        self.bootID = bootID
        self.processStart = processStart
        self.startedAt = startedAt
        self.runID = runID
        self.today = today
    }

    /// "pid 4242 on host audit-1, started 2027-05-01T01:00:00.000Z (run 7 for 2027-05-01)".
    public var description: String {
        var text = "pid \(pid) on host \(host), started \(startedAt)"
        if let runID { text += " (run \(runID)\(today.map { " for \($0)" } ?? ""))" }
        return text
    }
}

/// What a nightly run did, step by step; kept with the run and shown by `nightly history`.
public struct NightlyCounts: Sendable, Equatable {
    /// Feed files imported (completely, quarantined records included), already imported before, and failed.
    public var feedFiles = 0
    public var feedFilesAlreadyImported = 0
    public var feedFilesFailed = 0
    public var created = 0
    public var modified = 0
    public var cancelled = 0
    public var unchanged = 0
    public var quarantined = 0
    public var overbooked = 0
    public var noShows = 0
    public var blocksReleased = 0
    public var roomNightsReleased = 0
    /// Night × room type cells recommended, class-nights the recommendation closes, and controls plus
    /// overbooking allowances changed (`yieldApplied`) or that `--apply-yield` would change.
    public var yieldCells = 0
    public var yieldClosed = 0
    public var yieldChanges = 0
    public var yieldApplied = false
    public var exportedRecords = 0
    public var exportedFiles = 0

    public init() {}
}

/// One run of `hotelsales nightly`, as logged.
public struct NightlyRun: Sendable, Equatable {
    public var id: Int64
    public var today: String
    public var startedAt: String
    public var endedAt: String?
    public var user: String
    public var host: String
    public var pid: Int32
    public var status: NightlyRunStatus
    public var exitCode: Int32?
    /// The last step that finished.
    public var lastStep: String?
    public var counts: NightlyCounts
    /// The last arrival day whose unarrived guaranteed bookings this run marked no-show.
    public var noShowsThrough: String?
    public var errors: [String]
    public var attention: [String]
}

/// The outcome of asking for the nightly lock.
public enum NightlyStart: Sendable {
    /// The run is logged under `runID` and holds the lock; `tookOver` is the dead run whose lock it took.
    case started(runID: Int64, tookOver: NightlyLockHolder?)
    /// Another live run holds the lock; this attempt is logged as refused under `runID`.
    case held(by: NightlyLockHolder, runID: Int64)
}

/// The unarrived bookings a nightly run marked no-show.
public struct NoShowMarking: Sendable, Equatable {
    /// The arrival days covered: yesterday, and the days after the last audited one when nights were missed.
    public var arrivals: NightRange
    /// Confirmation numbers marked no-show (confirmed, i.e. guaranteed, bookings that did not check in).
    public var marked: [String]
    /// Tentative bookings of those days that did not arrive: not guaranteed, left for the front desk.
    public var tentativeLeft: [String]
}
