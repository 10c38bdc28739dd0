import EcotopApp
import EcotopCore
import EcotopEngine

/// The two header rows: what is shown and how fresh it is, then the health scores.
struct HeaderView: Widget {
    let model: AppModel
    let context: ViewContext

    /// Columns the identity keeps however much status there is to show.
    static let identityWidth = 16

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard area.height >= 2 else { return }
        let theme = context.theme
        buffer.fill(area, style: theme.style(.text))
        let status = TextLine(statusLine(room: area.width - 2 - Self.identityWidth))
        let statusX = max(area.x + 1, area.maxX - 1 - status.width)
        status.render(in: Rect(x: statusX, y: area.y, width: area.maxX - statusX, height: 1), buffer: &buffer)
        let identityWidth = statusX - area.x - 2
        TextLine(identityLine(width: identityWidth)).render(in: Rect(x: area.x + 1, y: area.y, width: identityWidth, height: 1), buffer: &buffer)
        renderHealth(in: area.dropTop(1).inset(horizontal: 1), buffer: &buffer)
    }

    /// "ecotop" and the ecosystem's name, cut with an ellipsis to `width` columns.
    private func identityLine(width: Int) -> [Span] {
        let theme = context.theme
        let name = Truncation.truncate(TerminalText.sanitize(model.session.ecosystemName), width: width - 8, ellipsis: context.glyphs.ellipsis)
        return [
            Span("ecotop", style: theme.style(.accent, .bold)),
            Span("  " + name, style: theme.style(.title, .bold)),
        ]
    }

    /// One part of the status line, and how much it matters when room is short.
    private struct StatusPart {
        var spans: [Span]
        /// Parts with lower priority are dropped first.
        var priority: Int
        var width: Int { spans.reduce(0) { $0 + $1.text.terminalWidth } }
    }

    /// Range, clock, data age, alarms and live/paused state, right-aligned on the first row;
    /// in `room` columns, dropping the least important parts first.
    private func statusLine(room: Int) -> [Span] {
        var parts = statusParts()
        while parts.reduce(0, { $0 + $1.width }) > room, let least = parts.indices.min(by: { parts[$0].priority < parts[$1].priority }) {
            parts.remove(at: least)
        }
        return parts.flatMap(\.spans)
    }

    private func statusParts() -> [StatusPart] {
        let theme = context.theme
        var parts = [
            StatusPart(spans: [
                Span("  range ", style: theme.style(.muted)), Span(context.range.label, style: theme.style(.text, .bold)),
            ], priority: 4),
            StatusPart(spans: [Span("  " + context.clock.timeOfDay(context.now) + " " + context.clock.zoneName(at: context.now), style: theme.style(.text))], priority: 1),
        ]
        if let age = model.dashboard.snapshot?.dataAge {
            let role: ThemeRole = age > Self.liveDataAge ? .stale : .muted
            parts.append(StatusPart(spans: [Span("  data " + NumberFormat.age(age) + " old", style: theme.style(role))], priority: 3))
        } else if model.dashboard.error != nil {
            parts.append(StatusPart(spans: [Span("  data error", style: theme.style(.critical, .bold))], priority: 6))
        }
        if let health = model.dashboard.integrationHealth, !health.entries.isEmpty {
            let unhealthy = health.unhealthy
            let reporting = health.reporting.count
            let role: ThemeRole = unhealthy.isEmpty ? .muted : (unhealthy.contains { $0.integration.isCritical } ? .critical : .warn)
            let text = reporting == 0
                ? "  integrations: no events"
                : "  integrations \(reporting - unhealthy.count)/\(reporting) ok"
            parts.append(StatusPart(
                spans: [Span(text, style: theme.style(role, unhealthy.isEmpty ? [] : .bold))], priority: unhealthy.isEmpty ? 0 : 2))
        }
        if let diverged = model.dashboard.snapshot?.agreements.filter(\.isBreached).count, diverged > 0 {
            // Like an unhealthy integration: two sources of one truth disagree past their tolerance.
            parts.append(StatusPart(
                spans: [Span("  \(counted(diverged, "source")) of truth diverged (g)", style: theme.style(.critical, .bold))], priority: 2))
        }
        if let alerts = model.session.alertsNeedingAttention, alerts > 0 {
            // Open, neither acknowledged nor silenced: what someone has to look at.
            parts.append(StatusPart(
                spans: [Span("  \(counted(alerts, "open alert")) (a)", style: theme.style(.critical, .bold))], priority: 5))
        }
        if let note = model.session.dataNote {
            parts.append(StatusPart(spans: [Span("  " + TerminalText.sanitize(note), style: theme.style(.warn))], priority: 2))
        }
        if !model.session.configProblems.isEmpty {
            parts.append(StatusPart(spans: [Span("  config error (c)", style: theme.style(.critical, .bold))], priority: 6))
        }
        let failing = model.session.collectors.filter { $0.state == .failing }.count
        if failing > 0 {
            parts.append(StatusPart(spans: [Span(
                "  \(counted(failing, "collector")) failing (c)", style: theme.style(.critical, .bold))], priority: 6))
        }
        parts.append(StatusPart(spans: [context.isPaused
            ? Span("  \(context.glyphs.paused) PAUSED at " + context.clock.timeOfDay(model.pausedAt ?? context.now), style: theme.style(.warn, .bold))
            : liveness], priority: 5))
        return parts
    }

    /// `LIVE` while new data arrives (or the first read is on its way); `NO DATA` or `NO NEW
    /// DATA` once there is none or the newest point is older than the default staleness limit,
    /// so a dashboard of STALE rows does not claim to be live.
    private var liveness: Span {
        let theme = context.theme
        guard let snapshot = model.dashboard.snapshot else {
            return Span("  \(context.glyphs.live) LIVE", style: theme.style(.ok, .bold))
        }
        guard let age = snapshot.dataAge else { return Span("  \(context.glyphs.live) NO DATA", style: theme.style(.stale, .bold)) }
        guard age <= Self.liveDataAge else { return Span("  \(context.glyphs.live) NO NEW DATA", style: theme.style(.stale, .bold)) }
        return Span("  \(context.glyphs.live) LIVE", style: theme.style(.ok, .bold))
    }

    /// Seconds without a new point after which the dashboard no longer says LIVE.
    static let liveDataAge: Double = 300

    private func renderHealth(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let health = model.dashboard.snapshot?.health
        let overall = health?.overall
        // A score that stands on less than half the metrics is not a reassurance: no colour.
        let isPartial = health.map { $0.reporting * 2 < $0.total } ?? false
        var x = buffer.write("Health ", x: area.x, y: area.y, style: theme.style(.muted), limit: area.maxX)
        x = buffer.write(NumberFormat.score(overall), x: x, y: area.y, style: theme.style(isPartial ? .stale : theme.role(forScore: overall), .bold), limit: area.maxX)
        if let health, health.reporting < health.total {
            x = buffer.write(
                " (\(health.reporting)/\(health.total) reporting)", x: x, y: area.y, style: theme.style(isPartial ? .warn : .muted),
                limit: area.maxX)
        }
        let names = familyNames(room: area.maxX - x - 8)
        let familiesWidth = zip(model.catalog.families, names).reduce(0) { total, entry in
            total + 3 + entry.1.terminalWidth + NumberFormat.score(health?.families[entry.0]).count
        }
        let gaugeWidth = min(12, max(0, area.maxX - x - 2 - familiesWidth))
        Gauge(
            ratio: (overall ?? 0) / 100, fillStyle: theme.style(theme.role(forScore: overall)),
            emptyStyle: theme.style(.border), glyphs: context.glyphs
        ).render(in: Rect(x: x + 1, y: area.y, width: gaugeWidth, height: 1), buffer: &buffer)
        x += gaugeWidth + 1
        for (family, name) in zip(model.catalog.families, names) {
            let familyScore = health?.families[family]
            x = buffer.write("  " + name + " ", x: x, y: area.y, style: theme.style(.muted), limit: area.maxX)
            x = buffer.write(NumberFormat.score(familyScore), x: x, y: area.y, style: theme.style(theme.role(forScore: familyScore), .bold), limit: area.maxX)
        }
    }

    /// Family names for the health row: full when they fit in `room` columns, else cut to
    /// six letters.
    private func familyNames(room: Int) -> [String] {
        let full = model.catalog.families.map { TerminalText.sanitize($0.title) }
        let needed = full.reduce(0) { $0 + $1.count + 6 }
        return needed <= room ? full : full.map { String($0.prefix(6)) }
    }
}
