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
