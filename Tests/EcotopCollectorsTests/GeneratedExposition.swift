import EcotopCore

/// A small, fast, seeded random number generator, so generated tests are repeatable.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Random inputs in each format together with the samples they must parse to. The
/// writers here are independent of the parsers: they escape by the specifications.
struct GeneratedExposition {
    var text = ""
    var samples: [Sample] = []
    var helps: [String: String] = [:]

    static let defaultTimestamp = 1_000.0

    /// Characters that exercise escaping, delimiters and multi-byte UTF-8.
    private static let awkward: [Character] = ["a", "Z", "0", " ", "\\", "\"", ",", "=", "{", "}", "#", "é", "日", "\t"]

    private static func awkwardText(_ rng: inout SplitMix64, length: ClosedRange<Int>, newlines: Bool) -> String {
        let alphabet = newlines ? awkward + ["\n"] : awkward
        return String((0..<Int.random(in: length, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
    }

    private static func labelName(_ rng: inout SplitMix64) -> String {
        "l" + String((0..<Int.random(in: 0...4, using: &rng)).map { _ in "ab_Z09".randomElement(using: &rng)! })
    }

    private static func value(_ rng: inout SplitMix64, specials: Bool) -> Double {
        switch Int.random(in: 0..<(specials ? 7 : 4), using: &rng) {
        case 0: return Double(Int.random(in: -1_000_000...1_000_000, using: &rng))
        case 1: return Double.random(in: -1...1, using: &rng)
        case 2:
            let anyBits = Double(bitPattern: rng.next())
            return anyBits.isFinite ? anyBits : 0.5
        case 3: return Double.random(in: 0...1e300, using: &rng)
        case 4: return .nan
        case 5: return .infinity
        default: return -.infinity
        }
    }

    private static func written(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        return "\(value)"
    }

    /// `name{label="value",...}` escaped as both text formats want it.
    private static func series(_ name: String, _ labels: [String: String]) -> String {
        SeriesKey(name: name, labels: labels).description
    }

    /// An OpenMetrics HELP text: label-value escaping.
    private static func escapedHelp(_ text: String) -> String {
        escaped(text, ["\""]).replacing("\n", with: "\\n")
    }

    /// Appends an integer timestamp to `line`, or not, and returns the sample's time.
    private static func integerTimestamp(
        _ rng: inout SplitMix64, in range: ClosedRange<Int64>, perSecond: Double, to line: inout String
    ) -> Double {
        guard Bool.random(using: &rng) else { return defaultTimestamp }
        let ticks = Int64.random(in: range, using: &rng)
        line += " \(ticks)"
        return Double(ticks) / perSecond
    }

    private static func labels(_ rng: inout SplitMix64, newlines: Bool) -> [String: String] {
        var labels: [String: String] = [:]
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            labels[labelName(&rng)] = awkwardText(&rng, length: 0...6, newlines: newlines)
        }
        return labels
    }

    // MARK: - Formats

    /// Prometheus text 0.0.4: untyped samples, some with millisecond timestamps.
    static func prometheus(_ rng: inout SplitMix64) -> GeneratedExposition {
        var exposition = GeneratedExposition()
        for index in 0..<Int.random(in: 1...8, using: &rng) {
            let name = "m\(index)_" + labelName(&rng)
            let labels = labels(&rng, newlines: true)
            let value = value(&rng, specials: true)
            var line = series(name, labels) + " " + written(value)
            let timestamp = integerTimestamp(&rng, in: -1_000_000_000_000...4_000_000_000_000, perSecond: 1000, to: &line)
            exposition.text += line + "\n"
            exposition.samples.append(Sample(key: SeriesKey(name: name, labels: labels), timestamp: timestamp, value: value))
        }
        return exposition
    }

    /// OpenMetrics 1.0: gauge, unknown and counter families with help texts, timestamps
    /// in seconds and exemplars on counters; each metric (label set) of a family once.
    static func openMetrics(_ rng: inout SplitMix64) -> GeneratedExposition {
        var exposition = GeneratedExposition()
        for index in 0..<Int.random(in: 0...5, using: &rng) {
            let family = "f\(index)_" + labelName(&rng)
            let type = ["gauge", "unknown", "counter"].randomElement(using: &rng)!
            exposition.text += "# TYPE \(family) \(type)\n"
            if Bool.random(using: &rng) {
                let help = awkwardText(&rng, length: 0...10, newlines: true)
                exposition.text += "# HELP \(family) \(escapedHelp(help))\n"
                exposition.helps[family] = help
            }
            var metrics: Set<[String: String]> = []
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                let name = type == "counter" ? family + "_total" : family
                let labels = labels(&rng, newlines: true)
                guard metrics.insert(labels).inserted else { continue }
                let value = type == "counter" ? abs(self.value(&rng, specials: false)) : self.value(&rng, specials: true)
                var line = series(name, labels) + " " + written(value)
                var timestamp = defaultTimestamp
                if Bool.random(using: &rng) {
                    timestamp = Double.random(in: -1e10...1e10, using: &rng)
                    line += " \(timestamp)"
                }
                if type == "counter", Bool.random(using: &rng) {
                    line += " # {trace_id=\"\(rng.next())\"} 1"
                }
                exposition.text += line + "\n"
                exposition.samples.append(Sample(key: SeriesKey(name: name, labels: labels), timestamp: timestamp, value: value))
            }
        }
        exposition.text += "# EOF\n"
        return exposition
    }

    /// Influx line protocol with awkward names and every field type.
    static func influx(_ rng: inout SplitMix64) -> GeneratedExposition {
        var exposition = GeneratedExposition()
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let measurement = "m" + influxName(&rng)
            var tags: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...3, using: &rng) { tags["t" + influxName(&rng)] = "v" + influxName(&rng) }
            var line = escaped(measurement, [",", " "], backslash: false)
                + tags.map { "," + escaped($0.key, [",", "=", " "], backslash: false) + "=" + escaped($0.value, [",", "=", " "], backslash: false) }.joined()
            var fields: [(String, Double)] = []
            var written: [String] = []
            for index in 0..<Int.random(in: 1...4, using: &rng) {
                let key = "k\(index)" + influxName(&rng)
                let field = escaped(key, [",", "=", " "], backslash: false) + "="
                switch Int.random(in: 0..<5, using: &rng) {
                case 0:
                    let value = self.value(&rng, specials: false)
                    written.append(field + "\(value)")
                    fields.append((key, value))
                case 1:
                    let value = Int64.random(in: .min ... .max, using: &rng)
                    written.append(field + "\(value)i")
                    fields.append((key, Double(value)))
                case 2:
                    let value = UInt64.random(in: .min ... .max, using: &rng)
                    written.append(field + "\(value)u")
                    fields.append((key, Double(value)))
                case 3:
                    let value = Bool.random(using: &rng)
                    written.append(field + (value ? "true" : "F"))
                    fields.append((key, value ? 1 : 0))
                default:
                    written.append(field + "\"" + escaped(awkwardText(&rng, length: 0...8, newlines: true), ["\""]) + "\"")
                }
            }
            line += " " + written.joined(separator: ",")
            let timestamp = integerTimestamp(
                &rng, in: -4_000_000_000_000_000_000...4_000_000_000_000_000_000, perSecond: 1e9, to: &line)
            exposition.text += line + "\n"
            for (key, value) in fields {
                exposition.samples.append(Sample(key: SeriesKey(name: measurement + "." + key, labels: tags), timestamp: timestamp, value: value))
            }
        }
        return exposition
    }

    /// A name without line feeds for Influx; escaping makes the rest safe. It does not end
    /// in a backslash, which line protocol cannot write (the backslash would escape the
    /// separator after it).
    private static func influxName(_ rng: inout SplitMix64) -> String {
        let name = awkwardText(&rng, length: 0...6, newlines: false)
        return name.hasSuffix("\\") ? name + "x" : name
    }

    /// `text` with `specials` (and backslashes, when `backslash`) escaped by a backslash.
    private static func escaped(_ text: String, _ specials: Set<Character>, backslash: Bool = true) -> String {
        var escaped = ""
        for character in text {
            if backslash && character == "\\" || specials.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
