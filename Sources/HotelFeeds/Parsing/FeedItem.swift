/// One result of reading a feed file, delivered in document order.
///
/// Rule: a file yields one item per OTA message it contains, then, if the XML breaks off or is hostile, one
/// final `.fileError` and nothing after it. The importer imports `.booking`, acknowledges and skips
/// `.notABookingMessage`, quarantines `.messageError` and goes on, and quarantines the rest of the file on
/// `.fileError`. Example: a vendor wrapper with a booking and an acknowledgement yields `.booking` then
/// `.notABookingMessage`.
public enum FeedItem: Sendable, Equatable {
    /// A booking message, parsed.
    case booking(OTABookingMessage)
    /// An OpenTravel message that carries no bookings to import, e.g. `OTA_HotelResNotifRS`.
    case notABookingMessage(OTAOtherMessage)
    /// A message that could not be read, with the reason; the rest of the file goes on.
    case messageError(FeedMessageError)
    /// The file cannot be read any further; always the last item.
    case fileError(FeedFileError)
}
