// swift-tools-version:6.0
import PackageDescription

// Linux only: the store, the plugin host and the terminal call Glibc and ncursesw directly.
// No `platforms:` entry claims otherwise; building elsewhere stops at an #error in EcotopStore.
let package = Package(
    name: "ecotop",
    products: [
        .executable(name: "ecotop", targets: ["ecotop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(name: "CLinuxProcess"),
        .target(name: "EcotopCore"),
        .target(name: "EcotopStore", dependencies: ["EcotopCore"]),
        .target(name: "EcotopEngine", dependencies: ["EcotopCore"]),
        .target(name: "EcotopConfig", dependencies: ["EcotopCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "EcotopCollectors", dependencies: ["CLinuxProcess", "EcotopCore", "EcotopConfig", "EcotopStore"]),
        .target(name: "EcotopExporter", dependencies: ["EcotopCore", .product(name: "FlyingFox", package: "FlyingFox")]),
        .target(name: "EcotopPrometheus", dependencies: ["EcotopCore", "EcotopCollectors"]),
        .target(
            name: "EcotopApp",
            dependencies: [
                "EcotopCore", "EcotopStore", "EcotopEngine", "EcotopConfig", "EcotopCollectors", "EcotopExporter", "EcotopPrometheus",
            ]
        ),
        .target(
            name: "EcotopUI",
            dependencies: ["EcotopCore", "EcotopEngine", "EcotopConfig", "EcotopApp", .product(name: "Yams", package: "Yams")],
            plugins: ["ThemeEmbedderPlugin"]
        ),
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(
            name: "ThemeEmbedderPlugin", capability: .buildTool(), dependencies: ["ThemeEmbedder"],
            path: "Sources/ThemeEmbedderPlugin"
        ),
        .target(name: "EcotopTerminal", dependencies: ["CNcursesw", "EcotopUI", "EcotopApp"]),
        .executableTarget(
            name: "ecotop",
            dependencies: [
                "EcotopCore", "EcotopStore", "EcotopEngine", "EcotopCollectors", "EcotopConfig", "EcotopApp",
                "EcotopUI", "EcotopTerminal", "EcotopPrometheus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ParserBenchmark",
            dependencies: ["EcotopCollectors", "EcotopCore"],
            path: "Benchmarks/ParserBenchmark"
        ),
        .executableTarget(
            name: "RenderBenchmark",
            dependencies: ["EcotopApp", "EcotopCollectors", "EcotopCore", "EcotopEngine", "EcotopUI"],
            path: "Benchmarks/RenderBenchmark"
        ),
        .testTarget(name: "EcotopCoreTests", dependencies: ["EcotopCore"]),
        .testTarget(name: "EcotopExporterTests", dependencies: ["EcotopExporter", "EcotopCore"]),
        .target(name: "EcotopTestSupport", dependencies: ["EcotopStore", "EcotopCore"], path: "Tests/EcotopTestSupport"),
        .testTarget(name: "EcotopStoreTests", dependencies: ["EcotopStore", "EcotopCore", "EcotopTestSupport"]),
        .testTarget(
            name: "EcotopAppTests",
            dependencies: ["EcotopApp", "EcotopStore", "EcotopCore", "EcotopCollectors", "EcotopConfig", "EcotopExporter", "EcotopTestSupport"]
        ),
        .testTarget(name: "EcotopEngineTests", dependencies: ["EcotopEngine", "EcotopCollectors", "EcotopTestSupport"]),
        .testTarget(name: "EcotopConfigTests", dependencies: ["EcotopConfig", "EcotopCore"]),
        .testTarget(
            name: "EcotopPrometheusTests",
            dependencies: ["EcotopPrometheus", "EcotopCollectors", "EcotopCore", "EcotopEngine", "EcotopTestSupport"]
        ),
        .testTarget(
            name: "EcotopCollectorsTests", dependencies: ["EcotopCollectors", "EcotopConfig", "EcotopStore", "EcotopTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "EcotopUITests",
            dependencies: ["EcotopUI", "EcotopApp", "EcotopCollectors", "EcotopEngine", "EcotopTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "EcotopTerminalTests",
            dependencies: ["EcotopTerminal", "EcotopApp", "EcotopUI", "EcotopCollectors", "EcotopEngine", "EcotopCore", "EcotopTestSupport"]
        ),
        .testTarget(
            name: "CommandLineTests",
            dependencies: [
                "ecotop", "EcotopStore", "EcotopCore", "EcotopTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["ecotop", "EcotopStore", "EcotopTestSupport"]),
    ]
)
