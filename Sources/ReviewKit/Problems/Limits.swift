/// The documented limits that turn hostile or mistaken input into an error
/// instead of a hang, a crash or gigabytes of memory.
public enum Limits {
    public static let maxGeneratedProblems = 1000
    public static let maxFileBytes = 8 << 20
}
