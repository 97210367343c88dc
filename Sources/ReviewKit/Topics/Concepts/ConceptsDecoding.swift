/// Reading a concepts problem's `items` and `order`, with located errors
/// that name the bank's nearest id.
enum ConceptsDecoding {
    static func items(_ field: Field) throws -> [String] {
        let elements = try field.array()
        guard !elements.isEmpty else { throw field.error("must name at least one item, got []") }
        guard elements.count <= ConceptsTopic.maxItems else {
            throw field.error("names \(elements.count) items; at most \(ConceptsTopic.maxItems) fit on one problem")
        }
        let bank = ConceptBank.shared
        var seen: [String] = []
        for element in elements {
            let id = try element.string()
            guard bank.item(id) != nil else {
                if let near = closestMatch(to: id, in: bank.items.map(\.id)) {
                    throw element.error("unknown concepts item '\(id)' (did you mean '\(near)'?)")
                }
                throw element.error("unknown concepts item '\(id)'; the ids are in templates/shared/concepts/*.yaml")
            }
            guard !seen.contains(id) else { throw element.error("item '\(id)' is named twice") }
            seen.append(id)
        }
        return seen
    }

    static func order(_ field: Field, items: [String]) throws -> [[Int]] {
        let elements = try field.array()
        guard elements.count == items.count else {
            throw field.error("must have one permutation per item (\(items.count)), got \(elements.count)")
        }
        return try zip(elements, items).map { element, id in
            let count = ConceptBank.shared.item(id)!.wrong.count + 1
            let values = try element.array().map { try $0.int() }
            guard values.sorted() == Array(0..<count) else {
                throw element.error(
                    "must be a permutation of 0 to \(count - 1) (0 is the right option of '\(id)'), got \(element.describe())")
            }
            return values
        }
    }
}
