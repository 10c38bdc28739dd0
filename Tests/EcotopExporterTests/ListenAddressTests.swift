import Testing
@testable import EcotopExporter

@Suite struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:9464", "127.0.0.1", 9464 as UInt16, false, true),
        ("localhost:0", "127.0.0.1", 0, false, true),
        ("127.1.2.3:80", "127.1.2.3", 80, false, true),
        ("[::1]:9464", "::1", 9464, true, true),
        ("[::ffff:127.0.0.1]:9464", "::ffff:127.0.0.1", 9464, true, true),
        ("0.0.0.0:9464", "0.0.0.0", 9464, false, false),
        ("192.168.1.10:9464", "192.168.1.10", 9464, false, false),
        ("[::]:9464", "::", 9464, true, false),
    ])
    func readsAddressAndPortAndKnowsLoopback(text: String, host: String, port: UInt16, isIPv6: Bool, isLoopback: Bool) throws {
        let address = try ListenAddress(parsing: text)
        #expect(address.host == host)
        #expect(address.port == port)
        #expect(address.isIPv6 == isIPv6)
        #expect(address.isLoopback == isLoopback)
    }

    @Test(arguments: [
        ("9464", "--listen '9464': expected ADDRESS:PORT, such as 127.0.0.1:9464"),
        ("127.0.0.1:99999", "--listen '127.0.0.1:99999': the port '99999' is not a number from 0 to 65535"),
        ("127.0.0.1:", "--listen '127.0.0.1:': the port '' is not a number from 0 to 65535"),
        ("example.com:9464", "--listen 'example.com:9464': 'example.com' is not an IP address (write 127.0.0.1, ::1 or 0.0.0.0, not a host name)"),
        ("::1:9464", "--listen '::1:9464': write an IPv6 address in brackets, such as [::1]:9464"),
        ("[::1]9464", "--listen '[::1]9464': expected [IPV6]:PORT, such as [::1]:9464"),
    ])
    func refusesWhatIsNotAnAddressSayingWhy(text: String, message: String) {
        #expect(throws: ListenAddressError.self) { try ListenAddress(parsing: text) }
        do {
            _ = try ListenAddress(parsing: text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func writesIPv6InBrackets() throws {
        #expect(try ListenAddress(parsing: "[::1]:9464").with(port: 1).description == "[::1]:1")
        #expect(try ListenAddress(parsing: "localhost:9464").description == "127.0.0.1:9464")
    }
}
