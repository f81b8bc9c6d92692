/// An OpenTravel message that is not one of the four booking messages: an acknowledgement or another request.
///
/// Rule: reported, never an error, so that an acknowledgement dropped into the inbox is not quarantined.
/// Example: `OTA_NotifReportRQ` at line 10 gives `rootName: "OTA_NotifReportRQ", line: 10`.
public struct OTAOtherMessage: Sendable, Equatable, Codable {
    /// The root element's local name, e.g. `"OTA_HotelResNotifRS"`.
    public var rootName: String
    /// Whether the root was in the OpenTravel namespace or in none.
    public var namespace: OTAMessageNamespace
    /// 1-based position of the message among all messages of the file.
    public var position: Int
    /// Line where the message's start tag ends.
    public var line: Int

    /// A message named `rootName` at `position` and `line`.
    public init(rootName: String, namespace: OTAMessageNamespace, position: Int, line: Int) {
        self.rootName = rootName
        self.namespace = namespace
        self.position = position
        self.line = line
    }
}
