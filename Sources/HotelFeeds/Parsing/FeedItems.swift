import Foundation

/// The lazily read messages of one feed; iterate it once per read of the file.
///
/// Rule: each iteration opens its own parser, so iterating twice reads the file twice. The iterator also
/// tells how many bytes it has consumed, for a progress line. Example:
///
///     var iterator = reader.items(inFileAt: url).makeIterator()
///     while let item = iterator.next() { progress(iterator.bytesRead, of: size); handle(item) }
public struct FeedItems: Sequence, Sendable {
    enum Input: Sendable {
        case file(URL)
        case data(Data)
    }

    let input: Input
    let limits: FeedLimits

    /// A new iterator, with its own parser, positioned at the start of the input.
    public func makeIterator() -> Iterator {
        Iterator(parser: FeedParser(input: input, limits: limits))
    }

    /// Pulls messages from the parser, feeding it the next chunk of input when it has none ready.
    ///
    /// Rule: after a `.fileError`, or at the end of input, `next()` returns `nil`. Example:
    /// `iterator.next()` gives `.booking(...)` for the first message of the file.
    public struct Iterator: IteratorProtocol {
        let parser: FeedParser

        /// The next message result, or `nil` when the input is exhausted or was refused.
        public mutating func next() -> FeedItem? {
            parser.next()
        }

        /// Bytes of input handed to the parser so far, e.g. for "42 % read".
        public var bytesRead: Int64 {
            parser.bytesRead
        }

        /// Called with each chunk of input as it is read, before it is parsed: e.g. to take the file's digest
        /// in the same pass. Example: `iterator.observeInput = { hasher.update(bufferPointer: $0) }`.
        public var observeInput: ((UnsafeRawBufferPointer) -> Void)? {
            get { parser.observeInput }
            nonmutating set { parser.observeInput = newValue }
        }
    }
}
