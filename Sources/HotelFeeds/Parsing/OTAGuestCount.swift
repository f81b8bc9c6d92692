/// `GuestCount`: how many guests of an age group or age stay.
///
/// Rule: a count with an `Age` is a child of that age; no `AgeQualifyingCode` and no `Age` means adults.
/// Example: AlpineBits gives `Count="2"`, then `Count="1" Age="9"` and `Count="1" Age="3"`.
public struct OTAGuestCount: Sendable, Equatable, Codable {
    /// `AgeQualifyingCode`, e.g. `"10"` adult, `"8"` child (OpenTravel AQC list).
    public var ageQualifyingCode: String?
    /// `Count`, e.g. `"2"`.
    public var count: String?
    /// `Age`, e.g. `"9"`.
    public var age: String?

    /// An empty guest count.
    public init() {}
}
