/// A `Warning` or `Error` of a response message.
///
/// Rule: kept as written so a failed pull can be reported. Example: `Warning Type="3" Code="450"
/// RecordID="f054bbd2f5ebab9"` with text `Unable to process reservation`.
public struct OTAResponseNotice: Sendable, Equatable, Codable {
    /// `Type`, e.g. `"3"`.
    public var type: String?
    /// `Code`, e.g. `"450"`.
    public var code: String?
    /// `RecordID`, e.g. `"f054bbd2f5ebab9"`.
    public var recordID: String?
    /// `Status`, e.g. `"NotProcessed"`.
    public var status: String?
    /// `ShortText`, e.g. `"Invalid room type"`.
    public var shortText: String?
    /// The element's trimmed text.
    public var text: String = ""

    /// An empty notice.
    public init() {}
}
