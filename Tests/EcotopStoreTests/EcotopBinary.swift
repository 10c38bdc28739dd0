import Foundation
import Testing

/// The `ecotop` executable, built next to the test bundle because the test target depends on it.
enum EcotopBinary {
    static var path: String {
        get throws {
            let test = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            let path = URL(fileURLWithPath: test).deletingLastPathComponent().appendingPathComponent("ecotop").path
            try #require(FileManager.default.isExecutableFile(atPath: path), "no ecotop binary at \(path)")
            return path
        }
    }

    /// What a run printed and how it ended.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `ecotop` with `arguments`, feeding `input` on stdin, and waits for it.
    static func run(_ arguments: [String], input: String = "") throws -> Run {
        try launch(try path, arguments, input: input)
    }

    /// Runs `ecotop` like `run`, but killed (by signal 9) if it has not finished after `seconds`, so
    /// a command that would hang fails its test instead of blocking it; with `addressSpaceKiB`, its
    /// memory is capped (`ulimit -v`) so that reading a large file whole makes it abort.
    static func run(_ arguments: [String], input: String = "", killedAfter seconds: Int, addressSpaceKiB: Int? = nil) throws -> Run {
        let limit = addressSpaceKiB.map { "ulimit -v \($0) && " } ?? ""
        let script = limit + "exec timeout --signal=KILL \(seconds) \"$@\""
        return try launch("/bin/sh", ["-c", script, "sh", try path] + arguments, input: input)
    }

    private static func launch(_ executable: String, _ arguments: [String], input: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }
}
