import Foundation

/// A scratch folder laid out like a user's working tree, with files that
/// must survive whatever `review` is told to write: the test checks them
/// before and after every run.
struct Sandbox {
    /// Real path (no symlinks), so it compares with what `review` resolves.
    let root: String

    init() throws {
        let url = try ReviewProcess.temporaryDirectory()
        root = url.resolvingSymlinksInPath().path
    }

    @discardableResult
    func write(_ text: String, to relative: String, mode: Int = 0o644) throws -> String {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode_t(mode))
        return path
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: root + "/" + relative, withIntermediateDirectories: true)
    }

    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/" + relative, withDestinationPath: destination)
    }

    /// Every entry under the sandbox, links not followed: relative path →
    /// its type, permissions and contents (or link target).
    func snapshot() -> [String: String] {
        var entries: [String: String] = [:]
        func walk(_ directory: String, _ prefix: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
            for name in names {
                let path = directory + "/" + name, relative = prefix + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                let mode = String(info.st_mode & 0o7777, radix: 8)
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    entries[relative] = "dir \(mode)"
                    walk(path, relative + "/")
                case S_IFREG:
                    let data = FileManager.default.contents(atPath: path) ?? Data()
                    entries[relative] = "file \(mode) \(data.count) \(data.hashValue)"
                case S_IFLNK:
                    entries[relative] = "link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
                default:
                    entries[relative] = "other \(info.st_mode & S_IFMT)"
                }
            }
        }
        walk(root, "")
        return entries
    }

    /// Paths whose entry differs between two snapshots (added, removed or changed).
    static func changes(_ before: [String: String], _ after: [String: String]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    func run(_ arguments: [String], in relative: String = "", home: String? = nil) throws -> ReviewRun {
        let directory = URL(fileURLWithPath: relative.isEmpty ? root : root + "/" + relative)
        return try ReviewProcess.run(arguments, in: directory, environment: home.map { ["HOME": $0] } ?? [:])
    }
}

/// A small deterministic generator (SplitMix64), so a failing random case
/// can be run again from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
