extension LoadRequest.Kind {
    /// Whether the request writes something the user was told about (a review decision, an
    /// alert acknowledged or silenced, an annotation, a screen saved): such a request is never dropped, even when Ecotop
    /// closes while it waits.
    public var isSave: Bool {
        switch self {
        case .saveReview, .changeAlert, .annotate, .saveScreen: true
        default: false
        }
    }
}
