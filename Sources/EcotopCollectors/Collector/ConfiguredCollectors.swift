import EcotopConfig
import EcotopCore

/// A configuration with its collectors built: what the dashboard and `ecotop collect` run.
///
/// Loading validates everything `ecotop config check` does: the file's schema, and each
/// collector's type-specific options.
public struct ConfiguredCollectors: Sendable {
    public var configuration: EcotopConfiguration
    public var collectors: [ScheduledCollector]

    public init(configuration: EcotopConfiguration, collectors: [ScheduledCollector]) {
        self.configuration = configuration
        self.collectors = collectors
    }

    /// Reads, validates and builds the configuration at `path`.
    ///
    /// - Parameters:
    ///   - home: the home directory `~` expands to in paths.
    ///   - checks: what a configuration that builds must pass besides, such as its `keys:`
    ///     against the key map (`KeyMap.problems(of:)`), which this module cannot see.
    /// - Throws: `ConfigErrors` with every problem found.
    public static func load(
        _ path: String, factory: CollectorFactory = .standard, home: String? = nil,
        checks: (EcotopConfiguration) -> [ConfigDiagnostic] = { _ in [] }
    ) throws(ConfigErrors) -> ConfiguredCollectors {
        let configured = try build(yaml: try ConfigFile.text(of: path), file: path, factory: factory, home: home)
        let problems = checks(configured.configuration)
        guard problems.isEmpty else { throw ConfigErrors(problems) }
        return configured
    }

    /// Validates and builds YAML text; `file` names it in diagnostics.
    public static func build(
        yaml: String, file: String, factory: CollectorFactory = .standard, home: String? = nil
    ) throws(ConfigErrors) -> ConfiguredCollectors {
        let root: ConfigNode
        switch ConfigNode.parse(yaml: yaml, file: file) {
        case .failure(let errors): throw errors
        case .success(let node): root = node
        }
        let issues = ConfigIssues()
        let configuration = ConfigValidator(home: home).read(root, file: file, issues: issues)
        let collectors = factory.make(configuration.collectors, issues: issues)
        guard issues.isEmpty else { throw ConfigErrors(issues.diagnostics) }
        return ConfiguredCollectors(configuration: configuration, collectors: collectors)
    }

    /// A scheduler for these collectors writing to `sink`; call `start()` on it.
    public func makeScheduler(sink: any RecordSink, clock: any WallClock) -> CollectorScheduler {
        CollectorScheduler(collectors: collectors, sink: sink, clock: clock)
    }
}
