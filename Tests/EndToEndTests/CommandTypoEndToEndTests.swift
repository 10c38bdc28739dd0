import EcotopTestSupport
import Foundation
import Testing

/// A misspelt subcommand gets a did-you-mean instead of reaching the dashboard as an argument.
@Suite struct CommandTypoEndToEndTests {
    private func run(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltExecutable.path(of: "ecotop"))
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func aMisspeltSubcommandIsNamedWithTheOneMeant() throws {
        let typo = try run(["qurey", "--series", "usage.transactions"])
        #expect(typo.status == 64)
        #expect(typo.errors.contains("unknown command 'qurey'; did you mean 'query'?"), "\(typo.errors)")
        let screenshot = try run(["screenhsot"])
        #expect(screenshot.status == 64 && screenshot.errors.contains("did you mean 'screenshot'?"), "\(screenshot.errors)")
    }
}
