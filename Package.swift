// swift-tools-version:6.1
import Foundation
import PackageDescription

// Release builds check exclusive access to variables at compile time only: the run-time check (a call into the
// Swift runtime for every access to a class's stored property, e.g. each SAX callback's parser state) was about a
// twentieth of the feed reader's instructions. Debug builds, which the tests run, keep the run-time check.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

// Layers (dependencies point inward):
//   hotelsales (executable) -> HotelCLI -> HotelStore, HotelFiles, HotelFeeds -> HotelDomain
// HotelDomain is pure Swift: values, rules, pricing, yield maths. No GRDB, no libxml2, no YAML.
let package = Package(
    name: "hotelsales",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hotelsales", targets: ["hotelsales"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .executableTarget(name: "hotelsales", dependencies: ["HotelCLI"], swiftSettings: releaseSettings),
        // `make bench`: speed targets of the issues, measured on generated data in a release build.
        .executableTarget(
            name: "hotelsales-bench",
            dependencies: ["HotelStore", "HotelDomain", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "HotelCLI",
            dependencies: [
                "HotelDomain", "HotelStore", "HotelFiles", "HotelFeeds",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: releaseSettings),
        .target(name: "HotelDomain", swiftSettings: releaseSettings),
        .target(
            name: "HotelStore",
            dependencies: [
                "HotelDomain", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the prepared statements of bulk imports (`PreparedStatement`).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                "CSQLiteConfig",
            ],
            swiftSettings: releaseSettings),
        .target(
            name: "HotelFiles",
            dependencies: ["HotelDomain", "Yams", .product(name: "CSV", package: "CSV.swift")]),
        .target(name: "HotelFeeds", dependencies: ["HotelDomain", "CLibXML2"], swiftSettings: releaseSettings),
        // SQLite's process-wide settings (sqlite3_config, variadic: not callable from Swift).
        .systemLibrary(name: "CSQLiteConfig", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .testTarget(name: "HotelDomainTests", dependencies: ["HotelDomain"]),
        .testTarget(name: "HotelStoreTests", dependencies: ["HotelStore", "HotelDomain"]),
        .testTarget(
            name: "HotelFilesTests", dependencies: ["HotelFiles", "HotelDomain"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "HotelFeedsTests", dependencies: ["HotelFeeds"], resources: [.copy("Fixtures")]),
        // End-to-end tests run the binary from the package root and read their fixtures by path.
        .testTarget(
            name: "HotelCLITests", dependencies: ["hotelsales", "HotelCLI", "HotelStore", "HotelDomain"],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// `scripts/fuzz.sh`: libFuzzer targets (Fuzz/), declared only when HOTELSALES_FUZZ=1 so that `swift build` and
// `make test` never build them (they link only with `-sanitize=fuzzer`).
if ProcessInfo.processInfo.environment["HOTELSALES_FUZZ"] == "1" {
    package.targets.append(.target(name: "CFuzzerDriver", path: "Fuzz/CFuzzerDriver"))
    for (name, dependencies) in [
        ("fuzz-feeds", ["HotelFeeds", "HotelDomain"]), ("fuzz-rateplans", ["HotelFiles", "HotelDomain"]),
        ("fuzz-csv", ["HotelFiles", "HotelDomain"]),
    ] {
        package.targets.append(
            .executableTarget(
                name: name, dependencies: (dependencies + ["CFuzzerDriver"]).map { .target(name: $0) }, path: "Fuzz/\(name)",
                // No `@main`: the module defines `<module>_main` itself (see Fuzz/CFuzzerDriver).
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
