import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One run of the built `hotelsales` with its own peak memory and a time limit.
///
/// The peak RSS comes from GNU time (`/usr/bin/time -f %M`, installed by scripts/setup.sh), which forks and
/// execs hotelsales and reads its `rusage`. Measuring from this test process would not do: a child spawned by
/// a process inherits that process's RSS high-water mark in `ru_maxrss` at `exec` (Linux keeps the old
/// mm's peak), so every child of a 700 MB sanitized test binary "peaked" at 700 MB; and `getrusage` of all
/// children would mix in the processes of tests running in parallel. `time` is small, so its child's figure
/// is hotelsales' own. stdout and stderr go to files in `directory`; a run still going after `timeout`
/// seconds is killed (its whole process group) and reported as `timedOut`.
struct MeasuredRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Peak resident set size of the child, in bytes (`ru_maxrss`).
    var maxResidentBytes: Int
    var seconds: Double
    var timedOut: Bool

    static func run(
        _ arguments: [String], database: String, directory: URL, timeout: Double
    ) throws -> MeasuredRun {
        let name = UUID().uuidString
        let outPath = directory.appendingPathComponent("\(name).out").path
        let errPath = directory.appendingPathComponent("\(name).err").path
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let measurePath = directory.appendingPathComponent("\(name).rss").path
        defer { try? FileManager.default.removeItem(atPath: measurePath) }
        // Its own process group, so that a timeout kills hotelsales too, not only `time`.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else {
            throw POSIXError(.ENOENT, userInfo: [NSLocalizedDescriptionKey: "\(time) is missing: run scripts/setup.sh"])
        }
        var environment = ProcessInfo.processInfo.environment
        environment["HOTELSALES_DB"] = database
        environment["USER"] = "tester"
        let command = [time, "-f", "%M", "-o", measurePath, CommandRunner.binary.path] + arguments
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let clock = ContinuousClock()
        let started = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, time, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        var status: Int32 = 0
        var timedOut = false
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECHILD) }
            let elapsed = clock.now - started
            if !timedOut && elapsed > .seconds(timeout) {
                kill(-pid, SIGKILL)
                timedOut = true
            }
            usleep(5_000)
        }
        let elapsed = clock.now - started
        // `time` exits with hotelsales' code, or 128 + the signal that ended it; 128 + 9 when killed here.
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return MeasuredRun(
            status: code,
            stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
            stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self),
            // The last line of the file (`time` writes "Command exited with non-zero status N" before it).
            maxResidentBytes: (String(decoding: FileManager.default.contents(atPath: measurePath) ?? Data(), as: UTF8.self)
                .split(whereSeparator: \.isNewline).last.flatMap { Int($0) } ?? -1) * 1024,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            timedOut: timedOut)
    }
}
