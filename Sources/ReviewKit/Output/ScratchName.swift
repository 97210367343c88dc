import Foundation

/// Hidden names for work in progress beside a target: the staging
/// directory of a build (`.final.building-4711`), the old build moved aside
/// during the swap (`.final.old-4711`), the temporary file of `-o`
/// (`.sheet.md.tmp-4711`).
///
/// The name carries the PID of the process that made it, so a later run can
/// tell a leftover of a killed run (its process is gone) from the work of a
/// run still going, and clean up only the former. It never exceeds the 255
/// bytes a file name may have: when the target's own name is that long, the
/// copy of it inside the scratch name is cut short, so any name the target
/// can have still works.
enum ScratchName {
    static let maxNameBytes = 255

    static func make(for name: String, kind: String, pid: Int32 = getpid()) -> String {
        let tail = ".\(kind)-\(pid)"
        let room = maxNameBytes - 1 - tail.utf8.count
        var stem = ""
        var bytes = 0
        for character in name {
            let size = character.utf8.count
            guard bytes + size <= room else { break }
            stem.append(character)
            bytes += size
        }
        return "." + stem + tail
    }

    /// Scratch entries of `kind` for `name` in `directory` whose process is
    /// gone (or is this process, which has made none yet): full paths.
    static func leftovers(in directory: String, for name: String, kind: String) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        let marker = ".\(kind)-"
        return entries.compactMap { entry in
            guard entry.hasPrefix("."), let range = entry.range(of: marker, options: .backwards),
                  let pid = Int32(entry[range.upperBound...]), pid > 0
            else { return nil }
            let stem = entry[entry.index(after: entry.startIndex)..<range.lowerBound]
            let ours = stem == name || (!stem.isEmpty && name.hasPrefix(stem) && entry.utf8.count >= maxNameBytes - 1)
            guard ours, make(for: name, kind: kind, pid: pid) == entry, !isRunning(pid) else { return nil }
            return directory == "/" ? "/" + entry : directory + "/" + entry
        }
    }

    /// Whether `pid` is a live process other than this one.
    private static func isRunning(_ pid: Int32) -> Bool {
        guard pid != getpid() else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
