// swift-tools-version: 6.1
//
// The architecture, read top to bottom:
//
//   CCmark          the C boundary: Debian's libcmark as a system library
//   ReviewKit       problems → engine (trace) → topic solvers → documents → renderers
//   review          the command-line tool, a thin layer over ReviewKit
//   ReviewTemplates the `templates/` folder; the EmbedTemplates build plugin
//                   compiles it into the binary, so review needs no files beside it
import PackageDescription

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
            ]
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

        // MARK: Tests
        // swift-mustache is the oracle of TemplateEngineTests: our own engine
        // (ReviewKit/Document/Templates) must render every template the same.
        .testTarget(
            name: "ReviewKitTests",
            dependencies: [
                "ReviewKit",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(
            name: "ReviewCLITests",
            dependencies: ["review"]
        ),
    ]
)
