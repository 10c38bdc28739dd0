import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 and an ephemeral port, in the test process: each
/// connection gets one canned answer by path, after an optional delay, then is closed.
final class TestHTTPServer: @unchecked Sendable {
    /// The answer to a path.
    struct Route {
        var status = 200
        var contentType = "application/json"
        var body: [UInt8] = []
        /// Seconds to wait before answering (a slow endpoint).
        var delay: Double = 0
        /// Whether to send `Content-Length`; without it the body ends when the connection closes.
        var sendsLength = true
        /// More response headers (`Location` for a redirect).
        var headers: [String: String] = [:]
    }

    /// One request as received.
    struct Request {
        var path: String
        /// Header names lowercased.
        var headers: [String: String]
    }

    let port: Int
    private let listener: Int32
    private let routes: [String: Route]
    private let lock = NSLock()
    private var received: [Request] = []

    /// Starts serving `routes` (path to answer); other paths get 404.
    init(routes: [String: Route]) throws {
        self.routes = routes
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 16) == 0
                    && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// The URL of a path on this server.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The requests received so far.
    var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Stops accepting connections. The accept loop closes the socket once `accept` returns,
    /// so its descriptor cannot be reused by another server while the loop still waits on it.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR { continue }
                close(listener)
                return
            }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !head.ends(with: Array("\r\n\r\n".utf8)) {
            let count = read(connection, &chunk, chunk.count)
            guard count > 0 else { return }
            head += chunk[0..<count]
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let path = lines[0].split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        lock.lock()
        received.append(Request(path: path, headers: headers))
        lock.unlock()
        let route = routes[path] ?? Route(status: 404, contentType: "text/plain", body: Array("no such path".utf8))
        if route.delay > 0 { Thread.sleep(forTimeInterval: route.delay) }
        let length = route.sendsLength ? "Content-Length: \(route.body.count)\r\n" : ""
        let extra = route.headers.map { "\($0.key): \($0.value)\r\n" }.sorted().joined()
        let statusLine = "HTTP/1.1 \(route.status) Answer\r\nContent-Type: \(route.contentType)\r\n\(length)\(extra)Connection: close\r\n\r\n"
        let response = Array(statusLine.utf8) + route.body
        var offset = 0
        while offset < response.count {
            let written = response[offset...].withUnsafeBytes { send(connection, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return }
            offset += written
        }
    }
}

extension TestHTTPServer {
    /// A port on 127.0.0.1 where nothing listens: bound, then closed.
    static func closedPort() throws -> Int {
        let server = try TestHTTPServer(routes: [:])
        server.stop()
        return server.port
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
