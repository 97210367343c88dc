/// Renders compiled templates against a context stack, appending to one
/// buffer. Follows swift-mustache 2.x's Template+Render.swift: a name is
/// looked up from the top of the stack down, and only objects have
/// children; a name found nowhere renders nothing. Contexts are typed
/// (`TemplateObject`), so no value is cast or reflected while rendering.
struct TemplateRenderer {
    /// The library's template of a name, for partials.
    let partial: (String) -> Template?
    private var stack: [TemplateValue.Frame] = []

    init(partial: @escaping (String) -> Template?) {
        self.partial = partial
    }

    /// `template` filled from `context`.
    mutating func render(_ template: Template, context: TemplateObject) -> String {
        stack = [.object(context)]
        var out = ""
        render(template.nodes, escaping: template.escaping, indentation: nil, into: &out)
        return out
    }

    /// One list of nodes. With an indentation (inside a standalone partial
    /// that was indented) swift-mustache put it before any node's output
    /// that starts after a newline this list wrote itself, not before every
    /// line; that is kept.
    private mutating func render(_ nodes: [TemplateNode], escaping: TemplateEscaping, indentation: String?,
                                 into out: inout String) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, escaping: escaping, indentation: indentation, into: &out) }
            return
        }
        var local = ""
        for node in nodes {
            var piece = ""
            render(node, escaping: escaping, indentation: indentation, into: &piece)
            if !piece.isEmpty, local.last == "\n" { local += indentation }
            local += piece
        }
        out += local
    }

    private mutating func render(_ node: TemplateNode, escaping: TemplateEscaping, indentation: String?,
                                 into out: inout String) {
        switch node {
        case .text(let text):
            out += text
        case .variable(let name, let escaped):
            guard let value = lookup(name) else { return }
            let text = TemplateValue.text(value)
            out += escaped ? escaping.escape(text) : text
        case .section(let name, let inverted, let nodes):
            let value = lookup(name)
            if name == OnceBlock.sectionName, !inverted, value == nil {
                // Built in: a passage the sheet shows once (`OnceBlock`).
                var passage = ""
                render(nodes, escaping: escaping, indentation: indentation, into: &passage)
                if !passage.isEmpty { out += OnceBlock.wrap(passage) }
                return
            }
            if inverted {
                renderInverted(value, nodes, escaping: escaping, indentation: indentation, into: &out)
            } else {
                renderSection(value, nodes, escaping: escaping, indentation: indentation, into: &out)
            }
        case .partial(let name, let partialIndentation):
            guard let partial = self.partial(name) else { return }
            let combined = partialIndentation.map { (indentation ?? "") + $0 } ?? indentation
            render(partial.nodes, escaping: partial.escaping, indentation: combined, into: &out)
        }
    }

    private mutating func renderSection(_ value: TemplateData?, _ nodes: [TemplateNode], escaping: TemplateEscaping,
                                        indentation: String?, into out: inout String) {
        guard let value else { return }
        switch value {
        case .flag(let flag):
            if flag { render(nodes, escaping: escaping, indentation: indentation, into: &out) }
        case .list(let items):
            for item in items {
                stack.append(TemplateValue.Frame(item))
                render(nodes, escaping: escaping, indentation: indentation, into: &out)
                stack.removeLast()
            }
        case .text, .object:
            stack.append(TemplateValue.Frame(value))
            render(nodes, escaping: escaping, indentation: indentation, into: &out)
            stack.removeLast()
        }
    }

    /// An inverted section renders when the value is missing, a false flag
    /// or an empty list (which swift-mustache pushed, so `{{.}}` inside shows it).
    private mutating func renderInverted(_ value: TemplateData?, _ nodes: [TemplateNode], escaping: TemplateEscaping,
                                         indentation: String?, into out: inout String) {
        switch value {
        case nil, .flag(false)?:
            render(nodes, escaping: escaping, indentation: indentation, into: &out)
        case .list(let items)? where items.isEmpty:
            stack.append(.leaf(.list([])))
            render(nodes, escaping: escaping, indentation: indentation, into: &out)
            stack.removeLast()
        case .flag, .list, .text, .object:
            break
        }
    }

    /// `.` is the top of the stack; any other name the nearest frame that has it.
    private func lookup(_ name: String) -> TemplateData? {
        if name == "." { return stack.last?.value }
        for frame in stack.reversed() {
            if let child = frame.child(name) { return child }
        }
        return nil
    }
}
