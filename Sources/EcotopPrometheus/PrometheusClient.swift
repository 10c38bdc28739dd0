import Dispatch
import EcotopCollectors
import Foundation
import Synchronization

/// Sends GETs to a Prometheus HTTP API (`/api/v1/...`) through one shared HTTP session and
/// reads its JSON envelope, blocking the calling thread (the dashboard's loader runs on a
/// worker); several threads may send requests at once.
///
/// Every failure is a `PrometheusError` that names the endpoint as configured (`${TOKEN}`
/// unexpanded, never a header value): an unreachable server, a timeout, an error status with
/// Prometheus's `{"status":"error","errorType":...,"error":...}` body, a body that is not the
/// API's JSON (an HTML page), and a response with `warnings` (a Thanos partial response),
/// whose data may be missing series and so is not shown as if it were whole.
public final class PrometheusClient: Sendable {
    /// The server: the URL before `/api/v1`, with its headers and timeout.
    public let endpoint: HTTPEndpoint
    private let environment: [String: String]
    private let requests = Atomic<Int>(0)
    /// One session for every request, so they share its set-up and connections.
    private let session: HTTPSession

    /// A client of the API under `endpoint.url` (e.g. `http://prometheus:9090`); `${NAME}` in
    /// the URL and headers is read from `environment`.
    public init(endpoint: HTTPEndpoint, environment: [String: String]) {
        self.endpoint = endpoint
        self.environment = environment
        self.session = HTTPSession(timeout: endpoint.timeout)
    }

    /// How many requests were sent so far: a refresh's cost is the difference before and after.
    public var requestCount: Int { requests.load(ordering: .relaxed) }

    /// GETs `/api/v1/<path>` with `parameters` and returns the envelope's `data`.
    func get(_ path: String, _ parameters: [(String, String)]) throws(PrometheusError) -> PrometheusData {
        let base = endpoint.url.template.hasSuffix("/") ? String(endpoint.url.template.dropLast()) : endpoint.url.template
        let what = "GET \(base)/api/v1/\(path)"
        let query = parameters.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var exchange = endpoint
        exchange.url = SecretTemplate("\(base)/api/v1/\(path)?\(query)")
        let request = exchange
        requests.add(1, ordering: .relaxed)
        let outcome = Self.waiting { [environment, session] () async -> Result<HTTPEndpoint.Answer, CollectionFailure> in
            do {
                return .success(try await request.exchange(
                    defaultHeaders: ["Accept": "application/json"], environment: environment, describedAs: what, in: session))
            } catch {
                return .failure(error as? CollectionFailure ?? CollectionFailure("\(what): \(error)"))
            }
        }
        let answer: HTTPEndpoint.Answer
        switch outcome {
        case .success(let success): answer = success
        case .failure(let failure): throw PrometheusError(failure.message)
        }
        return try Self.data(of: answer, what: what)
    }

    /// The `data` of a response, or the error it reports.
    private static func data(of answer: HTTPEndpoint.Answer, what: String) throws(PrometheusError) -> PrometheusData {
        let response = answer.response
        let status = "HTTP \(response.status)"
        let envelope = PrometheusResponseReader.read(response.body)
        guard let envelope, let outcome = envelope.status else {
            let excerpt = HTTPEndpoint.excerpt(answer.redactor.redact(String(decoding: response.body.prefix(1 << 16), as: UTF8.self)))
            throw PrometheusError(answer.redactor.redact(
                "\(what): \(status): not a Prometheus API response (expected JSON with \"status\")\(excerpt.isEmpty ? "" : ": \(excerpt)")"))
        }
        guard outcome == "success", (200..<300).contains(response.status) else {
            let kind = envelope.errorType ?? "error"
            let message = envelope.error ?? "no error message"
            throw PrometheusError(answer.redactor.redact("\(what): \(status) \(kind): \(HTTPEndpoint.excerpt(message, limit: 400))"))
        }
        if let warnings = envelope.warnings, !warnings.isEmpty {
            throw PrometheusError(answer.redactor.redact(
                "\(what): partial response, not shown: \(HTTPEndpoint.excerpt(warnings.joined(separator: "; "), limit: 400))"))
        }
        guard let data = envelope.data else { throw PrometheusError("\(what): \(status): the response has no \"data\"") }
        return data
    }

    /// A query-string component: everything but unreserved characters percent-encoded (so a
    /// `$` in PromQL is not taken for a `${NAME}` of the URL template).
    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Runs `work` and blocks this thread until it ends. The work runs on a queue of its own,
    /// not the concurrency pool, so callers that block pool threads (synchronous tests, other
    /// waits like this one) cannot starve it.
    private static func waiting<T: Sendable>(for work: @escaping @Sendable () async -> T) -> T {
        let outcome = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached(executorPreference: QueueExecutor.shared) {
            let result = await work()
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return outcome.withLock { $0! }
    }
}

/// Runs tasks on a serial dispatch queue (which, unlike the concurrency pool, always gets a
/// thread of its own).
private final class QueueExecutor: TaskExecutor {
    static let shared = QueueExecutor()
    private let queue = DispatchQueue(label: "ecotop.prometheus.requests")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// Why a read from Prometheus failed: the endpoint and what went wrong, never a secret.
public struct PrometheusError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The whole message, e.g. `GET http://127.0.0.1:9090/api/v1/query_range: connection refused`.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
