import Foundation

/// The directory `review build` writes: created new, or — with `--force` —
/// replacing an empty directory or an earlier build, and nothing else.
///
/// What may be touched is decided once, on the path resolved as the OS
/// resolves it (`OutputPath`), and checked again just before the swap:
/// - never the root, the home directory, the current directory, a directory
///   holding any of them, or one holding an input file: replacing those
///   would delete the user's own files;
/// - an existing directory only with `--force`, and only when it is empty
///   or holds nothing but the files an earlier build listed in its
///   `manifest.json` (`EarlierBuild`), so a teacher's own files are never
///   deleted, whatever the flags;
/// - a symbolic link names the directory it points to; the link itself is
///   left as it is.
///
/// Files are written into a hidden staging directory beside the target
/// (same file system), which is then renamed into place: a reader sees the
/// old directory or the complete new one, never half a build.
public struct OutputDirectory: Sendable {
    /// The path as the user typed it, for messages.
    public let shownPath: String
    let target: ResolvedPath
    let replace: Bool
    /// Real paths of every file the build reads.
    let inputs: [String]

    /// Resolves and checks `path` (a `UsageError`, exit status 2, when it
    /// may not be written), before any work is done. Leftovers of killed
    /// runs beside it are cleaned up first.
    public init(_ path: String, replace: Bool, inputs: [String]) throws {
        shownPath = path
        target = try OutputPath.resolve(path, option: "--out")
        self.replace = replace
        self.inputs = inputs.filter { $0 != "-" }.compactMap(OutputPath.realPath)
        cleanLeftovers()
        try check()
    }

    /// Creates the staging directory, lets `fill` write the build into it,
    /// checks the target again and swaps the staging directory into place.
    /// If `fill` fails the
    /// staging directory is removed and the target is as it was.
    public func install<Result>(_ fill: (StagingDirectory) throws -> Result) throws -> Result {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: target.parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: target.parent, reason: "cannot create the folder")
        }
        let staging = target.parent + "/" + ScratchName.make(for: target.name, kind: "building")
        guard mkdir(staging, 0o777) == 0 else { throw WriteError.posix(staging) }
        do {
            let result = try fill(StagingDirectory(path: staging))
            try check()
            try swapIn(staging)
            return result
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }

    private func check() throws {
        let path = target.path
        func refuse(_ reason: String) -> UsageError {
            UsageError(message: "--out \(shownPath): \(reason)")
        }
        let homes = [NSHomeDirectory(), ProcessInfo.processInfo.environment["HOME"]].compactMap { $0 }
        if homes.compactMap(OutputPath.realPath).contains(where: { OutputPath.contains(path, $0) }) {
            throw refuse("is your home directory or holds it; a build replaces its whole output directory")
        }
        if OutputPath.contains(path, OutputPath.currentDirectory()) {
            throw refuse("is the current directory or holds it; a build replaces its whole output directory")
        }
        if let input = inputs.first(where: { OutputPath.contains(path, $0) }) {
            throw refuse("holds the input file \(input); a build replaces its whole output directory")
        }
        guard let entry = OutputPath.linkStatus(path) else { return }
        guard entry.st_mode & S_IFMT == S_IFDIR else { throw refuse("exists and is not a directory") }
        guard replace else { throw refuse("already exists (use --force to replace it)") }
        if let foreign = EarlierBuild.foreignEntry(in: path) {
            throw refuse(
                "not replaced: it holds \(foreign), which no earlier build wrote; "
                    + "--force replaces only an empty directory or an earlier build")
        }
    }

    /// Renames `staging` to the target, moving an earlier build out of the
    /// way first and deleting it only once the new one is in place.
    private func swapIn(_ staging: String) throws {
        let path = target.path
        let old = target.parent + "/" + ScratchName.make(for: target.name, kind: "old")
        let hadOld = OutputPath.linkStatus(path) != nil
        if hadOld {
            guard rename(path, old) == 0 else { throw WriteError.posix(path) }
        }
        guard rename(staging, path) == 0 else {
            let failure = WriteError.posix(path)
            if hadOld { _ = rename(old, path) }
            throw failure
        }
        if hadOld { try? FileManager.default.removeItem(atPath: old) }
    }

    /// Removes what killed runs left beside the target: their staging
    /// directories, and their earlier builds moved aside — put back when the
    /// run died between the two renames of the swap, so no build is lost.
    private func cleanLeftovers() {
        for staging in ScratchName.leftovers(in: target.parent, for: target.name, kind: "building") {
            try? FileManager.default.removeItem(atPath: staging)
        }
        for old in ScratchName.leftovers(in: target.parent, for: target.name, kind: "old") {
            if OutputPath.linkStatus(target.path) == nil {
                _ = rename(old, target.path)
            } else if EarlierBuild.foreignEntry(in: old) == nil {
                try? FileManager.default.removeItem(atPath: old)
            }
        }
    }
}

/// The hidden directory a build is written into before it is renamed into place.
public struct StagingDirectory: HandoutSink {
    let path: String

    public func write(_ files: [PlannedFile]) throws {
        try write(files, jobs: 1)
    }

    public func stream(_ relative: String, _ produce: ((String) throws -> Void) throws -> Void) throws {
        let file = path + "/" + relative
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw WriteError.posix(file) }
        do {
            try produce { piece in
                if let failure = Descriptor.writeAll(fd, piece) { throw WriteError.posix(file, failure) }
            }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw WriteError.posix(file) }
    }

    public func write(_ relative: String, bytes: [UInt8]) throws {
        try write([PlannedFile(path: relative, contents: "")], jobs: 1, bytes: bytes)
    }

    /// Writes `files` (paths relative to the build, `/`-separated), `jobs`
    /// at a time, creating their folders.
    public func write(_ files: [PlannedFile], jobs: Int) throws {
        try write(files, jobs: jobs, bytes: nil)
    }

    /// `bytes`, when given, are the contents of every file instead of their text.
    private func write(_ files: [PlannedFile], jobs: Int, bytes: [UInt8]?) throws {
        var folders = Set<String>()
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            guard !file.path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
                throw WriteError(path: file.path, reason: "not a plain relative path")
            }
            for depth in 1..<max(parts.count, 1) { folders.insert(parts[..<depth].joined(separator: "/")) }
        }
        for folder in folders.sorted() {
            let full = path + "/" + folder
            guard mkdir(full, 0o777) == 0 || (errno == EEXIST && OutputPath.isDirectory(full)) else {
                throw WriteError.posix(full)
            }
        }
        let root = path
        _ = try ParallelMap.map(count: files.count, jobs: jobs) { index in
            try Descriptor.create(
                root + "/" + files[index].path, bytes.map { .bytes($0) } ?? .text(files[index].contents))
        }
    }
}

/// Recognises a directory that only holds what an earlier `review build`
/// wrote: its `manifest.json` (made by review) lists every other file in it.
enum EarlierBuild {
    /// nil when `directory` is empty or an earlier build; otherwise the
    /// first entry no build wrote (relative, quoted), for the message.
    static func foreignEntry(in directory: String) -> String? {
        let entries = walk(directory)
        guard !entries.isEmpty else { return nil }
        let listed = manifestFiles(directory)
        for (relative, type) in entries {
            switch type {
            case S_IFDIR: continue
            case S_IFREG where relative == "manifest.json" && listed != nil: continue
            case S_IFREG where listed?.contains(relative) == true: continue
            default: return "'\(relative)'"
            }
        }
        return nil
    }

    /// The `files` of `directory/manifest.json` when review wrote it.
    private static func manifestFiles(_ directory: String) -> Set<String>? {
        let path = directory + "/manifest.json"
        guard let info = OutputPath.linkStatus(path), info.st_mode & S_IFMT == S_IFREG, info.st_size < 64 << 20,
              let data = FileManager.default.contents(atPath: path),
              let manifest = try? JSONParser.parse([UInt8](data)),
              case .string(let generator)? = manifest["generator"]?.kind, generator.hasPrefix("review "),
              case .array(let files)? = manifest["files"]?.kind
        else { return nil }
        return Set(files.compactMap { if case .string(let file) = $0.kind { file } else { nil } })
    }

    /// Every entry below `directory` (links not followed), with its type.
    private static func walk(_ directory: String, prefix: String = "") -> [(String, mode_t)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var entries: [(String, mode_t)] = []
        for name in names.sorted() {
            let relative = prefix + name
            let type = OutputPath.linkStatus(directory + "/" + name).map { $0.st_mode & S_IFMT } ?? 0
            entries.append((relative, type))
            if type == S_IFDIR { entries += walk(directory + "/" + name, prefix: relative + "/") }
        }
        return entries
    }
}
