import CFuzzerDriver
import Foundation
import HotelDomain
import HotelFiles

// libFuzzer target: any bytes through the rate-plan YAML reader (Yams, then the shape checks of
// RatePlanFile), and the other YAML readers that share its decoding (hotel and channels files), as
// `hotelsales rates import`, `init --hotel` and `channels import` read them. A crash, a hang, an ASan report
// or an error that is not a one-line DomainError is a finding. Built and run by scripts/fuzz.sh.

private let currency = try! Currency("CNY")

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
    check { _ = try RatePlanFile.parse(text, currency: currency) }
    check { _ = try HotelFile.parse(text) }
    check { _ = try ChannelsFile.parse(text) }
    return 0
}

/// The process entry: SwiftPM links `main` to `fuzz_rateplans_main`; libFuzzer parses the arguments and runs `fuzz`.
@_cdecl("fuzz_rateplans_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzz($0, $1) }
}
