#if canImport(Glibc)
import Glibc
#endif

/// The process's resident set size, from `/proc/self/statm` ("size resident shared ...", in
/// pages).
enum ResidentMemory {
    /// Bytes resident now; nil where /proc cannot be read.
    static func current() -> Int? {
        let descriptor = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 128)
        let count = read(descriptor, &bytes, bytes.count)
        guard count > 0 else { return nil }
        return pages(inStatm: bytes[..<count]).map { $0 * sysconf(Int32(_SC_PAGESIZE)) }
    }

    /// The resident pages: the second number of a statm line.
    static func pages(inStatm text: ArraySlice<UInt8>) -> Int? {
        let fields = text.split(separator: UInt8(ascii: " "))
        guard fields.count >= 2 else { return nil }
        return Int(String(decoding: fields[1], as: UTF8.self))
    }
}
