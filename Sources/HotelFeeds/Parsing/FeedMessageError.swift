/// A message of a well-formed file that cannot be imported as read, with the reason.
///
/// Rule: the rest of the file is still read; the importer quarantines this message with `description` as its
/// one-line reason and `partial` (already free of card numbers) as its redacted payload. Example: a booking
/// whose `RoomStay` has two `TimeSpan` elements.
public struct FeedMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message root's local name, e.g. `"OTA_HotelResNotifRQ"`; the document root for `.noOTAMessage`.
    public var rootName: String
    /// 1-based position of the message among all messages of the file (0 for `.noOTAMessage`).
    public var position: Int
    /// Line where the message's start tag ends.
    public var line: Int
    /// What is wrong.
    public var reason: Reason
    /// What was read of the message before or despite the problem, when it is a booking message; `nil` otherwise.
    public var partial: OTABookingMessage?

    /// Why a message cannot be imported.
    ///
    /// Rule: each case names the offending element or value. Example: `.repeatedElement(name: "TimeSpan",
    /// parent: "RoomStay", line: 31)`.
    public enum Reason: Sendable, Equatable {
        /// An `OTA_` message root in a namespace other than OpenTravel's, e.g. a vendor's.
        case unexpectedNamespace(uri: String)
        /// The document holds no OTA message at all (a "wrong root").
        case noOTAMessage
        /// An element the model holds once appears twice in the same parent, so the message is ambiguous.
        case repeatedElement(name: String, parent: String, line: Int)
        /// The message has more elements than `FeedLimits.maxElementsPerMessage`; its content was dropped.
        case tooManyElements(limit: Int)
        /// A namespace error that XML well-formedness lets the parser continue past, e.g. an undeclared prefix.
        case namespaceError(detail: String, line: Int)
    }

    /// Creates a message error.
    public init(rootName: String, position: Int, line: Int, reason: Reason, partial: OTABookingMessage? = nil) {
        self.rootName = rootName
        self.position = position
        self.line = line
        self.reason = reason
        self.partial = partial
    }

    /// One sentence naming the message and the offending value, e.g. "Message 2 (OTA_HotelResNotifRQ, line
    /// 14): element TimeSpan appears twice in RoomStay at line 31."
    public var description: String {
        let subject =
            reason == .noOTAMessage
            ? "The document (root element \(rootName), line \(line))"
            : "Message \(position) (\(rootName), line \(line))"
        switch reason {
        case .unexpectedNamespace(let uri):
            let shown = uri.isEmpty ? "an empty namespace" : "namespace \"\(uri)\""
            return "\(subject) is in \(shown), not in the OpenTravel namespace \(FeedReader.openTravelNamespace)."
        case .noOTAMessage:
            return "\(subject) contains no OpenTravel message (no element named OTA_… in the OpenTravel namespace)."
        case .repeatedElement(let name, let parent, let elementLine):
            return "\(subject): element \(name) appears twice in \(parent) at line \(elementLine)."
        case .tooManyElements(let limit):
            return "\(subject) has more than \(limit) elements; it was not read."
        case .namespaceError(let detail, let errorLine):
            return "\(subject) has a namespace error at line \(errorLine): \(detail)."
        }
    }
}
