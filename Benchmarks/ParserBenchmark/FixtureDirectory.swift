import Glibc

/// The test fixtures directory, found from this source file's path.
struct FixtureDirectory {
    let directory: String

    static let fixtures = FixtureDirectory(
        directory: String(#filePath.dropLast("Benchmarks/ParserBenchmark/FixtureDirectory.swift".count))
            + "Tests/EcotopCollectorsTests/Fixtures/")

    struct ReadError: Error { let path: String }

    /// The whole content of a fixture file as text.
    func read(_ name: String) throws -> String {
        let path = directory + name
        guard let file = fopen(path, "rb") else { throw ReadError(path: path) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while case let count = fread(&chunk, 1, chunk.count, file), count > 0 {
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// `value` with `digits` decimals, without Foundation.
    init(format value: Double, _ digits: Int) {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        self = "\(rounded)"
    }
}
