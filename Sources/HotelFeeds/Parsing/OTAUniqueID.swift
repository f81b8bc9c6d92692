/// `UniqueID`: a reference to a reservation (or profile) in someone's system.
///
/// Rule: `Type="14"` is a reservation, `"15"` a cancellation (OpenTravel UIT list); `(channel, id)` is the
/// booking's identity. Example: `UniqueID Type="14" ID="6b34fe24ac2ff810"`.
public struct OTAUniqueID: Sendable, Equatable, Codable {
    /// `Type`, e.g. `"14"`.
    public var type: String?
    /// `ID`, e.g. `"6b34fe24ac2ff810"`.
    public var id: String?
    /// `ID_Context`, e.g. `"BOOKINGCOM"`.
    public var idContext: String?

    /// An empty unique id.
    public init() {}
}
