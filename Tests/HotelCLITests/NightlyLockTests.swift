import Foundation
import HotelStore
import Testing

@testable import HotelCLI

#if canImport(Glibc)
    import Glibc
#endif

/// How the nightly lock tells a live holder from a dead one (pid, host, boot id, process start time).
@Suite("Nightly lock: is the holder alive?")
struct NightlyLockTests {
    let me = ProcessIdentity.current(startedAt: "2027-05-01T01:00:00.000Z")

    @Test("This process holds a live lock")
    func live() {
        #expect(me.pid == getpid())
        #expect(me.host == ProcessIdentity.hostName())
        #expect(!ProcessIdentity.isStale(me))
    }

    #if os(Linux)
        @Test("Linux names the process by boot id and start time")
        func identity() {
            #expect(me.bootID.count == 36)
            #expect(Int(me.processStart) ?? 0 > 0)
        }

        @Test("A recycled pid (same pid, another start time) or another boot is a dead holder")
        func recycled() {
            var recycled = me
            recycled.processStart = String((Int(me.processStart) ?? 0) + 1)
            #expect(ProcessIdentity.isStale(recycled))
            var rebooted = me
            rebooted.bootID = "00000000-0000-0000-0000-000000000000"
            #expect(ProcessIdentity.isStale(rebooted))
        }
    #endif

    @Test("A process that has exited is a dead holder")
    func exited() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        var gone = me
        gone.pid = process.processIdentifier
        gone.processStart = ""
        #expect(ProcessIdentity.isStale(gone))
    }

    @Test("A holder on another host cannot be checked from here: alive for 24 hours from its start, then stale")
    func otherHost() {
        var remote = me
        remote.host = "another-host-\(UUID().uuidString)"
        remote.pid = 999_999
        remote.startedAt = ExportPMS.isoTimestamp(Date().addingTimeInterval(-23 * 3600))
        #expect(!ProcessIdentity.isStale(remote))
        remote.startedAt = ExportPMS.isoTimestamp(Date().addingTimeInterval(-25 * 3600))
        #expect(ProcessIdentity.isStale(remote))
    }
}
