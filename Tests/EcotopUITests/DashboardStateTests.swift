import EcotopCore
import EcotopUI
import Testing

/// The reducer: what each action does to the state and which effects it asks for.
@Suite struct DashboardStateTests {
    private func state() throws -> DashboardState { try DemoDashboard.state() }

    @Test func focusCyclesThroughFamiliesBothWays() throws {
        var state = try state()
        #expect(state.focus == .participation)
        _ = state.reduce(.focusNext)
        #expect(state.focus == .usage)
        _ = state.reduce(.focusPrevious)
        _ = state.reduce(.focusPrevious)
        #expect(state.focus == .qualitative)
        _ = state.reduce(.focusFamily(2))
        #expect(state.focus == .value)
        _ = state.reduce(.focusFamily(9))
        #expect(state.focus == .value)
    }

    @Test func selectionIsClampedAndKeptPerFamily() throws {
        var state = try state()
        for _ in 0..<10 { _ = state.reduce(.selectNext) }
        #expect(state.selectedRow == 4)
        _ = state.reduce(.focusNext)
        #expect(state.selectedRow == 0)
        _ = state.reduce(.selectPrevious)
        #expect(state.selectedRow == 0)
        _ = state.reduce(.focusPrevious)
        #expect(state.selectedSummary?.id == "participation.stakeholder_diversity")
    }

    @Test func detailOpensOnEnterAndClosesOnEscapeWithReloads() throws {
        var state = try state()
        #expect(state.reduce(.openDetail) == [.reload])
        #expect(state.screen == .detail)
        #expect(state.reduce(.openDetail) == [])
        #expect(state.reduce(.back) == [.reload])
        #expect(state.screen == .overview)
        #expect(state.reduce(.back) == [])
    }

    @Test func rangesStepAndStopAtTheEnds() throws {
        var state = try state()
        #expect(state.reduce(.longerRange) == [.reload])
        #expect(state.range == .sixHours)
        for _ in 0..<10 { _ = state.reduce(.longerRange) }
        #expect(state.range == .thirtyDays)
        #expect(state.reduce(.longerRange) == [])
        for _ in 0..<10 { _ = state.reduce(.shorterRange) }
        #expect(state.range == .fifteenMinutes)
    }

    @Test func pauseStopsReloadsAndResumeAsksForOne() throws {
        var state = try state()
        #expect(state.reduce(.togglePause) == [])
        #expect(state.isPaused)
        #expect(state.reduce(.togglePause) == [.reload])
        #expect(!state.isPaused)
    }

    @Test func helpSwallowsKeysUntilClosedButNotQuit() throws {
        var state = try state()
        _ = state.reduce(.toggleHelp)
        #expect(state.isHelpVisible)
        #expect(state.reduce(.focusNext) == [])
        #expect(state.focus == .participation)
        #expect(state.reduce(.quit) == [.quit])
        _ = state.reduce(.back)
        #expect(!state.isHelpVisible)
    }

    @Test func themeCyclesThroughAllAndWraps() throws {
        var state = try state()
        let names = (0..<state.themes.count).map { _ in
            _ = state.reduce(.nextTheme)
            return state.theme.name
        }
        #expect(names.last == "dark")
        #expect(Set(names).count == state.themes.count)
        #expect(state.notice == "theme dark")
    }

    @Test func errorsViewOpensWithEAndMovesThroughGroups() throws {
        var state = try DemoDashboard.state(keys: "e")
        #expect(state.screen == .errors)
        let groups = try #require(state.errors?.fingerprints.count)
        #expect(groups > 2)
        _ = state.reduce(.selectNext)
        _ = state.reduce(.selectNext)
        #expect(state.errorSelection == 2)
        for _ in 0..<(groups + 5) { _ = state.reduce(.selectNext) }
        #expect(state.errorSelection == groups - 1)
        #expect(state.selectedRow == 0, "moving through error groups leaves the metric selection alone")
        #expect(state.reduce(.back) == [.reload])
        #expect(state.screen == .overview)
        #expect(state.errors == nil)
    }

    @Test func collectorsViewOpensWithCAndClosesWithEscape() throws {
        var state = try state()
        #expect(state.reduce(.showCollectors) == [.reload])
        #expect(state.screen == .collectors)
        #expect(state.reduce(.back) == [.reload])
        #expect(state.screen == .overview)
    }

    @Test func refreshAsksForAReload() throws {
        var state = try state()
        #expect(state.reduce(.refreshNow) == [.reload])
    }
}
