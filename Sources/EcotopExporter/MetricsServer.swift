import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// The HTTP server of `--listen`: `GET`/`HEAD /metrics` in the negotiated format, `/` a page
/// linking to it, `/-/healthy` for probes; any other path is 404.
///
/// FlyingFox serves each connection in its own task, so a slow or stalled client holds only
/// its own connection; a handler taking longer than 15 seconds is answered with a 500.
public final class MetricsServer: Sendable {
    private let server: HTTPServer
    private let address: ListenAddress
    private let metrics: @Sendable (ExpositionFormat) -> String
    private let running = Synchronization.Mutex<Task<Void, any Error>?>(nil)

    /// - Parameter metrics: the exposition in a format, computed for each scrape.
    public init(address: ListenAddress, metrics: @escaping @Sendable (ExpositionFormat) -> String) throws(MetricsServerError) {
        self.address = address
        self.metrics = metrics
        let socketAddress: any SocketAddress
        do {
            socketAddress = address.isIPv6
                ? try sockaddr_in6.inet6(ip6: address.host, port: address.port) : try sockaddr_in.inet(ip4: address.host, port: address.port)
        } catch {
            throw MetricsServerError(address, "\(error)")
        }
        server = HTTPServer(config: .init(address: socketAddress, timeout: 15, logger: .disabled), handler: nil)
    }

    /// Binds and starts serving; returns the address served (with the port the system chose
    /// for port 0), or throws when the address cannot be bound (in use, not this machine's).
    public func start() async throws(MetricsServerError) -> ListenAddress {
        await server.appendRoute(HTTPRoute(methods: [.GET, .HEAD], path: "/metrics")) { [metrics] request in
            Self.metricsResponse(request, metrics: metrics)
        }
        await server.appendRoute(HTTPRoute(methods: [.GET, .HEAD], path: "/-/healthy")) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("OK\n".utf8))
        }
        await server.appendRoute(HTTPRoute(methods: [.GET, .HEAD], path: "/")) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: Data(Self.indexPage.utf8))
        }
        let task = Task { [server] in try await server.run() }
        running.withLock { $0 = task }
        do {
            try await Self.firstOf(listening: server, failing: task)
        } catch {
            task.cancel()
            throw MetricsServerError(address, Self.reason(error))
        }
        switch await server.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return address.with(port: port)
        default: return address
        }
    }

    /// Stops listening and ends open connections; returns once the server has stopped.
    public func stop() async {
        await server.stop(timeout: 1)
        let task = running.withLock { $0 }
        task?.cancel()
        _ = await task?.result
    }

    /// Waits until the server listens, or throws the error that ended its run first.
    private static func firstOf(listening server: HTTPServer, failing run: Task<Void, any Error>) async throws {
        let (outcomes, report) = AsyncStream<Result<Void, any Error>>.makeStream()
        let listening = Task {
            do {
                try await server.waitUntilListening(timeout: 30)
                report.yield(.success(()))
            } catch {
                report.yield(.failure(error))
            }
        }
        Task {
            // The run ends only when it failed or the server was stopped: either way not listening.
            var ended: any Error = SocketError.disconnected
            if case .failure(let error) = await run.result { ended = error }
            report.yield(.failure(ended))
        }
        defer { listening.cancel() }
        for await outcome in outcomes { return try outcome.get() }
    }

    private static func reason(_ error: any Error) -> String {
        if let socket = error as? SocketError, case .failed(let type, let errno, let message) = socket {
            return errno == EADDRINUSE ? "the address is already in use" : "\(type) failed: \(message)"
        }
        return "\(error)"
    }

    private static func metricsResponse(_ request: HTTPRequest, metrics: @Sendable (ExpositionFormat) -> String) -> HTTPResponse {
        let format = ExpositionFormat.negotiated(accept: request.headers[HTTPHeader("Accept")])
        let body = Data(metrics(format).utf8)
        var headers: HTTPHeaders = [.contentType: format.contentType]
        guard request.method == .HEAD else { return HTTPResponse(statusCode: .ok, headers: headers, body: body) }
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: .ok, headers: headers)
    }

    private static let indexPage = """
        <!DOCTYPE html>
        <html><head><title>Ecotop exporter</title></head>
        <body><h1>Ecotop exporter</h1><p><a href="/metrics">Metrics</a></p></body></html>

        """
}

/// `--listen` could not start serving; says where and why.
public struct MetricsServerError: Error, CustomStringConvertible {
    public let description: String

    init(_ address: ListenAddress, _ problem: String) {
        description = "cannot serve /metrics on \(address): \(problem)"
    }
}
