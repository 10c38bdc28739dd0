import EcotopCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes a line to stderr, every control character in it shown as an escape (`\x1b`) but
/// its line breaks and tabs: messages quote input, plugin output and configuration values, and
/// none of that may act on the terminal.
public func printError(_ text: String) {
    writeUnbuffered(TerminalText.escaped(text, keeping: ["\n", "\t"]) + "\n", to: STDERR_FILENO)
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
