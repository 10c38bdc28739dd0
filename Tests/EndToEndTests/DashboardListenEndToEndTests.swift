import EcotopTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `ecotop dash --config FILE --listen`: the dashboard's collectors served on `/metrics` while
/// it runs, and the server gone once it quits.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct DashboardListenEndToEndTests {
    @Test func servesWhatItsCollectorsWriteUntilItQuits() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-e2e-listen-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.yaml")
        try ConfiguredDashboardEndToEndTests.configuration().write(to: config, atomically: true, encoding: .utf8)
        let port = try freeLoopbackPort()
        let session = try TmuxSession(
            arguments: ["--config", config.path, "--store", directory.appendingPathComponent("store").path, "--listen", "127.0.0.1:\(port)"],
            width: 160, height: 40)
        try await session.waitForScreen(showing: "420/min", timeout: .seconds(20))

        let url = URL(string: "http://127.0.0.1:\(port)/metrics")!
        var text = ""
        try await wait(for: "/metrics to show the collectors' series and health; it showed:\n\(text)", pollingEvery: .milliseconds(100)) {
            text = (try? await URLSession.shared.data(from: url)).map { String(decoding: $0.0, as: UTF8.self) } ?? ""
            return text.contains("usage_transactions{shop=\"eu\"} 420 ") && text.contains("ecotop_collector_up{collector=\"failing\"} 0\n")
        }
        #expect(text.contains("ecotop_collector_up{collector=\"orders\"} 1\n"))

        try session.send("q")
        #expect(try await session.exitStatus() == 0)
        await #expect(throws: (any Error).self, "the server stopped with the dashboard") { try await URLSession.shared.data(from: url) }
    }
}
