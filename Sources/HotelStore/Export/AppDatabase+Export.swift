import Foundation
import GRDB
import HotelDomain

extension AppDatabase {
    /// Reads what `export pms` writes, in one read transaction: the records of `entities` that the window
    /// selects, with the reservations handed one by one to `visit` (in confirmation order) so that 100,000 of
    /// them never sit in memory at once.
    ///
    /// Rules: the audit log says what changed. Companies change with their own rows and their agreements';
    /// intermediaries with their own (audit entity `intermediary`), and those paid on revenue net of tax also
    /// with the hotel's tax rate (`commission_setting`), which their commission terms name; rate plans with their
    /// own and those of the plans they derive from; restrictions with `controls set`, `inventory set` and
    /// `yield apply`; reservations with every booking change (channel imports included); group blocks with their
    /// own changes (audit entity `group`: create, block, rooming list, release) and with every change of one of
    /// their bookings (entity `reservation`: a pickup, a move, a cancellation changes the picked-up rooms).
    /// A changed restriction is exported with its current state, "open" when it was lifted. The window
    /// `.sinceLastExport` continues per entity from the newest export run that included it (full or since-last;
    /// an ad-hoc `--since` run does not move it). Example: after `companies update ACME` only ACME is exported.
    public func pmsExport(
        entities: [ExportEntity], window: ExportWindow,
        reservations visit: (ExportedReservation, _ asOf: String?) throws -> Void
    ) throws -> PMSExportSnapshot {
        try readVisiting { db in
            let hotel = try Self.requireHotel(db)
            let (auditID, asOf) = try Self.newestAudit(db)
            var snapshot = PMSExportSnapshot(
                hotel: hotel, auditID: auditID, asOf: asOf, selections: [], companies: [], ratePlans: [],
                allRatePlans: try Self.fetchRatePlans(db), companyNames: try Self.companyNames(db), controls: [],
                inventory: [], reservationCount: 0)
            for entity in entities {
                let selection = try Self.selection(db, entity, window)
                snapshot.selections.append(selection)
                let changes = ChangeFilter(selection)
                switch entity {
                case .companies:
                    snapshot.companies = try Self.exportedCompanies(db, changes)
                case .intermediaries:
                    snapshot.commissionTaxRate = try Self.taxRate(db)
                    snapshot.intermediaries = try Self.exportedIntermediaries(db, changes)
                case .rates:
                    snapshot.ratePlans = try Self.exportedRatePlans(db, changes, all: snapshot.allRatePlans)
                case .restrictions:
                    (snapshot.controls, snapshot.inventory) = try Self.exportedRestrictions(db, hotel: hotel, changes)
                case .reservations:
                    let clause =
                        changes.isComplete
                        ? nil
                        : (
                            "r.confirmation IN (SELECT entity_key FROM audit_log WHERE entity = 'reservation' AND \(changes.condition))",
                            changes.arguments
                        )
                    snapshot.reservationCount = try Self.visitReservations(db, hotel: hotel, where: clause) {
                        try visit($0, asOf)
                    }
                case .blocks:
                    snapshot.blocks = try Self.exportedBlocks(db, changes)
                }
            }
            return snapshot
        }
    }

    /// The day's arrivals for the front desk: reservations arriving on `day` that are tentative, confirmed or
    /// already checked in, handed to `visit` in confirmation order; returns the hotel, the audit position and
    /// how many there were.
    public func arrivalsExport(
        on day: CalendarDate, reservations visit: (ExportedReservation, _ asOf: String?) throws -> Void
    ) throws -> PMSExportSnapshot {
        try readVisiting { db in
            let hotel = try Self.requireHotel(db)
            let (auditID, asOf) = try Self.newestAudit(db)
            let count = try Self.visitReservations(
                db, hotel: hotel,
                where: ("r.arrival = ? AND r.status IN ('tentative', 'confirmed', 'checked-in')", [day.description])
            ) { try visit($0, asOf) }
            return PMSExportSnapshot(
                hotel: hotel, auditID: auditID, asOf: asOf, selections: [], companies: [], ratePlans: [],
                allRatePlans: try Self.fetchRatePlans(db), companyNames: try Self.companyNames(db), controls: [],
                inventory: [], reservationCount: count)
        }
    }

    /// Records a successful export (after its files are in place); returns its id.
    @discardableResult
    public func recordExport(_ run: ExportRun) throws -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO export_run (started_at, user, kind, since, entities, format, audit_id, as_of, out_dir,
                        manifest, files, records)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.startedAt, run.user, run.kind.rawValue, run.since, run.entities.joined(separator: ","),
                    run.format,
                    run.auditID, run.asOf, run.outDirectory, run.manifest, run.files, run.records,
                ])
            return db.lastInsertedRowID
        }
    }

    /// The recorded exports, newest first.
    public func exportRuns(limit: Int = 100) throws -> [ExportRun] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM export_run ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                row in
                let entities: String = row["entities"]
                return ExportRun(
                    id: row["id"], startedAt: row["started_at"], user: row["user"],
                    kind: ExportRun.Kind(rawValue: row["kind"]) ?? .full, since: row["since"],
                    entities: entities.split(separator: ",").map(String.init), format: row["format"],
                    auditID: row["audit_id"], asOf: row["as_of"], outDirectory: row["out_dir"],
                    manifest: row["manifest"],
                    files: row["files"], records: row["records"])
            }
        }
    }

    /// A read transaction whose closure may call back into the caller (GRDB's non-escaping `read`).
    private func readVisiting<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw Self.translate(error)
        }
    }

    static func companyNames(_ db: Database) throws -> [Code: String] {
        var names: [Code: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, name FROM company") {
            names[Code(stringLiteral: row["code"])] = row["name"]
        }
        return names
    }

    static func newestAudit(_ db: Database) throws -> (Int64, String?) {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, at FROM audit_log ORDER BY id DESC LIMIT 1") else {
            return (0, nil)
        }
        return (row["id"], row["at"])
    }

    // MARK: - What changed

    static func selection(_ db: Database, _ entity: ExportEntity, _ window: ExportWindow) throws -> ExportSelection {
        switch window {
        case .full:
            return ExportSelection(entity: entity, scope: .full)
        case .since(let instant):
            return ExportSelection(entity: entity, scope: .since(instant))
        case .sinceLastExport:
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, audit_id, as_of FROM export_run
                        WHERE kind IN ('full', 'since-last') AND (',' || entities || ',') LIKE ?
                        ORDER BY id DESC LIMIT 1
                        """,
                    arguments: ["%,\(entity.rawValue),%"])
            else { return ExportSelection(entity: entity, scope: .firstExport) }
            return ExportSelection(
                entity: entity, scope: .afterExport(run: row["id"], auditID: row["audit_id"], asOf: row["as_of"]))
        }
    }

    /// The audit-log condition of a selection, as SQL over `audit_log` columns.
    struct ChangeFilter {
        let isComplete: Bool
        let condition: String
        let arguments: StatementArguments

        init(_ selection: ExportSelection) {
            switch selection.scope {
            case .full, .firstExport: (isComplete, condition, arguments) = (true, "1", [])
            case .since(let instant): (isComplete, condition, arguments) = (false, "at > ?", [instant])
            case .afterExport(_, let auditID, _): (isComplete, condition, arguments) = (false, "id > ?", [auditID])
            }
        }

        /// The distinct keys of `entity`'s audit rows that match.
        func keys(_ db: Database, entity: String) throws -> [String] {
            try String.fetchAll(
                db,
                sql: "SELECT DISTINCT entity_key FROM audit_log WHERE entity = ? AND \(condition) ORDER BY entity_key",
                arguments: [entity] + arguments)
        }
    }

    // MARK: - Companies

    static func exportedCompanies(_ db: Database, _ changes: ChangeFilter) throws -> [ExportedCompany] {
        var codes: [String]
        if changes.isComplete {
            codes = try String.fetchAll(db, sql: "SELECT code FROM company ORDER BY code")
        } else {
            var changed = Set(try changes.keys(db, entity: "company"))
            let agreementIDs = try changes.keys(db, entity: "agreement").compactMap { Int64($0) }
            for id in agreementIDs {
                if let code = try String.fetchOne(
                    db, sql: "SELECT company_code FROM agreement WHERE id = ?", arguments: [id])
                {
                    changed.insert(code)
                }
            }
            codes = changed.sorted()
        }
        return try codes.compactMap { code in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM company WHERE code = ?", arguments: [code]) else {
                return nil
            }
            let company = try Self.company(from: row)
            let agreements = try fetchAgreements(db, company: company.code).sorted {
                ($0.id?.rawValue ?? 0) < ($1.id?.rawValue ?? 0)
            }
            return ExportedCompany(company: company, agreements: agreements, createdAt: row["created_at"])
        }
    }

    // MARK: - Intermediaries

    static func exportedIntermediaries(_ db: Database, _ changes: ChangeFilter) throws -> [ExportedIntermediary] {
        let rows: [Row]
        if changes.isComplete {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM intermediary ORDER BY code")
        } else {
            var changed = Set(try changes.keys(db, entity: "intermediary"))
            if !(try changes.keys(db, entity: "commission_setting")).isEmpty {
                // Their commission terms name the tax rate the hotel's prices include.
                changed.formUnion(
                    try String.fetchAll(db, sql: "SELECT code FROM intermediary WHERE basis = 'room-net-of-tax'"))
            }
            rows = try changed.sorted().compactMap { code in
                try Row.fetchOne(db, sql: "SELECT * FROM intermediary WHERE code = ?", arguments: [code])
            }
        }
        return try rows.map { row in
            ExportedIntermediary(intermediary: try Self.intermediary(from: row), createdAt: row["created_at"])
        }
    }

    // MARK: - Group blocks

    static func exportedBlocks(_ db: Database, _ changes: ChangeFilter) throws -> [ExportedBlock] {
        let codes: [String]
        if changes.isComplete {
            codes = try String.fetchAll(db, sql: "SELECT code FROM group_block ORDER BY code")
        } else {
            var changed = Set(try changes.keys(db, entity: "group"))
            changed.formUnion(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT g.group_code FROM group_reservation g JOIN reservation r ON r.id = g.reservation_id
                        WHERE r.confirmation IN (
                            SELECT entity_key FROM audit_log WHERE entity = 'reservation' AND \(changes.condition))
                        """,
                    arguments: changes.arguments))
            codes = changed.sorted()
        }
        return try codes.compactMap { code in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM group_block WHERE code = ?", arguments: [code])
            else { return nil }
            let details = try Self.groupDetails(db, Self.group(from: row))
            return ExportedBlock(
                block: details.block, companyName: details.companyName, nights: details.nights,
                currency: try Currency(row["currency"] as String), createdAt: row["created_at"])
        }
    }

    // MARK: - Rate plans

    static func exportedRatePlans(_ db: Database, _ changes: ChangeFilter, all: [RatePlan]) throws -> [RatePlan] {
        if changes.isComplete { return all }
        var changed = Set(try changes.keys(db, entity: "rate_plan"))
        // A derived plan's prices move with its base: re-export every plan derived (at any depth) from a changed one.
        var grew = true
        while grew {
            grew = false
            for plan in all where !changed.contains(plan.code.rawValue) {
                if let base = plan.basePlanCode, changed.contains(base.rawValue) {
                    changed.insert(plan.code.rawValue)
                    grew = true
                }
            }
        }
        return all.filter { changed.contains($0.code.rawValue) }
    }

    // MARK: - Restrictions

    static func exportedRestrictions(_ db: Database, hotel: Hotel, _ changes: ChangeFilter) throws
        -> ([StayControl], [InventoryNight])
    {
        var controls: [StayControl] = []
        var cells = Set<InventoryCell>()
        if changes.isComplete {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM stay_control") {
                let roomType: String = row["room_type_code"]
                controls.append(
                    StayControl(
                        ratePlan: Code(stringLiteral: row["rate_plan_code"]),
                        roomType: roomType.isEmpty ? nil : Code(stringLiteral: roomType),
                        night: try CalendarDate(parsing: row["night"]), closed: row["closed"],
                        closedToArrival: row["cta"],
                        closedToDeparture: row["ctd"], minimumStay: row["min_los"], maximumStay: row["max_los"]))
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT room_type_code, night FROM inventory_night WHERE overbook > 0 OR out_of_order > 0")
            {
                cells.insert(
                    InventoryCell(roomType: row["room_type_code"], night: try CalendarDate(parsing: row["night"])))
            }
        } else {
            var keys = Set<ControlKey>()
            for key in try changes.keys(db, entity: "control") {
                // "BAR 2027-05-01" or "BAR DLX 2027-05-01"
                let parts = key.split(separator: " ").map(String.init)
                guard parts.count == 2 || parts.count == 3,
                    let night = try? CalendarDate(parsing: parts[parts.count - 1])
                else { continue }
                keys.insert(ControlKey(ratePlan: parts[0], roomType: parts.count == 3 ? parts[1] : "", night: night))
            }
            let statement = try db.cachedStatement(
                sql: "SELECT * FROM stay_control WHERE rate_plan_code = ? AND room_type_code = ? AND night = ?")
            for key in keys.sorted() {
                let ratePlan = Code(stringLiteral: key.ratePlan)
                let roomType = key.roomType.isEmpty ? nil : Code(stringLiteral: key.roomType)
                if let row = try Row.fetchOne(
                    statement, arguments: [key.ratePlan, key.roomType, key.night.description])
                {
                    controls.append(
                        StayControl(
                            ratePlan: ratePlan, roomType: roomType, night: key.night, closed: row["closed"],
                            closedToArrival: row["cta"], closedToDeparture: row["ctd"], minimumStay: row["min_los"],
                            maximumStay: row["max_los"]))
                } else {
                    controls.append(StayControl(ratePlan: ratePlan, roomType: roomType, night: key.night))
                }
            }
            for key in try changes.keys(db, entity: "inventory") {
                // "DLX 2027-05-01" (yield apply) or "DLX 2027-05-01…2027-05-03" (inventory set)
                guard let space = key.firstIndex(of: " ") else { continue }
                let roomType = String(key[..<space])
                let range = key[key.index(after: space)...].split(separator: "…").map(String.init)
                guard let first = try? CalendarDate(parsing: range[0]),
                    let last = try? CalendarDate(parsing: range[range.count - 1]), first <= last
                else { continue }
                for night in stride(from: first, through: last, by: 1) {
                    cells.insert(InventoryCell(roomType: roomType, night: night))
                }
            }
        }
        controls.sort {
            ($0.ratePlan, $0.roomType?.rawValue ?? "", $0.night) < ($1.ratePlan, $1.roomType?.rawValue ?? "", $1.night)
        }
        let statement = try db.cachedStatement(
            sql:
                "SELECT out_of_order, overbook, sold, held, revenue_minor FROM inventory_night WHERE room_type_code = ? AND night = ?"
        )
        let order = Dictionary(uniqueKeysWithValues: hotel.roomTypes.enumerated().map { ($1.code.rawValue, $0) })
        var inventory: [InventoryNight] = []
        for cell in cells.sorted(by: { (order[$0.roomType] ?? .max, $0.night) < (order[$1.roomType] ?? .max, $1.night) }
        ) {
            guard let type = hotel.roomTypes.first(where: { $0.code.rawValue == cell.roomType }) else { continue }
            let row = try Row.fetchOne(statement, arguments: [cell.roomType, cell.night.description])
            inventory.append(
                InventoryNight(
                    night: cell.night, roomType: type.code, physical: type.rooms, outOfOrder: row?["out_of_order"] ?? 0,
                    sold: row?["sold"] ?? 0, held: row?["held"] ?? 0, overbookingAllowance: row?["overbook"] ?? 0,
                    revenue: Money(minorUnits: row?["revenue_minor"] ?? 0, currency: hotel.currency)))
        }
        return (controls, inventory)
    }

    private struct ControlKey: Hashable, Comparable {
        var ratePlan: String
        var roomType: String
        var night: CalendarDate
        static func < (lhs: ControlKey, rhs: ControlKey) -> Bool {
            (lhs.ratePlan, lhs.roomType, lhs.night) < (rhs.ratePlan, rhs.roomType, rhs.night)
        }
    }

    private struct InventoryCell: Hashable {
        var roomType: String
        var night: CalendarDate
    }

    // MARK: - Reservations

    /// Columns of `reservation` (and its group), read by position: 100,000 rows × 30 columns by name cost more than the export.
    private static let reservationColumns = """
        r.id, r.confirmation, r.source, r.channel_code, r.channel_reference, r.guest_name, r.room_type_code,
        r.rate_plan_code, r.arrival, r.departure, r.rooms, r.status, r.company_code, r.vip_level, r.special_requests,
        r.billing, r.lra, r.booked_on, r.created_at, r.updated_at, r.guest_email, r.guest_phone, r.adults,
        r.child_ages, r.travel_agent_name, r.travel_agent_iata, r.meal_plan, r.commission_bp, r.commission_minor,
        r.comments, r.intermediary_code, g.group_code
        """

    /// Streams the reservations matching `clause` (all when `nil`) with their nights, merged from two ordered
    /// cursors; returns how many were visited.
    static func visitReservations(
        _ db: Database, hotel: Hotel, where clause: (String, StatementArguments)?,
        _ visit: (ExportedReservation) throws -> Void
    ) throws -> Int {
        let companyNames = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT code, name FROM company").map {
                ($0["code"] as String, $0["name"] as String)
            })
        let planMeals = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT code, meal_plan FROM rate_plan").map {
                ($0["code"] as String, $0["meal_plan"] as String)
            })
        var agents: [String: (name: String, iata: String?)] = [:]
        var agentsByIATA: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, name, iata FROM intermediary ORDER BY code") {
            let code: String = row["code"]
            let iata: String? = row["iata"]
            agents[code] = (row["name"], iata)
            if let iata { agentsByIATA[iata] = code }
        }
        let currency = hotel.currency
        let filter = clause.map { " WHERE \($0.0)" } ?? ""
        let arguments = clause?.1 ?? []
        let reservations = try Row.fetchCursor(
            db,
            sql: """
                SELECT \(reservationColumns) FROM reservation r LEFT JOIN group_reservation g ON g.reservation_id = r.id\(filter)
                ORDER BY r.id
                """, arguments: arguments)
        let nightSQL =
            clause == nil
            ? "SELECT reservation_id, night, amount_minor, rate_plan_code, season, tier, basis FROM reservation_night ORDER BY reservation_id, night"
            : """
            SELECT reservation_id, night, amount_minor, rate_plan_code, season, tier, basis FROM reservation_night
            WHERE reservation_id IN (SELECT r.id FROM reservation r\(filter)) ORDER BY reservation_id, night
            """
        let nights = try Row.fetchCursor(db, sql: nightSQL, arguments: arguments)
        var pending: (id: Int64, price: NightPrice)?
        func nextNight() throws -> (Int64, NightPrice)? {
            guard let row = try nights.next() else { return nil }
            let price = NightPrice(
                night: try CalendarDate(parsing: row[1]), amount: Money(minorUnits: row[2], currency: currency),
                ratePlanCode: Code(stringLiteral: row[3]), season: row[4], tier: row[5], basis: row[6])
            return (row[0], price)
        }
        pending = try nextNight()
        var count = 0
        while let row = try reservations.next() {
            let id: Int64 = row[0]
            var prices: [NightPrice] = []
            while let current = pending, current.id <= id {
                if current.id == id { prices.append(current.price) }
                pending = try nextNight()
            }
            guard !prices.isEmpty else {
                throw DomainError.refused(
                    "reservation \(row[1] as String) has no nightly prices; the database is damaged")
            }
            let companyCode: String? = row[12]
            let ratePlan: String = row[7]
            let childAges: String? = row[23]
            // The travel agent: the booking's intermediary, else the one whose IATA number the channel named,
            // else the agent as the channel named it.
            var agentName: String? = row[24]
            var agentIATA: String? = row[25]
            let agentCode = (row[30] as String?) ?? agentIATA.flatMap { agentsByIATA[$0] }
            if let agentCode, let agent = agents[agentCode] {
                agentName = agent.name
                agentIATA = agent.iata ?? agentIATA
            }
            let reservation = Reservation(
                confirmation: row[1], source: ReservationSource(rawValue: row[2] as String) ?? .direct,
                channelCode: (row[3] as String?).map { Code(stringLiteral: $0) }, channelReference: row[4],
                guestName: row[5], roomType: Code(stringLiteral: row[6]), ratePlanCode: Code(stringLiteral: ratePlan),
                stay: try Stay(arrival: CalendarDate(parsing: row[8]), departure: CalendarDate(parsing: row[9])),
                rooms: row[10], status: try ReservationStatus(parsing: row[11] as String),
                companyCode: companyCode.map { Code(stringLiteral: $0) }, vipLevel: row[13], specialRequests: row[14],
                billing: try BillingInstruction(parsing: row[15] as String), lastRoomAvailability: row[16],
                nights: prices,
                bookedOn: try CalendarDate(parsing: row[17]))
            try visit(
                ExportedReservation(
                    reservation: reservation, createdAt: row[18], updatedAt: row[19],
                    companyName: companyCode.flatMap { companyNames[$0] }, guestEmail: row[20], guestPhone: row[21],
                    adults: row[22], childAges: (childAges ?? "").split(separator: ",").compactMap { Int($0) },
                    travelAgentName: agentName, travelAgentIATA: agentIATA, travelAgentCode: agentCode,
                    groupCode: row[31], mealPlan: row[26] ?? planMeals[ratePlan], commissionBasisPoints: row[27],
                    commissionMinorUnits: row[28], comments: row[29]))
            count += 1
        }
        return count
    }
}
