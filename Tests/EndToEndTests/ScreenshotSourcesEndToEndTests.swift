import EcotopTestSupport
import Foundation
import Testing

/// `ecotop screenshot` draws what the dashboard would: a configured ecosystem from its store
/// with `--config`, and a store of other data under its own name, never as the demo.
@Suite struct ScreenshotSourcesEndToEndTests {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-e2e-shot-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aConfiguredEcosystemIsDrawnFromItsStore() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("store").path
        let config = directory.appendingPathComponent("config.yaml")
        try "ecosystem: {name: Trail Gear Co}\n".write(to: config, atomically: true, encoding: .utf8)
        let time = 1_800_000_000
        let samples = (0..<10).map { "{\"ts\":\(time - 540 + $0 * 60),\"name\":\"usage.transactions\",\"value\":432}" }.joined(separator: "\n")
        #expect(try EcotopBinary.run(["ingest", "--store", store, "-"], input: samples + "\n").status == 0)
        let shot = try EcotopBinary.run(["screenshot", "--config", config.path, "--store", store, "--time", "\(time)", "--width", "160", "--height", "48"])
        #expect(shot.status == 0, "\(shot.errors)")
        #expect(shot.output.contains("Trail Gear Co") && !shot.output.contains("(demo)"), "\(shot.output.prefix(300))")
        #expect(shot.output.contains("432/min"))
    }

    @Test func aStoreOfOtherDataIsNotDrawnAsTheDemo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("store").path
        let line = "{\"ts\":1800000000,\"name\":\"usage.transactions\",\"labels\":{\"shop\":\"eu\"},\"value\":12}\n"
        #expect(try EcotopBinary.run(["ingest", "--store", store, "-"], input: line).status == 0)
        let shot = try EcotopBinary.run(["screenshot", "--store", store, "--time", "1800000000", "--width", "160", "--height", "48"])
        #expect(shot.status == 0, "\(shot.errors)")
        let header = shot.output.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!header.contains("(demo)") && header.contains("not demo data"), "\(header)")
    }
}
