import Testing
@testable import ReviewKit

/// The Mustache rules our templates rely on, each written out by hand and
/// checked against both our engine and swift-mustache (the engine it
/// replaced, set up as review used it, reading the typed context converted
/// to `String`, `Bool`, arrays and `[String: Any]`). Where swift-mustache departs from
/// the spec, the expected text says so: we keep its behaviour so sheets do
/// not change.
@Suite struct TemplateEdgeCaseTests {
    /// Renders `main` (with `partials` registered beside it) in both engines
    /// and expects `expected` from each.
    private func check(_ main: String, _ context: TemplateObject, _ expected: String,
                       partials: [String: String] = [:], name: String = "main",
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        var templates = partials
        templates[name] = main
        let ours = library(templates).render(name, context)
        let oracle = try MustacheOracle(sources: templates.sorted { $0.key < $1.key }.map { ($0.key, $0.key, $0.value) })
        #expect(ours == expected, "ours", sourceLocation: sourceLocation)
        #expect(oracle.render(name, context) == expected, "swift-mustache", sourceLocation: sourceLocation)
    }

    // MARK: Standalone lines

    @Test func standaloneSectionLinesDisappearWithTheirNewline() throws {
        let rows: TemplateData = [["name": "a", "value": "1"], ["name": "b", "value": "2"]]
        try check("| n | v |\n{{#rows}}\n| {{name}} | {{value}} |\n{{/rows}}\nend\n", ["rows": rows],
                  "| n | v |\n| a | 1 |\n| b | 2 |\nend\n")
        try check("x\n  {{^rows}}  \nnone\n\t{{/rows}}\t\nend", ["rows": []], "x\nnone\nend")
    }

    @Test func commentsVanishAndAStandaloneCommentTakesItsLine() throws {
        try check("a\n{{! a note }}\nb {{! inline }}c\n", [:], "a\nb c\n")
    }

    @Test func aTagBesideTextIsNotStandalone() throws {
        try check("a\n- {{#on}}\nx\n{{/on}} -\n", ["on": true], "a\n- \nx\n -\n")
    }

    /// swift-mustache saw every template after a `CONTENT_TYPE` pragma on
    /// its first line, so a tag there keeps its newline (the spec would drop it)…
    @Test func aTagOnTheFirstLineKeepsItsNewline() throws {
        try check("{{#on}}\nx\n{{/on}}\ny\n", ["on": true], "\nx\ny\n")
    }

    /// … and a blank first line is dropped.
    @Test func aBlankFirstLineIsDropped() throws {
        try check("  \nx\n", [:], "x\n")
    }

    /// After a section, the line state comes from its opening tag: the
    /// closing tag here ends a line, yet the next tag is not standalone.
    @Test func afterASectionTheOpeningTagDecidesTheLineState() throws {
        try check("a {{#on}}\nx\n{{/on}}\n{{#on}}\ny\n{{/on}}\nz\n", ["on": true], "a \nx\n\ny\nz\n")
    }

    @Test func trailingWhitespaceAtTheEndIsDropped() throws {
        try check("a\n  ", [:], "a\n")
    }

    // MARK: Sections

    @Test func sectionsFollowTheValue() throws {
        let template = "{{#v}}[{{{.}}}]{{/v}}{{^v}}not{{/v}}"
        try check(template, ["v": ""], "[]")  // "" is truthy
        try check(template, ["v": .text(0)], "[0]")  // and so is 0
        try check(template, ["v": "s"], "[s]")
        try check("{{#v}}[{{w}}]{{/v}}", ["v": true, "w": "kept"], "[kept]")  // a Bool keeps the stack as it is
        try check(template, ["v": false], "not")
        try check(template, [:], "not")
        try check(template, ["v": ["1", "2", "3"]], "[1][2][3]")
        try check(template, ["v": []], "not")
    }

    /// swift-mustache pushes the empty list itself inside an inverted section.
    @Test func anInvertedEmptyListIsOnTheStack() throws {
        try check("{{^v}}<{{{.}}}>{{/v}}", ["v": []], "<[]>")
    }

    @Test func nestedSectionsLookDownTheStack() throws {
        let context: TemplateObject = [
            "top": "T", "name": "outer",
            "groups": [["name": "g1", "items": [["name": "i1"], ["value": "5"]]]],
        ]
        try check("{{#groups}}{{name}}:{{#items}} {{name}}/{{top}}/{{value}}{{missing}}{{/items}}{{/groups}}", context,
                  "g1: i1/T/ g1/T/5")
    }

    @Test func textHasNoChildrenButObjectsDo() throws {
        try check("{{#s}}{{count}}{{name}}{{/s}}|{{#d}}{{name}}{{/d}}", ["s": "abc", "name": "n", "d": ["name": "x"]],
                  "n|x")
    }

    /// Lists of text and empty lists, shown and iterated as swift-mustache did.
    @Test func listsOfTextAndEmptyLists() throws {
        try check("{{#names}}{{name}},{{/names}}{{^none}}-{{/none}}", ["names": [["name": "a"], ["name": "b"]], "none": []], "a,b,-")
        try check("{{#one}}{{name}}{{/one}}", ["one": ["name": "x"]], "x")
        try check("{{#words}}{{{.}}} {{/words}}", ["words": ["p", "q"]], "p q ")
        try check("{{d}} {{#d}}[{{{.}}}]{{/d}}", ["d": "0.1"], "0\\.1 [0.1]")
    }

    @Test func missingNamesRenderNothing() throws {
        try check("a{{nothing}}b{{{nothing}}}c{{#nothing}}x{{/nothing}}d", [:], "abcd")
    }

    // MARK: Escaping

    @Test func escapingFollowsTheFilesInnerExtension() throws {
        let text = "<a & 'b'> *c* $d_1$ {e}"
        try check("{{t}}|{{{t}}}", ["t": .text(text)], "\\<a \\& \\'b\\'\\> \\*c\\* \\$d_1\\$ \\{e\\}|\(text)")
        try check("{{t}}|{{{t}}}|{{& t}}", ["t": .text(text)],
                  "&lt;a &amp; &#39;b&#39;&gt; *c* $d_1$ {e}|\(text)|\(text)", name: "page.html")
        try check("{{t}}", ["t": .text(text)], "\\textless{}a \\& 'b'\\textgreater{} *c* \\$d\\_1\\$ \\{e\\}", name: "page.tex")
        try check("{{n}} {{b}}", ["n": .text(-3), "b": false], "-3 false", name: "page.html")
    }

    /// A partial escapes as its own file says, not as the file using it.
    @Test func aPartialKeepsItsOwnEscaping() throws {
        try check("{{t}} {{> inner.html}}", ["t": "a&b"], "a\\&b a&amp;b", partials: ["inner.html": "{{t}}"])
    }

    // MARK: Partials

    @Test func partialsSeeTheCurrentStack() throws {
        try check("{{#items}}{{> item}}{{/items}}", ["items": [["n": "1"], ["n": "2"]]], "(1)(2)",
                  partials: ["item": "({{n}})"])
    }

    /// An indented standalone partial: its indentation goes before every
    /// line the partial writes itself…
    @Test func anIndentedPartialIsIndented() throws {
        try check("a\n  {{> p}}\nb\n", [:], "a\n  x\n  y\nb\n", partials: ["p": "x\ny\n"])
    }

    /// … but swift-mustache does not indent the second item of a list
    /// inside it (the spec would): kept.
    @Test func anIndentedPartialDoesNotIndentLaterListItems() throws {
        try check("a\n  {{> p}}\nb\n", ["l": ["1", "2"]], "a\n  x\n  1\n2\nb\n", partials: ["p": "x\n{{#l}}\n{{.}}\n{{/l}}\n"])
    }

    // MARK: Errors

    /// Mistakes and syntax our templates do not use are refused when a library is built.
    @Test(arguments: [
        "{{#a}}x", "{{#a}}x{{/b}}", "x{{/a}}", "{{a", "{{{a}}", "{{a.b}}", "{{f(a)}}", "{{=<% %>=}}",
        "{{% CONTENT_TYPE: HTML}}", "{{<parent}}{{/parent}}", "{{$block}}{{/block}}", "{{>*dynamic}}", "{{}}",
        "{{! unclosed", "a\r\nb", "ends with {", "ends with {{",
    ])
    func syntaxErrors(template: String) {
        #expect(throws: TemplateSyntaxError.self) { try Template(template, escaping: .markdown) }
    }
}
