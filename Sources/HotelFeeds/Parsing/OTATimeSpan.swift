/// `TimeSpan`: the stay's arrival and departure, or a window for a quote request.
///
/// Rule: nights are `start ..< end`; `duration` (ISO 8601, e.g. `"P3N"`) may replace `end`. Example: AlpineBits'
/// quote request has no start or end but `startDateWindow` 2022-10-03..2022-10-08.
public struct OTATimeSpan: Sendable, Equatable, Codable {
    /// `Start`, e.g. `"2022-01-01"`.
    public var start: String?
    /// `End`, e.g. `"2022-01-12"`.
    public var end: String?
    /// `Duration`, e.g. `"P11N"`.
    public var duration: String?
    /// `StartDateWindow`.
    public var startDateWindow: OTADateWindow?
    /// `EndDateWindow`.
    public var endDateWindow: OTADateWindow?

    /// An empty time span.
    public init() {}
}
