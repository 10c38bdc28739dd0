import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP GET with a deadline, for the `http-json` and `prometheus` collectors.
///
/// Built on FoundationNetworking's `URLSession` (libcurl), so http and https, redirects and
/// chunked bodies work as in any client. Errors are short and name the URL as configured,
/// never a header value.
package struct HTTPGet: Sendable {
    /// The URL to request, with secrets already resolved.
    var url: URL
    /// Request headers, with secrets already resolved.
    var headers: [String: String]
    /// The whole exchange, from connecting to the last body byte, must finish within this.
    var timeout: Double
    /// A body longer than this is refused.
    var maxBodyBytes: Int

    /// What came back.
    package struct Response: Sendable {
        package var status: Int
        package var contentType: String?
        package var body: Data
    }

    /// Sends the request through `session` (a session of its own when nil, for a one-off
    /// request) and waits for the whole response (whatever its status).
    func run(in session: HTTPSession? = nil) async throws(HTTPGetError) -> Response {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let session = session ?? HTTPSession(timeout: timeout)
        defer { withExtendedLifetime(session) {} }  // a session of its own ends with the exchange, not before
        let exchange = BoundedExchange(limit: maxBodyBytes, configuredHeaders: Set(headers.keys))
        let data: Data, response: URLResponse
        do {
            (data, response) = try await exchange.run(session.task(for: request, reportingTo: exchange), deadline: timeout)
        } catch BoundedExchange.Stop.overLimit {
            throw HTTPGetError(reason: "response body is over the limit of \(maxBodyBytes) bytes")
        } catch BoundedExchange.Stop.downgrade {
            throw HTTPGetError(reason: "refused a redirect from https to http")
        } catch {
            throw HTTPGetError(reason: Self.reason(error, timeout: timeout))
        }
        guard let http = response as? HTTPURLResponse else { throw HTTPGetError(reason: "not an HTTP response") }
        return Response(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type"), body: data)
    }

    /// A short reason for a failed exchange, without the URL (the caller names it).
    private static func reason(_ error: any Error, timeout: Double) -> String {
        if case BoundedExchange.Stop.cancelled? = error as? BoundedExchange.Stop { return "cancelled" }
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
        case .httpTooManyRedirects: return "too many redirects (a redirect loop?)"
        default: return "request failed (URLError \(error.code.rawValue))"
        }
    }
}

/// One data task's delegate (through its session's `HTTPSession` router): gathers the body, cancels the task as soon as
/// the body passes the limit (memory stays bounded whatever the server sends) or the
/// deadline passes (the session's own timeouts only bound the idle time between bytes), and
/// ends the exchange once.
private final class BoundedExchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// Why the exchange stopped early.
    enum Stop: Error { case overLimit, deadline, cancelled, downgrade }

    private let limit: Int
    /// The headers the configuration set (secrets among them): they go only to the origin
    /// that was configured, as curl and browsers do with credentials.
    private let configuredHeaders: Set<String>
    private let lock = NSLock()
    private var body = Data()
    private var response: URLResponse?
    private var stop: Stop?
    private var task: URLSessionDataTask?
    private var continuation: CheckedContinuation<(Data, URLResponse), any Error>?
    private var finished = false

    init(limit: Int, configuredHeaders: Set<String>) {
        self.limit = limit
        self.configuredHeaders = configuredHeaders
    }

    /// Follows a redirect to the same origin as it is; to another origin without the configured
    /// headers; and refuses one from https to http.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        guard let from = task.originalRequest?.url, let to = request.url else { return completionHandler(nil) }
        if from.scheme?.lowercased() == "https", to.scheme?.lowercased() != "https" {
            completionHandler(nil)
            return halt(.downgrade)
        }
        var redirected = request
        if Self.origin(of: from) != Self.origin(of: to) {
            for name in configuredHeaders { redirected.setValue(nil, forHTTPHeaderField: name) }
        }
        completionHandler(redirected)
    }

    /// Scheme, host and port: what must match for credentials to follow a redirect.
    private static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }

    /// Runs the task to its end, the deadline or the calling task's cancellation (which may
    /// come before the task even starts).
    func run(_ task: URLSessionDataTask, deadline: Double) async throws -> (Data, URLResponse) {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let stopped = lock.withLock { () -> Stop? in
                    if stop == nil {
                        self.continuation = continuation
                        self.task = task
                    }
                    return stop
                }
                if let stopped {
                    task.cancel()  // never started; cancelling lets the session end
                    continuation.resume(throwing: stopped)
                    return
                }
                DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { [self] in halt(.deadline) }
                task.resume()
            }
        } onCancel: {
            halt(.cancelled)
        }
    }

    /// Stops the exchange for `reason` unless it already ended or stopped.
    private func halt(_ reason: Stop) {
        let task = lock.withLock { () -> URLSessionDataTask? in
            guard stop == nil, !finished else { return nil }
            stop = reason
            return self.task
        }
        task?.cancel()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.withLock { self.response = response }
        if response.expectedContentLength > Int64(limit) {
            halt(.overLimit)
            completionHandler(.cancel)
        } else {
            completionHandler(.allow)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = lock.withLock { () -> Bool in
            body.append(data)
            return body.count > limit
        }
        if over { halt(.overLimit) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, result) = lock.withLock { () -> (CheckedContinuation<(Data, URLResponse), any Error>?, Result<(Data, URLResponse), any Error>) in
            let continuation = self.continuation
            self.continuation = nil
            finished = true
            if let stop { return (continuation, .failure(stop == .deadline ? URLError(.timedOut) : stop)) }
            if let error { return (continuation, .failure(error)) }
            guard let response else { return (continuation, .failure(URLError(.badServerResponse))) }
            return (continuation, .success((body, response)))
        }
        continuation?.resume(with: result)
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
