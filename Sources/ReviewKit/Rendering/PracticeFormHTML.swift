/// A practice form as HTML: a labelled box per answer (vectors in a row,
/// matrices as a grid, conv shapes as H × W × C), the Check / Next step /
/// Show all buttons and a score line (the script adds the feedback), and the
/// data the page's script checks against (`templates/shared/practice.js`).
/// Without JavaScript the buttons do nothing and the folded solution below
/// is the whole worked sheet.
enum PracticeFormHTML {
    static func write(_ form: PracticeForm, words: PracticeWords) -> String {
        var html = "<form class=\"practice\" id=\"p\(form.number)\" autocomplete=\"off\" novalidate>\n"
        let lead = form.groups.isEmpty && !form.choices.isEmpty ? words["leadChoice"] : words["lead"]
        html += "<p class=\"practice-lead\">\(TextEscaping.html(lead))</p>\n"
        for choice in form.choices {
            // One radio group per question; the name is unique on the page.
            let path = TextEscaping.html(choice.path)
            html += "<fieldset class=\"answer choice\" data-path=\"\(path)\"><legend>\(path)</legend><div class=\"row\">"
            for option in choice.options {
                let letter = TextEscaping.html(option.letter)
                html += "<label><input type=\"radio\" name=\"p\(form.number)-\(path)\" value=\"\(letter)\"> \(letter)</label>"
            }
            html += "</div></fieldset>\n"
        }
        for group in form.groups {
            html += "<fieldset class=\"answer\"><legend>\(TextEscaping.html(group.name))</legend>"
            for row in group.rows {
                html += "<div class=\"row\">"
                for (b, box) in row.enumerated() {
                    if b > 0 && group.isShape { html += "<span aria-hidden=\"true\">×</span>" }
                    let path = TextEscaping.html(box.path)
                    html += "<input name=\"\(path)\" aria-label=\"\(TextEscaping.html(box.label))\" inputmode=\"decimal\">"
                }
                html += "</div>"
            }
            html += "</fieldset>\n"
        }
        html += "<div class=\"actions\">"
        html += "<button type=\"submit\" class=\"check\">\(TextEscaping.html(words["check"]))</button>"
        html += "<button type=\"button\" class=\"next\">\(TextEscaping.html(words["next"]))</button>"
        html += "<button type=\"button\" class=\"all\">\(TextEscaping.html(words["all"]))</button>"
        html += "</div>\n<p class=\"score\" aria-live=\"polite\"></p>\n"
        html += "<script type=\"application/json\" class=\"practice-data\">\(scriptSafe(form.data))</script>\n"
        html += "</form>"
        return html
    }

    /// JSON inside `<script>`: `</` and `<!--` could end or confuse the
    /// element, so `<` is written as `\u003c` (the same JSON to a parser).
    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
    }
}

/// The words of a practice page in one language, from
/// `templates/<lang>/practice-words.mustache` (`key = text` lines): the
/// buttons, and the feedback the page's script writes.
struct PracticeWords: Sendable, Equatable {
    private var words: [String: String]

    init(templates: TemplateLibrary) {
        var words: [String: String] = [:]
        for line in templates.render("practice-words", TemplateObject()).split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            words[String(line[..<equals]).trimmingWhitespace()] = String(line[line.index(after: equals)...]).trimmingWhitespace()
        }
        self.words = words
    }

    subscript(key: String) -> String { words[key] ?? key }

    /// Every word, as JSON for the page's script.
    var json: String {
        JSONWriter.compact(.object(words.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
    }
}
