/// `HotelReservationID`: a reservation number in some system (channel, PMS, booking engine).
///
/// Rule: `ResID_Type="14"` is the channel's reservation number, `"10"` the hotel's, `"13"` an internet
/// broker's. Example: `ResID_Type="13" ResID_Value="7865" ResID_Source="Travel Today"`.
public struct OTAHotelReservationID: Sendable, Equatable, Codable {
    /// `ResID_Type`, e.g. `"14"`.
    public var resIDType: String?
    /// `ResID_Value`, e.g. `"82329987"`.
    public var resIDValue: String?
    /// `ResID_Source`, e.g. `"Marriott"`.
    public var resIDSource: String?
    /// `ResID_SourceContext`, e.g. `"top banner"`.
    public var resIDSourceContext: String?
    /// `ResID_Date`, e.g. `"2025-03-01T10:00:00"`.
    public var resIDDate: String?
    /// `ForGuest`, e.g. `"true"`.
    public var forGuest: String?

    /// An empty reservation id.
    public init() {}
}
