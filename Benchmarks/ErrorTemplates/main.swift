// Normalizes 100,000 error messages: the demo simulator's four causes and messages shaped like
// real producers' (Stripe, Go net/http, PostgreSQL, AWS, Node, a JWT) with their own ids,
// numbers, times and hosts, every one normalized as if never seen. Reports the best of `rounds`
// rounds after a warm-up, and the number of templates as a check. Run through
// Benchmarks/error-templates.sh, which compiles this beside ErrorMessageTemplate.swift.
let shapes: [(Int) -> String] = [
    { "Too Many Requests: rate limit exceeded, retry after \($0 % 90)s" },
    { _ in "Unauthorized: OAuth access token expired" },
    { "Gateway Timeout: upstream did not answer within \($0 % 20_000) ms" },
    { _ in "Unprocessable Entity: unexpected field 'shipping_rate.currency'" },
    { "No such customer: 'cus_\($0)Xk9'; request req_\($0 * 7) at 2026-11-\(10 + $0 % 18)T12:\($0 % 50 + 10):07.123Z" },
    { #"Post "https://api\#($0 % 9).hubapi.com/crm/v3/objects/contacts?limit=\#($0)": dial tcp 10.0.\#($0 % 250).7:443: i/o timeout"# },
    { #"ERROR: duplicate key value violates unique constraint "orders_pkey" DETAIL: Key (id)=(\#($0)) already exists."# },
    { "ThrottlingException: Rate exceeded, request id: \(String($0, radix: 16))b8e3c2a-1f0d-4e6b-9a7c-2d3e4f5a6b7c" },
    { "connect ECONNREFUSED fe80::\(String($0, radix: 16)):5432 for user\($0)@example.com" },
    { "invalid token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI\($0)In0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" },
]
let messages = (0..<100_000).map { shapes[$0 % shapes.count]($0) }
let rounds = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 5
var best = Duration.seconds(1_000)
var templates = Set<String>()
for round in 0...rounds {
    let elapsed = ContinuousClock().measure { templates = Set(messages.map(ErrorMessageTemplate.normalize)) }
    if round > 0 { best = min(best, elapsed) }
}
let characters = messages.reduce(0) { $0 + $1.utf8.count }
let milliseconds = Double(best.components.seconds) * 1_000 + Double(best.components.attoseconds) / 1e15
print(
    "normalize \(messages.count) messages (\(characters) bytes): \(milliseconds) ms, "
        + "\(milliseconds * 1_000_000 / Double(messages.count)) ns per message, \(templates.count) templates")
