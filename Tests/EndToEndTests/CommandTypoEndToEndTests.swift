import EcotopTestSupport
import Testing

/// A misspelt subcommand gets a did-you-mean instead of reaching the dashboard as an argument.
@Suite struct CommandTypoEndToEndTests {
    @Test func aMisspeltSubcommandIsNamedWithTheOneMeant() throws {
        let typo = try EcotopBinary.run(["qurey", "--series", "usage.transactions"])
        #expect(typo.status == 64)
        #expect(typo.errors.contains("unknown command 'qurey'; did you mean 'query'?"), "\(typo.errors)")
        let screenshot = try EcotopBinary.run(["screenhsot"])
        #expect(screenshot.status == 64 && screenshot.errors.contains("did you mean 'screenshot'?"), "\(screenshot.errors)")
    }
}
