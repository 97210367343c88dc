/// Integer counts that must come out exact: feature-map sizes, parameter
/// counts, the products a worked sheet writes down. Every sum and product
/// is checked against a limit, by default 2^53: counts above it could not
/// be written exactly as JSON numbers (doubles), so they are an error
/// rather than a silently rounded (or wrapped) answer.
///
/// Used by `conv` (parameters of a layer stack), by `convolve` (how many
/// products a sheet may hold) and by `WindowAxis`, the size rule of both.
enum CheckedCount {
    /// 2^53: the largest count a JSON number (a double) holds exactly.
    static let exactLimit = 1 << 53

    /// A sum or product went past its limit (or past `Int`).
    struct Overflow: Error {}

    static func sum(_ a: Int, _ b: Int, limit: Int = exactLimit) throws -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow, sum <= limit else { throw Overflow() }
        return sum
    }

    /// The product of non-negative `factors`; every partial product is
    /// checked, so the first one past `limit` stops it.
    static func product(_ factors: [Int], limit: Int = exactLimit) throws -> Int {
        var product = 1
        for factor in factors {
            let (next, overflow) = product.multipliedReportingOverflow(by: factor)
            guard !overflow, next <= limit else { throw Overflow() }
            product = next
        }
        return product
    }

    /// `body`'s result, with an overflow of the exact limit reported at
    /// `path` in words a student can act on.
    static func solving<T>(at path: JSONPath, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch is Overflow {
            throw SolveError(path, "the numbers get too large to count exactly (above 2^53)")
        }
    }
}
