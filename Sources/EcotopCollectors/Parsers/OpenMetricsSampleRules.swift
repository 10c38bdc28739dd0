/// The OpenMetrics 1.0 rules that tie a sample to its family's type: which name
/// suffixes a type's samples take, which labels they need and which values they allow.
///
/// | type | sample names | required |
/// | --- | --- | --- |
/// | counter | `_total`, `_created` | `_total` not negative nor NaN |
/// | gauge, unknown | the family name | |
/// | histogram | `_bucket`, `_count`, `_sum`, `_created` | `le` on `_bucket` |
/// | gaugehistogram | `_bucket`, `_gcount`, `_gsum` | `le` on `_bucket` |
/// | summary | the family name, `_count`, `_sum`, `_created` | `quantile` on the family name |
/// | info | `_info` | value 1 |
/// | stateset | the family name | a label named after the family; value 0 or 1 |
struct OpenMetricsSampleRules {
    let familyName: String
    let type: ScrapedMetricType
    /// The suffix after the family name, or "" for the family name itself.
    let suffix: String

    /// Every suffix any type allows, longest first so `_gcount` wins over `_count`.
    static let allSuffixes = ["_created", "_bucket", "_gcount", "_total", "_count", "_gsum", "_info", "_sum"]

    /// The suffixes the samples of `type` take ("" is the family name itself).
    static func suffixes(of type: ScrapedMetricType) -> [String] {
        switch type {
        case .counter: ["_total", "_created"]
        case .gauge, .unknown, .stateset: [""]
        case .histogram: ["_bucket", "_count", "_sum", "_created"]
        case .gaugehistogram: ["_bucket", "_gcount", "_gsum"]
        case .summary: ["", "_count", "_sum", "_created"]
        case .info: ["_info"]
        }
    }

    /// The suffix linking `name` to the family `familyName` of `type`, or nil when the
    /// sample is not one of the family's.
    static func suffix(of name: String, inFamily familyName: String, of type: ScrapedMetricType) -> String? {
        guard name.hasPrefix(familyName) else { return nil }
        let rest = String(name.utf8.dropFirst(familyName.utf8.count))!
        return suffixes(of: type).contains(rest) ? rest : nil
    }

    /// Whether the sample may carry an exemplar.
    var allowsExemplar: Bool {
        switch (type, suffix) {
        case (.counter, "_total"), (.histogram, "_bucket"), (.gaugehistogram, "_bucket"): true
        default: false
        }
    }

    /// What is wrong with the sample's labels or value, if anything.
    func problem(labels: [String: String], value: Double) -> String? {
        switch (type, suffix) {
        case (.counter, "_total"):
            if value.isNaN || value < 0 { return "counter \(familyName)_total must not be negative or NaN" }
        case (.histogram, "_bucket"), (.gaugehistogram, "_bucket"):
            return numericLabelProblem("le", labels)
        case (.summary, ""):
            return numericLabelProblem("quantile", labels)
        case (.info, _):
            if value != 1 { return "info \(familyName)_info must have the value 1" }
        case (.stateset, _):
            if labels[familyName] == nil { return "stateset \(familyName) needs a label named \(familyName)" }
            if value != 0 && value != 1 { return "stateset \(familyName) values must be 0 or 1" }
        default:
            break
        }
        return nil
    }

    private func numericLabelProblem(_ name: String, _ labels: [String: String]) -> String? {
        Self.numericLabelProblem(name, in: labels, sample: familyName + suffix, of: type)
    }

    /// What is wrong with the bucket bound (`le`) or quantile label a histogram or
    /// summary sample needs, if anything. Prometheus text has the same rule.
    static func numericLabelProblem(
        _ name: String, in labels: [String: String], sample: String, of type: ScrapedMetricType
    ) -> String? {
        guard let text = labels[name] else { return "\(type.rawValue) sample \(sample) needs a \(name) label" }
        return NumberText.float(text) == nil ? "label \(name)=\"\(text)\" is not a number" : nil
    }
}
