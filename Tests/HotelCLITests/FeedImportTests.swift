import Foundation
import HotelDomain
import HotelStore
import Testing

/// The channel-feed commands through the built binary: the shipped sample night, exactly-once imports,
/// quarantine and retry, card data, and an import killed half-way.
@Suite("hotelsales end to end: channel feeds")
struct FeedImportTests {
    func preparedRunner() throws -> CommandRunner {
        let runner = try CommandRunner()
        for line in ["init --hotel rate-plans/hotel.yaml", "rates import rate-plans/bar-2027.yaml", "channels import channel-feeds/channels.yaml"] {
            let result = try runner.run(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        return runner
    }

    var inbox: [String] {
        let folder = CommandRunner.packageRoot.appendingPathComponent("channel-feeds/inbox")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
            .map { "channel-feeds/inbox/\($0)" }
    }

    @Test("The sample night imports, quarantines the unmapped room type, and imports it after the mapping is fixed")
    func sampleNight() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        let acks = runner.directory.appendingPathComponent("acks")
        let result = try runner.run(["feeds", "import"] + inbox + ["--ack-dir", acks.path, "--format", "json"])
        #expect(result.status == 3, "\(result.stderr)")
        let files = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(files.count == 5)
        func counts(_ name: String) -> [Int] {
            let file = files.first { ($0["file"] as? String ?? "").hasSuffix(name) } ?? [:]
            return ["created", "modified", "cancelled", "unchanged", "quarantined", "ignored"].map { file[$0] as? Int ?? -1 }
        }
        #expect(counts("BOOKINGCOM_2026-11-23_0100.xml") == [2, 0, 0, 0, 0, 0])
        #expect(counts("BOOKINGCOM_2026-11-23_0400.xml") == [0, 1, 0, 0, 0, 0])
        #expect(counts("EXPEDIA_2026-11-23_0230.xml") == [1, 0, 0, 0, 1, 0])
        #expect(counts("SITEMINDER_2026-11-23_0500.xml") == [0, 0, 0, 0, 0, 1])
        #expect(counts("SITEMINDER_2026-11-23_0501.xml") == [0, 0, 0, 1, 0, 0])

        let list = try runner.run("bookings list --format csv")
        let lines = list.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 4)  // header + 3 channel bookings; the cancelled SiteMinder booking was never created
        // The modified Booking.com stay: 4 nights at 900.00.
        #expect(lines.contains("SHBUND-0000001,Hanna Schmidt,DLX,2027-03-01,2027-03-05,4,1,BAR,,confirmed,3600.00,360000,CNY,"))
        // Totals-only: 5832.00 for 2 rooms × 3 nights → 972.00 per room-night.
        #expect(lines.contains("SHBUND-0000002,Kenji Watanabe,STD,2027-05-01,2027-05-04,3,2,BAR,,confirmed,5832.00,583200,CNY,"))
        // Expedia: implied decimals, inclusive ExpireDate: 1180.00, 1180.00, 1580.00.
        #expect(lines.contains("SHBUND-0000003,Priya Raman,EXE,2027-04-29,2027-05-02,3,1,BAR,,confirmed,3940.00,394000,CNY,"))

        // The modify carried no card and no phone: the booking keeps those of the original message.
        let hanna = try runner.run("bookings show SHBUND-0000001 --format json")
        let hannaObject = try #require(try JSONSerialization.jsonObject(with: Data(hanna.stdout.utf8)) as? [String: Any])
        let channel = try #require(hannaObject["channel"] as? [String: Any])
        #expect(channel["cardLastFour"] as? String == "1111")
        #expect(channel["phone"] as? String == "+49 30 5555 0199")
        #expect(channel["childAges"] as? [Int] == [6])
        #expect(channel["commissionBasisPoints"] as? Int == 1_500)

        // The card number never reaches the disk, only its last four digits.
        let databaseBytes = try [runner.databasePath, runner.databasePath + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
            .reduce(Data(), +)
        #expect(databaseBytes.range(of: Data("4111111111111111".utf8)) == nil)
        #expect(databaseBytes.range(of: Data("411111111111".utf8)) == nil)

        // One acknowledgement per booking message.
        let written = try FileManager.default.contentsOfDirectory(atPath: acks.path).sorted()
        #expect(written.count == 5)
        // Each acknowledgement is valid against its OTA 2015A schema (copies in HotelFeedsTests/Fixtures/schemas).
        let schemas = CommandRunner.packageRoot.appendingPathComponent("Tests/HotelFeedsTests/Fixtures/schemas")
        for file in written {
            let root = ["OTA_HotelResNotifRS", "OTA_HotelResModifyNotifRS", "OTA_CancelRS"].first { file.hasSuffix("-\($0).xml") }
            let schema = try #require(root, "unexpected acknowledgement \(file)")
            let lint = Process()
            lint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            lint.arguments = ["--noout", "--nonet", "--schema", schemas.appendingPathComponent("\(schema).xsd").path, acks.appendingPathComponent(file).path]
            lint.standardOutput = FileHandle.nullDevice
            lint.standardError = FileHandle.nullDevice
            try lint.run()
            lint.waitUntilExit()
            #expect(lint.terminationStatus == 0, "\(file) is not valid against \(schema).xsd")
        }
        let notif = try String(contentsOf: acks.appendingPathComponent("BOOKINGCOM_2026-11-23_0100-1-OTA_HotelResNotifRS.xml"), encoding: .utf8)
        #expect(notif.contains("ResID_Value=\"4711009921\""))
        #expect(notif.contains("ResID_Value=\"SHBUND-0000001\""))
        #expect(notif.contains("<Success/>"))
        let warned = try String(contentsOf: acks.appendingPathComponent("EXPEDIA_2026-11-23_0230-1-OTA_HotelResNotifRS.xml"), encoding: .utf8)
        #expect(warned.contains("RecordID=\"EXP-7731019\""))

        // Importing the same files again changes nothing and says so.
        let before = try runner.dump(excludingVolatile: true)
        let again = try runner.run(["feeds", "import"] + inbox)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("already imported"))
        #expect(try runner.dump(excludingVolatile: true) == before)

        // Quarantine, fix the mapping, retry.
        let quarantine = try runner.run("feeds quarantine list --format csv")
        #expect(quarantine.stdout.contains("EXPEDIA,EXPEDIA_2026-11-23_0230.xml"))
        #expect(quarantine.stdout.contains("EXP-7731019"))
        #expect(quarantine.stdout.contains("200199"))
        #expect(try runner.run("channels map --channel EXPEDIA --room-type-code 200199 --to STE").status == 0)
        let retry = try runner.run("feeds quarantine retry --all")
        #expect(retry.status == 0, "\(retry.stdout) \(retry.stderr)")
        #expect(retry.stdout.contains("EXP-7731019 imported — created as SHBUND-0000004"))
        #expect(try runner.run("feeds quarantine list --format csv").stdout == "id,channel,file,message,line,reference,status,reason\r\n")
        let history = try runner.run("feeds history --format csv")
        #expect(history.stdout.components(separatedBy: "\r\n").filter { $0.contains("EXPEDIA") }.count == 1)

        let database = try AppDatabase.open(path: runner.databasePath)
        #expect(try database.inventoryDiscrepancies() == [])
        #expect(try database.foreignKeyViolations() == [])
    }

    @Test("The file's SHA-256 is taken while it is read, also past a refusal that stops the parse; the file then counts as imported")
    func digestWhileReading() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        // A good booking, a mismatched end tag, then 3 MB the parser never reads (its chunks are 1 MB at most).
        let good = SyntheticFeed.message(reference: "GOOD-1", status: "Book", arrivalDay: 70, nights: 2, roomType: "DLX", amount: 900, minute: 1)
        let text = "<?xml version=\"1.0\"?>\n<Feed>\n" + good + "<Broken></Other>\n"
            + String(repeating: "<Padding/>\n", count: 300_000) + "</Feed>\n"
        let url = runner.directory.appendingPathComponent("SITEMINDER_broken.xml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let first = try runner.run(["feeds", "import", url.path])
        #expect(first.status == 3, "\(first.stdout) \(first.stderr)")
        #expect(first.stdout.contains("1 new"))

        let sum = Process()
        sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sum.arguments = [url.path]
        let output = Pipe()
        sum.standardOutput = output
        try sum.run()
        sum.waitUntilExit()
        let expected = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        #expect(expected.count == 64)
        let history = try runner.run("feeds history --format csv")
        #expect(history.stdout.contains(",quarantined,\(expected)\r\n"), "\(history.stdout)")

        let before = try runner.dump(excludingVolatile: true)
        let again = try runner.run(["feeds", "import", url.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("already imported"))
        #expect(try runner.dump(excludingVolatile: true) == before)
    }

    @Test("A dry run of the sample night reports what the import then does, and changes and writes nothing")
    func dryRun() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        let acks = runner.directory.appendingPathComponent("acks")
        let before = try runner.dump()
        let dry = try runner.run(["feeds", "import"] + inbox + ["--ack-dir", acks.path, "--dry-run"])
        #expect(dry.status == 3, "\(dry.stderr)")
        // Later files build on earlier ones: the modify of 04:00 finds the booking of 01:00.
        #expect(dry.stdout.hasSuffix("Dry run (nothing changed): 3 new / 1 modified / 0 cancelled / 1 unchanged / 1 quarantined / 0 overbooked\n"))
        #expect(try runner.dump() == before)
        #expect(!FileManager.default.fileExists(atPath: acks.path))
        let real = try runner.run(["feeds", "import"] + inbox)
        #expect(real.stdout.hasSuffix("Total: 3 new / 1 modified / 0 cancelled / 1 unchanged / 1 quarantined / 0 overbooked\n"))
    }

    @Test("A sales manager's command during a large import gets the write lock between two batches, not after the import")
    func commandDuringImport() throws {
        let runner = try NightlyFixture.prepared(samples: false)
        defer { runner.cleanUp() }
        let feed = try SyntheticFeed.write(bookings: 30_000, seed: 41)
        defer { try? FileManager.default.removeItem(at: feed) }
        let database = try AppDatabase.open(path: runner.databasePath)
        let importer = try NightlyFixture.start(
            ["feeds", "import", feed.path, "--channel", "SITEMINDER", "--today", NightlyFixture.today, "--db", runner.databasePath])
        defer { if importer.isRunning { kill(importer.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(30)
        while try NightlyFixture.roomsSold(database) == 0, importer.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(importer.isRunning, "the import finished before its first commit was seen; make the feed larger")
        let command = try runner.run(
            "inventory set --room-type DLX --from 2027-12-30 --to 2027-12-31 --out-of-order 1 --db \(runner.databasePath)")
        let importStillRunning = importer.isRunning
        importer.waitUntilExit()
        #expect(command.status == 0, "\(command.stderr)")
        #expect(importStillRunning, "the command waited for the whole import")
        #expect(importer.terminationStatus == 0 || importer.terminationStatus == 3)
        let night = try database.inventory(
            from: CalendarDate(parsing: "2027-12-30"), to: CalendarDate(parsing: "2027-12-30"), roomType: "DLX")
        #expect(night.map(\.outOfOrder) == [1])
        #expect(try database.inventoryDiscrepancies() == [])
    }

    @Test("An import killed half-way and run again ends as an uninterrupted import")
    func killedImport() throws {
        let feed = try SyntheticFeed.write(bookings: 1_500, seed: 11)
        defer { try? FileManager.default.removeItem(at: feed) }

        let reference = try preparedRunner()
        defer { reference.cleanUp() }
        let uninterrupted = try reference.run(["feeds", "import", feed.path, "--channel", "SITEMINDER"])
        #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")

        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        var killedOnce = false
        for delay in [0.15, 0.3, 0.6] {
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["feeds", "import", feed.path, "--channel", "SITEMINDER", "--db", runner.databasePath]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedOnce = true
            }
            process.waitUntilExit()
        }
        #expect(killedOnce, "the import finished before it could be killed; make the feed larger")
        let resumed = try runner.run(["feeds", "import", feed.path, "--channel", "SITEMINDER"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try runner.dump(excludingVolatile: true) == reference.dump(excludingVolatile: true))
        let database = try AppDatabase.open(path: runner.databasePath)
        #expect(try database.inventoryDiscrepancies() == [])
        #expect(try database.integrityCheck() == "ok")
        #expect(try database.foreignKeyViolations() == [])
    }

    @Test(
        "Bad feed input is quarantined with a one-line reason and the rest of the file imports",
        arguments: [
            ("truncated", "not well-formed"),
            ("unmapped-room", "is not mapped for channel SITEMINDER"),
            ("comma-amount", "12,50"),
            ("impossible-date", "2027-02-30"),
            ("wrong-hotel", "hotel code"),
        ])
    func badMessages(kind: String, reason: String) throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        let feed = try SyntheticFeed.writeWithBadMessage(kind)
        defer { try? FileManager.default.removeItem(at: feed) }
        let result = try runner.run(["feeds", "import", feed.path, "--channel", "SITEMINDER"])
        #expect(result.status == 3, "\(kind): \(result.stdout) \(result.stderr)")
        // The good messages around the bad one import: both, or the one before a truncation.
        #expect(result.stdout.contains(kind == "truncated" ? "— 1 new" : "— 2 new"), "\(kind): \(result.stdout)")
        let quarantine = try runner.run("feeds quarantine list --format csv")
        #expect(quarantine.stdout.contains(reason), "\(kind): \(quarantine.stdout)")
    }

    @Test("Hostile files are refused quickly without reading other files")
    func hostileFiles() throws {
        let runner = try preparedRunner()
        defer { runner.cleanUp() }
        for (name, text) in SyntheticFeed.hostile {
            let url = runner.directory.appendingPathComponent("\(name).xml")
            try text.write(to: url, atomically: true, encoding: .utf8)
            let started = Date()
            let result = try runner.run(["feeds", "import", url.path, "--channel", "SITEMINDER"])
            #expect(result.status == 3, "\(name): \(result.stdout) \(result.stderr)")
            #expect(Date().timeIntervalSince(started) < 10)
            #expect(!result.stdout.contains("root:x:0:0"), "\(name) read /etc/passwd")
        }
        #expect(try runner.run("bookings list --format csv").stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1)
    }
}
