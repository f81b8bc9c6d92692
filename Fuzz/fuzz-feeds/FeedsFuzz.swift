import CFuzzerDriver
import Foundation
import HotelDomain
import HotelFeeds

// libFuzzer target: any bytes through the OTA feed reader (libxml2 SAX push parser, fed in the smallest and the
// default chunk size) and every booking message it yields through the normalizer of each sample channel.
// Built and run by scripts/fuzz.sh; a crash, a hang or an ASan report is a finding.

/// The four channels of channel-feeds/channels.yaml: both decimal readings, both ExpireDate readings,
/// commission as fraction or percentage, hotel codes and code mappings.
private let channels: [Channel] = {
    func code(_ text: String) -> Code { Code(stringLiteral: text) }
    return [
        Channel(
            code: code("BOOKINGCOM"), name: "Booking.com", commission: BasisPoints(1500),
            settings: ChannelSettings(
                expireDateInclusive: false, decimalPlacesImplied: false, hotelCodes: ["SHBUND", "8812345"],
                defaultRatePlan: code("BAR")),
            roomTypes: ["DBL-STD": code("STD"), "KING-DLX": code("DLX")], ratePlans: ["BAR-RO": code("BAR")]),
        Channel(
            code: code("EXPEDIA"), name: "Expedia", commission: BasisPoints(1800),
            settings: ChannelSettings(
                expireDateInclusive: true, decimalPlacesImplied: true, commissionPercentIsFraction: true,
                hotelCodes: ["5599001"], defaultRatePlan: code("BAR")),
            roomTypes: ["200101": code("STD"), "200103": code("EXE")], ratePlans: ["2001BAR": code("BAR")]),
        Channel(
            code: code("SITEMINDER"), name: "SiteMinder",
            settings: ChannelSettings(
                decimalPlacesImplied: false, hotelCodes: ["SHBUND"], defaultRatePlan: code("BAR"),
                defaultRoomType: code("STD")),
            roomTypes: ["STD": code("STD"), "DLX": code("DLX"), "STE": code("STE")], ratePlans: ["BAR": code("BAR")]),
        Channel(
            code: code("ALPINEBITS"), name: "AlpineBits",
            settings: ChannelSettings(decimalPlacesImplied: false, hotelCodes: ["123"], defaultRatePlan: code("BAR")),
            roomTypes: ["bigsuite": code("STE"), "A": code("DLX")], ratePlans: ["123456-xyz": code("BAR")]),
    ]
}()

private let currency = try! Currency("CNY")
private let euro = try! Currency("EUR")
private let readers = [FeedReader(), FeedReader(limits: FeedLimits(maxDepth: 8, maxTextBytes: 1024, chunkSize: 4096))]

/// A broken invariant is a finding: stop with the message (`precondition` drops it in a release build).
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: size) } ?? Data()
    for reader in readers {
        var sawFileError = false
        for item in reader.items(in: data) {
            require(!sawFileError, "an item came after a file error")
            switch item {
            case .booking(let message):
                for channel in channels {
                    for hotelCurrency in [currency, euro] {
                        for result in ChannelNormalizer(channel: channel, currency: hotelCurrency).normalize(message) {
                            switch result {
                            case .success(let reservation): _ = reservation.nights.count
                            case .failure(let error): require(!error.reason.isEmpty, "a refusal without a reason")
                            }
                        }
                    }
                }
            case .notABookingMessage, .messageError:
                break
            case .fileError(let error):
                sawFileError = true
                require(!error.description.contains("\n"), "a multi-line file error: \(error.description)")
            }
        }
    }
    return 0
}

/// The process entry: SwiftPM links `main` to `fuzz_feeds_main`; libFuzzer parses the arguments and runs `fuzz`.
@_cdecl("fuzz_feeds_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzz($0, $1) }
}
