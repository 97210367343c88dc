/// An activation a layer may leave out: σ, tanh or relu from the shared
/// calculus (`Activation`), or `none`, where the layer's output is its
/// pre-activation. gcn and convolve offer exactly these four; each lists
/// them in the order its README table and its "must be one of" message have
/// always used (`FieldSchema.Spec.choice(_:_:among:default:doc:)`).
enum OptionalActivation: String, CaseIterable, Sendable {
    case none, relu, sigmoid, tanh

    /// The shared calculus's function; nil for `none`.
    var function: Activation? {
        switch self {
        case .none: return nil
        case .relu: return .relu
        case .sigmoid: return .sigmoid
        case .tanh: return .tanh
        }
    }

    /// f(x) as the calculus writes it (`ReLU(x)`, `σ(x)`, `tanh(x)`), or x
    /// itself for `none`.
    func formula(_ x: Formula) -> Formula {
        function?.formula(x) ?? x
    }

    /// The flag a template branches on: the raw value, but `noActivation`
    /// for `none`, which beside gcn's normalisation flags would read as
    /// "no normalisation".
    var templateFlag: String { self == .none ? "noActivation" : rawValue }
}
