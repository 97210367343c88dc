import Foundation

/// Runs a fuzz target's body over files, without libFuzzer.
///
/// A fuzz target built by a plain `swift build` (no `-sanitize=fuzzer`) has
/// no libFuzzer `main`; it gets this one instead, so the seed corpus and any
/// crash file libFuzzer saved can be replayed in a normal debug build, and
/// CI can run the corpus in seconds without the sanitizer build.
public enum Replay {
    /// Feeds every file named on the command line (directories: every file
    /// inside) to `body`, and prints how many inputs ran.
    public static func main(_ body: ([UInt8]) -> Void) {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            for path in files(at: argument) {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                    exit(2)
                }
                body([UInt8](data))
                count += 1
            }
        }
        print("replayed \(count) inputs")
    }

    private static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { "\(path)/\($0)" }
    }
}
