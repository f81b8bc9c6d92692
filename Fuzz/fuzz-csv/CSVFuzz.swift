import CFuzzerDriver
import Foundation
import HotelDomain
import HotelFiles

// libFuzzer target: any bytes through the three CSV readers of HotelFiles (demand forecast, rooming list,
// commission statement), as `yield forecast --demand`, `groups rooming-list` and `commissions check` read
// them. A crash, a hang, an ASan report or an error that is not a DomainError is a finding. Built and run by
// scripts/fuzz.sh.

private func check(_ read: () throws -> Void) {
    do {
        try read()
    } catch let error as DomainError {
        require(!error.description.isEmpty, "an empty error message")
    } catch {
        fatalError("not a DomainError: \(type(of: error)) \(error)")
    }
}

/// A broken invariant is a finding: stop with the message (`precondition` drops it in a release build).
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // The readers' `load(path:)` refuses a file that is not UTF-8 before parsing; do the same.
    guard let text = String(data: bytes.map { Data(bytes: $0, count: size) } ?? Data(), encoding: .utf8) else { return 0 }
    check { _ = try DemandFile.parse(text) }
    check { _ = try RoomingListFile.parse(text) }
    check {
        for line in try CommissionStatementFile.parse(text) {
            if case .malformed(_, _, _, let problem) = line { require(!problem.isEmpty, "a malformed line without a reason") }
        }
    }
    return 0
}

/// The process entry: SwiftPM links `main` to `fuzz_csv_main`; libFuzzer parses the arguments and runs `fuzz`.
@_cdecl("fuzz_csv_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzz($0, $1) }
}
