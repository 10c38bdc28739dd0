import EcotopApp
import EcotopCore
import EcotopTestSupport
import EcotopUI
import Testing

/// Every screen at the smallest size Ecotop draws in and at 80x24: a snapshot of each, and
/// the frame's own check that nothing runs over a border or into a title.
@Suite struct SmallTerminalViewTests {
    static let screens: [(name: String, keys: String)] = [
        ("dashboard", ""), ("detail", "\n"), ("errors", "e"), ("collectors", "c"), ("map", "m"), ("alerts", "a"), ("help", "?"),
    ]

    @Test(arguments: [Size(width: 60, height: 16), Size(width: 80, height: 24)])
    func everyScreenKeepsItsBordersAndTitles(size: Size) throws {
        for screen in Self.screens {
            let frame = try DemoDashboard.render(try DemoDashboard.model(keys: screen.keys, columns: size.width), size: size)
            assertSnapshot(frame.text, named: "\(screen.name)-\(size.width)x\(size.height)")
            let body = frame.lines.dropFirst(2).dropLast()
            for (row, line) in body.enumerated() where screen.name != "help" {
                #expect(["│", "╮", "╯", "╰", "╭"].contains(line.last), "\(screen.name): row \(row + 2) runs over the border: \(line)")
            }
            let title = try #require(body.first)
            #expect(!title.contains("─ ─") && !title.contains("── ") || title.hasPrefix("╭─ "), "\(screen.name): \(title)")
            #expect(!title.contains("Err─"), "\(screen.name): the title is cut by its note: \(title)")
        }
    }

    @Test func theDetailsStatusIsNeverCut() throws {
        for size in [Size(width: 60, height: 16), Size(width: 80, height: 24)] {
            let frame = try DemoDashboard.render(try DemoDashboard.model(keys: "\n", columns: size.width), size: size)
            #expect(frame.lines[3].contains("│ OK   now"), "\(frame.lines[3])")
        }
    }
}
