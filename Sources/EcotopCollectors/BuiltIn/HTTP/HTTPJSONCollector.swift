import EcotopCore
import Foundation

/// The `http-json` collector: GETs a URL that answers JSON and turns values found by
/// `JSONPath`s into samples.
///
/// A value path with `[*]` yields one sample per element, labelled from members of that
/// element (`@.name`). A rule that finds nothing, or finds something that is not a number,
/// is a problem of the collection; the other rules' samples are kept. An endpoint that is
/// down, slow, answers a non-2xx status or invalid JSON fails the collection.
public struct HTTPJSONCollector: Collector {
    /// How to poll and what to extract; see docs/collectors.md.
    public struct Configuration: Hashable, Sendable {
        /// The collector's name.
        public var name: String
        /// The URL, headers, timeout and body limit.
        public var endpoint: HTTPEndpoint
        /// What to extract, each rule on its own.
        public var values: [ValueRule]

        /// A configuration polling `endpoint` for `values`.
        public init(name: String, endpoint: HTTPEndpoint, values: [ValueRule]) {
            self.name = name
            self.endpoint = endpoint
            self.values = values
        }
    }

    /// One value (or, with `[*]`, one value per element) to extract.
    public struct ValueRule: Hashable, Sendable {
        /// Where the value is, e.g. `$.data.active_partners` or `$.partners[*].orders`.
        public var path: JSONPath
        /// The Ecotop metric id the samples get, e.g. `participation.active_partners`.
        public var metricID: String
        /// Fixed labels, e.g. `component: crm`.
        public var labels: [String: String]
        /// Labels read from the element the path's last `[*]` stepped into, by `@` paths
        /// (`partner: @.name`); a label path that finds nothing makes that value a problem.
        public var labelPaths: [String: JSONPath]
        /// The factor values are multiplied by (default 1).
        public var scale: Double

        /// A rule; booleans read as 1 and 0, strings and nulls are problems.
        public init(
            path: JSONPath, metricID: String, labels: [String: String] = [:], labelPaths: [String: JSONPath] = [:],
            scale: Double = 1
        ) {
            self.path = path
            self.metricID = metricID
            self.labels = labels
            self.labelPaths = labelPaths
            self.scale = scale
        }
    }

    public let configuration: Configuration
    private let environment: [String: String]

    /// A collector; `environment` resolves the `${NAME}` secrets of the URL and headers at
    /// each collection (the process environment by default).
    public init(configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configuration = configuration
        self.environment = environment
    }

    public var name: String { configuration.name }

    public func collect(at time: Double) async throws -> CollectionResult {
        let endpoint = configuration.endpoint
        let answer = try await endpoint.get(defaultHeaders: ["Accept": "application/json"], environment: environment)
        let document: JSONValue
        do {
            document = try JSONValue(parsing: answer.response.body)
        } catch {
            throw CollectionFailure("GET \(endpoint.url): \(error)")
        }
        var result = CollectionResult()
        for rule in configuration.values {
            extract(rule, from: document, at: time, into: &result)
        }
        result.problems = result.problems.map(answer.redactor.redact)
        return result
    }

    private func extract(_ rule: ValueRule, from document: JSONValue, at time: Double, into result: inout CollectionResult) {
        let matches = rule.path.matches(in: document)
        guard !matches.isEmpty else {
            result.problems.append("\(rule.path): no value")
            return
        }
        values: for match in matches {
            let place = match.wildcardKeys.isEmpty ? "\(rule.path)" : "\(rule.path) [\(match.wildcardKeys.joined(separator: ", "))]"
            guard let value = match.value.numericValue else {
                result.problems.append("\(place): expected a number, found \(match.value.kindDescription)")
                continue
            }
            var labels = rule.labels
            for (label, path) in rule.labelPaths.sorted(by: { $0.key < $1.key }) {
                let base = path.isRelative ? match.element : document
                guard let text = path.value(in: base)?.labelText else {
                    result.problems.append("\(place): label \(label): nothing at \(path)")
                    continue values
                }
                labels[label] = text
            }
            result.samples.append(Sample(key: SeriesKey(name: rule.metricID, labels: labels), timestamp: time, value: value * rule.scale))
        }
    }
}
