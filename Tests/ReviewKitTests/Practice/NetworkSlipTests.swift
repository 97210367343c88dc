import Foundation
import Testing
@testable import ReviewKit

/// The mlp, activation and loss slips of topics-networks.md, each on a
/// problem whose slipped answer is worked out by hand or with an
/// independent python3 loop over the neurons (in the comments), not with
/// the slip code: `diagnose` names the slip for that wrong answer, points
/// to the step that computes it, and names no slip for the right answer.
@Suite struct NetworkSlipTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var problem: String
        var path: String
        /// The wrong answer the slip gives, computed independently.
        var wrong: String
        var right: Double
        var slip: String
        /// The worked step the verdict points to.
        var step: String
        var testDescription: String { "\(slip) \(path)" }
    }

    static let mazur = #"{"topic": "mlp", "input": [0.05, 0.10], "layers": [{"weights": [[0.15, 0.20], [0.25, 0.30]], "biases": [0.35, 0.35]}, {"weights": [[0.40, 0.45], [0.50, 0.55]], "biases": [0.60, 0.60]}], "target": [0.01, 0.99], "learning_rate": 0.5, "update_biases": false}"#
    static let notes = #"{"topic": "mlp", "input": [0.5, 0.3], "layers": [{"weights": [[0.2, 0.5], [-0.4, 0.6]]}, {"weights": [[0.1, -0.3], [-0.5, 0.8]]}], "target": [0.23, -0.07], "learning_rate": 1, "update_biases": false}"#
    static let batch = #"{"topic": "mlp", "input": [[1], [2], [3]], "layers": [{"weights": [[0.5]], "activation": "linear"}], "target": [1, 1, 1]}"#
    static let sigmoid = #"{"topic": "activation", "function": "sigmoid", "points": [0]}"#
    static let sigmoidDeep = #"{"topic": "activation", "function": "sigmoid", "points": [0], "depth": 10}"#
    static let tanh = #"{"topic": "activation", "function": "tanh", "points": [2]}"#
    static let relu = #"{"topic": "activation", "function": "relu", "points": [0, 1]}"#
    static let leakyRight = #"{"topic": "activation", "function": "leaky_relu", "alpha": 0.1, "points": [-1, 0], "kink": "right"}"#
    static let mse = #"{"topic": "loss", "loss": "mse", "predictions": [1, 2, 3], "target": [0, 0, 0]}"#
    static let bce = #"{"topic": "loss", "loss": "bce", "predictions": [0.8, 0.4], "target": [1, 0]}"#
    static let hinge = #"{"topic": "loss", "loss": "hinge", "predictions": [1, -0.5], "target": [1, 1]}"#
    static let multiclass = #"{"topic": "loss", "loss": "multiclass_hinge", "predictions": [2, 1, 3], "target": 2}"#
    static let huber = #"{"topic": "loss", "loss": "huber", "predictions": [0.5, 1, -1, 3], "target": [0, 0, 0, 0], "delta": 1}"#

    static let cases: [Case] = [
        // Mazur's E_total = 0.298371109, doubled without the ½: 0.5967 (the contract's number).
        Case(problem: mazur, path: "loss", wrong: "0.5967", right: 0.298371109, slip: "mse-no-half", step: "C"),
        // ∂C/∂W¹ doubled too: python3, 2 · 0.000438568 = 0.000877.
        Case(problem: mazur, path: "layers[0].grad_weights[0][0]", wrong: "0.0008771", right: 0.000438568,
             slip: "mse-no-half", step: "grad_W1"),
        // δ²_0 = a − t = 0.75136507 − 0.01 = 0.7414 against Mazur's ∂E/∂net_o1 = 0.138498562.
        Case(problem: mazur, path: "layers[1].delta[0]", wrong: "0.7414", right: 0.138498562,
             slip: "no-output-derivative", step: "delta2"),
        // The contract's numbers for the notes' 2-2-2 net: ∂C/∂w1 = +0.0146 and w1 → 0.19 (0.2 − 0.0146 = 0.1854)
        // where −0.0084 and 0.2084 are right.
        Case(problem: notes, path: "layers[0].grad_weights[0][0]", wrong: "0.0146", right: -0.00842148046150221,
             slip: "hidden-delta-from-grad", step: "grad_W1"),
        Case(problem: notes, path: "layers[0].new_weights[0][0]", wrong: "0.19", right: 0.20842148046150222,
             slip: "hidden-delta-from-grad", step: "new_W1"),
        // python3: W² stepped first (η = 1), then δ¹ = ((W²_new)ᵀ δ²) ⊙ σ'(z¹): δ¹_0 = −0.020448, ∂C/∂w1 = −0.010224.
        Case(problem: notes, path: "layers[0].delta[0]", wrong: "-0.020448", right: -0.01684296092300442,
             slip: "updated-weights-backward", step: "delta1"),
        Case(problem: notes, path: "layers[0].grad_weights[0][0]", wrong: "-0.010224", right: -0.00842148046150221,
             slip: "updated-weights-backward", step: "grad_W1"),
        // a = 0.5, 1, 1.5; δ = −0.5, 0, 0.5; ∂C/∂w = (−0.5·1 + 0·2 + 0.5·3)/3 = 1/3, summed 1.
        Case(problem: batch, path: "layers[0].grad_weights[0][0]", wrong: "1.000", right: 1.0 / 3, slip: "batch-sum",
             step: "grad_W1"),
        // The loss summed with it: ½(0.25 + 0 + 0.25) = 0.25 against the mean 0.08333.
        Case(problem: batch, path: "loss", wrong: "0.25", right: 0.25 / 3, slip: "batch-sum", step: "C"),
        // σ(0) = 0.5 taken for σ'(0) = 0.25.
        Case(problem: sigmoid, path: "derivatives[0]", wrong: "0.5", right: 0.25, slip: "sigmoid-prime-as-sigmoid", step: "df[0]"),
        // 1 − 2² = −3 against 1 − tanh²(2) = 0.0707.
        Case(problem: tanh, path: "derivatives[0]", wrong: "-3", right: 0.07065082485316443, slip: "tanh-prime-of-x", step: "df[0]"),
        // relu'(0): 1 (right kink) against 0 (left, the default).
        Case(problem: relu, path: "derivatives[0]", wrong: "1", right: 0, slip: "relu-kink-flipped", step: "df[0]"),
        // leaky relu'(0) with kink right: α = 0.1 (left) against 1.
        Case(problem: leakyRight, path: "derivatives[1]", wrong: "0.1", right: 1, slip: "relu-kink-flipped", step: "df[1]"),
        // 10 · ¼ = 2.5 against (¼)¹⁰ = 9.5e-7 (the contract's numbers).
        Case(problem: sigmoidDeep, path: "chain[0]", wrong: "2.5", right: 9.5367431640625e-07, slip: "chain-sum", step: "chain[0]"),
        // (ŷ − y)/N = 2/3 against 2·2/3.
        Case(problem: mse, path: "gradient[1]", wrong: "0.6667", right: 4.0 / 3, slip: "mse-grad-no-2", step: "grad[1]"),
        // The sum's gradient 2·2 = 4 against 4/3.
        Case(problem: mse, path: "gradient[1]", wrong: "4", right: 4.0 / 3, slip: "mean-grad-no-1-over-n", step: "grad[1]"),
        // (p − y)/N = (0.8 − 1)/2 = −0.1 against (p − y)/(p(1 − p))/N = −0.2/0.16/2 = −0.625.
        Case(problem: bce, path: "gradient[0]", wrong: "-0.1", right: -0.625, slip: "bce-grad-as-logit-grad", step: "grad[0]"),
        // y·ŷ = 1 = m: inactive, 0; taken as active −y/N = −0.5.
        Case(problem: hinge, path: "gradient[0]", wrong: "-0.5", right: 0, slip: "hinge-margin-active", step: "grad[0]"),
        // s_0 − s_2 + 1 = 2 − 3 + 1 = 0: inactive; taken as active, ∂L/∂s_0 = 1 and ∂L/∂s_2 = −1.
        Case(problem: multiclass, path: "gradient[0]", wrong: "1", right: 0, slip: "hinge-margin-active", step: "grad[0]"),
        Case(problem: multiclass, path: "gradient[2]", wrong: "-1", right: 0, slip: "hinge-margin-active", step: "grad[0]"),
        // r = 3 > δ = 1: ½·3² = 4.5 against 1·(3 − ½) = 2.5; gradient 3/4 against 1/4;
        // L = (0.125 + 0.5 + 0.5 + 4.5)/4 = 1.40625 against (0.125 + 0.5 + 0.5 + 2.5)/4 = 0.90625.
        Case(problem: huber, path: "losses[3]", wrong: "4.5", right: 2.5, slip: "huber-wrong-branch", step: "loss[3]"),
        Case(problem: huber, path: "gradient[3]", wrong: "0.75", right: 0.25, slip: "huber-wrong-branch", step: "grad[3]"),
        Case(problem: huber, path: "loss", wrong: "1.40625", right: 0.90625, slip: "huber-wrong-branch", step: "loss"),
    ]

    @Test(arguments: cases)
    func theSlippedAnswerNamesItsSlip(_ item: Case) throws {
        let problem = try #require(try solve(json: item.problem).first)
        let wrong = try Diagnosis.diagnose(problem, [GivenAnswer(path: item.path, typed: item.wrong)], source: "test")
        #expect(wrong.verdicts.first?.isRight == false)
        #expect(wrong.verdicts.first?.slip == item.slip)
        #expect(wrong.verdicts.first?.step == item.step)
        // The step is one the worked solution records.
        #expect(problem.trace.steps.contains { $0.id == item.step })
        let right = try Diagnosis.diagnose(
            problem, [GivenAnswer(path: item.path, typed: String(item.right))], source: "test")
        #expect(right.verdicts.first?.isRight == true)
        #expect(right.verdicts.first?.slip == nil)
    }

    /// A slip that changes nothing on a problem is not offered there: relu
    /// away from 0, ELU with α = 1 (both sides' slope is 1 at 0), a batch of
    /// one, a linear output layer's f' = 1.
    @Test func slipsThatChangeNothingAreNotOffered() throws {
        func ids(_ json: String) throws -> [String] {
            try #require(try solve(json: json).first).slips().map(\.id)
        }
        #expect(try ids(#"{"topic": "activation", "function": "relu", "points": [1, -2]}"#).isEmpty)
        #expect(try ids(#"{"topic": "activation", "function": "elu", "points": [0]}"#).isEmpty)
        #expect(try ids(Self.batch) == ["mse-no-half", "batch-sum"])
        #expect(try ids(#"{"topic": "mlp", "input": [1], "layers": [{"weights": [[0.5]], "activation": "linear"}], "target": 1}"#)
            == ["mse-no-half"])
        #expect(try ids(#"{"topic": "loss", "loss": "mae", "predictions": [1], "target": [0]}"#).isEmpty)
    }

    /// Every slip the contract lists for mlp, activation and loss is
    /// declared in its order, with a wording in every language that fills
    /// its values.
    @Test func everyContractSlipIsDeclaredAndWorded() throws {
        let contract: [String: [String]] = [
            "mlp": ["mse-no-half", "no-output-derivative", "hidden-delta-from-grad", "updated-weights-backward", "batch-sum"],
            "activation": ["sigmoid-prime-as-sigmoid", "tanh-prime-of-x", "relu-kink-flipped", "chain-sum"],
            "loss": ["mse-grad-no-2", "mean-grad-no-1-over-n", "bce-grad-as-logit-grad", "hinge-margin-active", "huber-wrong-branch"],
        ]
        for (topic, slips) in contract {
            #expect(try #require(TopicRegistry.topic(named: topic)).slipIDs == slips)
            #expect(Set(Self.cases.filter { (try? solve(json: $0.problem).first?.topic) == topic }.map(\.slip)) == Set(slips))
        }
        for language in TemplateLibrary.languages {
            let templates = TemplateLibrary.forLanguage(language)
            for (topic, slips) in contract {
                for slip in slips {
                    #expect(templates.has("\(topic)/slip-\(slip)"), "\(language) \(topic)/slip-\(slip)")
                }
            }
        }
    }

    /// The wording names this problem's values: the batch size, the kink,
    /// δ, N and the depth.
    @Test func theWordingNamesTheProblemsValues() throws {
        let expectations: [(String, String, String, [String])] = [
            (Self.batch, "layers[0].grad_weights[0][0]", "1.000", ["3 examples", "m = 3"]),
            (Self.relu, "derivatives[0]", "1", ["kink is left", "f'(0) = 0"]),
            (Self.huber, "gradient[3]", "0.75", ["δ = 1"]),
            (Self.mse, "gradient[1]", "4", ["N = 3"]),
            (Self.sigmoidDeep, "chain[0]", "2.5", ["10 layers"]),
        ]
        let templates = TemplateLibrary.forLanguage("en")
        for (json, path, typed, phrases) in expectations {
            let problem = try #require(try solve(json: json).first)
            let verdict = try #require(try Diagnosis.diagnose(problem, [GivenAnswer(path: path, typed: typed)], source: "t").verdicts.first)
            let slip = try #require(verdict.slip)
            let text = templates.render("\(problem.topic)/slip-\(slip)", verdict.slipContext)
            for phrase in phrases { #expect(text.contains(phrase), "\(slip): \(text)") }
        }
    }
}
