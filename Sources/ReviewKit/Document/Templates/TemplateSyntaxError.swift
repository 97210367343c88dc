/// Why a template does not compile, with the byte offset where the parser
/// stopped. Templates are compiled into the binary, so this is a
/// programming error: the library stops with the template's path.
struct TemplateSyntaxError: Error, CustomStringConvertible {
    enum Reason: Sendable {
        case unclosedSection(String)
        case closeNameIncorrect(expected: String?, found: String)
        case unfinishedTag
        case emptyName
        /// Syntax swift-mustache knows but our templates do not use
        /// (set-delimiters, pragmas, inheritance, dynamic partials, lambdas
        /// and transforms, dotted names): refused so a mistake cannot render silently.
        case unsupported(String)
        /// A carriage return: line ends are `\n` only, so standalone lines
        /// behave the same everywhere.
        case carriageReturn
    }

    let reason: Reason
    let offset: Int

    var description: String { "\(reason) at byte \(offset)" }
}
