/// Whether a failed call is worth retrying: the split the errors drill-down shows per
/// integration, because retryable failures heal themselves while permanent ones need a person.
public enum FailureClass: String, Sendable, Hashable, CaseIterable {
    /// Transient: server errors, throttling, timeouts, dropped connections.
    case retryable
    /// Will fail again until something changes: bad requests, authentication, validation.
    case permanent
}

/// Tells retryable failures from permanent ones by their code.
///
/// The standard rule follows what HTTP clients retry (RFC 9110 and the retry policies of the
/// AWS and Google SDKs): 5xx except 501 and 505, 408 and 429 are retryable; other 4xx are
/// permanent. A code that is not a number is retryable when it names a timeout or a
/// connection failure (`ETIMEDOUT`, `ECONNRESET`, `timeout`, `connection_refused`...), and
/// permanent otherwise (`auth`, `validation`, `invalid_signature`...). Configured codes
/// (`errors: {retryable: [...], permanent: [...]}`) come first, compared without case.
public struct FailureClassifier: Sendable, Hashable {
    /// Codes configured as retryable or permanent, lowercased.
    public var retryableCodes: Set<String>
    public var permanentCodes: Set<String>

    public init(retryable: [String] = [], permanent: [String] = []) {
        retryableCodes = Set(retryable.map { $0.lowercased() })
        permanentCodes = Set(permanent.map { $0.lowercased() })
    }

    /// The standard rule with nothing configured.
    public static let standard = FailureClassifier()

    /// The class of a failure with this code.
    public func classify(_ code: String) -> FailureClass {
        let lowered = code.lowercased()
        if retryableCodes.contains(lowered) { return .retryable }
        if permanentCodes.contains(lowered) { return .permanent }
        if let status = Int(lowered) {
            switch status {
            case 408, 429: return .retryable
            case 501, 505: return .permanent
            case 500...599: return .retryable
            default: return .permanent
            }
        }
        return Self.transientWords.contains { lowered.contains($0) } ? .retryable : .permanent
    }

    /// Parts of a non-numeric code that name a transient failure.
    private static let transientWords = [
        "timeout", "timedout", "econnreset", "econnrefused", "econnaborted", "ehostunreach", "enetunreach",
        "epipe", "eai_again", "connection", "unavailable", "throttl",
    ]
}
