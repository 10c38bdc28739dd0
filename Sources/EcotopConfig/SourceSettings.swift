/// The `source:` section: where the dashboard reads its series when they are not in the local
/// store. Only `type: prometheus` exists: a Prometheus HTTP API (or Thanos, Mimir,
/// VictoriaMetrics) queried through `/api/v1/query_range`, `/api/v1/query` and `/api/v1/series`.
public struct SourceSettings: Sendable, Hashable {
    /// The kinds of source.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case prometheus
    }

    public var kind: Kind
    /// The server's URL, before `/api/v1`; `${NAME}` reads an environment variable.
    public var url: String
    /// Request headers; `${NAME}` in a value reads an environment variable at each request.
    public var headers: [String: String]
    /// Seconds one request may take.
    public var timeout: Double

    public init(kind: Kind = .prometheus, url: String, headers: [String: String] = [:], timeout: Double = 10) {
        self.kind = kind
        self.url = url
        self.headers = headers
        self.timeout = timeout
    }
}

extension ConfigValidator {
    /// Reads `source: {type: prometheus, url: URL, headers: {...}, timeout: 10s}`.
    func readSource(_ fields: ConfigFields) -> SourceSettings? {
        defer { fields.finish() }
        let kind = fields.choice("type", as: SourceSettings.Kind.self, required: true)
        let url = fields.string("url", required: true)
        if let url, !url.hasPrefix("http://"), !url.hasPrefix("https://") {
            fields.issues.report(fields.value("url")!.mark, field: fields.field("url"), "expected an http:// or https:// URL, found '\(url)'")
        }
        let headers = fields.mapping("headers").map(readHeaders) ?? [:]
        let timeout = fields.duration("timeout") ?? 10
        guard let kind, let url else { return nil }
        return SourceSettings(kind: kind, url: url, headers: headers, timeout: timeout)
    }
}
