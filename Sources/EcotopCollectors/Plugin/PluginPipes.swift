#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first line of a plugin's stderr, at most 512 bytes; the rest is read and dropped.
struct StderrFirstLine {
    private var bytes: [UInt8] = []
    private var complete = false

    mutating func consume(_ chunk: UnsafeRawBufferPointer) {
        for byte in chunk where !complete {
            if byte == 0x0A {
                complete = !bytes.isEmpty
            } else if bytes.count < 512 {
                bytes.append(byte)
            }
        }
    }

    /// The line, trimmed; nil when stderr was empty.
    var text: String? {
        let line = String(decoding: bytes, as: UTF8.self).trimmingWhitespace
        return line.isEmpty ? nil : line
    }
}

/// The stdout and stderr pipes of a running plugin, read as they become readable.
struct PluginPipes {
    private var stdout: Int32?
    private var stderr: Int32?
    private var buffer = [UInt8](repeating: 0, count: 65_536)

    init(stdout: Int32, stderr: Int32) {
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Whether either pipe may still deliver output.
    var isOpen: Bool { stdout != nil || stderr != nil }

    /// Waits up to `wait` seconds for output, then reads everything available, handing each
    /// chunk to `deliver` with whether it came from stdout.
    mutating func drain(wait: Double, _ deliver: (_ isStdout: Bool, _ chunk: UnsafeRawBufferPointer) -> Void) {
        var requests = [stdout, stderr].compactMap { $0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        guard !requests.isEmpty, poll(&requests, nfds_t(requests.count), Int32(wait * 1000)) > 0 else { return }
        for request in requests where request.revents != 0 {
            let isStdout = request.fd == stdout
            // A bounded number of reads per call, so a plugin that writes faster than it is
            // read cannot keep the caller from its deadline.
            for _ in 0..<16 {
                let count = buffer.withUnsafeMutableBytes { read(request.fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count > 0 {
                    buffer.withUnsafeBytes { deliver(isStdout, UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                    continue
                }
                if count == 0 || errno != EAGAIN {
                    if isStdout { stdout = nil } else { stderr = nil }
                }
                break
            }
        }
    }

    /// Like `drain(wait:_:)`, feeding stdout to a decoder and stderr to its first line.
    mutating func drain(into decoder: inout PluginOutputDecoder, _ errors: inout StderrFirstLine, wait: Double) {
        drain(wait: wait) { isStdout, chunk in
            if isStdout { decoder.consume(chunk) } else { errors.consume(chunk) }
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
