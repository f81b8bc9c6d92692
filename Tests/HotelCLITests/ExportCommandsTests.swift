import Foundation
import HotelDomain
import HotelStore
import Testing

/// `hotelsales export pms` through the binary: files, schema validity, manifest, incremental runs, the round trip
/// through `feeds import`, arrivals and refusals.
@Suite("hotelsales end to end: PMS export")
struct ExportCommandsTests {
    static let schemas = CommandRunner.packageRoot.appendingPathComponent("Tests/HotelFeedsTests/Fixtures/schemas")

    /// The sample hotel with BAR, ACME (approved cumulative-room agreement) and its negotiated rate.
    static func hotel(_ runner: CommandRunner) throws {
        try Self.expectOK(
            runner,
            [
                "init --hotel rate-plans/hotel.yaml",
                "rates import rate-plans/bar-2027.yaml",
                "companies add --code ACME --name \"Acme Industrial Ltd\" --segment corporate --credit-limit 20000.00 --address \"88 Century Avenue, Pudong\" --contact-name \"Zhou Min\"",
            ])
        let id = try runner.run(
            "agreements add --company ACME --type cumulative-room --from 2027-01-01 --to 2027-12-31"
        ).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try Self.expectOK(
            runner, ["agreements submit \(id)", "agreements approve \(id)", "rates import rate-plans/acme-2027.yaml"])
    }

    /// The hotel plus three bookings, a control and an overbooking allowance.
    static func preparedRunner() throws -> CommandRunner {
        let runner = try CommandRunner()
        try hotel(runner)
        try Self.expectOK(
            runner,
            [
                "bookings create --room-type DLX --arrival 2027-05-01 --nights 2 --guest \"Chen Li\" --company ACME --vip V1 --request \"late arrival, quiet room\" --billing direct-bill --today 2027-03-01",
                "bookings create --room-type STD --arrival 2027-05-01 --nights 3 --rooms 2 --guest \"Anna Berg\" --today 2027-03-01",
                "bookings create --room-type EXE --arrival 2027-06-10 --nights 1 --guest \"Li Wei\" --today 2027-03-01",
                "controls set --rate-plan BAR --from 2027-05-01 --to 2027-05-03 --closed-to-arrival",
                "inventory set --room-type DLX --from 2027-05-01 --to 2027-05-02 --overbook 2",
            ])
        return runner
    }

    static func expectOK(_ runner: CommandRunner, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        for line in lines {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    /// A fresh, empty output folder inside the runner's directory.
    static func folder(_ runner: CommandRunner, _ name: String) throws -> URL {
        let folder = runner.directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The file whose name ends with `-<part>`, e.g. `reservations.xml`.
    static func file(_ part: String, in folder: URL) throws -> URL {
        let name = try #require(
            try files(in: folder).first { $0.hasSuffix("-" + part) }, "no *-\(part) in \(folder.path)")
        return folder.appendingPathComponent(name)
    }

    static func manifest(in folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: try file("manifest.json", in: folder))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// `xmllint --noout --schema` on every XML file of the folder; returns how many were checked.
    @discardableResult
    static func validateXML(in folder: URL) throws -> Int {
        var checked = 0
        for name in try files(in: folder) where name.hasSuffix(".xml") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let root = try #require(
                [
                    "OTA_ProfileCreateRQ", "OTA_HotelRatePlanNotifRQ", "OTA_HotelAvailNotifRQ", "OTA_HotelResNotifRQ",
                    "OTA_HotelInvBlockNotifRQ",
                ]
                .first {
                    text.contains("<\($0) ")
                })
            let (status, output) = try run(
                "xmllint",
                [
                    "--noout", "--nonet", "--schema", schemas.appendingPathComponent("\(root).xsd").path,
                    folder.appendingPathComponent(name).path,
                ])
            try #require(status != 127, "xmllint is not installed (apt-get install -y libxml2-utils)")
            #expect(status == 0, "\(name) is not valid against \(root).xsd: \(output)")
            checked += 1
        }
        return checked
    }

    @Test(
        "A full export writes every entity as valid OTA XML and CSV, with a manifest of records and SHA-256 checksums")
    func fullExport() throws {
        let runner = try Self.preparedRunner()
        defer { runner.cleanUp() }
        let out = try Self.folder(runner, "out")
        let result = try runner.run(["export", "pms", "--out", out.path, "--full"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try Self.files(in: out)
        let parts = names.map { name -> String in
            // SHBUND-20270301T020000Z-profile-ACME.xml → profile-ACME.xml
            let pieces = name.split(separator: "-", maxSplits: 2)
            #expect(pieces.first == "SHBUND")
            #expect(pieces.count == 3 && pieces[1].count == 16 && pieces[1].hasSuffix("Z"), "\(name)")
            return String(pieces.last ?? "")
        }
        #expect(
            parts == [
                "accounts.csv", "agreements.csv", "blocks.csv", "booking-limits.csv", "manifest.json",
                "profile-ACME.xml", "rate-grid.csv", "rate-plans.csv", "rate-plans.xml", "reservation-nights.csv",
                "reservations.csv", "reservations.xml", "restrictions.csv", "restrictions.xml",
            ])
        #expect(try Self.validateXML(in: out) == 4)
        #expect(!names.contains { $0.hasPrefix(".") }, "temporary files left: \(names)")

        let manifest = try Self.manifest(in: out)
        #expect(manifest["hotel"] as? String == "SHBUND")
        #expect(manifest["kind"] as? String == "full")
        let listed = try #require(manifest["files"] as? [[String: Any]])
        #expect(listed.count == 13)
        for entry in listed {
            let name = try #require(entry["name"] as? String)
            let (status, output) = try Self.run("sha256sum", [out.appendingPathComponent(name).path])
            #expect(status == 0)
            #expect(output.hasPrefix(try #require(entry["sha256"] as? String)), "\(name)")
            let size =
                try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.size] as? Int
            #expect(entry["bytes"] as? Int == size)
        }
        let records = Dictionary(
            uniqueKeysWithValues: listed.map { ($0["name"] as? String ?? "", $0["records"] as? Int ?? -1) }
                .map { (String($0.0.split(separator: "-", maxSplits: 2).last ?? ""), $0.1) })
        #expect(records["reservations.xml"] == 3)
        #expect(records["reservation-nights.csv"] == 6)
        #expect(records["profile-ACME.xml"] == 1)
        #expect(records["agreements.csv"] == 1)
        #expect(records["rate-plans.xml"] == 2)
        #expect(records["restrictions.csv"] == 1)
        #expect(records["booking-limits.csv"] == 1)

        let reservations = try String(contentsOf: Self.file("reservations.csv", in: out), encoding: .utf8)
        let lines = reservations.components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "confirmation,status,source,channel,channel_reference,guest_name,guest_email,guest_phone,adults,child_ages,room_type,rate_plan,arrival,departure,nights,rooms,total,currency,company_code,company_name,travel_agent_code,travel_agent,travel_agent_iata,group_code,vip_level,billing,special_requests,meal_plan,created_at,updated_at"
        )
        // ACME27 is 15% off BAR: DLX Golden Week 1299.99 → 1104.99 a night; STD BAR 1080.00 × 3 nights × 2 rooms.
        #expect(
            lines[1].hasPrefix(
                "SHBUND-0000001,confirmed,company,,,Chen Li,,,,,DLX,ACME27,2027-05-01,2027-05-03,2,1,2209.98,CNY,ACME,Acme Industrial Ltd,,,,,V1,direct-bill,\"late arrival, quiet room\",breakfast,"
            ))
        #expect(
            lines[2].hasPrefix(
                "SHBUND-0000002,confirmed,direct,,,Anna Berg,,,,,STD,BAR,2027-05-01,2027-05-04,3,2,6480.00,CNY,"))
        let limits = try String(contentsOf: Self.file("booking-limits.csv", in: out), encoding: .utf8)
        #expect(limits.hasSuffix("DLX,2027-05-01,2027-05-02,40,0,2,42\r\n"))
        let xml = try String(contentsOf: Self.file("reservations.xml", in: out), encoding: .utf8)
        #expect(xml.contains(#"<Rate EffectiveDate="2027-05-01" ExpireDate="2027-05-03" RateTimeUnit="Day">"#))
        #expect(xml.contains(#"<Base AmountAfterTax="1104.99" CurrencyCode="CNY"/>"#))
        #expect(xml.contains(#"<BillingInstructionCode BillingCode="direct-bill" AccountNumber="ACME"/>"#))

        let runs = try AppDatabase.open(path: runner.databasePath).exportRuns()
        #expect(runs.count == 1)
        #expect(runs.first?.kind == .full)
        #expect(runs.first?.files == 13)
    }

    @Test("The same data gives the same bytes: two full exports are identical but for names and the manifest's time")
    func deterministic() throws {
        let runner = try Self.preparedRunner()
        defer { runner.cleanUp() }
        let first = try Self.folder(runner, "first")
        let second = try Self.folder(runner, "second")
        #expect(try runner.run(["export", "pms", "--out", first.path, "--full"]).status == 0)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try runner.run(["export", "pms", "--out", second.path, "--full"]).status == 0)
        let one = try Self.files(in: first).filter { !$0.hasSuffix("manifest.json") }
        let two = try Self.files(in: second).filter { !$0.hasSuffix("manifest.json") }
        #expect(one.count == 13)
        #expect(one != two, "file names carry the export's time")
        for (a, b) in zip(one, two) {
            #expect(a.dropFirst(24) == b.dropFirst(24))
            #expect(
                try Data(contentsOf: first.appendingPathComponent(a))
                    == Data(contentsOf: second.appendingPathComponent(b)),
                "\(a) and \(b) differ")
        }
        let checksums = { (folder: URL) in
            try (Self.manifest(in: folder)["files"] as? [[String: Any]] ?? []).map { $0["sha256"] as? String ?? "" }
        }
        #expect(try checksums(first) == checksums(second))
    }

    @Test("Without --since each entity continues from its last export; --since takes the audit log after the instant")
    func incremental() throws {
        let runner = try Self.preparedRunner()
        defer { runner.cleanUp() }
        let first = try Self.folder(runner, "first")
        let run = try runner.run(["export", "pms", "--out", first.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("reservations: full (first export), 3 records"))
        let database = try AppDatabase.open(path: runner.databasePath)
        let instant = try #require(database.auditLog(limit: 1).first?.at)

        let unchanged = try Self.folder(runner, "unchanged")
        Thread.sleep(forTimeInterval: 1.1)
        let nothing = try runner.run(["export", "pms", "--out", unchanged.path])
        #expect(nothing.status == 0, "\(nothing.stderr)")
        #expect(try Self.files(in: unchanged).filter { $0.hasSuffix(".xml") }.isEmpty, "nothing changed: no XML")
        #expect(
            try String(contentsOf: Self.file("reservations.csv", in: unchanged), encoding: .utf8).components(
                separatedBy: "\r\n"
            ).count == 2)

        try Self.expectOK(
            runner,
            [
                "companies update ACME --credit-limit 30000.00",
                "bookings cancel SHBUND-0000002 --today 2027-03-02",
                "controls set --rate-plan BAR --from 2027-05-02 --to 2027-05-02 --open",
            ])
        let second = try Self.folder(runner, "second")
        Thread.sleep(forTimeInterval: 1.1)
        let changes = try runner.run(["export", "pms", "--out", second.path])
        #expect(changes.status == 0, "\(changes.stderr)")
        #expect(try Self.validateXML(in: second) == 3)
        let accounts = try String(contentsOf: Self.file("accounts.csv", in: second), encoding: .utf8)
        #expect(accounts.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
        #expect(accounts.contains(",30000.00,CNY,"))
        let reservations = try String(contentsOf: Self.file("reservations.xml", in: second), encoding: .utf8)
        #expect(reservations.components(separatedBy: "<HotelReservation ").count == 2)
        #expect(reservations.contains(#"ResStatus="Cancelled""#))
        #expect(reservations.contains(#"ID="SHBUND-0000002""#))
        // 05-02 reopened for arrival: one period 05-02 with CTA open, and 05-01 / 05-03 untouched.
        let restrictions = try String(contentsOf: Self.file("restrictions.csv", in: second), encoding: .utf8)
        #expect(restrictions.hasSuffix("\r\nBAR,,2027-05-02,2027-05-02,false,false,false,,\r\n"))

        let since = try Self.folder(runner, "since")
        let ranged = try runner.run([
            "export", "pms", "--out", since.path, "--since", instant, "--what", "reservations",
        ])
        #expect(ranged.status == 0, "\(ranged.stderr)")
        #expect(try Self.files(in: since).filter { $0.hasSuffix(".xml") }.count == 1)
        #expect(ranged.stderr.contains("reservations: changes since \(instant), 1 record"))
        let runs = try database.exportRuns()
        #expect(runs.map(\.kind) == [.since, .sinceLast, .sinceLast, .sinceLast])
    }

    @Test("Round trip: the reservation export imported by feeds import into a fresh database gives the same bookings")
    func roundTrip() throws {
        let source = try Self.preparedRunner()
        defer { source.cleanUp() }
        let target = try CommandRunner()
        defer { target.cleanUp() }
        try Self.hotel(target)
        try Self.expectOK(target, ["channels import Tests/HotelCLITests/Fixtures/pms-export-channel.yaml"])

        let full = try Self.folder(source, "full")
        #expect(
            try source.run(["export", "pms", "--out", full.path, "--what", "reservations", "--format", "ota-xml"])
                .status == 0)
        let file = try Self.file("reservations.xml", in: full)
        let imported = try target.run(["feeds", "import", file.path, "--channel", "PMSEXPORT", "--today", "2027-03-03"])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")

        let from = try AppDatabase.open(path: source.databasePath)
        let to = try AppDatabase.open(path: target.databasePath)
        func compare(_ confirmation: String) throws {
            let original = try from.reservation(confirmation)
            let copy = try #require(
                try to.reservation(channel: "PMSEXPORT", reference: confirmation), "\(confirmation) not imported")
            #expect(copy.guestName == original.guestName)
            #expect(copy.stay == original.stay)
            #expect(copy.roomType == original.roomType)
            #expect(copy.ratePlanCode == original.ratePlanCode)
            #expect(copy.rooms == original.rooms)
            #expect(copy.nights.map(\.night) == original.nights.map(\.night))
            #expect(copy.nights.map(\.amount) == original.nights.map(\.amount))
            #expect(copy.total == original.total)
            #expect(copy.status == original.status)
            #expect(copy.specialRequests == original.specialRequests)
            // Our feed importer does not keep a booking's company yet (it reads travel agents only); the export
            // carries it as a ProfileType 3 profile (see PMSExportWriterTests). Fails once the importer keeps it.
            withKnownIssue("feeds import does not store the company profile of a channel booking") {
                #expect(copy.companyCode == original.companyCode)
            } when: {
                original.companyCode != nil
            }
        }
        for confirmation in ["SHBUND-0000001", "SHBUND-0000002", "SHBUND-0000003"] { try compare(confirmation) }
        #expect(try to.reservation(channel: "PMSEXPORT", reference: "SHBUND-0000001")?.total.minorUnits == 220_998)

        // The next incremental export carries a cancellation and a change; importing it keeps the copies equal.
        try Self.expectOK(
            source,
            [
                "bookings cancel SHBUND-0000002 --today 2027-03-04",
                "bookings modify SHBUND-0000003 --guest \"Li Wei-Ming\" --nights 2",
            ])
        let delta = try Self.folder(source, "delta")
        Thread.sleep(forTimeInterval: 1.1)
        #expect(
            try source.run(["export", "pms", "--out", delta.path, "--what", "reservations", "--format", "ota-xml"])
                .status == 0)
        let second = try target.run([
            "feeds", "import", try Self.file("reservations.xml", in: delta).path, "--channel", "PMSEXPORT", "--today",
            "2027-03-04",
        ])
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(try to.reservation(channel: "PMSEXPORT", reference: "SHBUND-0000002")?.status == .cancelled)
        try compare("SHBUND-0000002")
        try compare("SHBUND-0000003")
        #expect(try to.reservation(channel: "PMSEXPORT", reference: "SHBUND-0000003")?.guestName == "Li Wei-Ming")
    }

    @Test("--arrivals writes the day's arrivals that are not cancelled, for the front desk")
    func arrivals() throws {
        let runner = try Self.preparedRunner()
        defer { runner.cleanUp() }
        try Self.expectOK(
            runner,
            [
                "bookings create --room-type FAM --arrival 2027-05-01 --nights 1 --guest \"Gone Guest\" --company ACME --today 2027-03-01",
                "bookings cancel SHBUND-0000004 --today 2027-03-02",
            ])
        let out = try Self.folder(runner, "desk")
        let result = try runner.run(["export", "pms", "--out", out.path, "--arrivals", "2027-05-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.validateXML(in: out) == 1)
        let csv = try String(contentsOf: Self.file("arrivals-2027-05-01.csv", in: out), encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.map { String($0.prefix(14)) } == ["SHBUND-0000001", "SHBUND-0000002"])
        #expect(try Self.manifest(in: out)["kind"] as? String == "arrivals")
    }

    @Test(
        "Bad input: one line, the documented exit code, nothing written and the database unchanged",
        arguments: [
            (["--since", "2099-01-01T00:00:00Z"], Int32(65), "--since 2099-01-01T00:00:00Z is in the future"),
            (["--since", "2027-03-01"], Int32(65), "--since \"2027-03-01\" is not a timestamp"),
            (
                ["--what", "companies,rooms"], Int32(65),
                "entity \"rooms\" is not valid; use one or more of companies, intermediaries, rates, restrictions, reservations, blocks"
            ),
            (["--full", "--since", "2027-01-01T00:00:00Z"], Int32(64), "Give either --since or --full, not both."),
            (["--arrivals", "2027-02-30"], Int32(65), "2027-02-30"),
        ])
    func badInput(arguments: [String], status: Int32, message: String) throws {
        let runner = try Self.preparedRunner()
        defer { runner.cleanUp() }
        let out = try Self.folder(runner, "out")
        let before = try runner.dump()
        let result = try runner.run(["export", "pms", "--out", out.path] + arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        if status != 64 {
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(try Self.files(in: out).isEmpty)
        #expect(try runner.dump() == before)
    }

    @Test("An output folder that is missing, a file or not writable is refused and nothing is written")
    func badFolder() throws {
        let runner = try Self.preparedRunner()
        defer { runner.cleanUp() }
        let before = try runner.dump()
        let missing = try runner.run(["export", "pms", "--out", runner.directory.appendingPathComponent("nope").path])
        #expect(missing.status == 1)
        #expect(
            missing.stderr.contains(
                "output folder \(runner.directory.appendingPathComponent("nope").path) does not exist"))
        let plain = runner.directory.appendingPathComponent("plain.txt")
        try Data("x".utf8).write(to: plain)
        let file = try runner.run(["export", "pms", "--out", plain.path])
        #expect(file.status == 65)
        #expect(file.stderr.contains("is a file, not a folder"))
        // root may write anywhere: a read-only folder only refuses an ordinary user; /proc refuses everyone.
        let locked: URL
        if geteuid() == 0 {
            locked = URL(fileURLWithPath: "/proc")
        } else {
            locked = try Self.folder(runner, "locked")
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        }
        let listed = try Self.files(in: locked).filter { $0.contains("SHBUND") }
        let readOnly = try runner.run(["export", "pms", "--out", locked.path])
        #expect(readOnly.status == 1)
        #expect(readOnly.stderr.split(separator: "\n").count == 1, "\(readOnly.stderr)")
        #expect(try Self.files(in: locked).filter { $0.contains("SHBUND") } == listed)
        #expect(try runner.dump() == before)
    }

    /// The prepared hotel plus TECH27 (ACME, direct billing, DLX 5 rooms 05-01…05-03 at 890.00, STD 2 rooms on
    /// 05-02 at the plan's 760.00) with Zhang Wei picked up on 05-01…05-02 (SHBUND-0000004), and TRAVELCO
    /// (IATA 12345678, 10% net of 6% tax) with Tom Agent's booking (SHBUND-0000005).
    static func groupAndAgencyRunner() throws -> CommandRunner {
        let runner = try Self.preparedRunner()
        try Self.expectOK(
            runner,
            [
                "rates import rate-plans/GRP-TECH.yaml",
                "groups create --code TECH27 --name \"Tech Summit 2027\" --company ACME --rate-plan GRP-TECH --cutoff 2027-04-20 --attrition 20% --billing direct-bill",
                "groups block TECH27 --room-type DLX --from 2027-05-01 --to 2027-05-03 --rooms 5 --rate 890.00",
                "groups block TECH27 --room-type STD --from 2027-05-02 --to 2027-05-02 --rooms 2",
                "groups book TECH27 --guest \"Zhang Wei\" --room-type DLX --arrival 2027-05-01 --nights 2 --today 2027-03-01",
                "commissions tax-rate 6%",
                "intermediaries add --code TRAVELCO --name \"TravelCo Agency\" --iata 12345678 --commission 10% --cap-nights 29",
                "bookings create --room-type STD --arrival 2027-06-01 --nights 1 --guest \"Tom Agent\" --intermediary TRAVELCO --today 2027-03-01",
            ])
        return runner
    }

    static func csvLines(_ part: String, in folder: URL) throws -> [String] {
        try String(contentsOf: Self.file(part, in: folder), encoding: .utf8).components(separatedBy: "\r\n")
    }

    @Test("Every entity named: profiles of companies and agencies, blocks, all files valid and in the manifest")
    func everyEntity() throws {
        let runner = try Self.groupAndAgencyRunner()
        defer { runner.cleanUp() }
        let out = try Self.folder(runner, "all")
        let result = try runner.run([
            "export", "pms", "--out", out.path, "--full", "--what",
            "companies,intermediaries,rates,restrictions,reservations,blocks",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("intermediaries: full, 1 record"))
        #expect(result.stderr.contains("blocks: full, 1 record"))
        let parts = try Self.files(in: out).map { String($0.split(separator: "-", maxSplits: 2).last ?? "") }
        #expect(
            parts == [
                "accounts.csv", "agency-TRAVELCO.xml", "agreements.csv", "block-TECH27.xml", "blocks.csv",
                "booking-limits.csv", "manifest.json", "profile-ACME.xml", "rate-grid.csv", "rate-plans.csv",
                "rate-plans.xml", "reservation-nights.csv", "reservations.csv", "reservations.xml", "restrictions.csv",
                "restrictions.xml",
            ])
        #expect(try Self.validateXML(in: out) == 6)

        let manifest = try Self.manifest(in: out)
        let entities = try #require(manifest["entities"] as? [[String: Any]])
        #expect(
            entities.map { "\($0["entity"] as? String ?? "") \($0["records"] as? Int ?? -1)" } == [
                "companies 1", "intermediaries 1", "rates 3", "restrictions 2", "reservations 5", "blocks 1",
            ])
        let listed = try #require(manifest["files"] as? [[String: Any]])
        #expect(listed.count == 15)
        let byPart = Dictionary(
            uniqueKeysWithValues: listed.map {
                (String(($0["name"] as? String ?? "").split(separator: "-", maxSplits: 2).last ?? ""), $0)
            })
        #expect(byPart["accounts.csv"]?["entity"] as? String == "companies,intermediaries")
        #expect(byPart["accounts.csv"]?["records"] as? Int == 2)
        #expect(byPart["agency-TRAVELCO.xml"]?["entity"] as? String == "intermediaries")
        #expect(byPart["agency-TRAVELCO.xml"]?["content"] as? String == "OTA_ProfileCreateRQ")
        #expect(byPart["block-TECH27.xml"]?["content"] as? String == "OTA_HotelInvBlockNotifRQ")
        #expect(byPart["blocks.csv"]?["records"] as? Int == 4)
        // The manifest lists the files entity by entity.
        #expect(
            listed.compactMap { $0["entity"] as? String }.prefix(5) == [
                "companies", "companies,intermediaries", "companies", "intermediaries", "rates",
            ])

        // The agency: ProfileType 4 with its IATA number and commission terms; a row of accounts.csv.
        let agency = try String(contentsOf: Self.file("agency-TRAVELCO.xml", in: out), encoding: .utf8)
        #expect(agency.contains(#"<Profile ProfileType="4" CreateDateTime=""#))
        #expect(agency.contains(#"<CompanyName Code="12345678" CodeContext="IATA">TravelCo Agency</CompanyName>"#))
        #expect(
            agency.contains(
                "<Text>10% of room revenue net of tax, at most 29 nights a stay; prices include 6% tax</Text>"))
        let accounts = try Self.csvLines("accounts.csv", in: out)
        #expect(accounts[0].hasSuffix(",direct_billing_terms_days,commission_terms,created_at"))
        #expect(accounts[1].hasPrefix("company,ACME,Acme Industrial Ltd,corporate,,"))
        #expect(
            accounts[2].hasPrefix(
                "travel-agency,TRAVELCO,TravelCo Agency,,12345678,,,,,,,,,,,false,,,,,\"10% of room revenue net of tax, at most 29 nights a stay; prices include 6% tax\",20"
            ))
        #expect(accounts.count == 4 && accounts[3].isEmpty)

        // The block, exactly: a row per night and room type.
        let contract = "TECH27,Tech Summit 2027,ACME,Acme Industrial Ltd,GRP-TECH,2027-04-20,20.00,,direct-bill,"
        #expect(
            try Self.csvLines("blocks.csv", in: out) == [
                "group_code,group_name,company_code,company_name,rate_plan,cutoff,attrition_percent,vip_level,billing,released_on,room_type,night,blocked,picked_up,released,held,rate,currency",
                contract + ",DLX,2027-05-01,5,1,0,4,890.00,CNY",
                contract + ",DLX,2027-05-02,5,1,0,4,890.00,CNY",
                contract + ",STD,2027-05-02,2,0,0,2,760.00,CNY",
                contract + ",DLX,2027-05-03,5,0,0,5,890.00,CNY",
                "",
            ])
        let block = try String(contentsOf: Self.file("block-TECH27.xml", in: out), encoding: .utf8)
        #expect(
            block.contains(
                #"<InvBlock BookingStatus="Open" InvBlockCode="TECH27" InvBlockName="Tech Summit 2027" InvBlockLongName="Tech Summit 2027" InvBlockCompanyID="ACME">"#
            ))
        #expect(block.contains(#"<InvBlockDates Start="2027-05-01" End="2027-05-03" AbsoluteCutoff="2027-04-20"/>"#))
        #expect(
            block.contains(
                #"<RoomTypeAllocation Start="2027-05-01" End="2027-05-03" NumberOfUnits="5" SellLimit="5"/>"#))
        #expect(block.contains(#"<BaseByGuestAmt AmountAfterTax="760.00" CurrencyCode="CNY"/>"#))
        #expect(block.contains(#"<MethodInfo BillingType="SignRoomAndTax"/>"#))

        // The reservations: the agency's booking carries its IATA number, the group booking its group.
        let reservations = try Self.csvLines("reservations.csv", in: out)
        #expect(reservations.count == 7)
        #expect(
            reservations[4].hasPrefix(
                "SHBUND-0000004,confirmed,group,,,Zhang Wei,,,,,DLX,GRP-TECH,2027-05-01,2027-05-03,2,1,1780.00,CNY,ACME,Acme Industrial Ltd,,,,TECH27,,direct-bill,"
            ))
        #expect(
            reservations[5].hasPrefix(
                "SHBUND-0000005,confirmed,direct,,,Tom Agent,,,,,STD,BAR,2027-06-01,2027-06-02,1,1,"))
        #expect(reservations[5].contains(",,,TRAVELCO,TravelCo Agency,12345678,,,guest,"))
        let xml = try String(contentsOf: Self.file("reservations.xml", in: out), encoding: .utf8)
        #expect(xml.contains(#"<RoomType RoomTypeCode="DLX" NumberOfUnits="1" InvBlockCode="TECH27"/>"#))
        #expect(xml.contains(#"<UniqueID Type="5" ID="TRAVELCO" ID_Context="SHBUND"/>"#))
        #expect(xml.contains(#"<CompanyName Code="12345678" CodeContext="IATA">TravelCo Agency</CompanyName>"#))
    }

    @Test("Incremental: a new agency, a pickup and a release are picked up from the audit log, nothing else")
    func incrementalAgenciesAndBlocks() throws {
        let runner = try Self.groupAndAgencyRunner()
        defer { runner.cleanUp() }
        let first = try Self.folder(runner, "first")
        #expect(try runner.run(["export", "pms", "--out", first.path]).status == 0)
        #expect(try Self.files(in: first).contains { $0.hasSuffix("-block-TECH27.xml") })

        try Self.expectOK(
            runner,
            [
                "intermediaries add --code OTAX --name \"OTA Express\" --commission 12%",
                "groups book TECH27 --guest \"Li Na\" --room-type STD --arrival 2027-05-02 --nights 1 --today 2027-03-02",
            ])
        let second = try Self.folder(runner, "second")
        Thread.sleep(forTimeInterval: 1.1)
        let run = try runner.run(["export", "pms", "--out", second.path, "--what", "intermediaries,blocks"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("intermediaries: changes since export 1"))
        let parts = try Self.files(in: second).map { String($0.split(separator: "-", maxSplits: 2).last ?? "") }
        #expect(parts == ["accounts.csv", "agency-OTAX.xml", "block-TECH27.xml", "blocks.csv", "manifest.json"])
        #expect(try Self.validateXML(in: second) == 2)
        #expect(try Self.csvLines("blocks.csv", in: second)[3].hasSuffix(",STD,2027-05-02,2,1,0,1,760.00,CNY"))
        #expect(try Self.csvLines("accounts.csv", in: second).count == 3)

        try Self.expectOK(runner, ["groups release TECH27 --today 2027-04-21"])
        let third = try Self.folder(runner, "third")
        Thread.sleep(forTimeInterval: 1.1)
        #expect(
            try runner.run(["export", "pms", "--out", third.path, "--what", "intermediaries,blocks"]).status == 0)
        let parts3 = try Self.files(in: third).map { String($0.split(separator: "-", maxSplits: 2).last ?? "") }
        #expect(parts3 == ["accounts.csv", "block-TECH27.xml", "blocks.csv", "manifest.json"])
        let blocks = try Self.csvLines("blocks.csv", in: third)
        #expect(
            blocks[1]
                == "TECH27,Tech Summit 2027,ACME,Acme Industrial Ltd,GRP-TECH,2027-04-20,20.00,,direct-bill,2027-04-21,DLX,2027-05-01,5,1,4,0,890.00,CNY"
        )
        let xml = try String(contentsOf: Self.file("block-TECH27.xml", in: third), encoding: .utf8)
        #expect(xml.contains(#"<InvBlock BookingStatus="Closed" "#))
        #expect(
            xml.contains(#"<RoomTypeAllocation Start="2027-05-01" End="2027-05-02" NumberOfUnits="1" SellLimit="5"/>"#))
    }
}
