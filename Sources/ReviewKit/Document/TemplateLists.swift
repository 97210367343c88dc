/// Marks the items of a list for templates that join them in prose:
/// `last` on the final item, `beforeLast` on the one before it, so a
/// template can write "a, b and c" in its own language.
func templateList(_ items: [TemplateObject]) -> [TemplateObject] {
    items.enumerated().map { index, item in
        var item = item
        if index == items.count - 1 { item["last"] = true }
        if index == items.count - 2 { item["beforeLast"] = true }
        return item
    }
}

/// The same, as a list a template repeats.
func templateListData(_ items: [TemplateObject]) -> TemplateData {
    .objects(templateList(items))
}
