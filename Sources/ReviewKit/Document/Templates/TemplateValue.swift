/// How the renderer reads the values of a typed context (`TemplateData`),
/// by the Mustache rules swift-mustache followed: an object is looked into,
/// a list repeats a section, a flag opens or closes it, and text (any
/// text, the empty string included) is truthy and is what `{{.}}` shows.
enum TemplateValue {
    /// A value pushed on the context stack: objects are looked into;
    /// anything else is kept for `{{.}}`.
    enum Frame {
        case object(TemplateObject)
        case leaf(TemplateData)

        init(_ value: TemplateData) {
            if case .object(let object) = value { self = .object(object) } else { self = .leaf(value) }
        }

        var value: TemplateData {
            switch self {
            case .object(let object): .object(object)
            case .leaf(let value): value
            }
        }

        /// The child `name` of this frame, or nil when it has none.
        func child(_ name: String) -> TemplateData? {
            if case .object(let object) = self { return object[name] }
            return nil
        }
    }

    /// The text of a variable before escaping. A list or an object shown as
    /// a variable is a mistake in a template; it shows as swift-mustache
    /// showed an array or a dictionary, roughly, so it is visible.
    static func text(_ value: TemplateData) -> String {
        switch value {
        case .text(let text): text
        case .flag(let flag): flag ? "true" : "false"
        case .list(let items): "[" + items.map(text).joined(separator: ", ") + "]"
        case .object(let object):
            "[" + object.fields.keys.sorted().map { "\($0): \(text(object.fields[$0]!))" }.joined(separator: ", ") + "]"
        }
    }
}
