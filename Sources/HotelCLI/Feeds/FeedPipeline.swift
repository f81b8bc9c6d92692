import Foundation
import HotelDomain
import HotelFeeds

/// Reads, parses and normalizes a feed file on a second thread while the caller writes to the database,
/// so the two cores work at once. The queue between them is bounded, so memory stays flat whatever the
/// file's size.
final class FeedPipeline: @unchecked Sendable {
    /// One item of the file, ready for the writer.
    enum Item {
        case booking(OTABookingMessage, [Result<ChannelReservation, ChannelRecordError>], digest: String)
        case other(FeedItem)
    }

    static let capacity = 512

    private let condition = NSCondition()
    private var queue: [Item] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    // Progress, read by the writer for the progress line.
    private var bytesRead: Int64 = 0

    /// Starts reading `url` on a new thread.
    init(url: URL, normalizer: ChannelNormalizer, digest: @escaping @Sendable (OTABookingMessage, [Result<ChannelReservation, ChannelRecordError>]) -> String) {
        let thread = Thread { [self] in
            var iterator = FeedReader().items(inFileAt: url).makeIterator()
            while let item = iterator.next() {
                let prepared: Item
                switch item {
                case .booking(let message):
                    let records = normalizer.normalize(message)
                    prepared = .booking(message, records, digest: digest(message, records))
                default:
                    prepared = .other(item)
                }
                guard self.put(prepared, bytesRead: iterator.bytesRead) else { return }
            }
            self.finish()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next item, waiting for the reader; `nil` at the end of the file.
    func next() -> (item: Item, bytesRead: Int64)? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count, !finished { condition.wait() }
        guard head < queue.count else { return nil }
        let item = queue[head]
        head += 1
        if head > Self.capacity {
            queue.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return (item, bytesRead)
    }

    /// Stops the reader (after an error on the writer's side).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func put(_ item: Item, bytesRead: Int64) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count - head >= Self.capacity, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(item)
        self.bytesRead = bytesRead
        condition.broadcast()
        return true
    }

    private func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
