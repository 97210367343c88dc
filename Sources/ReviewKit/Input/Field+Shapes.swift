/// Field kinds and checks that many topics share: a size limit, a row of a
/// matrix, a vector or a batch of rows, a list with one item per row. Each
/// topic used to word these itself; they are here once so every topic's
/// messages keep the same form ("has 1200 rows; at most 1000 nodes are
/// supported") and a new topic gets them by calling one function.
extension Field {
    /// The item at `index` of an array (the place a message about row 0
    /// points at); the field itself when it is not an array that long.
    func element(_ index: Int) -> Field {
        guard case .array(let items) = value.kind, items.indices.contains(index) else { return self }
        return Field(value: items[index], path: path.appending(index: index))
    }

    /// A number ≥ 0: "must be a non-negative number (an edge weight), got
    /// -1"; `what`, when given, says what the number is.
    func nonNegativeNumber(_ what: String? = nil) throws -> Double {
        let x = try number()
        guard x >= 0 else { throw error("must be a non-negative number\(what.map { " (\($0))" } ?? ""), got \(describe())") }
        return x
    }

    /// An index into a list of `count` things named `noun`, as an edge's
    /// ends (gcn) or a starting point (kmeans): "node 5 is out of range:
    /// the graph has 4 nodes, numbered 0 to 3". `owner` says whose list.
    func index(below count: Int, noun: String, owner: String) throws -> Int {
        let index = try nonNegativeInt()
        guard index < count else {
            throw error("\(noun) \(index) is out of range: \(owner) \(counted(count, noun)), numbered 0 to \(count - 1)")
        }
        return index
    }

    /// "has 1200 rows; at most 1000 nodes are supported": a size beyond what
    /// a worked sheet can hold, reported where it was written. `of` names
    /// what is counted when `unit` alone does not (rows of nodes); nil
    /// gives "at most 1000 are supported".
    func checkSize(_ count: Int, atMost limit: Int, _ unit: String, of what: String? = nil) throws {
        guard count <= limit else {
            throw error("has \(count) \(unit); at most \(limit)\(what.map { " \($0)" } ?? "") are supported")
        }
    }

    /// A vector of numbers (one example) or a matrix (a batch, one row per
    /// example): softmax's `logits`, mlp's `input`. A first item that is an
    /// array makes the whole value a matrix. At most `maxRows` examples and
    /// `maxColumns` entries per row, named `columns` ("classes").
    func vectorOrRows(maxRows: Int, maxColumns: Int, columns: String) throws -> (rows: [[Double]], isBatch: Bool) {
        guard case .array(let items) = value.kind else {
            throw error("must be a vector of numbers or a matrix (one row per example), got \(describe())")
        }
        guard let first = items.first else { throw error("must have at least one entry, got an empty array") }
        guard case .array(let firstRow) = first.kind else {
            try checkSize(items.count, atMost: maxColumns, "entries", of: columns)
            return ([try numberArray()], false)
        }
        try checkSize(items.count, atMost: maxRows, "rows", of: "examples")
        let rows = try numberMatrix()
        guard !firstRow.isEmpty else { throw element(0).error("must have at least one entry, got an empty array") }
        try element(0).checkSize(firstRow.count, atMost: maxColumns, "entries", of: columns)
        return (rows, true)
    }

    /// An array with one item per `unit` of another field ("one target per
    /// row of logits: 2 rows, got 3 targets"), each read by `item`.
    func onePer<Item>(
        _ unit: String, of owner: String, count: Int, noun: String, item: (Field) throws -> Item
    ) throws -> [Item] {
        let items = try array()
        guard items.count == count else {
            throw error("must have one \(noun) per \(unit)\(owner.isEmpty ? "" : " of \(owner)"): "
                + "\(counted(count, unit)), got \(counted(items.count, noun))")
        }
        return try items.map(item)
    }
}

/// "1 row", "3 rows", "1 entry", "2 entries": a count with its noun, as the
/// error messages write them. `plural` defaults to the noun plus "s".
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}

extension Field {
    /// The columns of a matrix just read from this field: row 0 has at
    /// least one `noun` ("must have at least one feature, got an empty row",
    /// at `[0]`) and at most `limit` columns ("has 120 columns; at most 100
    /// features are supported"). gcn's H and W and rnn's x check this alike.
    func checkColumns(_ matrix: [[Double]], noun: String = "entry", atMost limit: Int, of what: String) throws {
        if matrix[0].isEmpty { throw element(0).error("must have at least one \(noun), got an empty row") }
        try checkSize(matrix[0].count, atMost: limit, "columns", of: what)
    }
}
