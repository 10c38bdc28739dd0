import EcotopUI
import Foundation
import Testing

@Suite struct ThemeCatalogTests {
    @Test func builtInLoadsAllFiveThemesInOrder() throws {
        let catalog = try ThemeCatalog.builtIn()
        #expect(catalog.themes.map(\.name) == ["dark", "light", "high-contrast", "nord", "gruvbox"])
        #expect(catalog.problems.isEmpty)
    }

    @Test func everyBuiltInThemeDefinesEveryRoleAndAGradient() throws {
        for theme in try ThemeCatalog.builtIn().themes {
            #expect(Set(theme.colors.keys) == Set(ThemeRole.allCases), "\(theme.name)")
            #expect(theme.chartGradient.count >= 2, "\(theme.name)")
            #expect(!theme.summary.isEmpty, "\(theme.name)")
            #expect(theme.color(.text) != theme.color(.background), "\(theme.name)")
            #expect(Set([theme.color(.ok), theme.color(.warn), theme.color(.critical)]).count == 3, "\(theme.name)")
        }
    }

    @Test func themeAfterWrapsAroundAndFallsBackToTheDefault() throws {
        let catalog = try ThemeCatalog.builtIn()
        #expect(catalog.theme(after: "dark").name == "light")
        #expect(catalog.theme(after: "gruvbox").name == "dark")
        #expect(catalog.theme(after: "no-such-theme").name == "dark")
        #expect(catalog.theme(named: "nord")?.name == "nord")
        #expect(catalog.theme(named: "Nord") == nil)
    }

    @Test func userThemesAddOrReplaceAndBadOnesAreReportedNotFatal() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-themes-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try ThemeLoaderTests.themeText(replacing: "name: test", with: "name: nord")
            .write(to: directory.appendingPathComponent("nord.yaml"), atomically: true, encoding: .utf8)
        try ThemeLoaderTests.themeText(replacing: "name: test", with: "name: mine")
            .write(to: directory.appendingPathComponent("mine.yml"), atomically: true, encoding: .utf8)
        try "name: broken\ncolours: {}\n".write(to: directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        try "not a theme".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)

        let catalog = try ThemeCatalog.load(userDirectory: directory)
        #expect(catalog.themes.map(\.name) == ["dark", "light", "high-contrast", "nord", "gruvbox", "mine"])
        #expect(catalog.theme(named: "nord")?.summary == "A theme for tests.")
        #expect(catalog.problems.count == 1)
        #expect(catalog.problems.first?.description.hasSuffix("broken.yaml:2: unknown key 'colours' (expected name, description, colors, chart)") == true)
    }

    @Test func missingUserDirectoryGivesTheBuiltInThemes() throws {
        let catalog = try ThemeCatalog.load(userDirectory: URL(fileURLWithPath: "/nonexistent/ecotop/themes"))
        #expect(catalog.themes.count == 5)
    }

    @Test func userDirectoryPrefersXDGConfigHome() {
        #expect(ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])?.path == "/x/ecotop/themes")
        #expect(ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"])?.path == "/h/.config/ecotop/themes")
        #expect(ThemeCatalog.userDirectory(environment: [:]) == nil)
    }
}
