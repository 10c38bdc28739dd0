import EcotopCore
import EcotopEngine

/// The two header rows: what is shown and how fresh it is, then the health scores.
struct HeaderView: Widget {
    let state: DashboardState

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard area.height >= 2 else { return }
        let theme = state.theme
        buffer.fill(area, style: theme.style(.text))
        let status = TextLine(statusLine())
        let statusX = max(area.x + 1, area.maxX - 1 - status.width)
        status.render(in: Rect(x: statusX, y: area.y, width: area.maxX - statusX, height: 1), buffer: &buffer)
        TextLine(identityLine()).render(in: Rect(x: area.x + 1, y: area.y, width: statusX - area.x - 2, height: 1), buffer: &buffer)
        renderHealth(in: area.dropTop(1).inset(horizontal: 1), buffer: &buffer)
    }

    private func identityLine() -> [Span] {
        let theme = state.theme
        return [
            Span("ecotop", style: theme.style(.accent, .bold)),
            Span("  " + TerminalText.sanitize(state.ecosystemName), style: theme.style(.title, .bold)),
        ]
    }

    /// Range, clock, data age and live/paused state, right-aligned on the first row.
    private func statusLine() -> [Span] {
        let theme = state.theme
        var spans = [
            Span("range ", style: theme.style(.muted)), Span(state.range.label, style: theme.style(.text, .bold)),
            Span("  " + ClockFormat.timeOfDay(state.now) + " UTC", style: theme.style(.text)),
        ]
        if let age = state.snapshot?.dataAge {
            let role: ThemeRole = age > 300 ? .stale : .muted
            spans.append(Span("  data " + NumberFormat.age(age) + " old", style: theme.style(role)))
        } else if state.dataError != nil {
            spans.append(Span("  data error", style: theme.style(.critical, .bold)))
        }
        if let health = state.integrationHealth, !health.entries.isEmpty {
            let unhealthy = health.unhealthy
            let role: ThemeRole = unhealthy.isEmpty ? .muted : (unhealthy.contains { $0.integration.isCritical } ? .critical : .warn)
            spans.append(Span(
                "  integrations \(health.entries.count - unhealthy.count)/\(health.entries.count) ok",
                style: theme.style(role, unhealthy.isEmpty ? [] : .bold)))
        }
        if !state.configProblems.isEmpty {
            spans.append(Span("  config error (c)", style: theme.style(.critical, .bold)))
        }
        let failing = state.collectors.filter { $0.state == .failing }.count
        if failing > 0 {
            spans.append(Span("  \(failing) collector\(failing == 1 ? "" : "s") failing (c)", style: theme.style(.critical, .bold)))
        }
        spans.append(state.isPaused
            ? Span("  \(state.glyphs.paused) PAUSED", style: theme.style(.warn, .bold))
            : Span("  \(state.glyphs.live) LIVE", style: theme.style(.ok, .bold)))
        return spans
    }

    private func renderHealth(in area: Rect, buffer: inout FrameBuffer) {
        let theme = state.theme
        let health = state.snapshot?.health
        let overall = health?.overall
        var x = buffer.write("Health ", x: area.x, y: area.y, style: theme.style(.muted), limit: area.maxX)
        x = buffer.write(score(overall), x: x, y: area.y, style: theme.style(theme.role(forScore: overall), .bold), limit: area.maxX)
        let names = familyNames(room: area.maxX - x - 8)
        let familiesWidth = zip(MetricFamily.allCases, names).reduce(0) { total, entry in
            total + 3 + entry.1.terminalWidth + score(health?.families[entry.0]).count
        }
        let gaugeWidth = min(12, max(0, area.maxX - x - 2 - familiesWidth))
        Gauge(
            ratio: (overall ?? 0) / 100, fillStyle: theme.style(theme.role(forScore: overall)),
            emptyStyle: theme.style(.border), glyphs: state.glyphs
        ).render(in: Rect(x: x + 1, y: area.y, width: gaugeWidth, height: 1), buffer: &buffer)
        x += gaugeWidth + 1
        for (family, name) in zip(MetricFamily.allCases, names) {
            let familyScore = health?.families[family]
            x = buffer.write("  " + name + " ", x: x, y: area.y, style: theme.style(.muted), limit: area.maxX)
            x = buffer.write(score(familyScore), x: x, y: area.y, style: theme.style(theme.role(forScore: familyScore), .bold), limit: area.maxX)
        }
    }

    /// Family names for the health row: full when they fit in `room` columns, else cut to
    /// six letters.
    private func familyNames(room: Int) -> [String] {
        let full = MetricFamily.allCases.map(\.title)
        let needed = full.reduce(0) { $0 + $1.count + 6 }
        return needed <= room ? full : full.map { String($0.prefix(6)) }
    }

    private func score(_ value: Double?) -> String {
        value.map { NumberFormat.fixed($0, decimals: 0) } ?? "--"
    }
}
