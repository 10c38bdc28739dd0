import ArgumentParser
import EcotopApp
import EcotopCore
import EcotopStore
#if canImport(Glibc)
import Glibc
#endif

/// `--store DIR`, shared by every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The store directory (default: $XDG_DATA_HOME/ecotop, else ~/.local/share/ecotop).", valueName: "dir"), completion: .directory)
    var store: String?

    /// The store's layout, from `--store` or the default location.
    var layout: StoreLayout {
        var environment: [String: String] = [:]
        for name in ["XDG_DATA_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return StoreLayout(root: store ?? StoreLayout.defaultRoot(environment: environment))
    }
}

extension StoreOptions {
    /// The store as the dashboard's history: nil (the simulator then serves history) when the
    /// default location has no store or the store has no series yet. A `--store` that is not a
    /// store is an error rather than a silent fallback.
    ///
    /// - Parameter defaultLocation: whether to look at the default location when there is no
    ///   `--store`; `screenshot` does not, so its frames stay a function of seed and time.
    func history(defaultLocation: Bool = true) throws -> StoreReader? {
        guard store != nil || defaultLocation else { return nil }
        do {
            let reader = try StoreReader(layout: layout, keepsParsedSegments: true)
            return try reader.seriesKeys().isEmpty ? nil : reader
        } catch let error as StoreError where store == nil && error.kind == .invalidRequest {
            return nil
        }
    }
}

/// Runs `body`, turning store errors into a message on stderr and exit status 1.
func reportingStoreErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        printError("ecotop: \(error)")
        throw ExitCode.failure
    }
}
