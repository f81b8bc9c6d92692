import Crypto
import Foundation

/// The SHA-256 of a feed file, fed the chunks the parser reads (`update`); `finish` reads whatever was not fed
/// (all of the file for a new hasher, the rest after a refusal stopped the parse) in 1 MB chunks, so memory
/// does not grow with the file.
final class FileHasher {
    private var hasher = SHA256()
    private var count: UInt64 = 0

    func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
        count += UInt64(bytes.count)
    }

    /// The file's digest as hex, after reading the bytes from the first one not fed to its end.
    func finish(readingRestOf url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        try handle.seek(toOffset: count)
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return FeedImport.hex(hasher.finalize())
    }
}
