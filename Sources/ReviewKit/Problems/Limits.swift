/// The documented limits that turn hostile or mistaken input into an error
/// instead of a hang, a crash or gigabytes of memory.
public enum Limits {
    public static let maxGeneratedProblems = 1000
    public static let maxFileBytes = 8 << 20
}

extension Limits {
    /// Students on one handout: folders are numbered with three digits.
    public static let maxStudents = 999
    /// Problems in one build (students × problems each), all held in memory
    /// before anything is written.
    public static let maxHandoutProblems = 100_000
}
