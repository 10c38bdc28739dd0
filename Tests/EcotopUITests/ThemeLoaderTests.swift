import EcotopUI
import Testing

@Suite struct ThemeLoaderTests {
    /// A complete theme; `replacing` swaps one line for another to make it broken.
    static func themeText(replacing old: String = "", with new: String = "") -> String {
        let text = """
            name: test
            description: A theme for tests.
            colors:
              background: default
              text: "#d0d7de"
              muted: 244
              border: ansi:8
              focus: "#58a6ff"
              selection: "#1f2d3d"
              accent: "#79c0ff"
              title: "#e6edf3"
              ok: "#3fb950"
              warn: "#d29922"
              critical: "#f85149"
              stale: "#8b949e"
            chart: ["#1f6feb", "#a5d6ff"]
            """
        return old.isEmpty ? text : text.replacingOccurrences(of: old, with: new)
    }

    func error(parsing text: String) throws -> ThemeError {
        try #require(throws: ThemeError.self) { try ThemeLoader.parse(text, source: "mine.yaml") }
    }

    @Test func parsesEveryRoleAndTheChartGradient() throws {
        let theme = try ThemeLoader.parse(Self.themeText(), source: "mine.yaml")
        #expect(theme.name == "test")
        #expect(theme.summary == "A theme for tests.")
        #expect(theme.color(.background) == .default)
        #expect(theme.color(.muted) == .indexed(244))
        #expect(theme.color(.border) == .ansi(8))
        #expect(theme.color(.critical) == .rgb(0xF8, 0x51, 0x49))
        #expect(theme.chartGradient == [.rgb(0x1F, 0x6F, 0xEB), .rgb(0xA5, 0xD6, 0xFF)])
        #expect(Set(theme.colors.keys) == Set(ThemeRole.allCases))
    }

    @Test func chartDefaultsToTheAccentColour() throws {
        let theme = try ThemeLoader.parse(Self.themeText(replacing: ##"chart: ["#1f6feb", "#a5d6ff"]"##, with: ""), source: "x")
        #expect(theme.chartGradient == [.rgb(0x79, 0xC0, 0xFF)])
    }

    @Test func unknownKeyIsReportedWithItsLine() throws {
        let error = try error(parsing: Self.themeText(replacing: "description:", with: "descripton:"))
        #expect(error.line == 2)
        #expect(error.description.hasPrefix("mine.yaml:2: unknown key 'descripton'"))
    }

    @Test func badColourNamesTheFieldAndLine() throws {
        let error = try error(parsing: Self.themeText(replacing: ##"warn: "#d29922""##, with: "warn: orange"))
        #expect(error.line == 13)
        #expect(error.description.hasPrefix("mine.yaml:13: colors.warn: 'orange' is not a colour"))
    }

    @Test func badChartColourNamesItsPosition() throws {
        let error = try error(parsing: Self.themeText(replacing: ##""#a5d6ff""##, with: "nope"))
        #expect(error.line == 16)
        #expect(error.message.hasPrefix("chart[1]: 'nope' is not a colour"))
    }

    @Test func unknownRoleIsReportedWithItsLine() throws {
        let error = try error(parsing: Self.themeText(replacing: "  stale:", with: "  stail:"))
        #expect(error.line == 15)
        #expect(error.message.hasPrefix("unknown colour role 'stail'"))
    }

    @Test func missingRolesAreListed() throws {
        let text = Self.themeText(replacing: "  warn: \"#d29922\"\n", with: "")
            .replacingOccurrences(of: "  stale: \"#8b949e\"\n", with: "")
        let error = try error(parsing: text)
        #expect(error.description == "mine.yaml: colors is missing warn, stale")
    }

    @Test func missingNameIsAnError() throws {
        let error = try error(parsing: Self.themeText(replacing: "name: test", with: "name: \"\""))
        #expect(error.message == "missing 'name'")
    }

    @Test func emptyChartIsAnError() throws {
        let error = try error(parsing: Self.themeText(replacing: ##"["#1f6feb", "#a5d6ff"]"##, with: "[]"))
        #expect(error.line == 16)
        #expect(error.message.hasPrefix("chart must be a non-empty list"))
    }

    @Test(arguments: ["", "- just\n- a list", "colors: [1, 2"])
    func textThatIsNoThemeMappingIsAnError(text: String) throws {
        let error = try error(parsing: text)
        #expect(error.source == "mine.yaml")
        #expect(error.message.contains("mapping") || error.message.hasPrefix("not valid YAML"))
    }
}
