import Foundation

/// Installs a whole directory of files at once, or not at all.
///
/// Files are written into a hidden temporary directory beside the target
/// (same file system), which is then renamed into place: a reader sees the
/// old directory or the complete new one, never half a build; a failed
/// write removes the temporary directory and leaves the target as it was.
public enum OutputDirectory {
    /// Fails (a `UsageError`, exit status 2) when `path` exists and may not
    /// be replaced, or is not a directory. Called before a build starts, so
    /// no work is wasted, and again just before the rename.
    public static func checkAvailable(_ path: String, replace: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw UsageError(message: "\(path): exists and is not a directory")
        }
        guard replace else {
            throw UsageError(message: "\(path): already exists (use --force to replace it)")
        }
    }

    /// Writes `files` (paths relative to `path`) and renames them into place.
    /// With `replace`, an existing directory is renamed away first, the new
    /// one renamed in, and the old one deleted; if the second rename fails
    /// the old one is put back.
    public static func install(_ files: [PlannedFile], at path: String, replace: Bool, jobs: Int = 1) throws {
        try checkAvailable(path, replace: replace)
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).building-\(pid)")
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: parent.path, reason: describe(error))
        }
        try? manager.removeItem(at: staging)  // left over by a killed run with the same pid
        do {
            try write(files, into: staging, jobs: jobs)
            try checkAvailable(path, replace: replace)
            try swap(staging, into: target, pid: pid)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    private static func write(_ files: [PlannedFile], into directory: URL, jobs: Int) throws {
        let manager = FileManager.default
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).sorted()
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: false)
            for folder in folders where !folder.isEmpty {
                try manager.createDirectory(
                    at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
        } catch {
            throw WriteError(path: directory.path, reason: describe(error))
        }
        _ = try ParallelMap.map(count: files.count, jobs: jobs) { index in
            let url = directory.appendingPathComponent(files[index].path)
            do {
                try Data(files[index].contents.utf8).write(to: url)
            } catch {
                throw WriteError(path: url.path, reason: describe(error))
            }
        }
    }

    /// Renames `staging` to `target`, moving an existing `target` out of the
    /// way first and deleting it only once the new directory is in place.
    private static func swap(_ staging: URL, into target: URL, pid: Int32) throws {
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
        let hadOld = FileManager.default.fileExists(atPath: target.path)
        if hadOld {
            try? FileManager.default.removeItem(at: old)
            guard rename(target.path, old.path) == 0 else {
                throw WriteError(path: target.path, reason: String(cString: strerror(errno)))
            }
        }
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(old.path, target.path) }
            throw WriteError(path: target.path, reason: reason)
        }
        if hadOld { try? FileManager.default.removeItem(at: old) }
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
