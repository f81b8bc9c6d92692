/// `SpecialRequest`: a coded or free-text request (cot, late arrival, high floor).
///
/// Rule: free text is masked like comments. Example: `SpecialRequest RequestCode="48" Name="Cot"` with text
/// `Baby cot please`.
public struct OTASpecialRequest: Sendable, Equatable, Codable {
    /// `RequestCode`, e.g. `"48"`.
    public var requestCode: String?
    /// `CodeContext`, e.g. `"OTA"`.
    public var codeContext: String?
    /// `Name`, e.g. `"Cot"`.
    public var name: String?
    /// `NumberOfUnits`, e.g. `"1"`.
    public var numberOfUnits: String?
    /// `Text` elements.
    public var texts: [String] = []

    /// An empty request.
    public init() {}
}
