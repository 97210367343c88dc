/// One template compiled once into a tree of nodes, ready to render any
/// number of times: parsing is the slow part, so a library parses each file
/// once and keeps the tree.
struct Template: Sendable {
    let nodes: [TemplateNode]
    /// How `{{value}}` is escaped in this file (partials use their own).
    let escaping: TemplateEscaping

    /// Compiles `text`; throws `TemplateSyntaxError` for anything our
    /// templates must not contain (unclosed sections, lambdas, dotted names…).
    init(_ text: String, escaping: TemplateEscaping) throws {
        self.nodes = try TemplateParser.parse(text)
        self.escaping = escaping
    }

    /// The names of the partials this template (or any of its sections) uses,
    /// so a library can check at load time that each exists.
    var partialNames: [String] {
        var names: [String] = []
        func visit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let name, _): names.append(name)
                case .section(_, _, let inner): visit(inner)
                case .text, .variable: break
                }
            }
        }
        visit(nodes)
        return names
    }
}

/// A piece of a compiled template.
indirect enum TemplateNode: Sendable {
    /// Literal text, copied as is.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw); `.` is the top of the stack.
    case variable(name: String, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(name: String, inverted: Bool, nodes: [TemplateNode])
    /// `{{> name}}`; `indentation` is set when the tag stood alone on its
    /// line (the whitespace before it), as swift-mustache recorded it.
    case partial(name: String, indentation: String?)
}
