import EcotopApp
import EcotopCore
import EcotopEngine
import Testing

/// `b` in a metric's detail divides it by component, then by partner, then not; the demo's
/// parts add up to its total.
@Suite struct MetricSplitTests {
    let time = DemoLoading.time

    @Test func bCyclesThroughTheLabelsAndReadsTheParts() throws {
        var (model, loader) = DemoLoading.model([.focusFamily(1), .openDetail])
        guard case .detail(let opened)? = model.topScreen else { Issue.record("no detail"); return }
        #expect(opened.metric == "usage.transactions")
        model.run([.command(.splitMetric)], at: time, loader: loader)
        guard case .detail(let byComponent)? = model.topScreen, let breakdown = byComponent.breakdown else {
            Issue.record("no breakdown"); return
        }
        #expect(byComponent.split == "component")
        #expect(breakdown.parts.count == 4)
        let total = try #require(byComponent.summary?.latest?.value)
        let sum = breakdown.parts.compactMap(\.latest).reduce(0, +)
        #expect(abs(sum - total) < total * 1e-9, "the demo's parts add up to the metric")
        model.run([.command(.splitMetric)], at: time, loader: loader)
        guard case .detail(let byPartner)? = model.topScreen else { return }
        #expect(byPartner.split == "partner")
        #expect(byPartner.breakdown?.parts.map(\.value).sorted() == ["bundle-works", "returnly-labs", "trailshare"])
        let effects = model.update(.command(.splitMetric), at: time)
        guard case .detail(let undivided)? = model.topScreen else { return }
        #expect(undivided.split == nil && undivided.breakdown == nil)
        #expect(!effects.loadKinds.contains { if case .breakdown = $0 { true } else { false } })
    }
}
