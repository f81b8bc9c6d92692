import Foundation
import HotelStore

/// Runs the built `hotelsales` binary as a user would, on a temporary database of its own.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let directory: URL
    var databasePath: String { directory.appendingPathComponent("hotelsales.sqlite").path }
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hotelsales-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("hotelsales"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hotelsales"),
            packageRoot.appendingPathComponent(".build/debug/hotelsales"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// Runs `hotelsales ARGS` from the package root (so `rate-plans/...` paths work) with this runner's database.
    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["HOTELSALES_DB"] = databasePath
        environment["USER"] = "tester"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    func run(_ line: String) throws -> Result { try run(Self.split(line)) }

    func dump() throws -> String { try AppDatabase.open(path: databasePath).contentDump() }

    /// The business data only: without audit rows, feed-file bookkeeping and the timestamps of the run, so
    /// that two imports of the same data at different moments compare equal.
    func dump(excludingVolatile: Bool) throws -> String {
        try AppDatabase.open(path: databasePath).businessDump()
    }

    /// Splits a command line on spaces, keeping "double-quoted words" together.
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var inWord = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                inWord = true
            } else if character == " " && !quoted {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
