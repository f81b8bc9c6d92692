#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds an element with too many attributes before libxml2 parses it.
///
/// Rule: libxml2 2.9 checks each attribute (and namespace declaration) of a start tag against all the earlier
/// ones, so one 10 MB start tag of a million attributes takes minutes of CPU — a quadratic blowup that needs no
/// DOCTYPE. Since `<` cannot occur inside a start tag, every attribute of an element lies between its `<` and
/// the next one; the guard counts the `=` signs of each such run, across chunks, and reports the first run
/// with more than `limit`. Only runs longer than `limit` bytes (or cut by a chunk end) are counted, so a
/// normal feed costs one `memchr` per tag. Example: with limit 1,000, `<R a0="" … a1000="">` is refused and
/// `<R a0="" … a999="">` is not.
struct AttributeRunGuard {
    let limit: Int
    /// Bytes since the last `<`, and the `=` signs counted among them (counted only when they may matter).
    private var run = 0
    private var equals = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Scans the next `count` bytes of the input; returns the offset of the `<` that starts a run with more
    /// than `limit` `=` signs (0 when that `<` came in an earlier chunk), nil when there is none.
    mutating func firstOffendingRun(in buffer: UnsafeRawBufferPointer, count: Int) -> Int? {
        guard let base = buffer.baseAddress, count > 0 else { return nil }
        var position = 0
        var runStart = 0
        while position < count {
            let found = memchr(base + position, 0x3C, count - position).map { UnsafeRawPointer($0) - base }
            let segmentEnd = found ?? count
            run += segmentEnd - position
            if run > limit || found == nil {
                let bytes = base.assumingMemoryBound(to: UInt8.self)
                for index in position..<segmentEnd where bytes[index] == 0x3D { equals += 1 }
                if equals > limit { return max(0, runStart - 1) }
            }
            guard let found else { break }
            run = 0
            equals = 0
            position = found + 1
            runStart = position
        }
        return nil
    }
}
