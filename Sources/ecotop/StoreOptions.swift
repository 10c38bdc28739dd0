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
    var layout: StoreLayout { named ?? defaultLayout }

    /// The store `--store` names; nil without it.
    var named: StoreLayout? { store.map { StoreLayout(root: $0) } }

    /// The store at the default location.
    var defaultLayout: StoreLayout {
        var environment: [String: String] = [:]
        for name in ["XDG_DATA_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return StoreLayout(root: StoreLayout.defaultRoot(environment: environment))
    }
}

extension StoreOptions {
    /// The store as the dashboard's history (`DashboardOrigin.history`): nil when the default
    /// location has no store or the store has no series yet; a `--store` that is not a store
    /// is an error.
    func history() throws -> StoreReader? {
        try DashboardOrigin.history(at: layout, isRequired: store != nil)
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
