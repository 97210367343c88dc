/// LaTeX math → MathML Core, so HTML pages show formulas with no JavaScript and no CDN.
///
/// Every formula in `review` is written once, as LaTeX math: Markdown and LaTeX output keep it
/// between dollars, and the HTML renderer calls `MathML.render` for each one. Current Chromium,
/// Firefox and Safari draw the result natively.
///
/// The converter covers the subset the tool writes (see `MathSymbols` and
/// `MathParser.parseCommand`): identifiers, numbers, operators, Greek, function names, scripts
/// and limits, fractions, roots, `\left…\right`, accents, matrices and `cases`/`aligned`,
/// colour, boxes and font commands. It never fails: unknown commands become
/// `<merror><mtext>\foo</mtext></merror>`, unbalanced input is closed, nesting deeper than
/// `maximumDepth` is cut off with an `<merror>`, and every emitted text is XML-escaped.
/// The output is deterministic.
import Foundation

public enum MathML {
    /// How deep braces, arguments, `\left` and environments may nest before the rest of that
    /// group is replaced by an `<merror>`.
    public static let maximumDepth = MathParser.maxDepth

    /// Converts one LaTeX math formula (the text between `$…$`, without the dollars) to a
    /// `<math>` element; `display` adds `display="block"` and TeX's display style (limits below
    /// `\sum`, large operators).
    public static func render(_ latex: String, display: Bool) -> String {
        let key = display ? "D" + latex : "I" + latex
        if let cached = cache.lookup(key) { return cached }
        var parser = MathParser(latex)
        let nodes = parser.parse()
        var writer = MathMLWriter()
        let result = writer.document(nodes, display: display)
        cache.store(key, result)
        return result
    }

    /// An inline formula that may wrap across lines (`MathMLWriter.breakable`),
    /// for a table too wide for the printed page.
    static func renderBreakable(_ latex: String) -> String {
        var parser = MathParser(latex)
        var writer = MathMLWriter()
        return writer.breakable(parser.parse())
    }

    /// Sheets repeat formulas (∂f/∂x, the rule of a topic, a question shown
    /// again on the solution sheet; a class's sheets share most of them), so
    /// conversions are remembered, up to a bound, across threads.
    private static let cache = Memo(limit: 20_000)

    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: String] = [:]
        private let limit: Int

        init(limit: Int) { self.limit = limit }

        func lookup(_ key: String) -> String? {
            lock.lock()
            defer { lock.unlock() }
            return entries[key]
        }

        func store(_ key: String, _ value: String) {
            guard key.utf8.count < 2_000 else { return }
            lock.lock()
            defer { lock.unlock() }
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
    }
}
