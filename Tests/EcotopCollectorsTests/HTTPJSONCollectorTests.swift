import EcotopCollectors
import EcotopCore
import EcotopTestSupport
import Foundation
import Testing

@Suite struct HTTPJSONCollectorTests {
    static let body = Array("""
        {"data": {"active_partners": 42, "healthy": true, "label": "n/a"},
         "partners": [{"name": "stripe", "orders": 120, "region": {"code": "eu"}},
                      {"name": "dhl", "orders": 35.5, "region": {"code": "us"}},
                      {"name": "klaviyo", "orders": null}]}
        """.utf8)

    func collector(_ server: TestHTTPServer, path: String = "/stats", values: [HTTPJSONCollector.ValueRule] = [],
                   headers: [String: SecretTemplate] = [:], timeout: Double = 5,
                   environment: [String: String] = [:]) -> HTTPJSONCollector {
        collector(url: server.url(path), values: values, headers: headers, timeout: timeout, environment: environment)
    }

    func collector(url: String, values: [HTTPJSONCollector.ValueRule] = [], headers: [String: SecretTemplate] = [:],
                   timeout: Double = 5, environment: [String: String] = [:]) -> HTTPJSONCollector {
        let endpoint = HTTPEndpoint(url: SecretTemplate(url), headers: headers, timeout: timeout)
        return HTTPJSONCollector(
            configuration: .init(name: "shop-api", endpoint: endpoint, values: values), environment: environment)
    }

    func failure(_ collector: HTTPJSONCollector) async -> String? {
        do {
            _ = try await collector.collect(at: 1_700_000_000)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func extractsValuesWithPathsWildcardsSiblingLabelsAndScale() async throws {
        let server = try TestHTTPServer(routes: ["/stats": .init(body: Self.body)])
        let rules: [HTTPJSONCollector.ValueRule] = [
            .init(path: try JSONPath(parsing: "$.data.active_partners"), metricID: "participation.active_partners",
                  labels: ["component": "crm"]),
            .init(path: try JSONPath(parsing: "$.data.healthy"), metricID: "usage.critical_uptime", scale: 100),
            .init(path: try JSONPath(parsing: "$.partners[*].orders"), metricID: "usage.transactions",
                  labelPaths: ["partner": try JSONPath(parsing: "@.name"), "region": try JSONPath(parsing: "@.region.code")]),
            .init(path: try JSONPath(parsing: "$.partners[-2].orders"), metricID: "usage.dhl_orders"),
            .init(path: try JSONPath(parsing: "$.data.label"), metricID: "x.label"),
            .init(path: try JSONPath(parsing: "$.data.missing"), metricID: "x.missing"),
        ]
        let result = try await collector(server, values: rules).collect(at: 1_700_000_000)
        let values = Dictionary(uniqueKeysWithValues: result.samples.map { ($0.key.description, $0.value) })
        #expect(values == [
            #"participation.active_partners{component="crm"}"#: 42,
            "usage.critical_uptime": 100,
            #"usage.transactions{partner="stripe",region="eu"}"#: 120,
            #"usage.transactions{partner="dhl",region="us"}"#: 35.5,
            "usage.dhl_orders": 35.5,
        ])
        #expect(result.samples.allSatisfy { $0.timestamp == 1_700_000_000 })
        #expect(result.problems == [
            "$.partners[*].orders [2]: expected a number, found null",
            "$.data.label: expected a number, found a string",
            "$.data.missing: no value",
        ])
        #expect(server.requests.first?.headers["accept"] == "application/json")
    }

    @Test func secretHeadersAreSentButNeverShownEvenWhenTheServerEchoesThem() async throws {
        let secret = "s3cr3t-t0ken-value"
        let server = try TestHTTPServer(routes: [
            "/echo": .init(status: 500, contentType: "text/plain", body: Array("upstream rejected Bearer \(secret)\n\u{1B}[31m".utf8)),
        ])
        let failing = collector(server, path: "/echo", headers: ["Authorization": SecretTemplate("Bearer ${SHOP_TOKEN}")],
                                environment: ["SHOP_TOKEN": secret])
        let message = try #require(await failure(failing))
        #expect(server.requests.first?.headers["authorization"] == "Bearer \(secret)")
        #expect(message.hasPrefix("GET \(server.url("/echo")): HTTP 500 Internal Server Error: upstream rejected Bearer ***"))
        #expect(!message.contains(secret))
        #expect(!message.contains("\u{1B}"))
    }

    @Test func secretsInTheURLShowAsConfigured() async throws {
        let server = try TestHTTPServer(routes: ["/x": .init(body: Array("{}".utf8))])
        let keyed = collector(url: server.url("/nothing?key=${API_KEY}"), environment: ["API_KEY": "k-123456"])
        let message = try #require(await failure(keyed))
        #expect(message == "GET \(server.url("/nothing?key=${API_KEY}")): HTTP 404 Not Found: no such path")
        #expect(server.requests.first?.path == "/nothing?key=k-123456")
    }

    @Test func anUnsetSecretVariableFailsWithoutSending() async throws {
        let server = try TestHTTPServer(routes: ["/stats": .init(body: Self.body)])
        let unset = collector(server, headers: ["X-Api-Key": .fromEnvironment("SHOP_KEY")])
        let message = try #require(await failure(unset))
        #expect(message.hasSuffix("environment variable SHOP_KEY is not set (needed by \"${SHOP_KEY}\")"))
        #expect(server.requests.isEmpty)
    }

    @Test func anEndpointThatIsDownFailsWithConnectionRefused() async throws {
        let port = try TestHTTPServer.closedPort()
        let message = try #require(await failure(collector(url: "http://127.0.0.1:\(port)/stats")))
        #expect(message == "GET http://127.0.0.1:\(port)/stats: connection refused")
    }

    @Test func aSlowEndpointTimesOut() async throws {
        let server = try TestHTTPServer(routes: ["/slow": .init(body: Self.body, delay: 3)])
        // The server would answer valid JSON after 3 s, so the message proves the deadline cut
        // it short. (No wall-clock assertion: the full suite's blocking tests can hold every
        // cooperative thread for seconds before this test resumes.)
        let message = try #require(await failure(collector(server, path: "/slow", timeout: 0.3)))
        #expect(message == "GET \(server.url("/slow")): timed out after 0.3 s")
    }

    @Test(arguments: [false, true])
    func cancellingTheCollectionEndsTheRequestAtOnce(afterTheServerHasTheRequest: Bool) async throws {
        let server = try TestHTTPServer(routes: ["/slow": .init(body: Self.body, delay: 3)])
        let slow = collector(server, path: "/slow", timeout: 10)
        let collection = Task { try await slow.collect(at: 0) }
        if afterTheServerHasTheRequest {
            try await wait(for: "the server to receive the request") { !server.requests.isEmpty }
        }
        collection.cancel()
        // Without the cancellation the server's valid answer would arrive after 3 s.
        await #expect(throws: CollectionFailure("GET \(server.url("/slow")): cancelled")) { try await collection.value }
    }

    @Test func invalidJSONFailsTheCollection() async throws {
        let server = try TestHTTPServer(routes: ["/bad": .init(body: Array(#"{"data": [1, }"#.utf8))])
        let message = try #require(await failure(collector(server, path: "/bad")))
        #expect(message.hasPrefix("GET \(server.url("/bad")): invalid JSON"))
    }

    @Test(arguments: [true, false])
    func aBodyOverTheLimitFailsTheCollectionWithOrWithoutALength(sendsLength: Bool) async throws {
        let huge = Array(repeating: UInt8(ascii: " "), count: 4 << 20) + Self.body
        let server = try TestHTTPServer(routes: ["/stats": .init(body: huge, sendsLength: sendsLength)])
        let endpoint = HTTPEndpoint(url: SecretTemplate(server.url("/stats")), maxBodyBytes: 64 << 10)
        let limited = HTTPJSONCollector(configuration: .init(name: "shop-api", endpoint: endpoint, values: []), environment: [:])
        let message = try #require(await failure(limited))
        #expect(message == "GET \(server.url("/stats")): response body is over the limit of 65536 bytes")
        let unlimited = HTTPJSONCollector(configuration: .init(
            name: "shop-api", endpoint: HTTPEndpoint(url: SecretTemplate(server.url("/stats"))), values: []), environment: [:])
        #expect(await failure(unlimited) == nil, "the same body within the limit is read whole")
    }

    @Test func aURLThatIsNotHTTPIsRefused() async throws {
        let message = try #require(await failure(collector(url: "file:///etc/passwd")))
        #expect(message == "GET file:///etc/passwd: not an http:// or https:// URL")
    }
}
