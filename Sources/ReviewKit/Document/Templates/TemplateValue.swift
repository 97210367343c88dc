import Foundation

/// How the renderer sees the values in a context. Presenters hand over
/// `[String: Any]` dictionaries, arrays of them, `String`, `Int`, `Bool` and
/// `Double` (and `[String: String]` for lists of names); those are
/// recognised by their exact type. Anything else takes
/// the slow path, which follows swift-mustache exactly (other arrays, other
/// String-keyed dictionaries, optionals boxed in `Any`, structs read through
/// `Mirror`).
enum TemplateValue {
    /// The types presenters use, told apart by comparing the value's type
    /// with each: a failed `as?` cast walks the runtime's conformance and
    /// bridging checks, which cost more than the whole lookup.
    private enum Known {
        case string, int, bool, double, dictionary, dictionaries, strings, stringDictionaries, typed, typedObject, other

        init(_ value: Any) {
            let type = type(of: value)
            if type == TemplateData.self {
                self = .typed
            } else if type == TemplateObject.self {
                self = .typedObject
            } else if type == String.self {
                self = .string
            } else if type == Bool.self {
                self = .bool
            } else if type == [String: Any].self {
                self = .dictionary
            } else if type == [[String: Any]].self {
                self = .dictionaries
            } else if type == [String: String].self {
                self = .strings
            } else if type == [[String: String]].self {
                self = .stringDictionaries
            } else if type == Int.self {
                self = .int
            } else if type == Double.self {
                self = .double
            } else {
                self = .other
            }
        }
    }

    /// A value pushed on the context stack: dictionaries are looked into;
    /// anything else is kept for `{{.}}` and for `Mirror` when it may have
    /// named fields.
    enum Frame {
        case dictionary([String: Any])
        /// A typed object (`TemplateObject`).
        case typed(TemplateObject)
        /// `[String: String]`, which presenters write for lists of names.
        case strings([String: String])
        case leaf(Any)
        case reflected(Any)

        init(_ value: Any) {
            switch Known(value) {
            case .dictionary: self = .dictionary(value as! [String: Any])
            case .strings: self = .strings(value as! [String: String])
            case .string, .int, .bool, .double, .dictionaries, .stringDictionaries: self = .leaf(value)
            case .typedObject: self = .typed(value as! TemplateObject)
            case .typed:
                if case .object(let object) = value as! TemplateData { self = .typed(object) } else { self = .leaf(value) }
            case .other: self = Self.slow(value)
            }
        }

        private static func slow(_ value: Any) -> Frame {
            if let dictionary = value as? [String: Any] { return .dictionary(dictionary) }
            if let keyed = value as? any StringKeyed { return .dictionary(keyed.anyValues) }
            if value is String || value is Int || value is Bool || value is Double || value is [Any] {
                return .leaf(value)
            }
            return .reflected(value)
        }

        var value: Any {
            switch self {
            case .dictionary(let dictionary): dictionary
            case .typed(let object): object
            case .strings(let dictionary): dictionary
            case .leaf(let value), .reflected(let value): value
            }
        }

        /// The child `name` of this frame, or nil when it has none.
        func child(_ name: String) -> Any? {
            switch self {
            case .dictionary(let dictionary): dictionary[name]
            case .typed(let object): object[name]
            case .strings(let dictionary): dictionary[name]
            case .leaf: nil
            case .reflected(let value): TemplateValue.mirrorChild(value, name)
            }
        }
    }

    /// What a section does with a value.
    enum Section {
        case list([Any])
        case dictionaries([[String: Any]])
        case stringDictionaries([[String: String]])
        case flag(Bool)
        case value(Any)
        /// NSNull, which swift-mustache treated as absent.
        case missing

        init(_ value: Any) {
            switch Known(value) {
            case .bool: self = .flag(value as! Bool)
            case .dictionaries: self = .dictionaries(value as! [[String: Any]])
            case .stringDictionaries: self = .stringDictionaries(value as! [[String: String]])
            case .string, .int, .double, .dictionary, .strings, .typedObject: self = .value(value)
            case .typed:
                switch value as! TemplateData {
                case .flag(let flag): self = .flag(flag)
                case .list(let items): self = .list(items.map { $0 as Any })
                case .text, .object: self = .value(value)
                }
            case .other: self = Self.slow(value)
            }
        }

        /// In swift-mustache's order: a sequence, a Bool, NSNull, anything else.
        private static func slow(_ value: Any) -> Section {
            if let sequence = value as? any TemplateSequence { return .list(sequence.anyElements) }
            if let flag = value as? Bool { return .flag(flag) }
            if value is NSNull { return .missing }
            return .value(value)
        }
    }

    /// The text of a variable before escaping: a string as is, anything else
    /// as `String(describing:)` shows it (optionals unwrapped); nil for NSNull.
    static func text(_ value: Any) -> String? {
        switch Known(value) {
        case .string: return (value as! String)
        case .int: return String(value as! Int)
        case .bool: return (value as! Bool) ? "true" : "false"
        case .typed:
            switch value as! TemplateData {
            case .text(let text): return text
            case .flag(let flag): return flag ? "true" : "false"
            case .list, .object: return String(describing: value)
            }
        case .double, .dictionary, .dictionaries, .strings, .stringDictionaries, .typedObject, .other:
            if value is NSNull { return nil }
            if let optional = value as? any OptionalValue, let wrapped = optional.wrapped {
                return String(describing: wrapped)
            }
            return String(describing: value)
        }
    }

    /// A field read through reflection, as swift-mustache reads non-dictionaries.
    static func mirrorChild(_ value: Any, _ name: String) -> Any? {
        guard let child = Mirror(reflecting: value).children.first(where: { $0.label == name })?.value else {
            return nil
        }
        let mirror = Mirror(reflecting: child)
        guard mirror.displayStyle == .optional else { return child }
        return mirror.children.first?.value
    }
}

/// Dictionaries keyed by String other than `[String: Any]`, such as
/// `[String: String]`: swift-mustache looked into any of them.
protocol StringKeyed {
    var anyValues: [String: Any] { get }
}

extension Dictionary: StringKeyed where Key == String {
    var anyValues: [String: Any] { mapValues { $0 as Any } }
}

/// Anything swift-mustache iterated in a section: arrays, sets and reversed collections.
protocol TemplateSequence {
    var anyElements: [Any] { get }
}

extension Array: TemplateSequence {
    var anyElements: [Any] { map { $0 as Any } }
}

extension Set: TemplateSequence {
    var anyElements: [Any] { map { $0 as Any } }
}

extension ReversedCollection: TemplateSequence {
    var anyElements: [Any] { map { $0 as Any } }
}

/// An optional boxed in `Any`, so its wrapped value can be shown.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self }
}
