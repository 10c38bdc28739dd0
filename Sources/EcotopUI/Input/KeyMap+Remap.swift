import EcotopApp
import EcotopConfig
import EcotopCore

extension KeyMap {
    /// A key map with these bindings as they are.
    init(bindings: [Binding]) {
        self.bindings = bindings
    }

    /// The standard key map for `families` with the configuration's `keys:` applied: each
    /// remapped action's bindings take the keys written for it (and a label made of their
    /// names). The problems are an unknown action, an unreadable key, and a key that two
    /// actions would share on one screen, each where it was written; a remap with a problem
    /// is left out, so the map stays usable.
    public static func configured(families: [MetricFamily], remaps: [KeyRemap]) -> (map: KeyMap, problems: [ConfigDiagnostic]) {
        var bindings = KeyMap(families: families).bindings
        var problems: [ConfigDiagnostic] = []
        let actions = bindings.map(\.action)
        for remap in remaps {
            guard actions.contains(remap.action) else {
                let hint = Suggestion.closest(to: remap.action, among: actions).map { "; did you mean '\($0)'?" } ?? ""
                problems.append(ConfigDiagnostic(remap.mark, field: remap.field, message: "unknown action '\(remap.action)'\(hint) (docs/keys.md lists them)"))
                continue
            }
            let keys = remap.keys.map { (text: $0, key: Key(name: $0.text)) }
            let unreadable = keys.filter { $0.key == nil }
            for (text, _) in unreadable {
                problems.append(ConfigDiagnostic(text.mark, field: remap.field, message: "'\(text.text)' is not a key; expected a character, space, ctrl-LETTER, f1 to f12, or one of \(Key.names)"))
            }
            guard unreadable.isEmpty else { continue }
            for index in bindings.indices where bindings[index].action == remap.action {
                bindings[index].keys = keys.compactMap(\.key)
                bindings[index].label = bindings[index].keys.map(\.displayName).joined(separator: "  ")
            }
        }
        problems += conflicts(in: bindings, remaps: remaps)
        return (KeyMap(bindings: bindings), problems)
    }

    /// The problems of a configuration's `keys:` (see `configured(families:remaps:)`): a
    /// configuration with any is refused, at start-up and on reload alike.
    public static func problems(of configuration: EcotopConfiguration) -> [ConfigDiagnostic] {
        configured(families: configuration.catalog.families, remaps: configuration.keys).problems
    }

    /// One problem per key that two actions share on a screen, at the remap that brought it.
    private static func conflicts(in bindings: [Binding], remaps: [KeyRemap]) -> [ConfigDiagnostic] {
        var reported: Set<[String]> = []
        var problems: [ConfigDiagnostic] = []
        for screen in ScreenKind.allCases {
            var owners: [Key: String] = [:]
            for binding in bindings where binding.applies(to: screen) {
                for key in binding.keys {
                    guard let owner = owners[key] else { owners[key] = binding.action; continue }
                    guard owner != binding.action else { continue }
                    let pair = [owner, binding.action].sorted()
                    guard reported.insert(pair + [key.displayName]).inserted else { continue }
                    let written = remaps.lazy.filter { pair.contains($0.action) }.flatMap(\.keys).first { Key(name: $0.text) == key }
                    guard let written, let remap = remaps.first(where: { $0.keys.contains(written) }) else { continue }
                    problems.append(ConfigDiagnostic(
                        written.mark, field: remap.field,
                        message: "\(key.displayName) would do both \(pair[0]) and \(pair[1]) on the \(screen) screen"))
                }
            }
        }
        return problems
    }
}
