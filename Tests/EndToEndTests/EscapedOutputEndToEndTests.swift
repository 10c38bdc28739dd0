import EcotopTestSupport
import Foundation
import Testing

/// What a command prints about hostile input shows its control characters as escapes.
@Suite struct EscapedOutputEndToEndTests {
    @Test func configCheckShowsAValueWithAnEscapeAsWritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-e2e-esc-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.yaml")
        try "ecosystem: {name: Shop}\ncollectors:\n  - {name: orders, type: \"exe\\e[2Jc\", argv: [true]}\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let run = try EcotopBinary.run(["config", "check", config.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("found 'exe\\x1b[2Jc'"), "\(run.errors)")
        #expect(!run.errors.unicodeScalars.contains("\u{1B}"), "no escape byte reaches the terminal")
    }
}
