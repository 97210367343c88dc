import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one of the child's standard streams is connected to.
enum ChildStream: Sendable, CustomStringConvertible {
    /// A pipe the test reads to the end.
    case captured
    /// No descriptor at all (`>&-`).
    case closed
    /// `/dev/full`: every write fails with ENOSPC.
    case full
    /// A pipe whose read end is closed before the child starts: every write
    /// fails with EPIPE (and raises SIGPIPE).
    case brokenPipe

    var description: String {
        switch self {
        case .captured: "captured"
        case .closed: "closed"
        case .full: "/dev/full"
        case .brokenPipe: "broken pipe"
        }
    }
}

/// The SIGPIPE disposition the child starts with.
enum BrokenPipeSignal: Sendable {
    case `default`, ignored
}

/// How a spawned `review` ended, and what it wrote where the test could read.
struct SpawnedRun {
    /// nil when the child was killed by a signal (a crash or SIGPIPE).
    var exitStatus: Int32?
    var signal: Int32?
    var stdout: String
    var stderr: String
}

extension ReviewProcess {
    /// Runs `review` with stdout and stderr connected as given, through
    /// posix_spawn so the descriptors and the SIGPIPE disposition are exactly
    /// what the test says (Process can neither close a descriptor nor choose
    /// the disposition). stdin is /dev/null; paths in `arguments` should be
    /// absolute, since the child runs in the test's working directory.
    static func spawn(
        _ arguments: [String], stdout: ChildStream, stderr: ChildStream, sigpipe: BrokenPipeSignal = .default
    ) throws -> SpawnedRun {
        spawnLock.lock()
        var locked = true
        defer { if locked { spawnLock.unlock() } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        var readEnds: [Int32: Int32] = [:]
        var parentEnds: [Int32] = []
        for (target, stream) in [(STDOUT_FILENO, stdout), (STDERR_FILENO, stderr)] {
            switch stream {
            case .captured:
                let (readEnd, writeEnd) = try makePipe()
                readEnds[target] = readEnd
                parentEnds.append(writeEnd)
                posix_spawn_file_actions_adddup2(&actions, writeEnd, target)
            case .closed:
                posix_spawn_file_actions_addclose(&actions, target)
            case .full:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/full", O_WRONLY, 0)
            case .brokenPipe:
                let (readEnd, writeEnd) = try makePipe()
                close(readEnd)
                parentEnds.append(writeEnd)
                posix_spawn_file_actions_adddup2(&actions, writeEnd, target)
            }
        }

        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK)
        switch sigpipe {
        case .default:
            sigaddset(&signals, SIGPIPE)
            posix_spawnattr_setsigdefault(&attributes, &signals)
            flags |= Int32(POSIX_SPAWN_SETSIGDEF)
        case .ignored:
            // An ignored signal stays ignored across exec; ignoring it here
            // only turns the test runner's own broken pipes into EPIPE.
            signal(SIGPIPE, SIG_IGN)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, environ)
        parentEnds.forEach { close($0) }
        spawnLock.unlock()
        locked = false
        guard spawned == 0 else {
            readEnds.values.forEach { close($0) }
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }

        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        if let errEnd = readEnds[STDERR_FILENO] {
            group.enter()
            DispatchQueue.global().async {
                errBox.data = readToEnd(errEnd)
                group.leave()
            }
        }
        let outData = readEnds[STDOUT_FILENO].map(readToEnd) ?? Data()
        group.wait()

        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        return SpawnedRun(
            exitStatus: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// A pipe whose ends close on exec: only the copies the child is given
    /// (by dup2, which clears the flag) survive into it. Without that, a
    /// child a parallel test starts could hold the read end of a "broken"
    /// pipe open. (Glibc's module here has no pipe2; `spawnLock` keeps the
    /// moment between pipe and fcntl from meeting another spawn of ours.)
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    private static let spawnLock = NSLock()

    /// Reads a descriptor to end of file, then closes it.
    private static func readToEnd(_ descriptor: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(descriptor)
        return data
    }
}
