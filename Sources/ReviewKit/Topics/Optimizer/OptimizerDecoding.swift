/// Reads the `optimizer` fields whose checks involve other fields (the
/// params a gradient must name, the list `steps` must match, the rule a
/// hyperparameter belongs to); every error is at the place that is wrong.
enum OptimizerDecoding {
    /// `{name: start}`, names in the `backprop` grammar.
    static func params(_ field: Field) throws -> [(name: String, value: Double)] {
        let members = try field.anyObject()
        guard !members.keys.isEmpty else { throw field.error("must name at least one param, got an empty object") }
        guard members.keys.count <= OptimizerTopic.maxParams else {
            throw field.error("has \(members.keys.count) params; at most \(OptimizerTopic.maxParams) are supported")
        }
        return try zip(members.keys, members.fields).map { name, value in
            guard isVariableName(name) else {
                throw value.error("'\(name)' is not a variable name (a letter or _, then letters, digits or _)")
            }
            return (name, try value.number())
        }
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first == "_" || first.properties.isAlphabetic else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    /// One `{param: g}` per step, each naming every param exactly.
    static func gradients(_ field: Field, _ problem: OptimizerTopic.Problem) throws -> [[Double]] {
        if problem.objective != nil {
            throw field.error("give either 'objective' or 'gradients', not both")
        }
        let items = try field.array()
        guard !items.isEmpty else { throw field.error("must list at least one step's gradient, got an empty array") }
        guard items.count <= OptimizerTopic.maxSteps else {
            throw field.error("lists \(items.count) steps; at most \(OptimizerTopic.maxSteps) are supported")
        }
        let names = problem.names
        return try items.map { item in
            let members = try item.anyObject()
            for (key, value) in zip(members.keys, members.fields) where !names.contains(key) {
                let hint = closestMatch(to: key, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                throw value.error("'\(key)' is not a param\(hint)")
            }
            return try names.map { name in
                guard let value = members.optional(name) else { throw item.error("misses param '\(name)'") }
                return try value.number()
            }
        }
    }

    static func steps(_ field: Field, _ problem: OptimizerTopic.Problem) throws -> Int {
        let steps = try field.int(in: 1...OptimizerTopic.maxSteps)
        if let list = problem.gradients, list.count != steps {
            throw field.error("must equal the number of gradients given (\(list.count)), got \(steps)")
        }
        return steps
    }

    static func positive(_ field: Field) throws -> Double {
        let value = try field.number()
        guard value > 0 else { throw field.error("must be a positive number, got \(field.describe())") }
        return value
    }

    static func nonNegative(_ field: Field) throws -> Double {
        let value = try field.number()
        guard value >= 0 else { throw field.error("must be a number ≥ 0, got \(field.describe())") }
        return value
    }

    static func hyper(_ field: Field, _ hyper: OptimizerRule.Hyper) throws -> Double {
        if hyper == .eps { return try nonNegative(field) }
        let value = try field.number()
        guard value >= 0, value < 1 else { throw field.error("must be a number in [0, 1), got \(field.describe())") }
        return value
    }

    static func unused(_ name: String, _ rule: OptimizerRule) -> String {
        let uses = (["learning_rate"] + rule.hypers.map(\.rawValue) + ["weight_decay", "l1"]).joined(separator: ", ")
        return "rule '\(rule.rawValue)' does not use '\(name)' (it takes \(uses))"
    }
}
