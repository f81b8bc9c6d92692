/// The bytes of one export file, handed on in chunks so that memory does not grow with the file.
///
/// Rule: bytes are appended in order and given to `flush` whenever about `chunkSize` have gathered, and the rest
/// on `finish()`; the owner of `flush` writes them to disk (and, in the command, hashes them for the manifest).
/// Example: a 150 MB reservation export is written 1 MB at a time.
public final class ExportBuffer {
    /// Bytes handed to `flush` so far plus those still buffered.
    public private(set) var byteCount = 0
    private var bytes: [UInt8] = []
    private let chunkSize: Int
    private let flush: ([UInt8]) throws -> Void

    public init(chunkSize: Int = 1 << 20, flush: @escaping ([UInt8]) throws -> Void) {
        self.chunkSize = chunkSize
        self.flush = flush
        bytes.reserveCapacity(chunkSize + 4096)
    }

    /// A buffer that collects everything in memory, for tests and small files; read it with `collected`.
    public static func collecting() -> (ExportBuffer, () -> [UInt8]) {
        let box = Collected()
        let buffer = ExportBuffer(chunkSize: 1 << 16) { box.bytes += $0 }
        return (buffer, { box.bytes })
    }

    private final class Collected {
        var bytes: [UInt8] = []
    }

    /// Appends text as UTF-8.
    public func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        byteCount += text.utf8.count
    }

    /// Appends bytes gathered elsewhere (a writer's own chunk) and hands them on when a chunk is full.
    func append(chunk: [UInt8]) throws {
        bytes.append(contentsOf: chunk)
        byteCount += chunk.count
        try flushIfFull()
    }

    func append(byte: UInt8) {
        bytes.append(byte)
        byteCount += 1
    }

    /// Hands the buffered bytes on when a chunk is full.
    func flushIfFull() throws {
        if bytes.count >= chunkSize { try flushNow() }
    }

    /// Hands on whatever is buffered; call once at the end of the file.
    public func finish() throws {
        try flushNow()
    }

    private func flushNow() throws {
        guard !bytes.isEmpty else { return }
        try flush(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
