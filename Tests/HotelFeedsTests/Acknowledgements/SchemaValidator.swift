import Foundation
import Testing

/// Validates documents against the OTA 2015A schemas in `Fixtures/schemas/` with `xmllint`, run as a process.
enum SchemaValidator {
    struct Result {
        /// xmllint's exit status: 0 valid, 3 or 4 invalid, 127 not installed.
        var status: Int32
        /// What xmllint printed (stdout and stderr).
        var output: String
        var isValid: Bool { status == 0 }
    }

    /// Writes `document` to a temporary file and runs `xmllint --noout --schema <schema>.xsd` on it.
    static func validate(_ document: Data, against schema: String) throws -> Result {
        let folder = try FeedFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("acknowledgement.xml")
        try document.write(to: file)
        return try validate(fileAt: file, against: schema)
    }

    static func validate(fileAt file: URL, against schema: String) throws -> Result {
        let schemaFile = try FeedFixtures.url("schemas/\(schema).xsd")
        try #require(
            FileManager.default.fileExists(atPath: schemaFile.path), "schema fixture \(schemaFile.path) is missing")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--nonet", "--schema", schemaFile.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
        try #require(
            result.status != 127,
            "xmllint is not installed: install libxml2-utils (`apt-get install -y libxml2-utils`, as scripts/setup.sh does)"
        )
        return result
    }
}
