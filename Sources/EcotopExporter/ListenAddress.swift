#if canImport(Glibc)
import Glibc
#endif

/// Where `--listen` serves: an IP address and a port, written `127.0.0.1:9464`, `[::1]:9464`,
/// `localhost:9464` or `0.0.0.0:9464`; port 0 lets the system choose one.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The IP address as written (IPv6 without brackets); `localhost` becomes `127.0.0.1`.
    public var host: String
    public var port: UInt16
    public var isIPv6: Bool
    /// Whether only this machine can connect: 127.0.0.0/8, ::1 or ::ffff:127.0.0.0/104.
    public let isLoopback: Bool

    /// Reads `text`; the error names what is wrong with it.
    public init(parsing text: String) throws(ListenAddressError) {
        let hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw ListenAddressError(text, "expected [IPV6]:PORT, such as [::1]:9464")
            }
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw ListenAddressError(text, "expected ADDRESS:PORT, such as 127.0.0.1:9464") }
            hostPart = text[..<colon]
            guard !hostPart.contains(":") else { throw ListenAddressError(text, "write an IPv6 address in brackets, such as [::1]:9464") }
            portPart = text[text.index(after: colon)...]
        }
        guard let port = UInt16(portPart) else { throw ListenAddressError(text, "the port '\(portPart)' is not a number from 0 to 65535") }
        let host = hostPart == "localhost" ? "127.0.0.1" : String(hostPart)
        if let bytes = Self.bytes(of: host, family: AF_INET) {
            isIPv6 = false
            isLoopback = bytes[0] == 127
        } else if let bytes = Self.bytes(of: host, family: AF_INET6) {
            isIPv6 = true
            isLoopback = bytes == [UInt8](repeating: 0, count: 15) + [1]
                || (bytes[0..<12].elementsEqual([UInt8](repeating: 0, count: 10) + [0xFF, 0xFF]) && bytes[12] == 127)
        } else {
            throw ListenAddressError(text, "'\(hostPart)' is not an IP address (write 127.0.0.1, ::1 or 0.0.0.0, not a host name)")
        }
        self.host = host
        self.port = port
    }

    /// `HOST:PORT`, with brackets around an IPv6 address.
    public var description: String {
        isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The same address with another port (the one the system chose for port 0).
    public func with(port: UInt16) -> ListenAddress {
        var copy = self
        copy.port = port
        return copy
    }

    /// The address in network order (4 or 16 bytes), nil when `host` is not one of `family`.
    private static func bytes(of host: String, family: Int32) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 16)
        guard inet_pton(family, host, &buffer) == 1 else { return nil }
        return family == AF_INET ? Array(buffer[0..<4]) : buffer
    }
}

/// A `--listen` value that is not an address to listen on.
public struct ListenAddressError: Error, CustomStringConvertible {
    public let description: String

    init(_ text: String, _ problem: String) {
        description = "--listen '\(text)': \(problem)"
    }
}
