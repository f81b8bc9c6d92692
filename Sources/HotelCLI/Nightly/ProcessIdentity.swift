import Foundation
import HotelStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who this process is, for the nightly lock, and whether the process named by a stored lock is still alive.
///
/// Rule: a lock is stale when its holder is on this host and is not running any more — the machine was
/// rebooted since (another boot id), no process has its pid, the process with its pid started at another
/// moment (the pid was recycled), or it is a zombie. A holder on another host (a database on a shared disk)
/// cannot be checked from here: it is taken as alive for 24 hours from its start, which no night audit lasts.
enum ProcessIdentity {
    static func current(startedAt: String) -> NightlyLockHolder {
        let pid = getpid()
        return NightlyLockHolder(
            pid: pid, host: hostName(), bootID: bootID(), processStart: startTime(of: pid) ?? "", startedAt: startedAt)
    }

    @Sendable static func isStale(_ holder: NightlyLockHolder) -> Bool {
        guard holder.host == hostName() else {
            guard let started = Self.instant(holder.startedAt) else { return false }
            return Date().timeIntervalSince(started) > remoteHolderLifetime
        }
        let boot = bootID()
        if !holder.bootID.isEmpty, !boot.isEmpty, holder.bootID != boot { return true }
        guard holder.pid > 0 else { return true }
        if kill(holder.pid, 0) != 0, errno == ESRCH { return true }
        guard let stat = statFields(of: holder.pid) else {
            // No /proc (macOS): kill(pid, 0) found a process with that pid.
            return false
        }
        if stat.state == "Z" || stat.state == "X" { return true }
        return !holder.processStart.isEmpty && stat.startTime != holder.processStart
    }

    /// How long a lock held from another host counts as alive.
    static let remoteHolderLifetime: TimeInterval = 24 * 3600

    static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "unknown" : name
    }

    static func bootID() -> String {
        (readSmallFile("/proc/sys/kernel/random/boot_id") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func startTime(of pid: Int32) -> String? { statFields(of: pid)?.startTime }

    /// The state (field 3) and start time (field 22, clock ticks since boot) of `/proc/PID/stat`. The command
    /// name (field 2) may hold spaces and parentheses, so fields are counted after its last ')'.
    static func statFields(of pid: Int32) -> (state: String, startTime: String)? {
        guard let text = readSmallFile("/proc/\(pid)/stat"), let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count > 19 else { return nil }
        return (String(fields[0]), String(fields[19]))
    }

    /// A file of the proc file system (its size reads as 0, so it is read until the end).
    private static func readSmallFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { _ = close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk.prefix(count)
            if bytes.count > 65_536 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
