import EcotopApp
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

    @Test func noKeyIsBoundTwiceOnAnyScreen() {
        for screen in ScreenKind.allCases {
            let keys = KeyMap.standard.bindings(for: screen).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(screen)")
        }
    }

    @Test func keysMapToTheirActions() {
        let map = KeyMap.standard
        #expect(map.command(for: .character("q")) == .quit)
        #expect(map.command(for: .control("c")) == .quit)
        #expect(map.command(for: .backTab) == .focusPrevious)
        #expect(map.command(for: .character("3")) == .focusFamily(2))
        #expect(map.command(for: .control("r")) == .refreshNow)
        #expect(map.command(for: .character("x")) == nil)
    }
}
