/// The metric families of one Prometheus or OpenMetrics input as they are read: their
/// metadata in order of first appearance, and what each has shown so far, which the
/// formats' rules on duplicate and late metadata need.
struct FamilyTable {
    /// Which lines of a family have been read.
    struct Progress {
        var hasType = false
        var hasHelp = false
        var hasUnit = false
        var hasSamples = false
    }

    /// The families' metadata, by position.
    var metadata: [MetricFamilyMetadata] = []
    /// The families' progress, by position.
    var progress: [Progress] = []
    private var positions: [String: Int] = [:]

    /// The position of the family with this name, if it was seen.
    func position(of name: String) -> Int? { positions[name] }

    /// Adds a family of unknown type and returns its position.
    mutating func add(_ name: String) -> Int {
        metadata.append(MetricFamilyMetadata(name: name))
        progress.append(Progress())
        positions[name] = metadata.count - 1
        return metadata.count - 1
    }

    /// The position of the family with this name, added if it was not seen.
    mutating func positionAdding(_ name: String) -> Int {
        position(of: name) ?? add(name)
    }
}
