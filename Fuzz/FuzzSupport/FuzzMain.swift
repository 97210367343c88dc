import Foundation
#if FUZZING
import CFuzzer
#endif

/// The `main` of every fuzz target: libFuzzer in a fuzzing build, the
/// corpus replayer (`Replay`) in a plain one.
///
/// SwiftPM links each executable with a `main` of its own, so libFuzzer's
/// `main` cannot be used; `LLVMFuzzerRunDriver` is libFuzzer's documented
/// way in for such programs, and takes the same command line.
public enum FuzzMain {
    nonisolated(unsafe) private static var body: (([UInt8]) -> Void)?

    public static func run(_ body: @escaping ([UInt8]) -> Void) -> Never {
        #if FUZZING
        self.body = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzMain.body?(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
        exit(status)
        #else
        Replay.main(body)
        exit(0)
        #endif
    }
}
