import Foundation
import Testing
@testable import EcotopCollectors

/// Credentials go only where they were configured for: a redirect to another origin is
/// followed without the configured headers, and a redirect loop is named as one, whether the
/// request has a session of its own or shares one (`HTTPSession`) with other requests.
@Suite struct HTTPRedirectTests {
    @Test(arguments: [false, true]) func aRedirectToAnotherOriginDropsTheConfiguredHeaders(sharingASession: Bool) async throws {
        let session = sharingASession ? HTTPSession(timeout: 5) : nil
        let elsewhere = try TestHTTPServer(routes: ["/data": .init(body: Array("{\"ok\":1}".utf8))])
        defer { elsewhere.stop() }
        let here = try TestHTTPServer(routes: [
            "/moved": .init(status: 302, body: [], headers: ["Location": elsewhere.url("/data")]),
            "/same": .init(status: 302, body: [], headers: ["Location": "/data"]),
            "/data": .init(body: Array("{\"ok\":2}".utf8)),
        ])
        defer { here.stop() }
        let secret = ["Authorization": "Bearer s3cret", "X-Api-Key": "k3y"]

        let away = try await HTTPGet(url: try #require(URL(string: here.url("/moved"))), headers: secret, timeout: 5, maxBodyBytes: 1 << 20).run(in: session)
        #expect(away.status == 200 && String(decoding: away.body, as: UTF8.self) == "{\"ok\":1}")
        let received = try #require(elsewhere.requests.first)
        #expect(received.headers["authorization"] == nil && received.headers["x-api-key"] == nil, "\(received.headers)")

        let home = try await HTTPGet(url: try #require(URL(string: here.url("/same"))), headers: secret, timeout: 5, maxBodyBytes: 1 << 20).run(in: session)
        #expect(String(decoding: home.body, as: UTF8.self) == "{\"ok\":2}")
        #expect(here.requests.last?.headers["authorization"] == "Bearer s3cret", "the same origin keeps them")
    }

    @Test(arguments: [false, true]) func aRedirectLoopIsNamed(sharingASession: Bool) async throws {
        let session = sharingASession ? HTTPSession(timeout: 10) : nil
        let server = try TestHTTPServer(routes: ["/loop": .init(status: 302, body: [], headers: ["Location": "/loop"])])
        defer { server.stop() }
        do {
            _ = try await HTTPGet(url: try #require(URL(string: server.url("/loop"))), headers: [:], timeout: 10, maxBodyBytes: 1 << 20).run(in: session)
            Issue.record("a redirect loop returned a response")
        } catch let error as HTTPGetError {
            #expect(error.reason.contains("too many redirects"), "\(error.reason)")
        }
    }
}

/// A secret with a line break is an error naming the variable, never a silently dropped header.
@Suite struct SecretLineBreakTests {
    @Test(arguments: ["abc\r\nX-Injected: 1", "abc\n", "\rabc"])
    func aSecretWithALineBreakIsRefusedWithoutShowingIt(value: String) {
        do {
            _ = try SecretTemplate("Bearer ${SHOP_TOKEN}").resolve(in: ["SHOP_TOKEN": value])
            Issue.record("a header value with a line break was accepted")
        } catch {
            #expect(error.description.contains("SHOP_TOKEN holds a line break"), "\(error.description)")
            #expect(!error.description.contains("abc"), "the secret's value never shows")
        }
    }
}
