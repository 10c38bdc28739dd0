#if canImport(Glibc)
import Glibc
#endif

/// The `ack N` lines of an ingest, read from a pipe as they come.
struct AckReader: ~Copyable {
    /// The highest line acknowledged so far.
    private(set) var acknowledged = 0
    private let descriptor: Int32
    private var isOpen = true
    private var pending: [UInt8] = []

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    deinit { if isOpen { close(descriptor) } }

    /// Reads acks until one covers `line` or the ingest closes its stdout.
    mutating func read(until line: Int) {
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while isOpen, acknowledged < line {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                close(descriptor)
                isOpen = false
                return
            }
            pending += buffer[..<count]
            while let newline = pending.firstIndex(of: 0x0A) {
                let text = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                if text.hasPrefix("ack "), let number = Int(text.dropFirst(4)) { acknowledged = max(acknowledged, number) }
            }
        }
    }
}
