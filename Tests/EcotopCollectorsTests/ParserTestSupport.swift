import EcotopCollectors
import EcotopCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `line:column: reason` of the error `parse` throws, or nil when it succeeds.
func errorDescription(_ parse: () throws(ParseError) -> ParsedMetrics) -> String? {
    do {
        _ = try parse()
        return nil
    } catch {
        return error.description
    }
}

extension ParsedMetrics {
    /// The value of the one sample with this name and these labels, if exactly one.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let key = SeriesKey(name: name, labels: labels)
        let matches = samples.filter { $0.key == key }
        return matches.count == 1 ? matches[0].value : nil
    }
}

/// Reads a file of Tests/EcotopCollectorsTests/Fixtures.
func fixture(_ name: String) throws -> [UInt8] {
    let directory = String(#filePath.dropLast("ParserTestSupport.swift".count)) + "Fixtures/"
    guard let file = fopen(directory + name, "rb") else { throw FixtureMissing(name: name) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while case let count = fread(&chunk, 1, chunk.count, file), count > 0 {
        bytes += chunk[0..<count]
    }
    return bytes
}

struct FixtureMissing: Error {
    let name: String
}
