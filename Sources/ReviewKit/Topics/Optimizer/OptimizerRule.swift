/// The update rules of the `optimizer` topic, in PyTorch's forms (the
/// notes' Adam box is the same algorithm), and the hyperparameters each
/// one takes. A field the rule does not use is an error, so a `momentum`
/// given to `adam` is never silently ignored.
enum OptimizerRule: String, Sendable, CaseIterable {
    case sgd, momentum, nesterov, adagrad, rmsprop, adam

    /// A hyperparameter field besides `learning_rate`, `weight_decay`, `l1`
    /// (which every rule takes).
    enum Hyper: String, Sendable, CaseIterable {
        case momentum, rho, beta1, beta2, eps
    }

    var hypers: [Hyper] {
        switch self {
        case .sgd: return []
        case .momentum, .nesterov: return [.momentum]
        case .adagrad: return [.eps]
        case .rmsprop: return [.rho, .eps]
        case .adam: return [.beta1, .beta2, .eps]
        }
    }

    /// PyTorch's default learning rate (0.001; adagrad and rmsprop 0.01).
    var defaultLearningRate: Double {
        switch self {
        case .adagrad, .rmsprop: return 0.01
        default: return 0.001
        }
    }

    /// PyTorch's defaults, except `momentum` 0.9 (PyTorch's 0 would make
    /// the rule plain sgd); adagrad's ε is 1e-10.
    func defaultValue(_ hyper: Hyper) -> Double {
        switch hyper {
        case .momentum: return 0.9
        case .rho: return 0.99
        case .beta1: return 0.9
        case .beta2: return 0.999
        case .eps: return self == .adagrad ? 1e-10 : 1e-8
        }
    }

    /// The per-parameter state the rule keeps, by its answer key.
    var stateKeys: [String] {
        switch self {
        case .sgd: return []
        case .momentum, .nesterov: return ["velocity"]
        case .adagrad: return ["sum_sq"]
        case .rmsprop: return ["square_avg"]
        case .adam: return ["m", "v", "m_hat", "v_hat"]
        }
    }
}
