/// `Comment`: free text from the guest or the channel.
///
/// Rule: each `Text` and `ListItem` is trimmed at both ends and kept in order; a run of 13 to 19 digits that
/// passes the card check digit is masked to its last four (`************1111`) so a card number typed into a
/// comment is never stored. Example: AlpineBits' `Comment Name="customer comment"` with one text.
public struct OTAComment: Sendable, Equatable, Codable {
    /// `Name`, e.g. `"included services"`.
    public var name: String?
    /// `GuestViewable`, e.g. `"true"`.
    public var guestViewable: String?
    /// `Text` elements, e.g. `["non-smoking Room requested;king bed"]`.
    public var texts: [String] = []
    /// `ListItem` elements, e.g. `["Parkplatz", "Schwimmbad", "Skipass"]`.
    public var listItems: [String] = []

    /// An empty comment.
    public init() {}
}
