/// The limits that keep a hostile or broken feed from exhausting memory or time.
///
/// Rule: exceeding `maxDepth`, `maxTextBytes` or `maxAttributes` refuses the rest of the file (`FeedFileError`);
/// exceeding `maxElementsPerMessage` refuses that message only (`FeedMessageError.tooManyElements`). Example:
/// the defaults refuse 10,000 nested elements and a 100 MB text node within the first few MB read.
public struct FeedLimits: Sendable, Equatable {
    /// Deepest element nesting allowed, counting the document root as 1; default 256.
    public let maxDepth: Int
    /// Longest text node or attribute value allowed, in bytes; default 1 MiB.
    public let maxTextBytes: Int
    /// Most elements one message may have; default 500,000 (about 12,000 typical reservations).
    public let maxElementsPerMessage: Int
    /// Bytes handed to libxml2 per push; default 256 KiB, at most 1 MiB.
    public let chunkSize: Int
    /// Most attributes one element may have (counted as `=` signs before the next `<`); default 1,000. libxml2
    /// checks attributes against each other in quadratic time, so this bounds the time a start tag can take.
    public let maxAttributes: Int

    /// Limits with the given values; out-of-range values are clamped (depth ≥ 8, text ≥ 1 KiB, elements ≥ 100,
    /// chunk 4 KiB … 1 MiB, attributes ≥ 100).
    public init(
        maxDepth: Int = 256, maxTextBytes: Int = 1 << 20, maxElementsPerMessage: Int = 500_000,
        chunkSize: Int = 1 << 18, maxAttributes: Int = 1_000
    ) {
        self.maxDepth = max(8, maxDepth)
        self.maxTextBytes = max(1024, maxTextBytes)
        self.maxElementsPerMessage = max(100, maxElementsPerMessage)
        self.chunkSize = min(max(4096, chunkSize), 1 << 20)
        self.maxAttributes = max(100, maxAttributes)
    }
}
