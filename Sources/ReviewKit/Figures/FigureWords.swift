/// The few words a picture needs (an axis title, a legend entry, "input"),
/// taken from the topic's `figure-words` template so they stay translatable:
/// `words("legendP")` renders `<topic>/figure-words` with `legendP` set.
struct FigureWords {
    let templates: TemplateLibrary
    let topic: String

    func callAsFunction(_ key: String, _ extra: TemplateObject = [:]) -> String {
        var context = extra
        context[key] = true
        return templates.render("\(topic)/figure-words", context).trimmingWhitespace()
    }

    /// The one-line caption under the picture, from `<topic>/figure-caption`.
    func caption(_ context: TemplateObject = [:]) -> String {
        templates.render("\(topic)/figure-caption", context).trimmingWhitespace()
    }

}

extension FigureWords {
    /// `callAsFunction` for typed contexts: the word `key` from
    /// `<topic>/figure-words`, with `extra` beside it.
    func word(_ key: String, _ extra: TemplateObject = [:]) -> String {
        var context = extra
        context[key] = .flag(true)
        return templates.render("\(topic)/figure-words", context).trimmingWhitespace()
    }

    /// `caption` for typed contexts.
    func caption(typed context: TemplateObject) -> String {
        templates.render("\(topic)/figure-caption", context).trimmingWhitespace()
    }
}
