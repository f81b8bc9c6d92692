import Foundation

/// A progress line for long imports: redrawn in place on a terminal, silent when stderr is not a terminal
/// (cron, pipes, tests), so logs stay clean.
struct ProgressLine {
    private var file = ""
    private var total: Int64 = 0
    private var shownPercent = -1
    private var active = false
    /// Files smaller than this finish too fast for a progress line to help.
    static let minimumBytes: Int64 = 8 << 20

    static func forTerminal() -> ProgressLine? {
        isatty(2) == 1 ? ProgressLine() : nil
    }

    mutating func start(file: String, bytes: Int64) {
        self.file = file
        total = bytes
        shownPercent = -1
        active = bytes >= Self.minimumBytes
    }

    mutating func update(bytesRead: Int64) {
        guard active, total > 0 else { return }
        let percent = Int(min(100, bytesRead * 100 / total))
        guard percent != shownPercent else { return }
        shownPercent = percent
        FileHandle.standardError.write(Data("\r\(file): \(percent)% of \(total >> 20) MB".utf8))
    }

    mutating func finish() {
        guard active else { return }
        FileHandle.standardError.write(Data("\r\(file): done\(String(repeating: " ", count: 20))\n".utf8))
        active = false
    }
}
