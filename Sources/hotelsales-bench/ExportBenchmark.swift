import Foundation
import HotelDomain
import HotelStore

/// Issue 7's speed target: `export pms --what reservations --format ota-xml --full` of every loaded reservation
/// (100,000 by default) end-to-end through the binary, in under 5 s. Each run writes into a fresh folder, which is
/// removed afterwards; the first run warms the page cache and is not counted.
struct ExportBenchmark {
    let bench: BenchHotel
    let binary: String
    let clock = ContinuousClock()

    /// `nil` when the binary has no `export pms` yet (checked at run time, like `yield recommend`).
    func reservationsOTAXML(runs: Int) throws -> Measurement? {
        guard try run(["export", "pms", "--help"]).status == 0 else { return nil }
        var samples: [Duration] = []
        var bytes = 0
        for index in 0...runs {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "hotelsales-bench-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let arguments = [
                "export", "pms", "--out", folder.path, "--what", "reservations", "--format", "ota-xml", "--full",
                "--db", bench.path, "--user", "bench",
            ]
            let result = try run(arguments)
            guard result.status == 0 else {
                throw BenchError(
                    "\(binary) \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
            }
            if index > 0 { samples.append(result.elapsed) }
            bytes = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }
                .reduce(0) { total, name in
                    total
                        + ((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[
                            .size] as? Int) ?? 0)
                }
        }
        print("export pms reservations as OTA XML: \(bytes / 1_048_576) MiB per run")
        return Measurement(name: "export pms reservations OTA XML, end-to-end", samples: samples, target: .seconds(5))
    }

    private func run(_ arguments: [String]) throws -> TimedRun { try timedRun(binary, arguments) }
}
