import Foundation
import HotelDomain
import HotelFeeds

/// Reads, parses and normalizes a feed file on a second thread while the caller writes to the database,
/// so the two cores work at once. The queue between them is bounded, so memory stays flat whatever the
/// file's size.
final class FeedPipeline: @unchecked Sendable {
    /// One item of the file, ready for the writer.
    enum Item {
        case booking(Booking)
        case other(FeedItem)
    }

    /// A booking message with its normalized records, and its digest when the reader took it. A class, so that
    /// handing it to the writer and back costs one reference count, not one per string and array of the message
    /// (those counts were taken on the writer's core, on memory last touched by the reader's).
    final class Booking: @unchecked Sendable {
        let message: OTABookingMessage
        let records: [Result<ChannelReservation, ChannelRecordError>]
        /// `nil` when the reader left the digest to the writer (`digest(of:)`).
        let readersDigest: String?

        init(message: OTABookingMessage, records: [Result<ChannelReservation, ChannelRecordError>], digest: String?) {
            self.message = message
            self.records = records
            self.readersDigest = digest
        }
    }

    /// Below this many chunks waiting, the writer is about to wait for the reader, so the reader leaves the
    /// messages' digests of its next chunk to the writer. The work moves to whichever thread has time: at a
    /// million bookings the reader was the slower one by about the digests' cost, and with all digests on the
    /// writer, the writer was.
    static let digestsLeftBelow = capacity / 2

    /// Items cross between the threads in chunks: a hand-over per item cost two futex calls per booking.
    static let chunkSize = 64
    /// Chunks waiting for the writer at most (memory stays flat: capacity × chunk size parsed messages, about
    /// 7 KB each). Enough for the reader to keep going while the writer commits a batch: with 16 chunks, the two
    /// threads, about equally fast, each waited for the other about a tenth of the import (measured on 200,000
    /// bookings); with 64, a third of that, for 20 MB more.
    static let capacity = 64

    private let condition = NSCondition()
    /// A chunk handed over, with the file's bytes the reader read since the previous one (for the writer to
    /// hash; empty without `hashingFile`).
    private struct Handover {
        var items: [Item]
        var input: [UInt8]
    }

    private var chunks: [Handover] = []
    /// Chunks the writer is done with, handed back so that the reader frees them: the messages were allocated
    /// on the reader's thread, and freeing them there was about a seventh of the writer's time.
    private var spent: [[Item]] = []
    private var current: [Item] = []
    private var currentIndex = 0
    /// The reader's progress when the writer took its current chunk (read under the lock).
    private var currentBytesRead: Int64 = 0
    private var finished = false
    private var cancelled = false
    // Progress, read by the writer for the progress line.
    private var bytesRead: Int64 = 0
    private var digestOfFile: String?
    /// The file's digest, taken by the writer from the bytes the reader hands over with each chunk: the reader
    /// was the slower thread, and hashing a 2 GB file is over a second of work. `nil` without `hashingFile`.
    private let fileHasher: FileHasher?
    private let url: URL
    private var fileDigestTaken = false

    /// The bytes read since the last hand-over (the reader's own).
    private final class InputCopy {
        var bytes: [UInt8] = []
    }

    /// The digest of a message and its records (`FeedImport.digest`), taken on either thread.
    private let messageDigest: @Sendable (OTABookingMessage, [Result<ChannelReservation, ChannelRecordError>]) -> String

    /// Starts reading `url` on a new thread; with `hashingFile`, the file's SHA-256 is taken from the bytes the
    /// reader reads (`fileDigest`), so that the file is not read twice.
    init(
        url: URL, normalizer: ChannelNormalizer, hashingFile: Bool,
        digest: @escaping @Sendable (OTABookingMessage, [Result<ChannelReservation, ChannelRecordError>]) -> String
    ) {
        self.url = url
        messageDigest = digest
        fileHasher = hashingFile ? FileHasher() : nil
        let thread = Thread { [self] in
            var iterator = FeedReader().items(inFileAt: url).makeIterator()
            let input = InputCopy()
            if hashingFile { iterator.observeInput = { input.bytes.append(contentsOf: $0) } }
            var leavesDigests = false
            func handOver(_ chunk: [Item]) -> Bool {
                defer { input.bytes = [] }
                guard let waiting = self.put(chunk, input: input.bytes, bytesRead: iterator.bytesRead) else { return false }
                leavesDigests = waiting < Self.digestsLeftBelow
                return true
            }
            var chunk: [Item] = []
            chunk.reserveCapacity(Self.chunkSize)
            while let item = iterator.next() {
                switch item {
                case .booking(let message):
                    let records = normalizer.normalize(message)
                    let digest = leavesDigests ? nil : digest(message, records)
                    chunk.append(.booking(Booking(message: message, records: records, digest: digest)))
                default:
                    chunk.append(.other(item))
                }
                if chunk.count == Self.chunkSize {
                    guard handOver(chunk) else { return }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty || !input.bytes.isEmpty, !handOver(chunk) { return }
            self.finish()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The SHA-256 of the whole file (hex), once `next()` has returned `nil`; `nil` without `hashingFile`, or
    /// when the file could not be read to its end.
    var fileDigest: String? {
        condition.lock()
        defer { condition.unlock() }
        return digestOfFile
    }

    /// Chunks waiting for the writer (for tests).
    var waitingChunks: Int {
        condition.lock()
        defer { condition.unlock() }
        return chunks.count
    }

    /// How far the reader had read when the writer took its current chunk (for the progress line).
    var bytesConsumed: Int64 { currentBytesRead }

    /// The digest of a booking message: the reader's, or taken now, on the writer's thread.
    func digest(of booking: Booking) -> String {
        booking.readersDigest ?? messageDigest(booking.message, booking.records)
    }

    /// The next item, waiting for the reader; `nil` at the end of the file. Only the writer calls it.
    func next() -> Item? {
        // A loop: the last chunk may hold only the end of the file's bytes, no item.
        while currentIndex == current.count {
            condition.lock()
            while chunks.isEmpty, !finished { condition.wait() }
            guard !chunks.isEmpty else {
                condition.unlock()
                takeFileDigest()
                return nil
            }
            let handover = chunks.removeFirst()
            var done = handover.items
            swap(&done, &current)
            if !done.isEmpty { spent.append(done) }
            currentIndex = 0
            currentBytesRead = bytesRead
            condition.broadcast()
            condition.unlock()
            if let fileHasher, !handover.input.isEmpty { handover.input.withUnsafeBytes { fileHasher.update($0) } }
        }
        let item = current[currentIndex]
        currentIndex += 1
        return item
    }

    /// Stops the reader (after an error on the writer's side).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Every byte the reader read has been hashed: the digest, with whatever a refusal left unread.
    private func takeFileDigest() {
        guard let fileHasher, !fileDigestTaken else { return }
        fileDigestTaken = true
        let digest = try? fileHasher.finish(readingRestOf: url)
        condition.lock()
        digestOfFile = digest
        condition.unlock()
    }

    /// Queues a chunk, waiting while the queue is full; the chunks now waiting, `nil` when cancelled.
    private func put(_ chunk: [Item], input: [UInt8], bytesRead: Int64) -> Int? {
        var done: [[Item]] = []
        condition.lock()
        while chunks.count >= Self.capacity, !cancelled { condition.wait() }
        guard !cancelled else {
            condition.unlock()
            return nil
        }
        chunks.append(Handover(items: chunk, input: input))
        let waiting = chunks.count
        self.bytesRead = bytesRead
        swap(&done, &spent)
        condition.broadcast()
        condition.unlock()
        done.removeAll()  // outside the lock, on the reader's thread
        return waiting
    }

    private func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
