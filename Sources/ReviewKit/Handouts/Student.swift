/// One person on the roster.
///
/// `id` is what their variant is derived from (with the handout's seed), so
/// it must be stable: reordering a roster keeps everyone's problems, and
/// adding a student changes no one else's.
public struct Student: Sendable, Equatable {
    /// 1-based position on the roster; the folder number.
    public var number: Int
    public var id: String
    public var name: String?

    public init(number: Int, id: String, name: String?) {
        self.number = number
        self.id = id
        self.name = name
    }

    /// `001`, `002`, …: three digits, so folders sort in roster order.
    public var paddedNumber: String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The student's folder: `001-alice-martin`, or `001` when neither name
    /// nor id has anything a file name can safely keep (e.g. CJK names).
    public var folder: String {
        let slug = SafeFileName.slug(name ?? id)
        let part = slug.isEmpty ? SafeFileName.slug(id) : slug
        return part.isEmpty || part == paddedNumber ? paddedNumber : "\(paddedNumber)-\(part)"
    }
}
