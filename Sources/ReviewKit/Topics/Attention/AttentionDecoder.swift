/// The readers behind `AttentionTopic.schema`. Which form a problem takes
/// (Q/K/V or decoder_state/encoder_states) is settled first, from the keys,
/// so every later field is checked against its form and against the sizes
/// read before it; a misfitting shape names the field and both sizes
/// (`K: 3×3, expected 3×4`).
enum AttentionDecoder {
    /// Queries, keys and vector sizes: far above an exam problem.
    static let maxSize = 100

    static let queryKeys = ["Q", "K", "V"]
    static let softKeys = ["decoder_state", "encoder_states"]

    /// The form, from the keys present; the required keys of that form
    /// must all be there (and none of the other form's).
    static func blank(for object: ObjectFields) throws -> AttentionTopic.Problem {
        let hasQueries = queryKeys.contains(where: object.contains)
        let hasSoft = softKeys.contains(where: object.contains)
        if hasQueries, hasSoft {
            let key = softKeys.first(where: object.contains)!
            throw InputError(
                path: object.path.appending(key: key),
                message: "give either Q, K and V (scaled dot-product) or decoder_state and encoder_states (soft attention), not both")
        }
        if !hasQueries && !hasSoft {
            throw InputError(path: object.path, message: "missing required field 'Q' (or 'decoder_state' with 'encoder_states')")
        }
        for key in hasQueries ? queryKeys : softKeys {
            _ = try object.required(key)
        }
        return AttentionTopic.Problem(form: hasQueries ? .queries : .soft)
    }

    /// After every field is read: the score's own weights are all given, and
    /// a dot score has d_h = d_s.
    static func checkComplete(_ p: AttentionTopic.Problem, _ object: ObjectFields) throws {
        guard p.form == .soft else { return }
        let needed: [String]
        switch p.score {
        case .dot:
            let ds = p.decoderState.count, m = p.encoderStates.count, dh = p.encoderStates[0].count
            if dh != ds, let field = object.optional("encoder_states") {
                throw field.error("\(m)×\(dh), expected \(m)×\(ds) (a dot score needs d_h = d_s)")
            }
            needed = []
        case .general: needed = ["W"]
        case .additive: needed = ["W1", "W2", "v"]
        }
        for key in needed where !object.contains(key) {
            throw InputError(path: object.path, message: "missing required field '\(key)' (the \(p.score.rawValue) score needs it)")
        }
    }

    static func matrix(_ field: Field, rows: Int?, columns: Int?) throws -> [[Double]] {
        let m = try field.numberMatrix()
        let shape = "\(m.count)×\(m.first?.count ?? 0)"
        let expected = "\(rows ?? max(m.count, 1))×\(columns ?? max(m.first?.count ?? 0, 1))"
        guard !m.isEmpty, !m[0].isEmpty else { throw field.error("\(shape), expected at least 1×1") }
        guard m.count <= maxSize, m[0].count <= maxSize else {
            throw field.error("\(shape); at most \(maxSize)×\(maxSize) is supported")
        }
        if let rows, m.count != rows { throw field.error("\(shape), expected \(expected)") }
        if let columns, m[0].count != columns { throw field.error("\(shape), expected \(expected)") }
        return m
    }

    static func vector(_ field: Field, count: Int?) throws -> [Double] {
        let v = try field.numberArray()
        guard !v.isEmpty else { throw field.error("must have at least one entry, got an empty array") }
        guard v.count <= maxSize else { throw field.error("has \(v.count) entries; at most \(maxSize) are supported") }
        if let count, v.count != count {
            throw field.error("\(v.count) \(v.count == 1 ? "entry" : "entries"), expected \(count)")
        }
        return v
    }

    static func scale(_ field: Field, form: AttentionTopic.Form) throws -> AttentionTopic.Scale {
        guard form == .queries else {
            throw field.error("is only for the Q/K/V form; soft attention (decoder_state, encoder_states) is not scaled")
        }
        switch field.value.kind {
        case .bool(let b): return b ? .standard : .none
        case .number(let c, _):
            guard c > 0 else { throw field.error("must be true, false or a positive number, got \(field.describe())") }
            return .value(c)
        default: throw field.error("must be true, false or a positive number, got \(field.describe())")
        }
    }

    private static func requireSoft(_ field: Field, _ p: AttentionTopic.Problem) throws {
        guard p.form == .soft else {
            throw field.error("is only for the encoder–decoder form (decoder_state, encoder_states), not for Q, K, V")
        }
    }

    static func score(_ field: Field, _ p: AttentionTopic.Problem) throws -> AttentionTopic.Score {
        try requireSoft(field, p)
        return AttentionTopic.Score(rawValue: try field.oneOf(AttentionTopic.Score.allCases.map(\.rawValue)))!
    }

    /// W (general), W1 or W2 (additive): only with their score, each shaped
    /// by the states and, for W2, by W1's rows (d_a).
    static func scoreWeights(_ field: Field, _ p: AttentionTopic.Problem) throws -> [[Double]] {
        try requireSoft(field, p)
        let name = field.path.description.split(separator: ".").last.map(String.init) ?? ""
        let score: AttentionTopic.Score = name == "W" ? .general : .additive
        guard p.score == score else {
            throw field.error("is only used by \"score\": \"\(score.rawValue)\", but the score is \"\(p.score.rawValue)\"")
        }
        let ds = p.decoderState.count, dh = p.encoderStates[0].count
        switch name {
        case "W": return try matrix(field, rows: ds, columns: dh)
        case "W1": return try matrix(field, rows: nil, columns: dh)
        default: return try matrix(field, rows: p.W1?.count, columns: ds)
        }
    }

    static func additiveVector(_ field: Field, _ p: AttentionTopic.Problem) throws -> [Double] {
        try requireSoft(field, p)
        guard p.score == .additive else {
            throw field.error("is only used by \"score\": \"additive\", but the score is \"\(p.score.rawValue)\"")
        }
        return try vector(field, count: p.W1?.count ?? p.W2?.count)
    }

    /// m booleans (every query), or n×m (Q/K/V form only). Every query must
    /// keep at least one key.
    static func mask(_ field: Field, _ p: AttentionTopic.Problem) throws -> ([[Bool]], Bool) {
        let m = p.keys, n = p.queries
        let items = try field.array()
        func row(_ f: Field) throws -> [Bool] {
            let entries = try f.array()
            guard entries.count == m else {
                throw f.error("\(entries.count) \(entries.count == 1 ? "entry" : "entries"), expected \(m) (one per key)")
            }
            return try entries.map { try $0.bool() }
        }
        if let first = items.first, case .array = first.value.kind {
            guard p.form == .queries else { throw field.error("must be \(m) booleans (one per encoder state), got an array of rows") }
            guard items.count == n else { throw field.error("\(items.count)×\(m), expected \(n)×\(m) (one row per query)") }
            let rows = try items.map(row)
            for (i, r) in rows.enumerated() where !r.contains(true) {
                throw items[i].error("query \(i) may attend to no key: every entry of its row is false")
            }
            return (rows, false)
        }
        let single = try row(field)
        guard single.contains(true) else {
            throw field.error(p.form == .queries
                ? "every key is masked, so no query may attend to any key"
                : "every encoder state is masked, so the decoder state may attend to none")
        }
        return ([single], true)
    }
}
