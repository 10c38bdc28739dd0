import EcotopApp
import EcotopUI
import Foundation
import Testing

/// docs/keys.md's table of action names, which `keys:` in the configuration remaps, in step
/// with the key map: every action once, in the map's order, with its standard keys.
@Suite struct KeyActionsDocsTests {
    /// `| name | `key`, `key` |` for each action of the standard map.
    static func rows(of map: KeyMap) -> [String] {
        var keys: [String: [Key]] = [:]
        var order: [String] = []
        for binding in map.bindings {
            if keys[binding.action] == nil { order.append(binding.action) }
            keys[binding.action, default: []] += binding.keys.filter { !(keys[binding.action] ?? []).contains($0) }
        }
        return order.map { action in
            "| \(action) | " + (keys[action] ?? []).map { "`\($0.displayName)`" }.joined(separator: ", ") + " |"
        }
    }

    @Test func everyActionIsDocumentedWithItsStandardKeys() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/keys.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let documented = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| ") && !$0.hasPrefix("| `") && $0.hasSuffix("` |") }
        let expected = Self.rows(of: KeyMap.standard)
        #expect(documented == expected, "expected:\n\(expected.joined(separator: "\n"))")
    }
}
