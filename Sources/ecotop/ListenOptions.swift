import ArgumentParser
import EcotopApp
import EcotopExporter

/// `--listen ADDRESS:PORT` and `--listen-public`, shared by `collect` and `dash`.
struct ListenOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Serve the latest collected values and Ecotop's health on /metrics for Prometheus, on ADDRESS:PORT "
            + "(e.g. 127.0.0.1:9464; port 0 picks a free one). Loopback only unless --listen-public.",
        valueName: "address:port"))
    var listen: String?

    @Flag(help: "Allow --listen on an address other machines can reach (/metrics has no authentication).")
    var listenPublic = false

    func validate() throws {
        guard let listen else {
            if listenPublic { throw ValidationError("--listen-public needs --listen ADDRESS:PORT") }
            return
        }
        let address: ListenAddress
        do {
            address = try ListenAddress(parsing: listen)
        } catch {
            throw ValidationError(error.description)
        }
        guard address.isLoopback || listenPublic else {
            throw ValidationError(
                "--listen '\(listen)' is reachable from other machines and /metrics has no authentication; "
                    + "use a loopback address such as 127.0.0.1:\(address.port), or add --listen-public to serve there anyway")
        }
    }

    /// The address to serve on; nil without `--listen`. Valid once `validate()` passed.
    var address: ListenAddress? {
        listen.flatMap { try? ListenAddress(parsing: $0) }
    }

    /// Warns on stderr when the address is not loopback.
    func warnIfPublic() {
        guard let address, !address.isLoopback else { return }
        printError("ecotop: warning: /metrics on \(address) can be read, without authentication, by anyone who can reach this machine")
    }
}
