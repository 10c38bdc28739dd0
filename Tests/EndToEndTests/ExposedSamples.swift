/// The samples of a Prometheus text or OpenMetrics exposition counted per sample name, read
/// as simply as the formats allow, independently of Ecotop's parsers: every line that is
/// neither blank nor a `#` line is a sample `name[{labels}] value [timestamp]`.
struct ExposedSamples: Equatable {
    /// Per sample name, how many samples have a finite value.
    var finite: [String: Int] = [:]
    /// Per sample name, how many samples are NaN, +Inf or -Inf: those the store does not keep.
    var notFinite: [String: Int] = [:]

    var finiteCount: Int { finite.values.reduce(0, +) }
    var notFiniteCount: Int { notFinite.values.reduce(0, +) }

    /// Counts the samples of `text`; a sample line without a number after its name and
    /// labels is an error naming the line.
    init(_ text: String) throws {
        for (index, line) in text.split(separator: "\n").enumerated() where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            let name = String(line.prefix { $0 != "{" && $0 != " " })
            var rest = line.dropFirst(name.count)
            if rest.first == "{" { rest = Self.afterLabels(rest) }
            guard let token = rest.split(separator: " ").first, let value = Double(token) else {
                throw ExpositionError(description: "line \(index + 1): no value in \(line)")
            }
            if value.isFinite { finite[name, default: 0] += 1 } else { notFinite[name, default: 0] += 1 }
        }
    }

    /// What follows the `}` that closes the label set `labels` starts with; a `}` or `"`
    /// inside a quoted value (escaped with a backslash or not) does not end it.
    private static func afterLabels(_ labels: Substring) -> Substring {
        var quoted = false, escaped = false
        for index in labels.indices {
            let character = labels[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = quoted
            } else if character == "\"" {
                quoted.toggle()
            } else if character == "}", !quoted {
                return labels[labels.index(after: index)...]
            }
        }
        return labels[labels.endIndex...]
    }
}

/// An exposition the simple reading of `ExposedSamples` cannot count.
struct ExpositionError: Error, CustomStringConvertible {
    let description: String
}
