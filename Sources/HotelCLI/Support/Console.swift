import Foundation

/// Writes to stdout and stderr without touching C's mutable `stderr` global (rejected by Swift 6).
enum Console {
    static func out(_ text: String) {
        // Compare bytes: "\r\n" (CSV line ends) is one Character, so hasSuffix("\n") would be false for it.
        let endsWithNewline = text.utf8.last == UInt8(ascii: "\n")
        FileHandle.standardOutput.write(Data((endsWithNewline ? text : text + "\n").utf8))
    }

    /// A one-line error or notice on stderr, prefixed with the tool's name.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data("hotelsales: \(text)\n".utf8))
    }

    /// A human confirmation on stderr, so that stdout stays clean for scripts (`ID=$(hotelsales agreements add …)`).
    static func note(_ text: String) {
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }
}
