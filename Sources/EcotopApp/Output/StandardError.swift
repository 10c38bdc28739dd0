#if canImport(Glibc)
import Glibc
#endif

/// Writes a line to stderr.
public func printError(_ text: String) {
    writeUnbuffered(text + "\n", to: STDERR_FILENO)
}

/// Writes `text` straight to a file descriptor, bypassing stdio buffers (for `ack` lines that a
/// caller reads as they come, and for progress).
public func writeUnbuffered(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
