extension TemplateData {
    /// Objects for a sentence that lists them: `last` on the final one and
    /// `beforeLast` on the one before, so a template can write "a, b and c"
    /// (what `templateList` does for untyped contexts).
    static func sentence(_ items: [TemplateObject]) -> TemplateData {
        .objects(items.enumerated().map { i, item in
            var item = item
            item["last"] = .flag(i == items.count - 1)
            item["beforeLast"] = .flag(i == items.count - 2)
            return item
        })
    }
}
