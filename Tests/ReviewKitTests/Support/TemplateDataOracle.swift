@testable import ReviewKit

/// Typed template contexts (`TemplateData`, `TemplateObject`) as the plain
/// values swift-mustache and the key-collecting tests read: text as
/// `String`, flags as `Bool`, lists as `[Any]`, objects as `[String: Any]`.
/// Other values are returned unchanged, so `[String: Any]` contexts of the
/// older presenters still pass through (their nested typed values converted).
func untypedContext(_ value: Any) -> Any {
    switch value {
    case let object as TemplateObject:
        return object.fields.mapValues { untypedContext($0) } as [String: Any]
    case let data as TemplateData:
        switch data {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .list(let items): return items.map { untypedContext($0) } as [Any]
        case .object(let object): return untypedContext(object)
        }
    case let dictionary as [String: Any]:
        return dictionary.mapValues { untypedContext($0) } as [String: Any]
    default:
        return value
    }
}
