/// A date window (`StartDateWindow`, `EndDateWindow`).
///
/// Rule: kept as written. Example: `EarliestDate="2022-10-03" LatestDate="2022-10-08"`.
public struct OTADateWindow: Sendable, Equatable, Codable {
    /// `EarliestDate`, e.g. `"2022-10-03"`.
    public var earliestDate: String?
    /// `LatestDate`, e.g. `"2022-10-08"`.
    public var latestDate: String?

    /// An empty window.
    public init() {}
}
