/// The readers behind `ConvolveTopic.schema`: the image and kernels, whose
/// shapes must agree (every filter has the image's channels and one size),
/// the bias (one number, or one per filter) and the pooling window. Every
/// misfit is reported at its place with both sizes, as the contract asks
/// (`kernels[1]: 2×2×2, expected 2×3×3`).
enum ConvolveDecoder {
    /// Rows or columns of an image. A worked sheet writes every entry of the
    /// padded image and every window, so the limits keep a sheet bounded;
    /// exam images are 5×5.
    static let maxSide = 64
    static let maxChannels = 16
    static let maxFilters = 16

    // MARK: Tensors

    /// A rectangular array of numbers nested `depth` deep (2: rows × columns).
    static func tensorDepth(_ field: Field) -> Int {
        var depth = 0
        var value = field.value
        while case .array(let items) = value.kind {
            depth += 1
            guard let first = items.first else { break }
            value = first
        }
        return depth
    }

    /// An h×w matrix with at least one entry, its sides within `maxSide`.
    static func matrix(_ field: Field) throws -> [[Double]] {
        let rows = try field.numberMatrix()
        guard let first = rows.first else { throw field.error("must have at least one row, got an empty array") }
        guard !first.isEmpty else {
            throw Field(value: field.value, path: field.path.appending(index: 0)).error("must have at least one entry, got an empty row")
        }
        guard rows.count <= maxSide, first.count <= maxSide else {
            throw field.error("is \(rows.count)×\(first.count); at most \(maxSide)×\(maxSide) is supported")
        }
        return rows
    }

    /// C matrices of one size: a channels-first image or a filter.
    static func stack(_ field: Field, maxCount: Int, noun: String) throws -> [[[Double]]] {
        let items = try field.array()
        guard !items.isEmpty else { throw field.error("must have at least one \(noun), got an empty array") }
        guard items.count <= maxCount else {
            throw field.error("has \(items.count) \(noun)s; at most \(maxCount) are supported")
        }
        var slices: [[[Double]]] = []
        for item in items {
            let slice = try matrix(item)
            if let first = slices.first, size(slice) != size(first) {
                throw item.error("\(size(slice)), expected \(size(first)) (every \(noun) has the same size)")
            }
            slices.append(slice)
        }
        return slices
    }

    /// `3×3`, `2×3×3`.
    static func size(_ m: [[Double]]) -> String { "\(m.count)×\(m.first?.count ?? 0)" }
    static func size(_ t: [[[Double]]]) -> String { "\(t.count)×" + size(t[0]) }

    // MARK: Fields

    /// H×W (one channel) or C×H×W (channels first).
    static func image(_ field: Field) throws -> (image: [[[Double]]], hasChannels: Bool) {
        switch tensorDepth(field) {
        case 2: return ([try matrix(field)], false)
        case 3: return (try stack(field, maxCount: maxChannels, noun: "channel"), true)
        default:
            throw field.error("must be an H×W matrix or a C×H×W array of matrices (channels first), got \(field.describe())")
        }
    }

    /// One filter: kh×kw (a one-channel image) or C×kh×kw.
    static func kernel(_ field: Field, image: [[[Double]]]) throws -> (kernel: [[[Double]]], hasChannels: Bool) {
        let channels = image.count
        switch tensorDepth(field) {
        case 2:
            let k = try matrix(field)
            guard channels == 1 else {
                throw field.error("\(size(k)), expected \(channels)×\(size(k)) (one \(size(k)) slice per image channel)")
            }
            return ([k], false)
        case 3:
            let k = try stack(field, maxCount: maxChannels, noun: "channel")
            guard k.count == channels else {
                throw field.error("\(size(k)), expected \(channels)×\(size(k[0])) (one slice per image channel)")
            }
            return (k, true)
        default:
            throw field.error("must be a kh×kw matrix or a C×kh×kw array of matrices, got \(field.describe())")
        }
    }

    /// F filters, each C×kh×kw (PyTorch's F×C×kh×kw), all of one size.
    static func kernels(_ field: Field, image: [[[Double]]]) throws -> [[[[Double]]]] {
        let items = try field.array()
        guard !items.isEmpty else { throw field.error("must list at least one filter, got an empty array") }
        guard items.count <= maxFilters else {
            throw field.error("has \(items.count) filters; at most \(maxFilters) are supported")
        }
        var filters: [[[[Double]]]] = []
        for item in items {
            guard tensorDepth(item) == 3 else {
                throw item.error("must be a C×kh×kw filter (an array of matrices, one per image channel), got \(item.describe())")
            }
            let k = try stack(item, maxCount: maxChannels, noun: "channel")
            let expected = filters.first.map(size) ?? "\(image.count)×\(size(k[0]))"
            guard k.count == image.count, filters.first.map({ size($0) == size(k) }) ?? true else {
                throw item.error("\(size(k)), expected \(expected)"
                    + (k.count == image.count ? " (every filter has the same size)" : " (one slice per image channel)"))
            }
            filters.append(k)
        }
        return filters
    }

    /// One number for every filter, or an array with one per filter.
    static func bias(_ field: Field, filters: Int) throws -> ConvolveTopic.Bias {
        switch field.value.kind {
        case .number: return .shared(try field.number())
        case .array: return .perFilter(try field.numberArray(count: filters, onePer: "filter"))
        default:
            throw field.error("must be a number or an array with one number per filter, got \(field.describe())")
        }
    }
}
