// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hubnet",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hubnet", targets: ["hubnet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-algorithms.git", from: "1.2.1"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
    ],
    targets: [
        // The domain: Foundation only.
        .target(name: "HubnetCore", dependencies: [
            .product(name: "Algorithms", package: "swift-algorithms"),
        ], resources: [.copy("Resources/lexicon.json")]),
        .target(name: "HubnetPersistence", dependencies: [
            "HubnetCore",
            .product(name: "Algorithms", package: "swift-algorithms"),
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "FluentSQL", package: "fluent-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
        ]),
        // Every action of the network, one function each: policy, validation, write, audit, outbox. No Vapor.
        .target(name: "HubnetActions", dependencies: [
            "HubnetCore", "HubnetPersistence", "HubnetImaging",
            .product(name: "Algorithms", package: "swift-algorithms"),
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Logos: PNG and JPEG in, scaled PNG out. zlib through compress-nio; nothing else.
        .target(name: "HubnetImaging", dependencies: [
            .product(name: "CompressNIO", package: "compress-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .target(name: "HubnetViews", dependencies: [
            "HubnetCore",
            .product(name: "Plot", package: "Plot"),
        ]),
        .target(name: "HubnetServer", dependencies: [
            "HubnetCore", "HubnetPersistence", "HubnetActions", "HubnetViews",
            .product(name: "Algorithms", package: "swift-algorithms"),
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOExtras", package: "swift-nio-extras"),
        ], resources: [.copy("Resources/openapi.json")]),
        .executableTarget(name: "hubnet", dependencies: ["HubnetServer"]),
        // Fresh databases for tests: SQLite always, PostgreSQL when HUBNET_TEST_POSTGRES_URL is set.
        .target(name: "HubnetTestSupport", dependencies: [
            "HubnetPersistence", "HubnetActions", "HubnetServer",
            .product(name: "VaporTesting", package: "vapor"),
        ], path: "Tests/HubnetTestSupport"),
        .testTarget(name: "HubnetCoreTests", dependencies: ["HubnetCore"]),
        .testTarget(name: "HubnetPersistenceTests", dependencies: ["HubnetPersistence", "HubnetTestSupport"]),
        .testTarget(name: "HubnetViewsTests", dependencies: ["HubnetViews"]),
        .testTarget(name: "HubnetImagingTests", dependencies: ["HubnetImaging"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HubnetActionsTests", dependencies: ["HubnetActions", "HubnetTestSupport"]),
        .testTarget(name: "HubnetServerTests", dependencies: [
            "HubnetServer", "HubnetTestSupport", "HubnetImaging",
            .product(name: "VaporTesting", package: "vapor"),
        ]),
    ]
)
