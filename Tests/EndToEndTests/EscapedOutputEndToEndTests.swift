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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltExecutable.path(of: "ecotop"))
        process.arguments = ["config", "check", config.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let bytes = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(text.contains("found 'exe\\x1b[2Jc'"), "\(text)")
        #expect(!bytes.contains(0x1B), "no escape byte reaches the terminal")
    }
}
