import Testing
@testable import ReviewKit

/// Typed contexts (`TemplateData`) render as the Mustache rules say: text is
/// shown (and escaped by the template's extension), flags open or close a
/// section, lists repeat it, objects are looked into, and a name missing in
/// an inner object is found in the outer one.
@Suite struct TemplateDataTests {
    private func render(_ template: String, _ context: TemplateObject, name: String = "main") -> String {
        library([name: template]).render(name, context)
    }

    @Test func textFlagsListsAndObjects() {
        let context: TemplateObject = [
            "title": "Softmax",
            "batch": .flag(false),
            "single": true,
            "rows": .list([1, 2].map { n -> TemplateData in ["n": .text(n), "z": .text("z\(n)")] }),
        ]
        let text = render(
            "# {{title}}\n{{#batch}}batch\n{{/batch}}{{#single}}one\n{{/single}}{{#rows}}- {{n}}: {{z}} of {{title}}\n{{/rows}}",
            context)
        #expect(text == "# Softmax\none\n- 1: z1 of Softmax\n- 2: z2 of Softmax\n")
    }

    @Test func anEmptyListRendersTheInvertedSection() {
        #expect(render("{{^rows}}none{{/rows}}{{#rows}}x{{/rows}}", ["rows": []]) == "none")
        #expect(render("{{^on}}off{{/on}}", ["on": .flag(false)]) == "off")
        #expect(render("{{^missing}}absent{{/missing}}", [:]) == "absent")
    }

    @Test func aNestedObjectIsLookedInto() {
        let context: TemplateObject = ["row": ["value": "3 < 4"]]
        #expect(render("{{#row}}{{value}}{{/row}}", context, name: "main.html") == "3 &lt; 4")
    }

    @Test func mergingKeepsOrReplacesFields() {
        var a: TemplateObject = ["x": "1", "y": "2"]
        a.add(["y": "9", "z": "3"])
        #expect(a == ["x": "1", "y": "2", "z": "3"])
        #expect(a.merging(["x": "0"])["x"] == .text("0"))
    }
}
