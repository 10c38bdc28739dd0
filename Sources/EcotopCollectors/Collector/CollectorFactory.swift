import EcotopConfig
import EcotopCore

/// Builds collectors from their configuration, one builder per collector type.
///
/// A builder reads the type's `options` (with `ConfigFields`, reporting problems to the
/// issues it is given) and returns the collector, or nil when the configuration is unusable.
/// The built-in types register here; a type without a builder is reported as unavailable.
public struct CollectorFactory: Sendable {
    /// Builds one collector from its configuration, reporting problems to `issues`.
    public typealias Builder = @Sendable (_ config: CollectorConfig, _ issues: ConfigIssues) -> (any Collector)?

    public var builders: [CollectorType: Builder]

    public init(builders: [CollectorType: Builder]) {
        self.builders = builders
    }

    /// Every collector type this build has.
    public static let standard = CollectorFactory(builders: pluginBuilders.merging(builtInBuilders) { plugin, _ in plugin })

    /// The demo, exec and daemon types.
    static let pluginBuilders: [CollectorType: Builder] = [
        .demo: { config, issues in
            let options = ConfigFields(config.options, path: config.field("options"), issues: issues)
            defer { options.finish() }
            let seed = options.integer("seed", in: 0...Int.max) ?? 42
            return DemoCollector(name: config.name, simulator: DemoSimulator(seed: UInt64(seed)), interval: config.interval)
        },
        .exec: { config, issues in PluginCollectorOptions(config, issues: issues).map { $0.execCollector(config) } },
        .daemon: { config, issues in PluginCollectorOptions(config, issues: issues).map { $0.daemonCollector(config) } },
    ]

    /// The scheduled collectors of a configuration; problems go to `issues`.
    public func make(_ configs: [CollectorConfig], issues: ConfigIssues) -> [ScheduledCollector] {
        configs.compactMap { config in
            guard let builder = builders[config.type] else {
                let available = CollectorType.allCases.filter { builders[$0] != nil }.map(\.rawValue)
                issues.report(config.mark, field: config.field("type"),
                    "collector type '\(config.type.rawValue)' is not available in this build; available: \(available.joined(separator: ", "))")
                return nil
            }
            guard let collector = builder(config, issues) else { return nil }
            // The collector's own timeout comes first; the scheduler's deadline is a backstop.
            return ScheduledCollector(collector, type: config.type.rawValue, interval: config.interval, deadline: config.timeout + 5)
        }
    }
}

/// The options `exec` and `daemon` share, read from a collector's configuration.
struct PluginCollectorOptions {
    var format: PluginOutputFormat
    var limits = PluginLimits()
    var mapping: OutputMapping
    var mode: DaemonCollector.Mode = .signal
    var settle = 0.1
    var backoff = DaemonCollector.Backoff()

    init?(_ config: CollectorConfig, issues: ConfigIssues) {
        let before = issues.diagnostics.count
        format = .auto
        if let text = config.format {
            format = config.node("format", text).readChoice(field: config.field("format"), as: PluginOutputFormat.self, issues: issues) ?? .auto
        }
        mapping = OutputMapping(config, issues: issues)
        let options = ConfigFields(config.options, path: config.field("options"), issues: issues)
        limits.grace = options.duration("grace") ?? limits.grace
        limits.maxOutputBytes = options.integer("max_output_bytes", in: 1_024...(256 << 20)) ?? limits.maxOutputBytes
        limits.maxLineBytes = options.integer("max_line_bytes", in: 256...(16 << 20)) ?? limits.maxLineBytes
        limits.maxRecords = options.integer("max_records", in: 1...10_000_000) ?? limits.maxRecords
        if config.type == .daemon {
            mode = options.choice("mode", as: DaemonCollector.Mode.self) ?? .signal
            settle = options.duration("settle") ?? settle
            if let restart = options.mapping("restart_backoff") {
                backoff.initial = restart.duration("initial") ?? backoff.initial
                backoff.maximum = restart.duration("max") ?? max(backoff.maximum, backoff.initial)
                restart.finish()
            }
        }
        options.finish()
        if issues.diagnostics.count > before { return nil }
    }

    func execCollector(_ config: CollectorConfig) -> ExecCollector {
        ExecCollector(
            name: config.name, argv: config.argv, environment: config.env, directory: config.cwd, timeout: config.timeout,
            format: format, limits: limits, mapping: mapping)
    }

    func daemonCollector(_ config: CollectorConfig) -> DaemonCollector {
        DaemonCollector(
            name: config.name, argv: config.argv, environment: config.env, directory: config.cwd, mode: mode,
            timeout: config.timeout, settle: settle, backoff: backoff, format: format, limits: limits, mapping: mapping)
    }
}
