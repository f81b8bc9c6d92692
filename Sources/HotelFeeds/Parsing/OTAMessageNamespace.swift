/// Whether a message was in the OpenTravel namespace, as the standard requires, or in no namespace.
///
/// Rule: both are accepted; `.missing` lets the importer warn about or refuse a channel that sends
/// unqualified XML. Example: `<OTA_HotelResNotifRQ>` with no `xmlns` is `.missing`.
public enum OTAMessageNamespace: String, Sendable, Equatable, Codable {
    /// `http://www.opentravel.org/OTA/2003/05`, with any prefix or none.
    case openTravel
    /// No namespace declaration applies to the root element.
    case missing
}
