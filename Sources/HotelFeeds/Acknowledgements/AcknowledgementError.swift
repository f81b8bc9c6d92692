/// Why an acknowledgement cannot be written.
///
/// Rule: the writer never writes a file that its OpenTravel schema would refuse; it names the value and the
/// limit instead. An `.rejected` acknowledgement (errors only) can always be written in its place. Example:
/// `.valueTooLong(field: "OTA_CancelRS UniqueID/@ID", value: "…40 characters…", limit: 32)`.
public enum AcknowledgementError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A value is longer than the schema allows for the place it is written to.
    case valueTooLong(field: String, value: String, limit: Int)
    /// A value is empty where the schema requires at least one character.
    case emptyValue(field: String)
    /// A `.rejected` outcome must carry 1 to 99 errors.
    case errorCount(Int)
    /// An `OTA_CancelRS` acknowledges exactly one cancelled reservation.
    case cancelRecordCount(Int)
    /// The file could not be written (the folder is missing or not writable, the disk is full…).
    case fileNotWritten(path: String, detail: String)

    /// One sentence naming the offending value and what would be valid.
    public var description: String {
        switch self {
        case .valueTooLong(let field, let value, let limit):
            return
                "\(field) \"\(value)\" is \(value.unicodeScalars.count) characters long; the acknowledgement's schema allows at most \(limit)."
        case .emptyValue(let field):
            return "\(field) is empty; the acknowledgement's schema requires at least one character."
        case .errorCount(let count):
            return "A rejected message's acknowledgement carries 1 to 99 errors, not \(count)."
        case .cancelRecordCount(let count):
            return
                "An OTA_CancelRS acknowledges one cancelled reservation, not \(count); report the others as warnings."
        case .fileNotWritten(let path, let detail):
            return "The acknowledgement \(path) could not be written: \(detail)."
        }
    }
}
