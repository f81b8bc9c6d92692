import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the acknowledgement of a channel message as OpenTravel XML, valid against the OTA 2015A schemas.
///
/// Rule: one file per message, in namespace `http://www.opentravel.org/OTA/2003/05`, UTF-8 with an XML
/// declaration; the same acknowledgement always gives the same bytes. The root echoes the request's
/// `EchoToken`, carries the supplied `TimeStamp` and its schema's `Version`.
/// - `.accepted`: `<Success/>`, then `<Warnings>` with one `<Warning Type="3" Code="450" RecordID="…">reason`
///   per refused record (EWT 3 "business rule", ERR 450 "unable to process", as AlpineBits does), then the
///   imported records:
///   - `OTA_HotelResNotifRS` / `OTA_HotelResModifyNotifRS`: one `HotelReservations/HotelReservation` (or
///     `HotelResModifies/HotelResModify`) per record, with `UniqueID Type="14"` (`"15"` when cancelled) and
///     `ResGlobalInfo/HotelReservationIDs`: `ResID_Type="13"` (the channel's id, `ResID_Source` the channel),
///     `ResID_Type="14"` (the hotel's confirmation number, `ResID_Source` the hotel code) and, for a
///     cancellation with its own number, `ResID_Type="15"`; `ResStatus="Cancelled"` on a cancellation.
///   - `OTA_CancelRS` (`Status="Cancelled"`, or `"Unsuccessful"` when the cancellation was refused): the
///     channel's `UniqueID`, the hotel's `UniqueID` and `CancelInfoRS/UniqueID Type="15"` with the hotel's
///     cancellation reference (its cancellation number, else the confirmation number).
///   - `OTA_NotifReportRQ` (AlpineBits pull acknowledgement): `NotifDetails/HotelNotifReport/
///     HotelReservations/HotelReservation/UniqueID` with `Type="14"` (`"15"` for a cancellation) and the
///     channel's id, exactly as AlpineBits defines it (no hotel confirmation number: the form has no place
///     for it).
/// - `.rejected`: `<Errors>` with one `<Error Type="13" Code="450">` (EWT 13 "application error") per text,
///   and nothing else.
///
/// Free text (warning reasons, error texts) has every card number masked to its last four digits and is
/// escaped (see `XMLMarkup`). A value too long for its place in the schema throws `AcknowledgementError`
/// rather than produce an invalid file. Example: an accepted `OTA_HotelResNotifRQ` with EchoToken "354" whose
/// booking 4711 became SH27-00042 gives
/// `<OTA_HotelResNotifRS xmlns="…" EchoToken="354" TimeStamp="2027-03-01T02:00:00Z" Version="6.000">
/// <Success/><HotelReservations><HotelReservation><UniqueID Type="14" ID="4711"/><ResGlobalInfo>
/// <HotelReservationIDs><HotelReservationID ResID_Type="13" ResID_Value="4711" ResID_Source="BOOKINGCOM"/>
/// <HotelReservationID ResID_Type="14" ResID_Value="SH27-00042" ResID_Source="SHBUND"/>…`.
public enum AcknowledgementWriter {
    /// The OpenTravel namespace of every acknowledgement.
    public static let namespace = "http://www.opentravel.org/OTA/2003/05"

    /// The acknowledgement as a UTF-8 XML document.
    public static func xml(_ acknowledgement: FeedAcknowledgement) throws -> Data {
        Data(try document(acknowledgement).utf8)
    }

    /// Writes the acknowledgement to `url`, replacing any file there, atomically: the document is written and
    /// flushed to a temporary file in the same folder, then renamed over `url`, so a reader never sees a
    /// partial acknowledgement. Example: `write(ack, to: ackDir/"night-0301.xml.0001.OTA_HotelResNotifRS.xml")`.
    public static func write(_ acknowledgement: FeedAcknowledgement, to url: URL) throws {
        let data = try xml(acknowledgement)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try writeFlushed(data, toNewFileAt: temporary.path)
            guard rename(temporary.path, url.path) == 0 else { throw POSIXFailure(operation: "rename") }
        } catch let failure as POSIXFailure {
            unlink(temporary.path)
            throw AcknowledgementError.fileNotWritten(path: url.path, detail: failure.description)
        }
        let folderDescriptor = open(folder.path, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)  // make the rename itself durable; best effort
            close(folderDescriptor)
        }
    }

    /// The acknowledgements of one batch of messages, made durable together: `add` writes each document to a
    /// temporary file in its folder without flushing it; `commit` flushes the folder's file system once
    /// (`syncfs`), then renames every file into place and flushes the folder. A reader never sees a partial
    /// file, and a batch of 1,024 acknowledgements costs two flushes instead of 2,048 (4,000 messages took 30 s
    /// with a flush per file). Files added but not committed are removed by `discard`.
    public final class Batch {
        private var pending: [(temporary: String, target: String)] = []
        private var folders: Set<String> = []

        public init() {}

        public var isEmpty: Bool { pending.isEmpty }

        /// Writes `acknowledgement` for `url` to a temporary file (the document is checked and built first).
        public func add(_ acknowledgement: FeedAcknowledgement, to url: URL) throws {
            let data = try xml(acknowledgement)
            let folder = url.deletingLastPathComponent()
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            do {
                try writeFile(data, toNewFileAt: temporary.path, flush: false)
            } catch let failure as POSIXFailure {
                unlink(temporary.path)
                throw AcknowledgementError.fileNotWritten(path: url.path, detail: failure.description)
            }
            pending.append((temporary.path, url.path))
            folders.insert(folder.path)
        }

        /// Flushes the added files, renames them into place and flushes their folders.
        public func commit() throws {
            defer { pending.removeAll(); folders.removeAll() }
            for folder in folders {
                let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { continue }
                defer { close(descriptor) }
                guard flushFileSystem(descriptor) == 0 else {
                    discard()
                    throw AcknowledgementError.fileNotWritten(path: folder, detail: "syncfs: \(String(cString: strerror(errno)))")
                }
            }
            for (temporary, target) in pending where rename(temporary, target) != 0 {
                let detail = String(cString: strerror(errno))
                discard()
                throw AcknowledgementError.fileNotWritten(path: target, detail: "rename: \(detail)")
            }
            for folder in folders {
                let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
                if descriptor >= 0 {
                    fsync(descriptor)  // make the renames durable; best effort
                    close(descriptor)
                }
            }
        }

        /// Removes the temporary files not yet renamed.
        public func discard() {
            for (temporary, _) in pending { unlink(temporary) }
            pending.removeAll()
        }

        deinit { discard() }
    }

    // MARK: - Document

    static func document(_ acknowledgement: FeedAcknowledgement) throws -> String {
        let type = acknowledgement.messageType
        let hotelCode = try optional(acknowledgement.hotelCode, "BasicPropertyInfo/@HotelCode", limit: 16)
        let channel = try optional(acknowledgement.channel, "HotelReservationID/@ResID_Source", limit: 64)
        var rootAttributes: [(String, String?)] = [
            ("xmlns", namespace),
            ("EchoToken", acknowledgement.echoToken.flatMap { (1...128).contains($0.unicodeScalars.count) ? $0 : nil }),
            ("TimeStamp", utcTimeStamp(acknowledgement.timeStamp)),
            ("Version", type.acknowledgementVersion),
        ]
        var markup = XMLMarkup()
        switch acknowledgement.outcome {
        case .rejected(let errors):
            guard (1...99).contains(errors.count) else { throw AcknowledgementError.errorCount(errors.count) }
            if type == .cancel { rootAttributes.append(("Status", "Unsuccessful")) }
            markup.start(type.acknowledgementName, rootAttributes)
            markup.start("Errors")
            for error in errors {
                markup.element(
                    "Error", [("Type", "13"), ("Code", "450")], text: PaymentCardDigits.masked(error))
            }
            markup.end()
        case .accepted(let records, let warnings):
            if type == .cancel {
                guard records.count <= 1 else { throw AcknowledgementError.cancelRecordCount(records.count) }
                rootAttributes.append(("Status", records.isEmpty ? "Unsuccessful" : "Cancelled"))
            }
            markup.start(type.acknowledgementName, rootAttributes)
            markup.empty("Success")
            if !warnings.isEmpty {
                markup.start("Warnings")
                for warning in warnings {
                    let recordID = try optional(warning.channelReference, "Warning/@RecordID", limit: 64)
                    markup.element(
                        "Warning", [("Type", "3"), ("Code", "450"), ("RecordID", recordID)],
                        text: PaymentCardDigits.masked(warning.reason))
                }
                markup.end()
            }
            switch type {
            case .hotelResNotif:
                try appendReservations(
                    records, in: "HotelReservations", as: "HotelReservation", channel: channel, hotelCode: hotelCode,
                    to: &markup)
            case .hotelResModifyNotif:
                try appendReservations(
                    records, in: "HotelResModifies", as: "HotelResModify", channel: channel, hotelCode: hotelCode,
                    to: &markup)
            case .cancel:
                if let record = records.first {
                    try appendCancellation(record, channel: channel, hotelCode: hotelCode, to: &markup)
                }
            case .resRetrieve:
                try appendNotifReport(records, to: &markup)
            }
        }
        markup.end()
        return markup.text
    }

    /// `HotelReservations/HotelReservation` (or `HotelResModifies/HotelResModify`) per record.
    private static func appendReservations(
        _ records: [AcknowledgedRecord], in listName: String, as itemName: String, channel: String?,
        hotelCode: String?, to markup: inout XMLMarkup
    ) throws {
        guard !records.isEmpty else { return }
        markup.start(listName)
        for record in records {
            let reference = try required(record.channelReference, "HotelReservationID/@ResID_Value", limit: 64)
            let confirmation = try optional(
                record.hotelConfirmation, "HotelReservationID/@ResID_Value", limit: 64)
            let cancellation =
                record.cancelled
                ? try optional(record.cancellationNumber, "HotelReservationID/@ResID_Value", limit: 64) : nil
            markup.start(itemName, [("ResStatus", record.cancelled ? "Cancelled" : nil)])
            // The AlpineBits push acknowledgement's echo of the channel id; HotelReservationIDs carries it too,
            // so a reference longer than UniqueID's 32 characters is only left out here.
            if reference.unicodeScalars.count <= 32 {
                markup.empty("UniqueID", [("Type", record.cancelled ? "15" : "14"), ("ID", reference)])
            }
            markup.start("ResGlobalInfo")
            markup.start("HotelReservationIDs")
            markup.empty(
                "HotelReservationID",
                [("ResID_Type", "13"), ("ResID_Value", reference), ("ResID_Source", channel)])
            if let confirmation {
                markup.empty(
                    "HotelReservationID",
                    [("ResID_Type", "14"), ("ResID_Value", confirmation), ("ResID_Source", hotelCode)])
            }
            if let cancellation {
                markup.empty(
                    "HotelReservationID",
                    [("ResID_Type", "15"), ("ResID_Value", cancellation), ("ResID_Source", hotelCode)])
            }
            markup.end()
            markup.empty("BasicPropertyInfo", [("HotelCode", hotelCode)])
            markup.end()
            markup.end()
        }
        markup.end()
    }

    /// The `UniqueID`s and `CancelInfoRS` of an `OTA_CancelRS`.
    private static func appendCancellation(
        _ record: AcknowledgedRecord, channel: String?, hotelCode: String?, to markup: inout XMLMarkup
    ) throws {
        let reference = try required(record.channelReference, "OTA_CancelRS UniqueID/@ID", limit: 32)
        let confirmation = try optional(record.hotelConfirmation, "OTA_CancelRS UniqueID/@ID", limit: 32)
        let cancellationReference = try optional(
            record.cancellationNumber ?? record.hotelConfirmation, "CancelInfoRS/UniqueID/@ID", limit: 32)
        let channelContext = try optional(channel, "UniqueID/@ID_Context", limit: 32)
        markup.empty("UniqueID", [("Type", "14"), ("ID", reference), ("ID_Context", channelContext)])
        if let confirmation {
            markup.empty("UniqueID", [("Type", "14"), ("ID", confirmation), ("ID_Context", hotelCode)])
        }
        if let cancellationReference {
            markup.start("CancelInfoRS")
            markup.empty("UniqueID", [("Type", "15"), ("ID", cancellationReference), ("ID_Context", hotelCode)])
            markup.end()
        }
    }

    /// `NotifDetails/HotelNotifReport/HotelReservations` of the AlpineBits pull acknowledgement.
    private static func appendNotifReport(_ records: [AcknowledgedRecord], to markup: inout XMLMarkup) throws {
        guard !records.isEmpty else { return }
        markup.start("NotifDetails")
        markup.start("HotelNotifReport")
        markup.start("HotelReservations")
        for record in records {
            let reference = try required(record.channelReference, "OTA_NotifReportRQ UniqueID/@ID", limit: 32)
            markup.start("HotelReservation")
            markup.empty("UniqueID", [("Type", record.cancelled ? "15" : "14"), ("ID", reference)])
            markup.end()
        }
        markup.end()
        markup.end()
        markup.end()
    }

    // MARK: - Values

    /// `value` when it has 1 to `limit` characters; throws otherwise.
    private static func required(_ value: String, _ field: String, limit: Int) throws -> String {
        guard !value.isEmpty else { throw AcknowledgementError.emptyValue(field: field) }
        guard value.unicodeScalars.count <= limit else {
            throw AcknowledgementError.valueTooLong(field: field, value: value, limit: limit)
        }
        return value
    }

    /// `nil` for `nil` or an empty value, else `value` when it has at most `limit` characters; throws otherwise.
    private static func optional(_ value: String?, _ field: String, limit: Int) throws -> String? {
        guard let value, !value.isEmpty else { return nil }
        return try required(value, field, limit: limit)
    }

    /// `date` as an `xs:dateTime` in UTC to the second, e.g. `2027-03-01T02:00:00Z` (fractions are dropped;
    /// an instant outside the years 0001–9999 is written as the nearest one inside them).
    static func utcTimeStamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let seconds = interval.isNaN ? 0 : Int64(min(max(interval, -62_135_596_800), 253_402_300_799).rounded(.down))
        let (days, secondOfDay) = (seconds.floorDivided(by: 86_400), seconds.floorModulo(86_400))
        // Civil date from days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let calendarDate = [padded(year, 4), padded(month, 2), padded(day, 2)].joined(separator: "-")
        let time = [secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60].map { padded($0, 2) }
        return "\(calendarDate)T\(time.joined(separator: ":"))Z"
    }

    // MARK: - File

    /// A failed system call, with `errno`'s message.
    private struct POSIXFailure: Error, CustomStringConvertible {
        let operation: String
        let detail: String
        /// The failure of `operation`, described by the current `errno` unless `detail` is given.
        init(operation: String, detail: String? = nil) {
            self.operation = operation
            self.detail = detail ?? String(cString: strerror(errno))
        }
        var description: String { "\(operation): \(detail)" }
    }

    /// Creates the file at `path` (which must not exist), writes `data` and flushes it to disk.
    private static func writeFlushed(_ data: Data, toNewFileAt path: String) throws {
        try writeFile(data, toNewFileAt: path, flush: true)
    }

    /// Creates the file at `path` (which must not exist) and writes `data`; with `flush`, flushes it to disk.
    fileprivate static func writeFile(_ data: Data, toNewFileAt path: String, flush: Bool) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXFailure(operation: "create \(path)") }
        defer { close(descriptor) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw POSIXFailure(operation: "write", detail: error.localizedDescription)
        }
        guard !flush || fsync(descriptor) == 0 else { throw POSIXFailure(operation: "fsync") }
    }
}

extension Int64 {
    /// Division rounding toward minus infinity, e.g. `-1.floorDivided(by: 86_400)` is `-1`.
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The remainder matching `floorDivided(by:)`, always in `0..<divisor` for a positive divisor.
    fileprivate func floorModulo(_ divisor: Int64) -> Int64 {
        self - floorDivided(by: divisor) * divisor
    }
}

/// Linux `syncfs(2)`: flushes the file system that holds `descriptor` (Glibc declares it only with _GNU_SOURCE,
/// so the Swift overlay does not import it).
@_silgen_name("syncfs")
private func flushFileSystem(_ descriptor: Int32) -> Int32
