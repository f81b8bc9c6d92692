import Crypto
import Foundation
import HotelDomain
import HotelFeeds
import HotelStore

/// The nightly import of channel feed files: parse (libxml2, streaming), normalize with the channel's rules,
/// apply each message in its own transaction, quarantine what cannot be imported, acknowledge every message.
///
/// Rules: a file whose bytes were already imported completely is skipped; a message already imported (same
/// channel and content) changes nothing; a message or record that cannot be imported is quarantined with
/// its reason and the rest of the file still imports; nothing about a card but its last four digits is
/// stored, quarantined payloads included.
struct FeedImport {
    let database: AppDatabase
    let hotel: Hotel
    let author: ChangeAuthor
    let today: CalendarDate
    let acknowledgementDirectory: URL?
    let startedAt: Date
    var progress: ProgressLine?
    /// The channel of the file being imported (for the acknowledgements' id sources).
    var channelCode: String? = nil
    /// How many messages share a commit at most. The messages are applied as they arrive, so the batch costs
    /// no memory; a larger batch dirties each randomly placed index page (message digests, arrival dates) once
    /// for more bookings. A batch also ends after `batchSeconds`, and the import pauses a few milliseconds
    /// after each commit, so that another hotelsales process waiting for the write lock gets it at the next
    /// commit, however slow the machine (the nightly lock test and a command run during an import prove it).
    static let batchSize = 8192
    static let batchSeconds = 0.25
    /// The acknowledgements of the batch being written, flushed to disk together after its commit.
    let acknowledgements = AcknowledgementWriter.Batch()
    /// The inventory counters carried from batch to batch of a file.
    let inventory = ChannelInventory()

    /// What happened to one file.
    struct FileResult {
        var path: String
        var channel: Code?
        var counts = FeedFileCounts()
        var notBookingMessages = 0
        var alreadyImported: String?
        /// The first `FileResult.listed` overbooked nights and problems; the rest are only counted, so that
        /// memory does not grow with the file (a million bookings can overbook most nights of a year).
        private(set) var overbookedNights: [String] = []
        private(set) var problems: [String] = []
        private(set) var unlistedOverbookedNights = 0
        private(set) var unlistedProblems = 0
        static let listed = 100

        mutating func noteProblem(_ text: String) {
            if problems.count < Self.listed { problems.append(text) } else { unlistedProblems += 1 }
        }

        /// Notes the nights a booking overbooked; only the listed ones are written out as text.
        mutating func noteOverbooked(_ nights: [OverbookedNight], confirmation: String?) {
            for night in nights {
                if overbookedNights.count < Self.listed {
                    overbookedNights.append("\(confirmation ?? "?") \(night)")
                } else {
                    unlistedOverbookedNights += 1
                }
            }
        }

        /// Problems and overbooked nights as reported, with a closing line for those only counted.
        var reportedProblems: [String] {
            problems + (unlistedProblems > 0 ? ["… and \(unlistedProblems) more (feeds quarantine list shows them all)"] : [])
        }

        var reportedOverbookedNights: [String] {
            overbookedNights + (unlistedOverbookedNights > 0 ? ["… and \(unlistedOverbookedNights) more overbooked nights (inventory show)"] : [])
        }
        var failed: String?
    }

    /// The channel of a file: the given one, else the file name's first word before `_` or `-` when it names
    /// a known channel, else its folder's name.
    static func channel(of url: URL, given: Code?, known: [Code]) -> Code? {
        if let given { return given }
        let name = url.deletingPathExtension().lastPathComponent.uppercased()
        let word = String(name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).first ?? "")
        if let match = known.first(where: { $0.rawValue == word }) { return match }
        let folder = url.deletingLastPathComponent().lastPathComponent.uppercased()
        return known.first { $0.rawValue == folder }
    }

    mutating func importFile(_ url: URL, channel: Channel) -> FileResult {
        var result = FileResult(path: url.path, channel: channel.code)
        channelCode = channel.code.rawValue
        inventory.forget()
        do {
            // A file can only repeat one imported before if it has the same size: then its digest is taken
            // first; otherwise the reader takes it in the same pass as the parse (a whole extra read of a
            // 2 GB file before the import started).
            let bytes = try Self.size(of: url)
            var digest: String?
            if try database.completedFeedFileExists(bytes: bytes) {
                let full = try FileHasher().finish(readingRestOf: url)
                if let earlier = try database.completedFeedFile(sha256: full) {
                    result.alreadyImported = "already imported on \(earlier.startedAt) as \(earlier.path) (\(earlier.counts.messages) messages); nothing changed"
                    return result
                }
                digest = full
            }
            let bulkWrites = try database.beginBulkWrites()
            defer { bulkWrites.end() }
            let fileID = try database.startFeedFile(path: url.path, sha256: digest ?? "", bytes: bytes, channel: channel.code, by: author)
            let normalizer = ChannelNormalizer(channel: channel, currency: hotel.currency)
            let code = channel.code
            let pipeline = FeedPipeline(url: url, normalizer: normalizer, hashingFile: digest == nil) { message, records in
                Self.digest(of: message, records: records, channel: code)
            }
            defer { pipeline.cancel() }
            progress?.start(file: url.lastPathComponent, bytes: bytes)
            var waiting: FeedPipeline.Item?
            while let prepared = waiting ?? pipeline.next() {
                waiting = nil
                progress?.update(bytesRead: pipeline.bytesConsumed)
                switch prepared {
                case .booking:
                    waiting = try importBatch(
                        startingWith: prepared, from: pipeline, channel: channel, fileID: fileID, url: url, bulkWrites: bulkWrites,
                        into: &result)
                case .other(.booking):
                    break  // never: the reader hands booking messages over as `.booking`, normalized
                case .other(.notABookingMessage(let other)):
                    result.notBookingMessages += 1
                    result.counts.ignored += 1
                    result.noteProblem("message \(other.position) (\(other.rootName), line \(other.line)) is not a booking message; skipped")
                case .other(.messageError(let error)):
                    result.counts.messages += 1
                    result.counts.quarantined += 1
                    let payload = error.partial.flatMap(Self.json)
                    try database.quarantineMessage(
                        channel: channel.code, feedFileID: fileID, filePath: url.path, position: error.position, line: error.line,
                        reason: error.description, payload: payload, by: author)
                    result.noteProblem("message \(error.position) quarantined: \(error.description)")
                    try acknowledge(messageType: .hotelResNotif, echoToken: error.partial?.echoToken, position: error.position, url: url, outcome: .rejected(errors: [error.description]))
                    try commitAcknowledgements()
                case .other(.fileError(let error)):
                    result.counts.quarantined += 1
                    try database.quarantineMessage(
                        channel: channel.code, feedFileID: fileID, filePath: url.path, position: error.messagesRead + 1,
                        line: error.line, reason: error.description, payload: nil, by: author)
                    result.noteProblem(error.description)
                }
            }
            progress?.finish()
            try database.finishFeedFile(
                id: fileID, counts: result.counts, outcome: result.counts.quarantined > 0 ? "quarantined" : "complete",
                sha256: digest == nil ? pipeline.fileDigest : nil, by: author)
        } catch {
            acknowledgements.discard()
            progress?.finish()
            result.failed = (error as? DomainError)?.description ?? "\(error)"
        }
        return result
    }

    /// Applies booking messages as the reader delivers them, in one transaction, until `batchSize` messages,
    /// the end of the file or an item that is not a booking message (returned, for the caller). After the
    /// commit, the batch's acknowledgements are put in place.
    private mutating func importBatch(
        startingWith first: FeedPipeline.Item, from pipeline: FeedPipeline, channel: Channel, fileID: Int64, url: URL,
        bulkWrites: BulkWriteSession, into result: inout FileResult
    ) throws -> FeedPipeline.Item? {
        let batch = BatchWork(importer: self, pipeline: pipeline, first: first, result: result, channel: channel, fileID: fileID, url: url)
        try database.importChannelMessages(inventory: inventory, by: author) { transaction in
            try batch.run(transaction)
        }
        bulkWrites.committed()
        result = batch.result
        progress = batch.progress
        try commitAcknowledgements()
        AppDatabase.pauseForOtherWriters()
        return batch.stoppedAt
    }

    /// The work of one batch, inside its transaction. A class, so that the transaction's closure can carry
    /// it; used by one thread at a time (the writer's), hence `@unchecked Sendable`.
    private final class BatchWork: @unchecked Sendable {
        let importer: FeedImport
        let pipeline: FeedPipeline
        let channel: Channel
        let fileID: Int64
        let url: URL
        var next: FeedPipeline.Item?
        var result: FileResult
        var progress: ProgressLine?
        /// The first item that was not a booking message, left for the caller.
        var stoppedAt: FeedPipeline.Item?

        init(importer: FeedImport, pipeline: FeedPipeline, first: FeedPipeline.Item, result: FileResult, channel: Channel, fileID: Int64, url: URL) {
            self.importer = importer
            self.pipeline = pipeline
            self.next = first
            self.result = result
            self.progress = importer.progress
            self.channel = channel
            self.fileID = fileID
            self.url = url
        }

        func run(_ transaction: ChannelImportTransaction) throws {
            var count = 0
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(FeedImport.batchSeconds * 1e9)
            while let item = next {
                guard case .booking(let booking) = item else {
                    stoppedAt = item
                    return
                }
                result.counts.messages += 1
                try importer.importMessage(
                    booking, digest: pipeline.digest(of: booking), channel: channel, fileID: fileID, url: url,
                    transaction: transaction, into: &result)
                count += 1
                if count == FeedImport.batchSize { return }
                if count % 128 == 0, DispatchTime.now().uptimeNanoseconds > deadline { return }
                next = pipeline.next()
                progress?.update(bytesRead: pipeline.bytesConsumed)
            }
        }
    }

    /// Applies one booking message inside the batch's transaction, counts what it did and acknowledges it.
    private func importMessage(
        _ booking: FeedPipeline.Booking, digest: String, channel: Channel, fileID: Int64, url: URL,
        transaction: ChannelImportTransaction, into result: inout FileResult
    ) throws {
        // Only a quarantined record needs the payload: the message as read, without its place in the file.
        let payload: @Sendable () -> String? = { [booking] in
            var identity = booking.message
            identity.position = 0
            identity.line = 0
            return Self.json(identity)
        }
        let input = ChannelMessageImport(
            channel: channel.code, digest: digest, feedFileID: fileID, filePath: url.path, position: booking.message.position,
            line: booking.message.line, records: booking.records, payload: payload, defaultRoomType: channel.settings.defaultRoomType,
            today: today)
        let outcome = try transaction.apply(input)
        if outcome.alreadyImported {
            result.counts.unchanged += max(1, booking.message.reservations.count)
            try acknowledge(booking.message, outcomes: [], alreadyImported: booking.records, url: url, transaction: transaction)
            return
        }
        for (reference, recordOutcome) in outcome.outcomes {
            result.counts.add(recordOutcome)
            result.noteOverbooked(recordOutcome.overbookedNights, confirmation: recordOutcome.confirmation)
            if case .quarantined(let reason, let id) = recordOutcome {
                result.noteProblem("record \(reference ?? "?") of message \(booking.message.position) quarantined (#\(id)): \(reason)")
            }
        }
        try acknowledge(booking.message, outcomes: outcome.outcomes, alreadyImported: [], url: url, transaction: transaction)
    }

    /// Makes the batch's acknowledgements durable and puts them in place (see `AcknowledgementWriter.Batch`).
    private func commitAcknowledgements() throws {
        guard !acknowledgements.isEmpty else { return }
        do {
            try acknowledgements.commit()
        } catch {
            throw DomainError.refused("cannot write the acknowledgements in \(acknowledgementDirectory?.path ?? "?"): \(error)")
        }
    }

    private func acknowledge(
        _ message: OTABookingMessage, outcomes: [(reference: String?, outcome: ChannelRecordOutcome)],
        alreadyImported: [Result<ChannelReservation, ChannelRecordError>], url: URL, transaction: ChannelImportTransaction
    ) throws {
        guard acknowledgementDirectory != nil else { return }
        var records: [AcknowledgedRecord] = []
        var warnings: [RecordWarning] = []
        for (reference, outcome) in outcomes {
            switch outcome {
            case .quarantined(let reason, _): warnings.append(RecordWarning(channelReference: reference, reason: reason))
            case .cancelled(let confirmation):
                records.append(AcknowledgedRecord(channelReference: reference ?? "", hotelConfirmation: confirmation, cancelled: true))
            case .tombstoned:
                records.append(AcknowledgedRecord(channelReference: reference ?? "", hotelConfirmation: nil, cancelled: true))
            default:
                records.append(AcknowledgedRecord(channelReference: reference ?? "", hotelConfirmation: outcome.confirmation))
            }
        }
        for case .success(let record) in alreadyImported {
            let confirmation = try transaction.confirmation(channel: record.channel, reference: record.reference)
            records.append(AcknowledgedRecord(channelReference: record.reference, hotelConfirmation: confirmation, cancelled: record.action == .cancel))
        }
        try acknowledge(messageType: message.type, echoToken: message.echoToken, position: message.position, url: url, outcome: .accepted(records: records, warnings: warnings))
    }

    private func acknowledge(
        messageType: OTAMessageType, echoToken: String?, position: Int, url: URL, outcome: FeedAcknowledgement.Outcome
    ) throws {
        guard let directory = acknowledgementDirectory else { return }
        let acknowledgement = FeedAcknowledgement(
            messageType: messageType, echoToken: echoToken, timeStamp: startedAt, channel: channelCode,
            hotelCode: hotel.code.rawValue, outcome: outcome)
        let name = "\(url.deletingPathExtension().lastPathComponent)-\(position)-\(messageType.acknowledgementName).xml"
        let target = directory.appendingPathComponent(name)
        do {
            try acknowledgements.add(acknowledgement, to: target)
        } catch let error as AcknowledgementError {
            // A value the schema cannot hold (an over-long id): every message still gets an acknowledgement.
            var rejected = acknowledgement
            rejected.outcome = .rejected(errors: ["the acknowledgement could not be written: \(error.description)"])
            do {
                try acknowledgements.add(rejected, to: target)
            } catch {
                throw DomainError.refused("cannot write the acknowledgement \(name) in \(directory.path): \(error)")
            }
        } catch {
            throw DomainError.refused("cannot write the acknowledgement \(name) in \(directory.path): \(error)")
        }
    }

    /// The digest of a message: what it says once normalized (every field of every record, or its refusal),
    /// plus its envelope, so the same message in another file, or the file again, is recognised.
    static func digest(
        of message: OTABookingMessage, records: [Result<ChannelReservation, ChannelRecordError>], channel: Code
    ) -> String {
        // Built as bytes, the records' canonical texts appended in place (the same bytes as the text joined).
        var canonical: [UInt8] = []
        canonical.reserveCapacity(1024)
        canonical.append(contentsOf: "\(channel)|\(message.type.rawValue)|\(message.echoToken ?? "")|\(message.timeStamp ?? "")".utf8)
        for record in records {
            canonical.append(UInt8(ascii: "\n"))
            switch record {
            case .success(let reservation): reservation.appendCanonicalText(to: &canonical)
            case .failure(let error): canonical.append(contentsOf: "!\(error.reference ?? "")|\(error.reason)".utf8)
            }
        }
        var hasher = SHA256()
        canonical.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hex(hasher.finalize())
    }

    /// The size of a file in bytes; refuses a file that cannot be opened.
    static func size(of url: URL) throws -> Int64 {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw DomainError.notFound("feed file \(url.path) cannot be read; give an existing XML file")
        }
        defer { try? handle.close() }
        return Int64(try handle.seekToEnd())
    }

    static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The parsed message as JSON with sorted keys (deterministic, for digests and quarantine payloads).
    static func json<T: Encodable>(_ value: T) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}
