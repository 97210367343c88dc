import CCmark
import Foundation

/// The one file that talks to libcmark (the C boundary; see `Sources/CCmark`).
///
/// `review` writes its documents as CommonMark with *embeds*: formulas,
/// tables and pictures that CommonMark cannot carry intact (backslash escapes
/// eat LaTeX's `\{` and `\\`, plain cmark has no tables, and safe mode drops
/// raw HTML). Each embed is replaced in the Markdown by a private-use token
/// (see `EmbedToken`); after cmark has parsed the text, every token becomes a
/// `CUSTOM_INLINE` or `CUSTOM_BLOCK` node whose literal text the renderers
/// copy through untouched. Everything else — paragraphs, emphasis, lists,
/// headings, user-written statements — is parsed, escaped and rendered by
/// cmark itself, always in safe mode, so raw HTML from a problem file never
/// reaches a page.
///
/// Every C allocation is freed before a function returns; no C pointer
/// escapes this file.
enum CMark {
    enum Renderer: Sendable {
        case commonmark, html, latex
    }

    /// What an embed turns into in one output format.
    struct EmbedOutput {
        var literal: String
        /// Block embeds replace a paragraph that holds nothing but their token.
        var isBlock: Bool
        /// An inline formula that must not be parted from the punctuation
        /// next to it (`Punctuation.glued`): HTML only, where a browser
        /// breaks a line on either side of a `<math>` element, even before
        /// a comma or after an opening bracket.
        var gluesPunctuation = false
    }

    /// Parses `markdown`, splices in embeds and renders the document.
    static func render(
        _ markdown: String, as renderer: Renderer, embed: (Int) -> EmbedOutput
    ) -> String {
        let root = parse(markdown)
        defer { cmark_node_free(root) }
        neutralize(root)
        splice(root, embed: embed, escapeDollars: renderer == .commonmark)
        return render(root, as: renderer)
    }

    /// Renders a one-line piece of Markdown (a table cell) without the
    /// paragraph wrapper a full render would add.
    static func renderInline(
        _ markdown: String, as renderer: Renderer, embed: (Int) -> EmbedOutput
    ) -> String {
        var text = render(markdown, as: renderer, embed: embed)
        switch renderer {
        case .html:
            if text.hasPrefix("<p>") { text.removeFirst(3) }
            while text.hasSuffix("\n") { text.removeLast() }
            if text.hasSuffix("</p>") { text.removeLast(4) }
        case .latex, .commonmark:
            while text.hasSuffix("\n") { text.removeLast() }
        }
        return text
    }

    // MARK: - Private

    private static let options = CMARK_OPT_DEFAULT

    private static func parse(_ markdown: String) -> OpaquePointer {
        var utf8 = Array(markdown.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parse_document($0, buffer.count, options)!
            }
        }
    }

    private static func render(_ root: OpaquePointer, as renderer: Renderer) -> String {
        let output: UnsafeMutablePointer<CChar>?
        switch renderer {
        case .commonmark: output = cmark_render_commonmark(root, options, 0)
        case .html: output = cmark_render_html(root, options)
        case .latex: output = cmark_render_latex(root, options, 0)
        }
        guard let output else { return "" }
        defer { free(output) }
        return String(cString: output)
    }

    /// Replaces every embed token in the tree's text nodes by a custom node.
    ///
    /// With `escapeDollars` (Markdown output) a literal `$` in text is written
    /// as `\$`: CommonMark does not need the escape, but GitHub would read
    /// `$y … $` in a state name or title as the start of a formula.
    private static func splice(_ root: OpaquePointer, embed: (Int) -> EmbedOutput, escapeDollars: Bool) {
        var textNodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_TEXT,
                let literal = cmark_node_get_literal(node),
                EmbedToken.mayContainToken(literal) || (escapeDollars && strchr(literal, 0x24) != nil)
            else { continue }
            textNodes.append(node)
        }
        for node in textNodes {
            replaceTokens(in: node, embed: embed, escapeDollars: escapeDollars)
        }
    }

    private static func replaceTokens(in node: OpaquePointer, embed: (Int) -> EmbedOutput, escapeDollars: Bool) {
        let text = String(cString: cmark_node_get_literal(node))
        let pieces = EmbedToken.split(text)
        let outputs = pieces.map { piece -> EmbedOutput? in
            if case .embed(let index) = piece { return embed(index) }
            return nil
        }
        // A block embed standing alone in its paragraph replaces the paragraph.
        if pieces.count == 1, let output = outputs[0] {
            let parent = cmark_node_parent(node)
            if output.isBlock, let parent, cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
                cmark_node_first_child(parent) == node, cmark_node_last_child(parent) == node
            {
                // A block that is nothing in this format leaves no trace (not even a blank line).
                if output.literal.isEmpty {
                    cmark_node_free(parent)
                    return
                }
                let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
                cmark_node_set_on_enter(block, output.literal)
                cmark_node_insert_before(parent, block)
                cmark_node_free(parent)
                return
            }
        }
        func insert(_ type: cmark_node_type, _ text: String) {
            let inserted = cmark_node_new(type)!
            if type == CMARK_NODE_TEXT {
                cmark_node_set_literal(inserted, text)
            } else {
                cmark_node_set_on_enter(inserted, text)
            }
            cmark_node_insert_before(node, inserted)
        }
        func insertText(_ string: String) {
            guard !string.isEmpty else { return }
            guard escapeDollars, string.contains("$") else { return insert(CMARK_NODE_TEXT, string) }
            for (i, run) in string.split(separator: "$", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { insert(CMARK_NODE_CUSTOM_INLINE, "\\$") }
                if !run.isEmpty { insert(CMARK_NODE_TEXT, String(run)) }
            }
        }
        func glues(_ i: Int) -> Bool { outputs.indices.contains(i) && outputs[i]?.gluesPunctuation == true }
        let runAfter = glues(pieces.count - 1) ? takeClosingPunctuation(after: node) : ""
        for (i, piece) in pieces.enumerated() {
            if case .text(var string) = piece {
                // Punctuation that goes with a glued formula on either side is written with it.
                if glues(i - 1) { string.removeFirst(Punctuation.closing(atStartOf: string).count) }
                if glues(i + 1) { string.removeLast(Punctuation.opening(atEndOf: string).count) }
                insertText(string)
            } else if let output = outputs[i] {
                guard output.gluesPunctuation else {
                    insert(CMARK_NODE_CUSTOM_INLINE, output.literal)
                    continue
                }
                let before = i > 0 ? Punctuation.opening(atEndOf: pieces[i - 1].text ?? "") : ""
                let after = i + 1 < pieces.count ? Punctuation.closing(atStartOf: pieces[i + 1].text ?? "") : Substring(runAfter)
                insert(CMARK_NODE_CUSTOM_INLINE, Punctuation.glued(output.literal, before: before, after: after))
            }
        }
        cmark_node_free(node)
    }

    /// A formula that ends a bold or italic run (`**第 4 步：聚合，$\hat{A} H$**。`)
    /// is followed by the run's closing marker, not by the punctuation, so
    /// that punctuation is taken from the text after the run, to be glued to
    /// the formula inside it. Chinese must keep `。` outside the `**`:
    /// CommonMark does not close `**` between `。` and a letter.
    private static func takeClosingPunctuation(after node: OpaquePointer) -> String {
        guard let parent = cmark_node_parent(node), cmark_node_last_child(parent) == node,
            [CMARK_NODE_STRONG, CMARK_NODE_EMPH].contains(cmark_node_get_type(parent)),
            let next = cmark_node_next(parent), cmark_node_get_type(next) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(next)
        else { return "" }
        let text = String(cString: literal)
        let run = Punctuation.closing(atStartOf: text)
        guard !run.isEmpty else { return "" }
        cmark_node_set_literal(next, String(text.dropFirst(run.count)))
        return String(run)
    }

    // MARK: - Untrusted text

    /// Makes what users wrote harmless in every output format, not only in
    /// HTML's safe mode: raw HTML becomes literal text (a `<script>` in a
    /// statement is shown, as written, in Markdown, HTML and LaTeX alike),
    /// an image becomes its alt text and its address as text (see
    /// `unembed`), and a link whose URL is not http(s), mailto or relative
    /// loses its URL (cmark's LaTeX and Markdown renderers would keep
    /// `javascript:`). The templates write none of these — the project's own
    /// figures are embeds — so only user text changes.
    private static func neutralize(_ root: OpaquePointer) {
        var rawHTML: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                rawHTML.append(node)
            case CMARK_NODE_IMAGE:
                images.append(node)
            case CMARK_NODE_LINK:
                if let url = cmark_node_get_url(node), !isSafeURL(String(cString: url)) {
                    cmark_node_set_url(node, "")
                }
            default:
                break
            }
        }
        cmark_iter_free(iterator)
        images.forEach(unembed)
        for node in rawHTML {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                cmark_node_set_literal(text, String(literal.trimmingTrailingNewlines()))
                cmark_node_append_child(paragraph, text)
                cmark_node_insert_before(node, paragraph)
            } else {
                cmark_node_set_literal(text, literal)
                cmark_node_insert_before(node, text)
            }
            cmark_node_free(node)
        }
    }

    /// Replaces an image by its alt text followed by ` (image: ADDRESS)` as
    /// plain text. An image from a problem file must never be fetched or
    /// embedded: HTML pages are promised to work offline and to load nothing
    /// from outside, and in LaTeX `\includegraphics{/abs/path}` would make
    /// pdflatex read any local file. Shown as text, the reader still sees
    /// what the author meant to show. Run before embeds are spliced, so a
    /// formula in the alt text still becomes a formula.
    private static func unembed(_ image: OpaquePointer) {
        let hasAlt = cmark_node_first_child(image) != nil
        while let child = cmark_node_first_child(image) {
            cmark_node_insert_before(image, child)
        }
        let url = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
        let address = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(address, url.isEmpty ? (hasAlt ? "" : "(image)") : "\(hasAlt ? " " : "")(image: \(url))")
        cmark_node_insert_before(image, address)
        cmark_node_free(image)
    }

    /// Relative URLs (no scheme before the first `/`, `?` or `#`) and the
    /// schemes that only navigate.
    static func isSafeURL(_ url: String) -> Bool {
        let head = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let colon = head.firstIndex(of: ":") else { return true }
        let scheme = head[..<colon].lowercased()
        return ["http", "https", "mailto"].contains(scheme)
    }
}

private extension String {
    func trimmingTrailingNewlines() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == "\n" { end = index(before: end) }
        return self[..<end]
    }
}
