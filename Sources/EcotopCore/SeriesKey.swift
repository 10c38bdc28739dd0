/// Identifies one time series: a metric name plus a set of labels.
///
/// Labels are kept sorted by name so that equal keys compare and hash equally
/// whatever order they were written in.
public struct SeriesKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The metric name, usually a `MetricID` raw value such as `usage.transactions`.
    public var name: String
    /// Label pairs sorted by name; names are unique.
    public private(set) var labels: [Label]

    /// One label pair.
    public struct Label: Hashable, Sendable, Comparable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
        public static func < (lhs: Label, rhs: Label) -> Bool {
            (lhs.name, lhs.value) < (rhs.name, rhs.value)
        }
    }

    /// Creates a key; when a label name repeats, the last value wins.
    public init(name: String, labels: [String: String] = [:]) {
        self.name = name
        self.labels = labels.map { Label($0.key, $0.value) }.sorted()
    }

    /// The value of the label with the given name.
    public subscript(label name: String) -> String? {
        labels.first { $0.name == name }?.value
    }

    /// The labels as a dictionary.
    public var labelDictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: labels.map { ($0.name, $0.value) })
    }

    /// Prometheus-style text: `name{a="1",b="2"}`, or just `name` without labels.
    public var description: String {
        guard !labels.isEmpty else { return name }
        let pairs = labels.map { "\($0.name)=\"\(Self.escape($0.value))\"" }.joined(separator: ",")
        return "\(name){\(pairs)}"
    }

    public static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        if lhs.name != rhs.name { return lhs.name < rhs.name }
        return lhs.labels.lexicographicallyPrecedes(rhs.labels)
    }

    /// A label value as written between double quotes: `\\`, `\"` and `\n` escaped.
    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
