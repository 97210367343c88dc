import Dispatch
import Foundation

/// Maps `0..<count` on every core, results in index order.
///
/// Workers take the next index from a shared counter, so a slow student
/// does not hold up a whole block of others; each result lands in its own
/// slot, so the output is the same whatever the scheduling. When several
/// indices fail, the error of the lowest index is thrown: the same error
/// every run.
enum ParallelMap {
    static func map<T: Sendable>(
        count: Int, jobs: Int, _ body: @Sendable (Int) throws -> T
    ) throws -> [T] {
        let state = State<T>(count: count)
        let workers = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = state.next() {
                let result = Result { try body(index) }
                state.store(result, at: index)
            }
        }
        return try state.results()
    }

    private final class State<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private let count: Int
        private var slots: [Result<T, Error>?]
        private var failed = false

        init(count: Int) {
            self.count = count
            slots = Array(repeating: nil, count: count)
        }

        /// The next index to work on; nil when done or after a failure
        /// (the rest would be thrown away).
        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard nextIndex < count, !failed else { return nil }
            nextIndex += 1
            return nextIndex - 1
        }

        func store(_ result: Result<T, Error>, at index: Int) {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = result
            if case .failure = result { failed = true }
        }

        func results() throws -> [T] {
            lock.lock()
            defer { lock.unlock() }
            var values: [T] = []
            values.reserveCapacity(count)
            for slot in slots {
                switch slot {
                case .success(let value)?: values.append(value)
                case .failure(let error)?: throw error
                case nil: continue  // skipped after an earlier failure
                }
            }
            return values
        }
    }
}
