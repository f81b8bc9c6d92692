import Foundation

/// Reads channel feed files (OpenTravel XML) into a stream of messages, one at a time, at bounded memory.
///
/// Rule: messages are recognised by the OpenTravel namespace URI and their local name wherever they sit (bare
/// root, SOAP body, vendor wrapper, several in one wrapper); booking messages are parsed, other OTA messages
/// are reported as not booking messages, and a DOCTYPE, excessive depth or an oversized text node refuses the
/// rest of the file. Memory depends on the largest message, not on the file: a 2 GB file of small messages
/// streams in a few MB. Example:
///
///     for item in FeedReader().items(inFileAt: URL(fileURLWithPath: "inbox/night.xml")) {
///         switch item {
///         case .booking(let message): import(message)
///         case .notABookingMessage(let other): note(other.rootName)
///         case .messageError(let error): quarantine(error.partial, reason: error.description)
///         case .fileError(let error): quarantineRest(reason: error.description)
///         }
///     }
public struct FeedReader: Sendable {
    /// The OpenTravel namespace URI, `http://www.opentravel.org/OTA/2003/05`.
    public static let openTravelNamespace = "http://www.opentravel.org/OTA/2003/05"

    /// The limits applied to every file read.
    public var limits: FeedLimits

    /// A reader with the given limits (the defaults suit nightly feeds).
    public init(limits: FeedLimits = FeedLimits()) {
        self.limits = limits
    }

    /// The messages of the file at `url`, read lazily as the sequence is iterated.
    ///
    /// Rule: the file is opened when iteration starts; a file that cannot be opened yields one `.fileError`.
    /// Example: `for item in reader.items(inFileAt: url) { ... }`.
    public func items(inFileAt url: URL) -> FeedItems {
        FeedItems(input: .file(url), limits: limits)
    }

    /// The messages of an in-memory document, read lazily as the sequence is iterated.
    ///
    /// Rule: the bytes are fed to the parser in chunks of `limits.chunkSize`, exactly like a file. Example:
    /// `Array(FeedReader().items(in: Data(xml.utf8)))`.
    public func items(in data: Data) -> FeedItems {
        FeedItems(input: .data(data), limits: limits)
    }
}
