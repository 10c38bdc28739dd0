import EcotopCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the configuration file lives and how it is read from disk.
public enum ConfigFile {
    /// `$XDG_CONFIG_HOME/ecotop/config.yaml` when XDG_CONFIG_HOME is an absolute path, else
    /// `~/.config/ecotop/config.yaml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/ecotop/config.yaml" }
        return (environment["HOME"] ?? ".") + "/.config/ecotop/config.yaml"
    }

    /// Reads and validates the file at `path`.
    ///
    /// - Throws: `ConfigErrors` with every problem, or a single one when the file cannot be read.
    public static func load(
        _ path: String, catalog: MetricCatalog = .standard, home: String? = nil
    ) throws(ConfigErrors) -> EcotopConfiguration {
        switch ConfigValidator(catalog: catalog, home: home).validate(yaml: try text(of: path), file: path) {
        case .success(let configuration): return configuration
        case .failure(let errors): throw errors
        }
    }

    /// The file's text, or a configuration error at its first line saying why it cannot be read.
    public static func text(of path: String) throws(ConfigErrors) -> String {
        do {
            return try contents(of: path)
        } catch {
            throw ConfigErrors([ConfigDiagnostic(ConfigMark(file: path, line: 1, column: 1), field: "", message: error.message)])
        }
    }

    /// Why a file could not be read.
    public struct ReadError: Error, Sendable {
        public var message: String
    }

    /// The whole file as UTF-8 text.
    public static func contents(of path: String) throws(ReadError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(message: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw ReadError(message: "cannot read: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            guard bytes.count <= 16 << 20 else { throw ReadError(message: "larger than 16 MiB; not a configuration file") }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw ReadError(message: "not UTF-8 text") }
        return text
    }

    /// Writes `text` to `path` (creating missing parent directories), refusing to replace an
    /// existing file unless `overwrite`. The file is written under a temporary name and renamed.
    public static func save(_ text: String, to path: String, overwrite: Bool) throws(ReadError) {
        if !overwrite, access(path, F_OK) == 0 {
            throw ReadError(message: "\(path) already exists; use --force to replace it")
        }
        try createParents(of: path)
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ReadError(message: "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                close(descriptor)
                throw ReadError(message: "cannot write \(temporary): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        fsync(descriptor)
        close(descriptor)
        guard rename(temporary, path) == 0 else { throw ReadError(message: "cannot rename to \(path): \(String(cString: strerror(errno)))") }
    }

    private static func createParents(of path: String) throws(ReadError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/").dropLast() {
            prefix += "/\(component)"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw ReadError(message: "cannot create directory \(prefix): \(String(cString: strerror(errno)))")
            }
        }
    }
}
