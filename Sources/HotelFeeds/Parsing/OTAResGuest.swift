/// `ResGuest`: one guest of the reservation with their profiles.
///
/// Rule: `resGuestRPH` links the guest to room stays (`ResGuestRPHs`). Example: OpenTravel's billing sample
/// has three `ResGuest`s with RPH `1`, `2`, `3`, all `AgeQualifyingCode="10"` (adult).
public struct OTAResGuest: Sendable, Equatable, Codable {
    /// `ResGuestRPH`, e.g. `"1"`.
    public var resGuestRPH: String?
    /// `AgeQualifyingCode`, e.g. `"10"`.
    public var ageQualifyingCode: String?
    /// `PrimaryIndicator`, e.g. `"true"` for the main guest.
    public var primaryIndicator: String?
    /// `ArrivalTime`, e.g. `"15:00:00"`.
    public var arrivalTime: String?
    /// `GroupEventCode`, e.g. `"GROUPCODE"`.
    public var groupEventCode: String?
    /// `Profiles/ProfileInfo/Profile`.
    public var profiles: [OTAProfile] = []

    /// An empty guest.
    public init() {}
}
