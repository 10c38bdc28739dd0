import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One `URLSession` (libcurl handle, connection pool, callback thread) that many `HTTPGet`s
/// share, so a client that sends many requests to one server (the Prometheus source: one
/// per metric and refresh) pays for setting it up once and reuses its connections.
///
/// Each request keeps its own body limit, deadline and redirect rules: the session's delegate
/// hands each task's callbacks to that task's exchange.
package final class HTTPSession: @unchecked Sendable {
    private let router = ExchangeRouter()
    let session: URLSession

    /// A session whose requests may idle at most `timeout` seconds between bytes (each
    /// request's whole exchange is bounded by its own deadline too).
    package init(timeout: Double) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration, delegate: router, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// A task for `request` whose callbacks go to `exchange` until it completes.
    func task(for request: URLRequest, reportingTo exchange: any URLSessionDataDelegate) -> URLSessionDataTask {
        let task = session.dataTask(with: request)
        router.route(task, to: exchange)
        return task
    }
}

/// The delegate of a shared session: passes each task's callbacks to the exchange registered
/// for it, and forgets the exchange when the task completes.
private final class ExchangeRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var exchanges: [Int: any URLSessionDataDelegate] = [:]

    func route(_ task: URLSessionTask, to exchange: any URLSessionDataDelegate) {
        lock.withLock { exchanges[task.taskIdentifier] = exchange }
    }

    private func exchange(of task: URLSessionTask) -> (any URLSessionDataDelegate)? {
        lock.withLock { exchanges[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        guard let exchange = exchange(of: task) else { return completionHandler(nil) }
        exchange.urlSession(session, task: task, willPerformHTTPRedirection: response, newRequest: request, completionHandler: completionHandler)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        guard let exchange = exchange(of: dataTask) else { return completionHandler(.cancel) }
        exchange.urlSession(session, dataTask: dataTask, didReceive: response, completionHandler: completionHandler)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        exchange(of: dataTask)?.urlSession(session, dataTask: dataTask, didReceive: data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let exchange = lock.withLock { exchanges.removeValue(forKey: task.taskIdentifier) }
        exchange?.urlSession(session, task: task, didCompleteWithError: error)
    }
}
