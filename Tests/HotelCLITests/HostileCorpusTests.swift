import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The hostile XML corpus of issue 9 through the real binary: `hotelsales feeds import FILE` refuses or
/// quarantines each file with a one-line reason, within bounded memory (the child's own peak RSS) and time,
/// and reads no other file. Small files are fixtures in Fixtures/hostile/ (SOURCES.txt says how each was
/// made); the large ones are generated here.
@Suite("hotelsales end to end: hostile feed corpus")
struct HostileCorpusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Part of the one-line reason the quarantine must give; nil when the file imports normally.
        var reason: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "xxe-local-file", reason: "the document has a DOCTYPE (OTA_HotelResNotifRQ)"),
        Case(name: "xxe-parameter-entity", reason: "the document has a DOCTYPE (OTA_HotelResNotifRQ)"),
        Case(name: "billion-laughs", reason: "the document has a DOCTYPE (OTA_HotelResNotifRQ)"),
        Case(name: "quadratic-blowup", reason: "the document has a DOCTYPE (OTA_HotelResNotifRQ)"),
        Case(name: "deep-nesting", reason: "elements are nested more than 256 deep"),
        Case(name: "huge-attribute", reason: "the XML is not well-formed (internal error: Huge input lookup)"),
        Case(name: "huge-text", reason: "the text of Text is longer than 1048576 bytes"),
        Case(name: "many-attributes", reason: "an element has more than 1000 attributes"),
        Case(name: "invalid-utf8", reason: "Input is not proper UTF-8, indicate encoding ! Bytes: 0xC3 0x28 0x6C 0x6C"),
        Case(name: "nul-byte", reason: "Char 0x0 out of allowed range"),
        Case(name: "nul-charref", reason: "xmlParseCharRef: invalid xmlChar value 0"),
        // Not refused: XInclude is not processed, so the booking imports and the included file is never opened.
        Case(name: "xinclude", reason: nil),
    ]

    /// Peak RSS allowed to the child; the sanitizer runs (scripts/sanitize.sh) raise it for their shadow memory.
    static let residentLimitMB = ProcessInfo.processInfo.environment["HOTELSALES_TEST_RSS_LIMIT_MB"].flatMap(Int.init) ?? 150

    static let fixtures = CommandRunner.packageRoot.appendingPathComponent("Tests/HotelCLITests/Fixtures/hostile")

    private static let reservationOpen =
        "<?xml version=\"1.0\"?>\n<OTA_HotelResNotifRQ xmlns=\"http://www.opentravel.org/OTA/2003/05\">"
        + "<HotelReservations><HotelReservation ResStatus=\"Book\"><UniqueID Type=\"14\" ID=\"BIG-1\"/>"
    private static let reservationClose = "</HotelReservation></HotelReservations></OTA_HotelResNotifRQ>\n"

    /// Writes the case's file to `url`: a fixture with `@SECRET_URL@` replaced, or a large generated file.
    static func writeCase(_ name: String, to url: URL, secretURL: String) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        func put(_ text: String) throws { try handle.write(contentsOf: Data(text.utf8)) }
        let megabyte = { (byte: Character) in Data(repeating: byte.asciiValue!, count: 1 << 20) }
        switch name {
        case "quadratic-blowup":
            // One 64 KB entity referenced 30,000 times: 156 KB on disk, about 2 GB if expanded.
            try put("<?xml version=\"1.0\"?>\n<!DOCTYPE OTA_HotelResNotifRQ [<!ENTITY a \"")
            try put(String(repeating: "A", count: 1 << 16))
            try put("\">]>\n" + reservationOpen + "<ResGlobalInfo><Comments><Comment><Text>")
            try put(String(repeating: "&a;", count: 30_000))
            try put("</Text></Comment></Comments></ResGlobalInfo>" + reservationClose)
        case "deep-nesting":
            try put(reservationOpen + String(repeating: "<x>", count: 100_000))
            try put(String(repeating: "</x>", count: 100_000) + reservationClose)
        case "huge-attribute":
            // A 12 MB attribute value; libxml2's own lookup limit (10 MB) stops it.
            try put(reservationOpen + "<Comment Text=\"")
            for _ in 0..<12 { try handle.write(contentsOf: megabyte("B")) }
            try put("\"/>" + reservationClose)
        case "huge-text":
            try put(reservationOpen + "<ResGlobalInfo><Comments><Comment><Text>")
            for _ in 0..<16 { try handle.write(contentsOf: megabyte("A")) }
            try put("</Text></Comment></Comments></ResGlobalInfo>" + reservationClose)
        case "many-attributes":
            // 800,000 attributes on one start tag (9.5 MB): quadratic work for libxml2 2.9 without a limit.
            try put(reservationOpen + "<Comment")
            for block in 0..<800 {
                try put((0..<1000).map { " a\(block * 1000 + $0)=\"1\"" }.joined())
            }
            try put("/>" + reservationClose)
        default:
            let template = try Data(contentsOf: fixtures.appendingPathComponent("\(name).xml"))
            let marker = Data("@SECRET_URL@".utf8)
            var data = template
            while let range = data.range(of: marker) { data.replaceSubrange(range, with: Data(secretURL.utf8)) }
            try handle.write(contentsOf: data)
        }
    }

    @Test("Each hostile file is refused or quarantined with its reason, in bounded memory, reading no other file",
        arguments: cases)
    func hostileFile(_ hostile: Case) throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        for line in ["init --hotel rate-plans/hotel.yaml", "rates import rate-plans/bar-2027.yaml", "channels import channel-feeds/channels.yaml"] {
            let result = try runner.run(line)
            try #require(result.status == 0, "\(line): \(result.stderr)")
        }

        // The file an XXE or XInclude points at is a FIFO holding a secret. Reading it would consume the secret
        // (and then block the reader, which the time limit catches); afterwards the secret must still be there.
        let secret = "HOSTILE-SECRET-\(UUID().uuidString)"
        let fifo = runner.directory.appendingPathComponent("secret.fifo")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        let fifoDescriptor = open(fifo.path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        try #require(fifoDescriptor >= 0)
        defer { close(fifoDescriptor) }
        try #require(Glibc.write(fifoDescriptor, secret, secret.utf8.count) == secret.utf8.count)

        let file = runner.directory.appendingPathComponent("\(hostile.name).xml")
        try Self.writeCase(hostile.name, to: file, secretURL: fifo.absoluteString)
        let acks = runner.directory.appendingPathComponent("acks")
        let run = try MeasuredRun.run(
            ["feeds", "import", file.path, "--channel", "SITEMINDER", "--ack-dir", acks.path],
            database: runner.databasePath, directory: runner.directory, timeout: 60)
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        print(
            "hostile \(hostile.name): \(size) bytes, exit \(run.status), \(String(format: "%.2f", run.seconds)) s, "
                + "max RSS \(run.maxResidentBytes >> 20) MB")

        #expect(!run.timedOut, "\(hostile.name) still ran after 60 s")
        #expect(run.seconds < 30, "\(hostile.name) took \(run.seconds) s")
        #expect(run.maxResidentBytes > 0, "no peak RSS from /usr/bin/time")
        #expect(run.maxResidentBytes < Self.residentLimitMB << 20, "\(hostile.name) peaked at \(run.maxResidentBytes >> 20) MB")
        let bookings = try runner.run("bookings list --format csv").stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let quarantine = try runner.run("feeds quarantine list --format csv").stdout.components(separatedBy: "\r\n")
            .filter { !$0.isEmpty }.dropFirst()
        if let reason = hostile.reason {
            #expect(run.status == 3, "\(hostile.name): \(run.stdout) \(run.stderr)")
            #expect(bookings.count == 1, "\(hostile.name) created bookings: \(bookings)")
            #expect(quarantine.count == 1, "\(hostile.name): \(quarantine)")
            #expect(quarantine.first?.contains(reason) == true, "\(hostile.name): \(quarantine)")
            #expect(run.stdout.contains("1 quarantined") && run.stdout.contains(reason), "\(hostile.name): \(run.stdout)")
        } else {
            #expect(run.status == 0, "\(hostile.name): \(run.stdout) \(run.stderr)")
            #expect(bookings.count == 2 && bookings[1].contains("Otto Mustermann"), "\(hostile.name): \(bookings)")
            #expect(quarantine.isEmpty)
        }
        #expect(run.stderr.split(separator: "\n").count <= 1, "more than one line on stderr: \(run.stderr)")

        // Nothing read the secret, and it appears nowhere: output, database, acknowledgements, quarantine.
        var buffer = [UInt8](repeating: 0, count: 256)
        let left = read(fifoDescriptor, &buffer, buffer.count)
        #expect(left == secret.utf8.count && String(decoding: buffer.prefix(max(0, left)), as: UTF8.self) == secret)
        var places: [(String, Data)] = [("stdout", Data(run.stdout.utf8)), ("stderr", Data(run.stderr.utf8))]
        for suffix in ["", "-wal"] {
            places.append(("database\(suffix)", FileManager.default.contents(atPath: runner.databasePath + suffix) ?? Data()))
        }
        for ack in (try? FileManager.default.contentsOfDirectory(atPath: acks.path)) ?? [] {
            places.append((ack, FileManager.default.contents(atPath: acks.appendingPathComponent(ack).path) ?? Data()))
        }
        if let id = quarantine.first?.split(separator: ",").first {
            places.append(("quarantine show", Data(try runner.run("feeds quarantine show \(id)").stdout.utf8)))
        }
        for (place, bytes) in places {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(hostile.name): the secret is in \(place)")
            #expect(bytes.range(of: Data("root:x:0:0".utf8)) == nil, "\(hostile.name): /etc/passwd is in \(place)")
        }
    }
}
