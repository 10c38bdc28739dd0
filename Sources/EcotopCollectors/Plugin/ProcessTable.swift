#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One process as `/proc/<pid>/stat` describes it.
struct ProcessEntry: Equatable {
    var pid: pid_t
    var parent: pid_t
    var group: pid_t
    var isZombie: Bool
    /// Clock ticks after boot when it started: with the pid, what tells it from a later
    /// process that reuses the pid.
    var startTime: UInt64
}

/// The processes of this machine (of this process's pid namespace), read from `/proc`.
///
/// Reads only what the kernel exposes to any user: a process's stat, and its environment
/// where permissions allow. Each read is a single open/read/close, with no allocation beyond
/// one buffer per read, so a scan of a few hundred processes takes about a millisecond
/// (docs/plugins.md).
enum ProcessTable {
    /// Every process now, in no particular order; processes that end meanwhile are skipped.
    static func scan() -> [ProcessEntry] {
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        var entries: [ProcessEntry] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while let item = readdir(directory) {
            let pid = withUnsafeBytes(of: item.pointee.d_name) { name -> pid_t? in
                var value: pid_t = 0
                for byte in name {
                    if byte == 0 { break }
                    guard byte >= 0x30, byte <= 0x39, value < pid_t.max / 10 else { return nil }
                    value = value * 10 + pid_t(byte - 0x30)
                }
                return value > 0 ? value : nil
            }
            if let pid, let entry = entry(of: pid, buffer: &buffer) { entries.append(entry) }
        }
        return entries
    }

    /// The process `pid` now, or nil when there is none.
    static func entry(of pid: pid_t) -> ProcessEntry? {
        var buffer = [UInt8](repeating: 0, count: 1024)
        return entry(of: pid, buffer: &buffer)
    }

    /// Whether the environment `pid` started with holds the entry `variable` exactly
    /// (`NAME=value`). False for a zombie (it has no memory left) and for a process whose
    /// environment this user may not read.
    static func environment(of pid: pid_t, contains variable: [UInt8]) -> Bool {
        let descriptor = open("/proc/\(pid)/environ", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            contents += chunk[0..<count]
        }
        return contents.split(separator: 0, omittingEmptySubsequences: true).contains { $0.elementsEqual(variable) }
    }

    private static func entry(of pid: pid_t, buffer: inout [UInt8]) -> ProcessEntry? {
        let descriptor = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var length = 0
        while length < buffer.count {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + length, $0.count - length) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            length += count
        }
        return parseStat(pid: pid, buffer[0..<length])
    }

    /// Reads `pid (comm) state ppid pgrp session ... starttime ...` (proc(5)); `comm` may hold
    /// spaces and parentheses, so the fields start after the last `)`.
    static func parseStat(pid: pid_t, _ text: ArraySlice<UInt8>) -> ProcessEntry? {
        guard let close = text.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = text[(close + 1)...].drop { $0 == UInt8(ascii: " ") }.split(separator: UInt8(ascii: " "), maxSplits: 20)
        // Fields after comm: state(0) ppid(1) pgrp(2) ... starttime(19).
        guard fields.count >= 20, let state = fields[0].first,
            let parent = number(fields[1]), let group = number(fields[2]), let startTime = number(fields[19])
        else { return nil }
        return ProcessEntry(
            pid: pid, parent: pid_t(truncatingIfNeeded: parent), group: pid_t(truncatingIfNeeded: group),
            isZombie: state == UInt8(ascii: "Z"), startTime: startTime)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = product + UInt64(byte - 0x30)
        }
        return value
    }
}
