import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopStore
import EcotopUI
import Foundation

/// `ecotop screenshot`: one dashboard frame of the demo as text or SVG, for the README,
/// Screenshots/ and bug reports. Deterministic for a given seed and time: the frame the live
/// dashboard shows once its reads have finished.
struct ScreenshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screenshot",
        abstract: "Write one dashboard frame of the demo as text or SVG."
    )

    @Option(help: "Frame width in columns.") var width = 160
    @Option(help: "Frame height in rows.") var height = 48
    @Option(parsing: .unconditional, help: "The moment to draw: RFC 3339, Unix seconds, or relative such as -2h (default: now).")
    var time: String?
    @Option(help: "Seed of the demo simulator.") var seed: UInt64 = 42
    @Option(help: "Time range: 15m, 1h (default), 6h, 24h, 7d or 30d.", completion: .timeRanges, transform: TimeRange.argument) var range: TimeRange = .oneHour
    @Option(help: "Theme name.", completion: .themeNames) var theme = "dark"
    @Option(help: "Screen to open before the frame is taken, as its key would.")
    var view: OpeningView = .dashboard
    @Option(help: "Keys to press before the frame is taken (after --view opens), e.g. \"2j\\n\" (\\n is Enter, ? help).")
    var keys = ""
    @Option(help: "Output format: text or svg.") var format: ScreenshotFormat = .text
    @Flag(help: "Draw with ASCII glyphs only.") var ascii = false
    @Flag(help: "Show times in UTC rather than the local time zone (TZ).") var utc = false
    @Option(help: ArgumentHelp("Draw the ecosystem of this configuration from its store (collectors are not run).", valueName: "file"), completion: .configFiles)
    var config: String?
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var sourceOptions: SourceOptions

    func validate() throws {
        guard (1...1_000).contains(width), (1...1_000).contains(height) else {
            throw ValidationError("--width and --height must be between 1 and 1000")
        }
    }

    func run() throws {
        let now = SystemWallClock().now()
        let moment = try time.map { text in
            do {
                return try TimeExpression.time(text, now: now)
            } catch {
                throw ValidationError("--time: \(error)")
            }
        } ?? now
        let themes = try ThemeCatalog.load(userDirectory: ThemeCatalog.userDirectory(environment: ProcessEnvironment.current))
        let themeIndex: Int
        do {
            themeIndex = try themes.index(ofTheme: theme)
        } catch {
            throw ValidationError(error.description)
        }
        let configuration = try config.map { try ConfigOptions.load($0).configuration }
        let loader = try sourceOptions.dashboardLoader(
            configuration: configuration, storeOptions: storeOptions, seed: seed, readsDefaultStore: false)
        // A review opened by --keys starts from no earlier review and leaves no session behind,
        // so the frame stays a function of seed and time, not of the user's reviews.
        let reviews = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-screenshot-reviews-\(getpid())").path
        loader.reviewArchive = ReviewArchive(directory: reviews)
        defer { try? FileManager.default.removeItem(atPath: reviews) }
        // Nor does a frame write to the store: an annotation typed by --keys says it is not recorded.
        loader.recordsAnnotations = false
        var model = AppModel(
            session: loader.status, now: moment, range: range, themeNames: themes.themes.map(\.name), themeIndex: themeIndex)
        let keyMap = KeyMap.configured(families: model.catalog.families, remaps: configuration?.keys ?? []).map
        let opening = [.resized(columns: width, rows: height)] + view.commands.map(AppAction.command)
        model.start(typing: KeySequence.parse(keys), after: opening, keyMap: keyMap, at: moment, loader: loader)
        let appearance = Appearance(themes: themes.themes, glyphs: ascii ? .ascii : .unicode, clock: utc ? .utc : .local)
        let frame = DashboardView.render(model, size: Size(width: width, height: height), appearance: appearance, keyMap: keyMap)
        switch format {
        case .text: print(frame.text)
        case .svg: print(SVGFrameWriter.render(frame, theme: appearance.theme(at: model.themeIndex)))
        }
    }
}

extension OpeningView: ExpressibleByArgument {}

/// The forms `ecotop screenshot` writes.
enum ScreenshotFormat: String, ExpressibleByArgument, CaseIterable {
    case text, svg
}
