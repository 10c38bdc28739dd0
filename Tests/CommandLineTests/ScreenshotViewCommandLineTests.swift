import Testing
import EcotopTestSupport

/// `ecotop screenshot --view` opens a screen before the frame is taken, the same screen its
/// key opens, and `--keys` are typed in it afterwards.
@Suite struct ScreenshotViewCommandLineTests {
    static let moment = ["--time", "1764279900", "--seed", "42", "--utc", "--width", "120", "--height", "36"]

    private func frame(_ arguments: [String]) throws -> String {
        let run = try EcotopBinary.run(["screenshot"] + Self.moment + arguments, timeout: .seconds(60))
        #expect(run.status == 0, "\(arguments): \(run.errors)")
        return run.output
    }

    @Test(arguments: [
        ("detail", "\n", "Active partners"), ("errors", "e", "Errors"), ("map", "m", "Ecosystem map"), ("review", "r", "Review"),
        ("alerts", "a", "Alerts"), ("collectors", "c", "Collectors"), ("governance", "g", "Data governance"), ("help", "?", "Help"),
    ])
    func eachViewIsTheScreenItsKeyOpens(view: String, key: String, title: String) throws {
        let opened = try frame(["--view", view])
        #expect(opened == (try frame(["--keys", key])))
        #expect(opened != (try frame(["--view", "dashboard"])), "--view \(view) drew the dashboard")
        #expect(opened.contains(title), "\(view):\n\(opened)")
    }

    @Test func anAnnotationTypedIntoAScreenshotIsNotWrittenToTheStore() throws {
        let store = TemporaryStore()
        let backfill = try EcotopBinary.run(["demo", "backfill", "--store", store.root, "--days", "1", "--interval", "3600"])
        #expect(backfill.status == 0, "\(backfill.errors)")
        let before = try EcotopBinary.run(["events", "--store", store.root, "--from", "0", "--to", "now"]).output
        let frame = try EcotopBinary.run(["screenshot", "--store", store.root, "--width", "160", "--keys", ":ann dep\nshipped\n"])
        #expect(frame.output.contains("annotation not recorded: nothing records annotations here"), "\(frame.output)\(frame.errors)")
        let after = try EcotopBinary.run(["events", "--store", store.root, "--from", "0", "--to", "now"]).output
        #expect(after == before && !after.contains("shipped"))
    }

    @Test func keysAreTypedAfterTheViewOpens() throws {
        let group = try frame(["--view", "errors", "--keys", "\n\n"])
        #expect(group == (try frame(["--keys", "e\n\n"])))
        #expect(group != (try frame(["--view", "errors"])))
    }

    @Test func anUnknownViewIsAUsageErrorListingTheViews() throws {
        let run = try EcotopBinary.run(["screenshot", "--view", "charts"])
        #expect(run.status == 64)
        #expect(run.errors.contains("'charts'") && run.errors.contains("- dashboard") && run.errors.contains("- governance"), "\(run.errors)")
    }
}
