import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where an HTTP collector (`http-json`, `prometheus`) sends its GET, and how patiently.
public struct HTTPEndpoint: Hashable, Sendable {
    /// The URL; may name environment variables (`?key=${API_KEY}`), shown unexpanded.
    public var url: SecretTemplate
    /// Extra request headers; values may name environment variables
    /// (`Authorization: Bearer ${TOKEN}`) and are never shown.
    public var headers: [String: SecretTemplate]
    /// Seconds the whole exchange may take, connection to last byte (default 5).
    public var timeout: Double
    /// The largest response body accepted, in bytes (default 16 MiB).
    public var maxBodyBytes: Int

    /// An endpoint at `url`.
    public init(url: SecretTemplate, headers: [String: SecretTemplate] = [:], timeout: Double = 5, maxBodyBytes: Int = 16 << 20) {
        self.url = url
        self.headers = headers
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    /// A response and the redactor of the secrets that went into the request.
    package struct Answer: Sendable {
        package var response: HTTPGet.Response
        package var redactor: SecretRedactor
    }

    /// GETs the URL with the collector's own headers (`Accept`...) under the configured ones;
    /// anything but a 2xx answer is a `CollectionFailure` that names the URL as
    /// configured, the status and the start of the body, with every secret redacted.
    func get(defaultHeaders: [String: String], environment: [String: String]) async throws(CollectionFailure) -> Answer {
        let what = "GET \(url)"
        let answer = try await exchange(defaultHeaders: defaultHeaders, environment: environment, describedAs: what)
        let response = answer.response, redactor = answer.redactor
        guard (200..<300).contains(response.status) else {
            let excerpt = Self.excerpt(redactor.redact(String(decoding: response.body.prefix(1 << 16), as: UTF8.self)))
            let status = "HTTP \(response.status) \(HTTPURLResponse.localizedString(forStatusCode: response.status))"
            throw CollectionFailure(redactor.redact(excerpt.isEmpty ? "\(what): \(status)" : "\(what): \(status): \(excerpt)"))
        }
        return answer
    }

    /// GETs the URL and returns the response whatever its status, for callers that read an
    /// error status's body themselves (the Prometheus API's JSON errors). A failed exchange is
    /// a `CollectionFailure` that starts with `what` (which must hold no secret). A client that
    /// sends many requests passes its `session` to share one; nil sends this one on its own.
    package func exchange(
        defaultHeaders: [String: String], environment: [String: String], describedAs what: String, in session: HTTPSession? = nil
    ) async throws(CollectionFailure) -> Answer {
        var secrets: [String] = []
        var resolvedHeaders = defaultHeaders
        let resolvedURL: String
        do {
            let (text, urlSecrets) = try url.resolve(in: environment)
            resolvedURL = text
            secrets += urlSecrets
            for (name, value) in headers {
                let (text, headerSecrets) = try value.resolve(in: environment)
                resolvedHeaders[name] = text
                secrets += headerSecrets
            }
        } catch {
            throw CollectionFailure("\(what): \(error)")
        }
        guard let address = URL(string: resolvedURL), let scheme = address.scheme?.lowercased(), ["http", "https"].contains(scheme) else {
            throw CollectionFailure("\(what): not an http:// or https:// URL")
        }
        let redactor = SecretRedactor(secrets: secrets)
        let request = HTTPGet(url: address, headers: resolvedHeaders, timeout: timeout, maxBodyBytes: maxBodyBytes)
        let response: HTTPGet.Response
        do {
            response = try await request.run(in: session)
        } catch {
            throw CollectionFailure(redactor.redact("\(what): \(error.reason)"))
        }
        return Answer(response: response, redactor: redactor)
    }

    /// The start of a (redacted) body as one line of plain text, for an error message.
    package static func excerpt(_ text: String, limit: Int = 160) -> String {
        let flat = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
