// swift-tools-version: 6.1
//
// The architecture, read top to bottom:
//
//   CCmark          the C boundary: Debian's libcmark as a system library
//   ReviewKit       problems → engine (trace) → topic solvers → documents → renderers
//   review          the command-line tool, a thin layer over ReviewKit
//   ReviewTemplates the `templates/` folder; the EmbedTemplates build plugin
//                   compiles it into the binary, so review needs no files beside it
//   Fuzz*           fuzz targets (`scripts/fuzz`); a plain build makes them
//                   corpus replayers, `-DFUZZING -sanitize=fuzzer` libFuzzer binaries
import PackageDescription

// `scripts/fuzz` sets REVIEW_FUZZ=1: the library and the fuzz targets are
// then instrumented for libFuzzer and AddressSanitizer. Per target, not with
// `-Xswiftc`, which would also reach the build plugin's tool (its own `main`
// clashes with libFuzzer's). They link with lld: gold crashes on the sanitizer
// objects. A plain build sets none of these flags.
let fuzzing = Context.environment["REVIEW_FUZZ"] != nil
let sanitizers = ["-sanitize=fuzzer,address"]
let fuzzSwift: [SwiftSetting] = fuzzing ? [.unsafeFlags(sanitizers), .define("FUZZING")] : []
let fuzzLink: [LinkerSetting] = fuzzing ? [.unsafeFlags(sanitizers + ["-use-ld=lld"])] : []

let package = Package(
    name: "review",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "review", targets: ["review"]),
        .library(name: "ReviewKit", targets: ["ReviewKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        // QTI packages for Canvas are zip files (LMS/QTIPackage.swift).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // MARK: The C boundary
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),

        // MARK: The library
        .target(
            name: "ReviewKit",
            dependencies: [
                "CCmark",
                "ReviewTemplates",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: fuzzSwift
        ),
        // The top-level `templates/` folder, compiled into the binary.
        .target(
            name: "ReviewTemplates",
            path: "templates",
            exclude: ["README.md"],
            sources: ["Templates.swift"],
            resources: [],
            plugins: ["EmbedTemplates"]
        ),

        // MARK: The tool
        .executableTarget(
            name: "review",
            dependencies: [
                "ReviewKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Benchmarks (run in release: swift run -c release review-bench)
        .executableTarget(name: "review-bench", dependencies: ["ReviewKit"]),

        // MARK: Build-time helpers
        .executableTarget(name: "template-embedder", path: "Plugins/TemplateEmbedder"),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["template-embedder"]
        ),

        // MARK: Fuzzing (scripts/fuzz)
        .target(name: "CFuzzer", path: "Fuzz/CFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzer"], path: "Fuzz/FuzzSupport", swiftSettings: fuzzSwift),
        .executableTarget(
            name: "FuzzExpression", dependencies: ["ReviewKit", "FuzzSupport"], path: "Fuzz/FuzzExpression",
            swiftSettings: fuzzSwift, linkerSettings: fuzzLink),
        .executableTarget(
            name: "FuzzProblemFile", dependencies: ["ReviewKit", "FuzzSupport"], path: "Fuzz/FuzzProblemFile",
            swiftSettings: fuzzSwift, linkerSettings: fuzzLink),

        // MARK: Tests
        // What every HTML page must satisfy (it references nothing outside
        // itself), shared by both test targets.
        .target(name: "PageChecks", path: "Tests/PageChecks"),
        // swift-mustache is the oracle of TemplateEngineTests: our own engine
        // (ReviewKit/Document/Templates) must render every template the same.
        .testTarget(
            name: "ReviewKitTests",
            dependencies: [
                "ReviewKit",
                "PageChecks",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden"]  // golden sheets (GoldenSheetTests), read from the source tree
        ),
        .testTarget(
            name: "ReviewCLITests",
            dependencies: ["review", "PageChecks"],
            exclude: ["BadInputs"]
        ),
    ]
)
