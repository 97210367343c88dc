/// A typed template context: what a presenter hands to a template. Text
/// (already escaped where it must be), a flag for `{{#name}}…{{/name}}`,
/// a list a section repeats, or an object whose fields the template names.
///
/// Presenters build it with literals and the few constructors below, e.g.
/// `["single": .flag(!batch), "n": .text(n), "rows": .list(rows)]`, so a
/// context says what each value is and no cast happens while rendering.
enum TemplateData: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([TemplateData])
    case object(TemplateObject)

    /// An integer shown in decimal (`n`, a count, an index).
    static func text(_ value: Int) -> TemplateData { .text(String(value)) }

    /// A list of objects, one per element.
    static func list<S: Sequence>(_ items: S, _ make: (S.Element) -> TemplateObject) -> TemplateData {
        .list(items.map { .object(make($0)) })
    }

    /// A list of objects, already built.
    static func objects(_ items: [TemplateObject]) -> TemplateData {
        .list(items.map(TemplateData.object))
    }
}

extension TemplateData: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .text(value) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
    init(arrayLiteral elements: TemplateData...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateData)...) {
        self = .object(TemplateObject(fields: Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
}

/// The fields of one object in a template context, by name.
struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    var fields: [String: TemplateData]

    init(fields: [String: TemplateData] = [:]) {
        self.fields = fields
    }

    init(dictionaryLiteral elements: (String, TemplateData)...) {
        self.init(fields: Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    subscript(name: String) -> TemplateData? {
        get { fields[name] }
        set { fields[name] = newValue }
    }

    /// This object with `other`'s fields added; on a clash `other` wins.
    func merging(_ other: TemplateObject) -> TemplateObject {
        TemplateObject(fields: fields.merging(other.fields) { _, new in new })
    }

    /// Adds `other`'s fields; on a clash this object keeps its own.
    mutating func add(_ other: TemplateObject) {
        fields.merge(other.fields) { old, _ in old }
    }
}
