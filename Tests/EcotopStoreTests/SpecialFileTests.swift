import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// A FIFO, a device, a socket or a directory where the store expects a segment: every command
/// refuses it with an error naming it, instead of blocking on it forever or reading a device.
@Suite struct SpecialFileTests {
    enum SpecialFile: String, CaseIterable, CustomTestStringConvertible {
        case fifo, device, socket, directory

        var testDescription: String { rawValue }

        /// Makes one at `path`.
        func make(at path: String) throws {
            switch self {
            case .fifo:
                try #require(mkfifo(path, 0o600) == 0)
            case .device:
                try #require(mknod(path, S_IFCHR | 0o600, Self.devNull) == 0, "mknod needs root: \(String(cString: strerror(errno)))")
            case .directory:
                try #require(mkdir(path, 0o700) == 0)
            case .socket:
                let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
                defer { close(descriptor) }
                var address = sockaddr_un()
                address.sun_family = sa_family_t(AF_UNIX)
                withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path.utf8.prefix($0.count - 1)) }
                let bound = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
                }
                try #require(bound == 0)
            }
        }

        /// `/dev/null`'s device number: major 1, minor 3.
        static let devNull = dev_t(1 << 8 | 3)

        /// How the error names it.
        var name: String {
            switch self {
            case .fifo: "a FIFO"
            case .device: "a character device"
            case .socket: "a socket"
            case .directory: "a directory"
            }
        }
    }

    @Test(arguments: SpecialFile.allCases)
    func aSpecialFileInPlaceOfASegmentIsRefusedByEveryCommand(_ special: SpecialFile) throws {
        let filled = try FilledStore()
        let path = filled.store.path(filled.nextRawSegment)
        try special.make(at: path)
        for command in filled.commandsReadingEveryFile() {
            let run = try EcotopBinary.run(command.arguments, input: command.input, killedAfter: 60)
            #expect(run.status == 1, "\(command.name) ended with \(run.status)")
            let said = run.output + run.errors
            #expect(said.contains(path) && said.contains("\(special.name), not a regular file"), "\(command.name): \(said)")
        }
        try FileManager.default.removeItem(atPath: path)
        #expect(filled.changedFiles().isEmpty)
        #expect(try filled.values() == (0..<100).map(Double.init))
    }

    @Test(arguments: SpecialFile.allCases)
    func aSpecialFileInPlaceOfTheCatalogIsRefused(_ special: SpecialFile) throws {
        let filled = try FilledStore()
        let catalog = filled.store.path("series.jsonl")
        let saved = try filled.store.bytes("series.jsonl")
        try FileManager.default.removeItem(atPath: catalog)
        try special.make(at: catalog)
        for command in filled.commandsReadingEveryFile() {
            let run = try EcotopBinary.run(command.arguments, input: command.input, killedAfter: 60)
            #expect(run.status == 1, "\(command.name) ended with \(run.status)")
            #expect(run.errors.contains(catalog) && run.errors.contains("\(special.name), not a regular file"), "\(command.name): \(run.errors)")
        }
        try FileManager.default.removeItem(atPath: catalog)
        try filled.store.write("series.jsonl", saved)
        #expect(filled.changedFiles().isEmpty)
    }
}
