import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP GET with a deadline, for the `http-json` and `prometheus` collectors.
///
/// Built on FoundationNetworking's `URLSession` (libcurl), so http and https, redirects and
/// chunked bodies work as in any client. Errors are short and name the URL as configured,
/// never a header value.
struct HTTPGet: Sendable {
    /// The URL to request, with secrets already resolved.
    var url: URL
    /// Request headers, with secrets already resolved.
    var headers: [String: String]
    /// The whole exchange, from connecting to the last body byte, must finish within this.
    var timeout: Double
    /// A body longer than this is refused.
    var maxBodyBytes: Int

    /// What came back.
    struct Response: Sendable {
        var status: Int
        var contentType: String?
        var body: Data
    }

    /// Sends the request and waits for the whole response (whatever its status).
    func run() async throws(HTTPGetError) -> Response {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let data: Data, response: URLResponse
        do {
            (data, response) = try await Self.exchange(session: session, request: request, deadline: timeout)
        } catch {
            throw HTTPGetError(reason: Self.reason(error, timeout: timeout))
        }
        guard let http = response as? HTTPURLResponse else { throw HTTPGetError(reason: "not an HTTP response") }
        guard data.count <= maxBodyBytes else {
            throw HTTPGetError(reason: "response body of \(data.count) bytes is over the limit of \(maxBodyBytes)")
        }
        return Response(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type"), body: data)
    }

    /// Runs the data task, cancelling it when the deadline passes (the session's own timeouts
    /// only bound the idle time between bytes) or when the calling task is cancelled.
    private static func exchange(session: URLSession, request: URLRequest, deadline: Double) async throws -> (Data, URLResponse) {
        let box = TaskBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if box.timedOut { continuation.resume(throwing: URLError(.timedOut)) }
                    else if let data, let response { continuation.resume(returning: (data, response)) }
                    else { continuation.resume(throwing: error ?? URLError(.badServerResponse)) }
                }
                box.set(task)
                DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { box.cancel(timedOut: true) }
                task.resume()
            }
        } onCancel: {
            box.cancel(timedOut: false)
        }
    }

    /// A short reason for a failed exchange, without the URL (the caller names it).
    private static func reason(_ error: any Error, timeout: Double) -> String {
        guard let error = error as? URLError else { return "request failed" }
        switch error.code {
        case .timedOut: return "timed out after \(timeout.secondsText) s"
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .networkConnectionLost: return "connection closed before the response was complete"
        case .unsupportedURL: return "unsupported URL"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "TLS handshake failed"
        case .badServerResponse: return "invalid HTTP response"
        default: return "request failed (URLError \(error.code.rawValue))"
        }
    }
}

/// The task of an exchange, reachable from the deadline and the cancellation handler.
private final class TaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false
    private var deadlinePassed = false

    /// Whether the deadline cancelled the task.
    var timedOut: Bool {
        lock.lock()
        defer { lock.unlock() }
        return deadlinePassed
    }

    func set(_ task: URLSessionDataTask) {
        lock.lock()
        self.task = task
        let cancelNow = cancelled
        lock.unlock()
        if cancelNow { task.cancel() }
    }

    func cancel(timedOut: Bool) {
        lock.lock()
        let task = cancelled ? nil : task
        if !cancelled, timedOut, task?.state == .running { deadlinePassed = true }
        cancelled = true
        lock.unlock()
        task?.cancel()
    }
}

/// Why an HTTP exchange failed, without the URL or any header.
struct HTTPGetError: Error, Sendable {
    var reason: String
}

extension Double {
    /// Seconds with as few digits as they need: `2`, `0.5`.
    fileprivate var secondsText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
