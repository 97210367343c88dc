import Foundation

/// The promise of every HTML page `review` writes: it references nothing
/// outside itself, so it opens offline and a hostile problem file cannot make
/// it load anything (a tracking pixel, a remote stylesheet, a local file).
///
/// Shared by every test that renders HTML (`ReviewKitTests` and
/// `ReviewCLITests`), so each rendered page is checked by the same rules:
///
/// - anything that loads by itself — `src`, `srcset`, `xlink:href`, `data`,
///   `poster`, `action` …, `url(…)` in CSS, `@import` — may only point into
///   the page (`#…`) or hold its content (`data:`);
/// - `<link>`, `<base>`, `<script>`, `<iframe>`, `<object>`, `<embed>` and a
///   refreshing `<meta>` may not appear at all;
/// - `href` is `#…` (or empty) everywhere, except on `<a>`: a link loads
///   nothing until the reader clicks it, so `<a href>` may also be relative
///   (the handout index links every student's files) or `http(s)`/`mailto`
///   (a link a problem's author wrote). Never `javascript:`, `data:` or any
///   other scheme.
public enum OfflinePage {
    /// Every reference in `html` that breaks those rules, as `<tag attribute="value">`;
    /// empty for a self-contained page.
    public static func outsideReferences(in html: String) -> [String] {
        var found: [String] = []
        for tag in html.matches(of: tagPattern) {
            let name = String(tag.output.1).lowercased()
            if forbiddenElements.contains(name) { found.append("<\(name)>") }
            for attribute in String(tag.output.2).matches(of: attributePattern) {
                let key = String(attribute.output.1).lowercased()
                let raw = attribute.output.2 ?? attribute.output.3 ?? attribute.output.4 ?? ""
                let value = decodeEntities(String(raw)).trimmingCharacters(in: .whitespacesAndNewlines)
                if !isAllowed(key, value, on: name) { found.append("<\(name) \(key)=\"\(value)\">") }
            }
        }
        for style in html.matches(of: stylePattern) {
            found += cssReferences(String(style.output.1))
        }
        return found
    }

    // MARK: Rules

    static let forbiddenElements: Set = ["link", "base", "script", "iframe", "frame", "object", "embed", "applet"]
    static let loadingAttributes: Set = [
        "src", "srcset", "xlink:href", "data", "poster", "action", "formaction", "background", "ping",
        "manifest", "codebase", "archive", "longdesc", "lowsrc", "dynsrc",
    ]

    static func isAllowed(_ key: String, _ value: String, on element: String) -> Bool {
        if element == "meta", key == "http-equiv" { return value.lowercased() != "refresh" }
        if key == "style" { return cssReferences(value).isEmpty }
        if key == "href" {
            return isInPage(value) || (element == "a" && isNavigation(value))
        }
        if loadingAttributes.contains(key) || key.hasSuffix(":href") {
            return isInPage(value) || value.lowercased().hasPrefix("data:")
        }
        return true
    }

    static func isInPage(_ value: String) -> Bool { value.isEmpty || value.hasPrefix("#") }

    /// A relative address, or a scheme that only navigates.
    static func isNavigation(_ value: String) -> Bool {
        let head = value.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let colon = head.firstIndex(of: ":") else { return true }
        return ["http", "https", "mailto"].contains(head[..<colon].lowercased())
    }

    /// `url(…)` not pointing into the page or holding data, and every `@import`.
    static func cssReferences(_ css: String) -> [String] {
        var found: [String] = []
        for match in css.matches(of: /(?i)url\(\s*["']?([^"')]*)/) {
            let target = String(match.output.1)
            if !isInPage(target) && !target.lowercased().hasPrefix("data:") { found.append("url(\(target))") }
        }
        if css.lowercased().contains("@import") { found.append("@import") }
        return found
    }

    // MARK: Reading HTML
    // Regex values are not Sendable; these are constants, only ever read.

    /// A start tag: its name and the text of its attributes (quotes may hold `>`).
    nonisolated(unsafe) static let tagPattern = /<([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/
    /// `name="value"`, `name='value'` or `name=value`.
    nonisolated(unsafe) static let attributePattern = /([^\s"'=\/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/
    nonisolated(unsafe) static let stylePattern = /(?is)<style[^>]*>(.*?)<\/style>/

    /// Undoes the character references a browser would (`&#106;avascript:`
    /// is `javascript:`).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for match in text.matches(of: /&#([xX]?)([0-9A-Fa-f]+);?/).reversed() {
            let radix = match.output.1.isEmpty ? 10 : 16
            if let code = UInt32(match.output.2, radix: radix), let scalar = Unicode.Scalar(code) {
                result.replaceSubrange(match.range, with: String(Character(scalar)))
            }
        }
        for (entity, character) in [("&colon;", ":"), ("&quot;", "\""), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }
}
