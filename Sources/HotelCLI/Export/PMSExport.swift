import Foundation
import HotelDomain
import HotelFeeds
import HotelStore

/// One run of `export pms`: reads the snapshot and writes every file of the requested entities into the file
/// set (still under temporary names), then the manifest.
///
/// File names: `<HOTEL>-<stamp>-<part>.<ext>`, e.g. `SHBUND-20270301T020000Z-reservations.xml`; per entity:
/// companies → `profile-<CODE>.xml` (one `OTA_ProfileCreateRQ` per company), `accounts.csv`, `agreements.csv`;
/// intermediaries → `agency-<CODE>.xml` (one `OTA_ProfileCreateRQ` per travel agency: a company and an
/// intermediary may share a code) and their rows of `accounts.csv` (one file for both entities, listed in the
/// manifest under `companies,intermediaries` when both are exported); rates → `rate-plans.xml`, `rate-plans.csv`,
/// `rate-grid.csv`; restrictions → `restrictions.xml`, `restrictions.csv`, `booking-limits.csv`; reservations →
/// `reservations.xml`, `reservations.csv`, `reservation-nights.csv`; blocks → `block-<CODE>.xml` (one
/// `OTA_HotelInvBlockNotifRQ` per group), `blocks.csv`; arrivals → `arrivals-<DAY>.xml`, `arrivals-<DAY>.csv`,
/// `arrivals-<DAY>-nights.csv`.
struct PMSExport {
    let files: ExportFileSet
    let hotelCode: String
    let stamp: String
    let format: ExportPMS.Format

    /// What was exported, for the manifest, the run record and the summary.
    struct Summary {
        var kind: ExportRun.Kind
        var entities: [String]
        var snapshot: PMSExportSnapshot
        /// Records per entity.
        var records: [String: Int]
    }

    var manifestName: String { "\(hotelCode)-\(stamp)-manifest.json" }

    /// The files by entity (in the order of `summary.entities`; a file of two entities, `accounts.csv`, with the
    /// first), then in the order they were written.
    func orderedFiles(_ summary: Summary) -> [ExportFileSet.File] {
        let rank = { (file: ExportFileSet.File) in
            let entity = file.entity.split(separator: ",").first.map(String.init) ?? file.entity
            return summary.entities.firstIndex(of: entity) ?? summary.entities.count
        }
        return files.files.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }

    private func name(_ part: String, _ ext: String) -> String { "\(hotelCode)-\(stamp)-\(part).\(ext)" }

    // MARK: - Changes

    func changes(entities: [ExportEntity], window: ExportWindow, database: AppDatabase) throws -> Summary {
        var reservations =
            entities.contains(.reservations)
            ? try ReservationFiles(
                export: self, part: "reservations", nightsPart: "reservation-nights", entity: "reservations") : nil
        let snapshot = try database.pmsExport(entities: entities, window: window) { exported, asOf in
            try reservations?.append(Self.record(exported), timeStamp: asOf)
        }
        var records: [String: Int] = [:]
        let timeStamp = snapshot.asOf
        // Companies and intermediaries share `accounts.csv`: created by the first of them, finished after both.
        var accounts = AccountsFile(
            export: self,
            entity: entities.filter { $0 == .companies || $0 == .intermediaries }.map(\.rawValue).joined(separator: ",")
        )
        for entity in entities {
            switch entity {
            case .companies:
                records[entity.rawValue] = try writeCompanies(snapshot, timeStamp: timeStamp, accounts: &accounts)
            case .intermediaries:
                records[entity.rawValue] = try writeIntermediaries(
                    snapshot, timeStamp: timeStamp, accounts: &accounts)
            case .rates:
                records[entity.rawValue] = try writeRates(snapshot, timeStamp: timeStamp)
            case .restrictions:
                records[entity.rawValue] = try writeRestrictions(snapshot, timeStamp: timeStamp)
            case .reservations:
                records[entity.rawValue] = try reservations?.finish(timeStamp: timeStamp) ?? 0
            case .blocks:
                records[entity.rawValue] = try writeBlocks(snapshot, timeStamp: timeStamp)
            }
        }
        try accounts.finish()
        let kind: ExportRun.Kind
        switch window {
        case .full: kind = .full
        case .since: kind = .since
        case .sinceLastExport: kind = .sinceLast
        }
        return Summary(kind: kind, entities: entities.map(\.rawValue), snapshot: snapshot, records: records)
    }

    func arrivals(_ day: CalendarDate, database: AppDatabase) throws -> Summary {
        var files = try ReservationFiles(
            export: self, part: "arrivals-\(day)", nightsPart: "arrivals-\(day)-nights", entity: "arrivals")
        let snapshot = try database.arrivalsExport(on: day) { exported, asOf in
            try files.append(Self.record(exported), timeStamp: asOf)
        }
        let count = try files.finish(timeStamp: snapshot.asOf)
        return Summary(kind: .arrivals, entities: ["arrivals"], snapshot: snapshot, records: ["arrivals": count])
    }

    static func record(_ exported: ExportedReservation) -> PMSReservation {
        PMSReservation(
            reservation: exported.reservation, createdAt: exported.createdAt, lastModifiedAt: exported.updatedAt,
            companyName: exported.companyName, guestEmail: exported.guestEmail, guestPhone: exported.guestPhone,
            adults: exported.adults, childAges: exported.childAges,
            travelAgent: exported.travelAgentName.map { TravelAgent(name: $0, iataNumber: exported.travelAgentIATA) },
            travelAgentCode: exported.travelAgentCode, mealPlan: exported.mealPlan, groupCode: exported.groupCode,
            comments: exported.comments)
    }

    // MARK: - Entities

    /// `accounts.csv`, filled by companies and intermediaries (`entity`: those of them exported), created with
    /// the first rows (or header) written.
    struct AccountsFile {
        let export: PMSExport
        let entity: String
        private var file: ExportFileSet.File?
        private var table: PMSCSV.Table?

        init(export: PMSExport, entity: String) {
            self.export = export
            self.entity = entity
        }

        /// Appends rows, creating the file (with its header) first; `[]` writes only the header.
        mutating func append(_ accounts: [PMSAccount]) throws {
            if table == nil {
                let file = try export.files.create(
                    export.name("accounts", "csv"), entity: entity, format: "csv", content: "accounts")
                self.file = file
                table = PMSCSV.Table(.accounts, buffer: file.buffer)
            }
            for account in accounts { try table?.append(PMSCSV.accountRow(account)) }
        }

        func finish() throws {
            try table?.finish()
            file?.records = table?.rows ?? 0
        }
    }

    private func writeCompanies(
        _ snapshot: PMSExportSnapshot, timeStamp: String?, accounts accountsFile: inout AccountsFile
    ) throws -> Int {
        let accounts = snapshot.companies.map {
            PMSAccount(company: $0.company, agreements: $0.agreements, createdAt: $0.createdAt)
        }
        if format.xml {
            for account in accounts {
                let file = try files.create(
                    name("profile-\(account.code)", "xml"), entity: "companies", format: "ota-xml",
                    content: "OTA_ProfileCreateRQ")
                try OTAProfileWriter.write(account, hotelCode: hotelCode, timeStamp: timeStamp, to: file.buffer)
                file.records = 1
            }
        }
        if format.csv {
            try accountsFile.append(accounts)
            try writeCSV(.agreements, entity: "companies", rows: accounts.lazy.flatMap(PMSCSV.agreementRows))
        }
        return accounts.count
    }

    private func writeIntermediaries(
        _ snapshot: PMSExportSnapshot, timeStamp: String?, accounts accountsFile: inout AccountsFile
    ) throws -> Int {
        let accounts = snapshot.intermediaries.map {
            PMSAccount(intermediary: $0.intermediary, taxRate: snapshot.commissionTaxRate, createdAt: $0.createdAt)
        }
        if format.xml {
            for account in accounts {
                let file = try files.create(
                    name("agency-\(account.code)", "xml"), entity: "intermediaries", format: "ota-xml",
                    content: "OTA_ProfileCreateRQ")
                try OTAProfileWriter.write(account, hotelCode: hotelCode, timeStamp: timeStamp, to: file.buffer)
                file.records = 1
            }
        }
        if format.csv { try accountsFile.append(accounts) }
        return accounts.count
    }

    private func writeBlocks(_ snapshot: PMSExportSnapshot, timeStamp: String?) throws -> Int {
        let blocks = snapshot.blocks.map {
            PMSBlock(
                block: $0.block, companyName: $0.companyName, nights: $0.nights, currency: $0.currency,
                createdAt: $0.createdAt)
        }
        if format.xml {
            for block in blocks {
                let file = try files.create(
                    name("block-\(block.block.code)", "xml"), entity: "blocks", format: "ota-xml",
                    content: "OTA_HotelInvBlockNotifRQ")
                try OTAInvBlockWriter.write(block, hotelCode: hotelCode, timeStamp: timeStamp, to: file.buffer)
                file.records = 1
            }
        }
        if format.csv {
            try writeCSV(.blocks, entity: "blocks", rows: blocks.lazy.flatMap(PMSCSV.blockRows))
        }
        return blocks.count
    }

    private func writeRates(_ snapshot: PMSExportSnapshot, timeStamp: String?) throws -> Int {
        let book = RateBook(plans: snapshot.allRatePlans)
        let roomTypes = snapshot.hotel.roomTypes.map(\.code)
        let plans = snapshot.ratePlans.map { plan in
            PMSRatePlan(plan: plan, book: book, roomTypes: roomTypes, companyNames: snapshot.companyNames)
        }
        if format.xml, !plans.isEmpty {
            let file = try files.create(
                name("rate-plans", "xml"), entity: "rates", format: "ota-xml", content: "OTA_HotelRatePlanNotifRQ")
            try OTARatePlanWriter.write(
                plans, hotelCode: hotelCode, hotelName: snapshot.hotel.name, timeStamp: timeStamp, to: file.buffer)
            file.records = plans.count
        }
        if format.csv {
            try writeCSV(.ratePlans, entity: "rates", rows: plans.lazy.map(PMSCSV.ratePlanRow))
            try writeCSV(.rateGrid, entity: "rates", rows: plans.lazy.flatMap(PMSCSV.rateGridRows))
        }
        return plans.count
    }

    private func writeRestrictions(_ snapshot: PMSExportSnapshot, timeStamp: String?) throws -> Int {
        let controls = PMSControlPeriod.periods(snapshot.controls)
        let limits = PMSBookingLimit.periods(snapshot.inventory)
        if format.xml, !(controls.isEmpty && limits.isEmpty) {
            let file = try files.create(
                name("restrictions", "xml"), entity: "restrictions", format: "ota-xml", content: "OTA_HotelAvailNotifRQ"
            )
            try OTAAvailWriter.write(
                controls: controls, bookingLimits: limits, hotelCode: hotelCode, timeStamp: timeStamp, to: file.buffer)
            file.records = controls.count + limits.count
        }
        if format.csv {
            try writeCSV(.restrictions, entity: "restrictions", rows: controls.lazy.map(PMSCSV.restrictionRow))
            try writeCSV(.bookingLimits, entity: "restrictions", rows: limits.lazy.map(PMSCSV.bookingLimitRow))
        }
        return controls.count + limits.count
    }

    /// The reservation files of an export, filled one reservation at a time while the database is read.
    ///
    /// The XML file is created with the first reservation (an `OTA_HotelResNotifRQ` needs at least one), so an
    /// export with none writes only the CSV headers.
    struct ReservationFiles {
        let export: PMSExport
        let part: String
        let entity: String
        private var xmlFile: ExportFileSet.File?
        private var xml: OTAReservationWriter?
        private var table: PMSCSV.Table?
        private var tableFile: ExportFileSet.File?
        private var nights: PMSCSV.Table?
        private var nightsFile: ExportFileSet.File?
        private(set) var count = 0

        init(export: PMSExport, part: String, nightsPart: String, entity: String) throws {
            self.export = export
            self.part = part
            self.entity = entity
            if export.format.csv {
                let file = try export.files.create(
                    export.name(part, "csv"), entity: entity, format: "csv", content: "reservations")
                table = PMSCSV.Table(.reservations, buffer: file.buffer)
                tableFile = file
                let night = try export.files.create(
                    export.name(nightsPart, "csv"), entity: entity, format: "csv", content: "reservation-nights")
                nights = PMSCSV.Table(.reservationNights, buffer: night.buffer)
                nightsFile = night
            }
        }

        /// Appends one reservation; `timeStamp` (the snapshot's as-of instant) becomes the XML root's `TimeStamp`.
        mutating func append(_ record: PMSReservation, timeStamp: String?) throws {
            count += 1
            if export.format.xml {
                if xml == nil {
                    let file = try export.files.create(
                        export.name(part, "xml"), entity: entity, format: "ota-xml", content: "OTA_HotelResNotifRQ")
                    xmlFile = file
                    xml = OTAReservationWriter(buffer: file.buffer, hotelCode: export.hotelCode, timeStamp: timeStamp)
                }
                try xml?.append(record)
            }
            try table?.append(PMSCSV.reservationRow(record))
            for row in PMSCSV.reservationNightRows(record) { try nights?.append(row) }
        }

        mutating func finish(timeStamp: String?) throws -> Int {
            try xml?.finish()
            xmlFile?.records = count
            try table?.finish()
            tableFile?.records = table?.rows ?? 0
            try nights?.finish()
            nightsFile?.records = nights?.rows ?? 0
            return count
        }
    }

    /// One CSV file of `layout` (named after it) with its header and `rows`; its record count is the rows written.
    private func writeCSV(_ layout: PMSCSV.Layout, entity: String, rows: some Sequence<[String?]>) throws {
        let file = try files.create(
            name(layout.rawValue, "csv"), entity: entity, format: "csv", content: layout.rawValue)
        var table = PMSCSV.Table(layout, buffer: file.buffer)
        for row in rows { try table.append(row) }
        try table.finish()
        file.records = table.rows
    }

    // MARK: - Completing an export

    /// Puts the written files in place, writes the manifest last and records the export run (what the next
    /// incremental export continues from); returns the manifest's name. If recording fails, the manifest is
    /// removed again, so a folder never shows a manifest for an export the database does not know.
    func complete(
        _ summary: Summary, database: AppDatabase, startedAt: Date, user: String, since: String?
    ) throws -> String {
        try files.commit()
        let exportedAt = ExportPMS.isoTimestamp(startedAt)
        let manifest = try writeManifest(summary, startedAt: exportedAt)
        do {
            try database.recordExport(
                ExportRun(
                    startedAt: exportedAt, user: user, kind: summary.kind, since: since, entities: summary.entities,
                    format: format.rawValue, auditID: summary.snapshot.auditID, asOf: summary.snapshot.asOf,
                    outDirectory: files.folder, manifest: manifest, files: files.files.count,
                    records: summary.records.values.reduce(0, +)))
        } catch {
            unlink((files.folder as NSString).appendingPathComponent(manifest))
            throw error
        }
        return manifest
    }

    // MARK: - Manifest

    /// Writes the manifest (after the other files are in place) atomically; returns its name.
    ///
    /// It lists every file with its entity, format, message or layout, records, bytes and SHA-256, and per
    /// entity what the export covered.
    func writeManifest(_ summary: Summary, startedAt: String) throws -> String {
        let manifestFiles: [[String: Any]] = orderedFiles(summary).map { file in
            [
                "name": file.name, "entity": file.entity, "format": file.format, "content": file.content,
                "records": file.records, "bytes": file.bytes, "sha256": file.sha256,
            ]
        }
        let entities: [[String: Any]] = summary.entities.map { entity in
            var item: [String: Any] = ["entity": entity, "records": summary.records[entity] ?? 0]
            if let selection = summary.snapshot.selections.first(where: { $0.entity.rawValue == entity }) {
                item["covers"] = selection.summary
            } else {
                item["covers"] = "arrivals"
            }
            return item
        }
        let manifest: [String: Any] = [
            "hotel": hotelCode, "exportedAt": startedAt, "asOf": summary.snapshot.asOf ?? NSNull(),
            "auditId": summary.snapshot.auditID, "kind": summary.kind.rawValue, "format": format.rawValue,
            "entities": entities, "files": manifestFiles,
        ]
        let set = try ExportFileSet(folder: files.folder)
        let file = try set.create(manifestName, entity: "manifest", format: "json", content: "manifest")
        do {
            file.buffer.append(Table.json(manifest) + "\n")
            try file.buffer.finish()
            try set.commit()
        } catch {
            set.discard()
            throw error
        }
        return manifestName
    }
}
