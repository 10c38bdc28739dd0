import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import Testing

/// The errors drill-down as a user walks it: levels opened with Enter and left with Esc, the
/// `/` filter (while typed no key is a command) and the `s` sort, over events built by hand.
@Suite struct ErrorsDrillDownTests {
    let time = 1_800_000_000.0

    func model(_ events: [IntegrationEvent], range: TimeRange = .oneHour) -> (AppModel, DataLoader) {
        let ecosystem = Ecosystem(
            name: "Hand-built", components: [],
            integrations: [
                Integration(from: "shop", to: "stripe", transport: .api, isCritical: true),
                Integration(from: "shop", to: "ups", transport: .api, isCritical: false),
            ],
            partners: [])
        let loader = DataLoader(
            builder: SnapshotBuilder(source: RecordedSeriesSource([:]), catalog: .standard), events: RecordedEvents(events: events),
            ecosystem: ecosystem)
        var model = AppModel(session: loader.status, now: time, range: range, themeNames: ["dark", "light"])
        model.start(applying: [.command(.showErrors)], at: time, loader: loader)
        return (model, loader)
    }

    var events: [IntegrationEvent] {
        let stripe = (1...12).map {
            IntegrationEvent(timestamp: time - Double($0) * 60, kind: .error, integration: "shop->stripe", code: "429",
                             message: "Too many requests: \($0) calls", latencyMilliseconds: Double($0))
        }
        let ups = [IntegrationEvent(timestamp: time - 30, kind: .error, integration: "shop->ups", code: "500", message: "upstream died")]
        return stripe + ups
    }

    func errors(_ model: AppModel) throws -> ErrorsModel {
        guard case .errors(let errors)? = model.topScreen else { throw DrillDownFailure.noErrorsScreen }
        return errors
    }

    enum DrillDownFailure: Error { case noErrorsScreen }

    func press(_ commands: [Command], _ model: inout AppModel, _ loader: DataLoader) {
        model.run(commands.map(AppAction.command), at: time, loader: loader)
    }

    @Test func enterOpensEachLevelAndEscapeGoesBackOneAtATime() throws {
        var (model, loader) = model(events)
        #expect(try errors(model).top.kind == .integrations)
        press([.openDetail], &model, loader)
        #expect(try errors(model).top.kind == .integration("shop->stripe"), "the unhealthy critical integration ranks first")
        press([.openDetail], &model, loader)
        let group = try #require(try errors(model).report?.fingerprints.first { $0.integration == "shop->stripe" })
        #expect(try errors(model).top.kind == .group(group.id))
        press([.openDetail], &model, loader)
        #expect(try errors(model).top.kind == .events(group.id))
        press([.selectNext, .openDetail], &model, loader)
        guard case let .event(_, _, eventTime) = try errors(model).top.kind else { Issue.record("no event level"); return }
        #expect(eventTime == time - 120, "the second newest event")
        #expect(try errors(model).levels.count == 5)
        for expected in [4, 3, 2, 1] {
            press([.back], &model, loader)
            #expect(try errors(model).levels.count == expected)
        }
        press([.back], &model, loader)
        #expect(model.topScreen == nil)
    }

    @Test func whileTypingAFilterNoKeyIsACommandAndTheListFollowsTheText() throws {
        var (model, loader) = model(events)
        press([.startFilter], &model, loader)
        #expect(model.isEditingText)
        for character in "ups q t" where character != " " { _ = model.update(.edit(.insert(character)), at: time) }
        #expect(model.themeIndex == 0, "t typed into a filter changes no theme")
        _ = model.update(.edit(.backspace), at: time)
        _ = model.update(.edit(.backspace), at: time)
        #expect(model.filterEditor?.text == "ups")
        let report = try #require(try errors(model).report)
        #expect(try errors(model).top.integrations(in: report).map(\.id) == ["shop->ups"])
        _ = model.update(.edit(.submit), at: time)
        #expect(!model.isEditingText)
        #expect(model.topList?.filter.text == "ups", "Enter keeps the filter")
        press([.back], &model, loader)
        #expect(model.topList?.filter.isEmpty == true, "Esc clears the filter before leaving anything")
        #expect(model.topScreen != nil)
        press([.startFilter], &model, loader)
        #expect(model.filterEditor?.text == "ups", "/ again recalls the last filter")
    }

    @Test func aLeadingBangInvertsTheFilterAndAnInvalidExpressionMatchesAsText() throws {
        var (model, loader) = model(events)
        press([.startFilter], &model, loader)
        for character in "!stripe" { _ = model.update(.edit(.insert(character)), at: time) }
        let report = try #require(try errors(model).report)
        #expect(try errors(model).top.integrations(in: report).map(\.id) == ["shop->ups"])
        _ = model.update(.edit(.cancel), at: time)
        #expect(model.topList?.filter.isEmpty == true)
        var list = ListState()
        list.filter = ListFilter("shop->(ups")
        #expect(list.filter.problem != nil)
        #expect(list.visible(report.integrations, as: ErrorsLists.integrations).isEmpty)
        list.filter = ListFilter("SHOP->UPS")
        #expect(list.visible(report.integrations, as: ErrorsLists.integrations).map(\.id) == ["shop->ups"], "matching ignores case")
    }

    @Test func sortCyclesThroughTheListsOrders() throws {
        var (model, loader) = model(events)
        press([.openDetail, .openDetail, .openDetail], &model, loader)
        let report = try #require(try errors(model).report)
        #expect(try errors(model).top.events(in: report).first?.timestamp == time - 60, "newest first")
        press([.cycleSort], &model, loader)
        #expect(try errors(model).top.events(in: report).first?.latencyMilliseconds == 12, "then the slowest first")
        press([.cycleSort, .cycleSort], &model, loader)
        #expect(try errors(model).top.list.sortIndex == 0, "the orders wrap around")
    }

    @Test func aGroupAbsentFromTheWindowBeforeIsNew() throws {
        let old = IntegrationEvent(timestamp: time - 5_000, kind: .error, integration: "shop->ups", code: "500", message: "upstream died")
        let (model, _) = model(events + [old])
        let report = try #require(try errors(model).report)
        let ups = try #require(report.fingerprints.first { $0.integration == "shop->ups" })
        let stripe = try #require(report.fingerprints.first { $0.integration == "shop->stripe" })
        #expect(!report.newGroups.contains(ups.id), "seen in the hour before")
        #expect(report.newGroups.contains(stripe.id))
        #expect(ups.count == 1, "the hour before is not counted in the range")
    }

    @Test func theErrorsReportIsReadAgainOnceFifteenSecondsHavePassed() throws {
        let (_, loader) = model(events)
        func end(at moment: Double) throws -> Double? {
            guard case .success(.errors(let report)) = loader.load(LoadRequest(.errors(.oneHour), at: moment)).outcome else { return nil }
            return report.end
        }
        #expect(try end(at: time + 5) == time, "a refresh within 15 s reuses the report read on opening")
        #expect(try end(at: time + 15) == time + 15)
        guard case .success(.errors(let longer)) = loader.load(LoadRequest(.errors(.sixHours), at: time + 16)).outcome else {
            Issue.record("no report"); return
        }
        #expect(longer.end == time + 16, "another range is read at once")
    }
}
