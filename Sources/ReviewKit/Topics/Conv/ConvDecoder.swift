/// The readers behind `ConvTopic`'s schemas: values with more than one form
/// (a shape, a size pair, a padding), and the layer list, with a located
/// message for every bad field (`layers[2].kernel: must be a positive
/// integer, got -3`). Which keys exist is declared in the schemas, not here.
///
/// Structural mistakes that need no arithmetic (a `conv` after an `fc`, a
/// `conv` on a flat input) are caught here too, so they are reported before
/// any solving starts; sizes that turn out too small are the solver's job.
enum ConvDecoder {
    /// Long enough for any published network, short enough that a mistaken
    /// file cannot ask for a sheet of a million worked layers.
    static let maxLayers = 500

    /// The layer list: each layer read with its type's schema
    /// (`ConvTopic.layerSchemas`), then checked against what came before it.
    static func layers(_ list: Field, after input: ConvModel.Shape) throws -> [ConvModel.Layer] {
        let items = try list.array()
        guard !items.isEmpty else { throw list.error("must list at least one layer, got an empty array") }
        guard items.count <= maxLayers else {
            throw list.error("must have at most \(maxLayers) layers, got \(items.count)")
        }
        var layers: [ConvModel.Layer] = []
        var flatSince: Int? = nil  // index of the first fc, or -1 for a flat input
        if case .flat = input { flatSince = -1 }
        for item in items {
            let layer = try ConvTopic.layerSchemas.decode(item)
            switch layer.kind {
            case .fc:
                if flatSince == nil { flatSince = layers.count }
            case .conv, .pool:
                if let since = flatSince {
                    let why = since < 0
                        ? "the input is a flat vector \(input.dimensions); only fc layers can take it"
                        : "layers[\(since)] is an fc layer, whose output is a flat vector"
                    throw item.error("a \(layer.kind.typeName) layer needs an image [H, W, C], but \(why)")
                }
            }
            layers.append(layer)
        }
        return layers
    }

    // MARK: Input

    static func shape(_ field: Field) throws -> ConvModel.Shape {
        switch field.value.kind {
        case .object:
            let image = try ConvTopic.imageSchema.decodeObject(field, into: ConvTopic.Image())
            return .image(height: image.height, width: image.width, channels: image.channels)
        case .array(let items) where items.count == 3 || items.count == 1:
            let n = try field.array().map { try $0.positiveInt() }
            return n.count == 3 ? .image(height: n[0], width: n[1], channels: n[2]) : .flat(n[0])
        case .array(let items):
            throw field.error("must be [H, W, C] or [N] (a flat vector), got an array of \(items.count)")
        default:
            throw field.error(
                "must be {\"height\", \"width\", \"channels\"}, [H, W, C] or [N], got \(field.describe())")
        }
    }
}
