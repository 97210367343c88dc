import Foundation

/// Runs the built `review` binary the way a user does, capturing stdout,
/// stderr and the exit status: the one helper every end-to-end test uses.
struct ReviewRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data
    /// The process was still running at the timeout and was killed.
    var timedOut = false
}

enum ReviewProcess {
    /// The `review` executable beside the test bundle (`.build/<config>/`).
    static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("review")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/review")
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// With a `timeout`, a process still running after that many seconds is
    /// killed and the run says `timedOut`, so a hang fails a test instead of
    /// stalling the suite.
    static func run(
        _ arguments: [String], stdin: String? = nil, in directory: URL? = nil, timeout: TimeInterval? = nil,
        environment: [String: String] = [:]
    ) throws -> ReviewRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        final class Flag: @unchecked Sendable { var set = false }
        let killed = Flag()
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                guard process.isRunning else { return }
                killed.set = true
                kill(process.processIdentifier, SIGKILL)
            }
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return ReviewRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData, timedOut: killed.set)
    }

    /// A fresh empty directory for files a test writes.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("review-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension ReviewRun {
    /// Parses stdout as JSON.
    func json() throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: stdoutData)) as? [String: Any] ?? [:]
    }
}
