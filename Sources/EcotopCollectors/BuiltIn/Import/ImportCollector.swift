import EcotopCore
import Foundation

/// The `import` collector: a one-off backfill of a CSV or JSON file of samples.
///
/// The first collection reads the whole file and returns every sample, or fails with the
/// file's first error (`FILE:LINE:COLUMN: why`) and returns none; once a collection has
/// succeeded, later ones return nothing. For large files `ecotop import` writes in batches
/// and shows progress.
public actor ImportCollector: Collector {
    /// What to import; see docs/collectors.md.
    public struct Configuration: Hashable, Sendable {
        /// The collector's name.
        public var name: String
        /// The file to import.
        public var path: String
        /// The file's format; nil takes it from the extension (`.csv`, `.json`).
        public var format: ImportFormat?

        public init(name: String, path: String, format: ImportFormat? = nil) {
            self.name = name
            self.path = path
            self.format = format
        }
    }

    public nonisolated let name: String
    private let configuration: Configuration
    private var imported = false

    /// A collector; the file is read at the first collection.
    public init(configuration: Configuration) {
        name = configuration.name
        self.configuration = configuration
    }

    public func collect(at time: Double) async throws -> CollectionResult {
        guard !imported else { return CollectionResult() }
        let path = configuration.path
        guard let format = configuration.format ?? ImportFormat(path: path) else {
            throw CollectionFailure("\(path): cannot tell the format from the extension; set it to csv or json")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CollectionFailure("\(path): cannot read the file")
        }
        let samples: [Sample]
        do {
            samples = try format.decode(Array(data))
        } catch {
            throw CollectionFailure("\(path):\(error)")
        }
        imported = true
        return CollectionResult(samples: samples)
    }
}

/// The file formats of a one-off backfill (`ecotop import`, the `import` collector).
public enum ImportFormat: String, CaseIterable, Hashable, Sendable {
    /// A header naming `ts`, `name`, `value` and label columns, then one sample per line.
    case csv
    /// An array of sample objects in the store's sample shape.
    case json

    /// The format a file name's extension names (`.csv`, `.json`), if any.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }

    /// Every sample of a whole input, or its first error as `line:column: reason`.
    /// - Parameter progress: called now and then with the number of bytes decoded so far.
    public func decode(_ bytes: [UInt8], progress: (Int) -> Void = { _ in }) throws(ParseError) -> [Sample] {
        switch self {
        case .csv: try CSVSampleDecoder.decode(bytes, progress: progress)
        case .json: try JSONSampleDecoder.decode(bytes, progress: progress)
        }
    }
}
