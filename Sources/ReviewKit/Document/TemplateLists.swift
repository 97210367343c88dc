/// Marks the items of a list for templates that join them in prose:
/// `last` on the final item, `beforeLast` on the one before it, so a
/// template can write "a, b and c" in its own language.
func templateList(_ items: [[String: Any]]) -> [[String: Any]] {
    items.enumerated().map { index, item in
        var item = item
        if index == items.count - 1 { item["last"] = true }
        if index == items.count - 2 { item["beforeLast"] = true }
        return item
    }
}
