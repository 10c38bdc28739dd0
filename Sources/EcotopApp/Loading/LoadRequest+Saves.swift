extension LoadRequest.Kind {
    /// Whether the request writes something the user was told about (a review decision): such
    /// a request is never dropped, even when Ecotop closes while it waits.
    public var isSave: Bool {
        if case .saveReview = self { true } else { false }
    }
}
