import EcotopApp

extension KeyMap {
    /// The review screen's keys, bound to it alone: elsewhere `k`, `c` and `b` mean other things.
    static let review: [Binding] = [
        Binding(keys: [.character("n"), .right], label: "n  Right", summary: "next item", command: .review(.next), screens: [.review]),
        Binding(keys: [.character("b"), .left], label: "b  Left", summary: "previous item", command: .review(.previous), screens: [.review]),
        Binding(keys: [.character("k")], label: "k", summary: "decide: keep", command: .review(.decide(.keep)), screens: [.review]),
        Binding(keys: [.character("w")], label: "w", summary: "decide: watch (carried to the next review)", command: .review(.decide(.watch)), screens: [.review]),
        Binding(keys: [.character("f")], label: "f", summary: "decide: fix (carried to the next review)", command: .review(.decide(.fix)), screens: [.review]),
        Binding(keys: [.character("x")], label: "x", summary: "decide: retire", command: .review(.decide(.retire)), screens: [.review]),
        Binding(keys: [.character("a")], label: "a", summary: "decide: acknowledge", command: .review(.decide(.acknowledge)), screens: [.review]),
        Binding(keys: [.character("c")], label: "c", summary: "write a comment on the item", command: .review(.comment), screens: [.review]),
        Binding(keys: [.character("o")], label: "o", summary: "set the item's owner", command: .review(.owner), screens: [.review]),
        Binding(keys: [.character("v")], label: "v", summary: "scorecards of every component, or back to the item", command: .review(.scorecards), screens: [.review]),
        Binding(keys: [.character("q")], label: "q", summary: "finish the review", command: .review(.finish), screens: [.review]),
        Binding(keys: [.control("c")], label: "Ctrl-C", summary: "quit (the review stays resumable)", command: .quit, screens: [.review], actionName: "review_quit"),
    ]
}
