import EcotopCore

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
