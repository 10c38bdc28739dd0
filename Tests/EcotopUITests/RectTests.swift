import EcotopUI
import Testing

@Suite struct RectTests {
    let area = Rect(x: 2, y: 1, width: 10, height: 7)

    @Test func columnsShareWidthWiderOnesFirst() {
        #expect(area.columns(3).map(\.description) == ["4x7+2+1", "3x7+6+1", "3x7+9+1"])
    }

    @Test func columnsLeaveGapsBetweenThem() {
        #expect(area.columns(3, gap: 1).map(\.description) == ["3x7+2+1", "3x7+6+1", "2x7+10+1"])
        let parts = area.columns(4, gap: 2)
        #expect(parts.last?.maxX == area.maxX)
    }

    @Test func rowsShareHeightTallerOnesFirst() {
        #expect(area.rows(2).map(\.description) == ["10x4+2+1", "10x3+2+5"])
        #expect(area.rows(3, gap: 1).map(\.height) == [2, 2, 1])
    }

    @Test func splittingIntoNothingOrIntoTooManyPartsStaysInside() {
        #expect(area.columns(0).isEmpty)
        let thin = area.columns(12)
        #expect(thin.count == 12)
        #expect(thin.map(\.width).reduce(0, +) == 10)
        #expect(thin.allSatisfy { $0.maxX <= area.maxX })
    }

    @Test func topBottomAndDropSplitTheRows() {
        #expect(area.top(2).description == "10x2+2+1")
        #expect(area.dropTop(2).description == "10x5+2+3")
        #expect(area.bottom(3).description == "10x3+2+5")
        #expect(area.dropBottom(3).description == "10x4+2+1")
        #expect(area.top(20) == area)
        #expect(area.dropTop(20).isEmpty)
        #expect(area.bottom(20) == area)
    }

    @Test func insetShrinksEverySideAndNeverGoesNegative() {
        #expect(area.inset(by: 1).description == "8x5+3+2")
        #expect(area.inset(by: 4).isEmpty)
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
    }

    @Test func intersectionIsTheOverlapOrEmpty() {
        let other = Rect(x: 8, y: 5, width: 10, height: 10)
        #expect(area.intersection(other).description == "4x3+8+5")
        #expect(area.intersection(Rect(x: 30, y: 30, width: 2, height: 2)).isEmpty)
    }
}
