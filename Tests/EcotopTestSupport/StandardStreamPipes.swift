import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child's stdin, stdout and stderr as three pipes, and this process's side of them.
///
/// Writing stdin to its end before reading stdout (or reading stdout to its end before
/// stderr) deadlocks as soon as the child fills the pipe nobody reads: the child blocks
/// writing, and this process blocks waiting for it. Here stdin is written on a thread of its
/// own while stdout and stderr are read together, as either has data.
final class StandardStreamPipes {
    /// The ends the child gets as its descriptors 0, 1 and 2.
    let childInput: Int32, childOutput: Int32, childErrors: Int32
    /// Everything read from the child's stdout and stderr so far.
    private(set) var output: [UInt8] = [], errors: [UInt8] = []

    private let input: Int32, outputEnd: Int32, errorsEnd: Int32
    /// The reading ends of stdout and stderr not yet at their end.
    private var openEnds: [Int32]
    private var childEndsOpen = true
    /// Whether the writing thread owns the writing end of stdin (and closes it).
    private var writing = false

    init() throws {
        let input = try ChildProcess.pipe()
        let output = try ChildProcess.pipe()
        let errors = try ChildProcess.pipe()
        (childInput, self.input) = input
        (childOutput, outputEnd) = (output.writing, output.reading)
        (childErrors, errorsEnd) = (errors.writing, errors.reading)
        openEnds = [outputEnd, errorsEnd]
    }

    deinit {
        closeChildEnds()
        if !writing { close(input) }
        openEnds.forEach { close($0) }
    }

    /// Closes this process's copies of the child's ends, once the child has them: stdout and
    /// stderr end only when no process holds their writing end.
    func closeChildEnds() {
        guard childEndsOpen else { return }
        childEndsOpen = false
        [childInput, childOutput, childErrors].forEach { close($0) }
    }

    /// Writes `bytes` to the child's stdin on a thread of its own, then closes it. A child that
    /// stops reading early ends the write with EPIPE; SIGPIPE is blocked on that thread, so it
    /// does not end this process.
    func startWriting(_ bytes: [UInt8]) {
        precondition(!writing, "stdin is written once")
        writing = true
        let input = self.input
        Thread.detachNewThread {
            var blocked = sigset_t()
            sigemptyset(&blocked)
            sigaddset(&blocked, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &blocked, nil)
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { break }
                offset += written
            }
            close(input)
        }
    }

    /// Reads stdout and stderr as they fill until both end or `deadline` passes; returns
    /// whether both ended.
    func drain(until deadline: ContinuousClock.Instant) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !openEnds.isEmpty {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return false }
            var requests = openEnds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&requests, nfds_t(requests.count), Self.milliseconds(remaining)) > 0 else { continue }
            for request in requests where request.revents != 0 {
                let count = read(request.fd, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    close(request.fd)
                    openEnds.removeAll { $0 == request.fd }
                    continue
                }
                if request.fd == outputEnd { output += buffer[..<count] } else { errors += buffer[..<count] }
            }
        }
        return true
    }

    /// A poll timeout for `duration`: at least 1 ms, at most a second.
    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: min(1_000, max(1, seconds * 1_000 + attoseconds / 1_000_000_000_000_000)))
    }
}
