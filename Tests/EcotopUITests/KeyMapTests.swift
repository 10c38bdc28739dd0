import EcotopUI
import Foundation
import Testing

@Suite struct KeyMapTests {
    @Test func everyBindingIsDocumentedInOrderInKeysMarkdown() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/keys.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let documented = text.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { row in
            row.split(separator: "|").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }
        #expect(documented == KeyMap.standard.bindings.map(\.summary))
    }

    @Test func noKeyIsBoundTwice() {
        let keys = KeyMap.standard.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }

    @Test func keysMapToTheirActions() {
        let map = KeyMap.standard
        #expect(map.action(for: .character("q")) == .quit)
        #expect(map.action(for: .control("c")) == .quit)
        #expect(map.action(for: .backTab) == .focusPrevious)
        #expect(map.action(for: .character("3")) == .focusFamily(2))
        #expect(map.action(for: .control("r")) == .refreshNow)
        #expect(map.action(for: .character("x")) == nil)
    }
}
