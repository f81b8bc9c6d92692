/// Why a feed file cannot be read any further: malformed or truncated XML, or a hostile document.
///
/// Rule: the parse stops at the first such error; messages completed before it were already delivered, and
/// the error says where it stopped and what had been read, so the importer can quarantine the file. Example:
/// a file cut off inside its second message gives `line: 57`, `messagesRead: 1`, `unfinishedMessage:
/// "OTA_HotelResNotifRQ"`.
public struct FeedFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Line where reading stopped (1-based; 0 when the file could not be opened).
    public var line: Int
    /// Column where reading stopped, when libxml2 knows it (0 otherwise).
    public var column: Int
    /// What is wrong.
    public var reason: Reason
    /// How many messages (of any kind) were delivered before the error.
    public var messagesRead: Int
    /// Root name of the message that was open when reading stopped, e.g. `"OTA_HotelResNotifRQ"`.
    public var unfinishedMessage: String?
    /// Bytes of the file handed to the parser before it stopped.
    public var bytesRead: Int64

    /// Why a file cannot be read.
    ///
    /// Rule: every case is a refusal of the whole rest of the file. Example: `.doctypeRefused(name: "lolz")`
    /// for a billion-laughs file.
    public enum Reason: Sendable, Equatable {
        /// The file could not be opened or read, e.g. it does not exist.
        case unreadable(path: String, detail: String)
        /// The XML is not well-formed (libxml2's message, e.g. "Premature end of data in tag HotelReservation").
        case notWellFormed(detail: String)
        /// The document has a DOCTYPE; booking feeds never do, and DTDs carry XXE and entity bombs.
        case doctypeRefused(name: String)
        /// Elements are nested deeper than the limit.
        case tooDeep(limit: Int)
        /// A text node (or attribute value) is longer than the limit, in bytes.
        case textTooLong(element: String, limit: Int)
        /// An element has more attributes than the limit (a quadratic blowup for libxml2).
        case tooManyAttributes(limit: Int)
    }

    /// Creates a file error.
    public init(
        line: Int, column: Int = 0, reason: Reason, messagesRead: Int = 0, unfinishedMessage: String? = nil,
        bytesRead: Int64 = 0
    ) {
        self.line = line
        self.column = column
        self.reason = reason
        self.messagesRead = messagesRead
        self.unfinishedMessage = unfinishedMessage
        self.bytesRead = bytesRead
    }

    /// One sentence naming the problem, the line and what had been read, e.g. "Feed refused at line 2: the
    /// document has a DOCTYPE (lolz), which booking feeds never carry; 0 messages were read before it."
    public var description: String {
        let problem: String
        switch reason {
        case .unreadable(let path, let detail):
            return "Feed file \(path) cannot be read: \(detail)."
        case .notWellFormed(let detail):
            problem = "the XML is not well-formed (\(detail))"
        case .doctypeRefused(let name):
            problem = "the document has a DOCTYPE (\(name)), which booking feeds never carry"
        case .tooDeep(let limit):
            problem = "elements are nested more than \(limit) deep"
        case .textTooLong(let element, let limit):
            problem = "the text of \(element) is longer than \(limit) bytes"
        case .tooManyAttributes(let limit):
            problem = "an element has more than \(limit) attributes ('=' signs before the next '<'), which booking feeds never have"
        }
        let read = messagesRead == 1 ? "1 message was" : "\(messagesRead) messages were"
        let open = unfinishedMessage.map { "; \($0) was left incomplete" } ?? ""
        return "Feed refused at line \(line): \(problem); \(read) read before it\(open)."
    }
}
