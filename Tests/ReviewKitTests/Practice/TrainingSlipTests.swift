import Foundation
import Testing
@testable import ReviewKit

/// The optimizer and batchnorm slips of topics-networks.md, each on a
/// problem whose slipped answer is worked out by hand (in the comments),
/// independently of the slip code: `diagnose` names the slip for that wrong
/// answer and no slip for the right one.
@Suite struct TrainingSlipTests {
    typealias Case = SlipDiagnosisTests.Case

    static let adam = #"{"topic": "optimizer", "rule": "adam", "params": {"x": 1, "y": -1}, "objective": "x^2 + 10*y^2", "steps": 3, "learning_rate": 0.1}"#
    static let momentum = #"{"topic": "optimizer", "rule": "momentum", "params": {"x": 1}, "objective": "x^2", "steps": 3, "learning_rate": 0.1, "momentum": 0.9}"#
    static let adamDecay = #"{"topic": "optimizer", "rule": "adam", "params": {"x": 1}, "gradients": [{"x": 0.5}], "learning_rate": 0.1, "weight_decay": 0.1}"#
    static let adagrad = #"{"topic": "optimizer", "rule": "adagrad", "params": {"x": 1}, "gradients": [{"x": 1}, {"x": 1}], "learning_rate": 0.1}"#
    static let notes = #"{"topic": "batchnorm", "x": [1, 2, 3, 4], "eps": 0}"#
    static let notesEps = #"{"topic": "batchnorm", "x": [1, 2, 3, 4], "eps": 0.1}"#
    static let contract = #"{"topic": "batchnorm", "x": [[1, 2], [3, 6], [5, 4]], "gamma": [1, 0.5], "beta": [0, 1], "grad_output": [[0.1, -0.2], [0.3, 0.1], [-0.4, 0.2]]}"#

    static let cases: [Case] = [
        // m = 0.2, v = 0.004 uncorrected: x = 1 − 0.1·0.2/√0.004 = 1 − √10·0.1 = 0.6838.
        Case(problem: adam, path: "steps[0].params.x", wrong: "0.6838", right: 0.9000000005, slip: "adam-no-bias-correction"),
        // v = 0.1·2 = 0.2, x = 1 − 0.1·0.2 = 0.98 against 0.8.
        Case(problem: momentum, path: "steps[0].params.x", wrong: "0.98", right: 0.8, slip: "momentum-lr-twice"),
        // Adam moves x by about η = 0.1 either way; decoupled adds ηλθ = 0.01: 0.89 against 0.9.
        Case(problem: adamDecay, path: "params.x", wrong: "0.89", right: 0.9000000016666666, slip: "decoupled-decay"),
        // G = 1 again at step 2: 0.9 − 0.1 = 0.8 against 0.9 − 0.1/√2 = 0.8293.
        Case(problem: adagrad, path: "params.x", wrong: "0.8", right: 0.8292893218963453, slip: "adagrad-no-accumulate"),
        // The contract's numbers: 1.5/√(5/3) = 1.1619 against 1.3416; 0.9 + 0.1·1.25 = 1.025 against 1.0667.
        Case(problem: notes, path: "x_hat[3]", wrong: "1.1619", right: 1.3416407864998738, slip: "bn-unbiased-variance"),
        Case(problem: notes, path: "running_var", wrong: "1.025", right: 1.0666666666666667, slip: "running-var-biased"),
        // 1.5/(√1.25 + 0.1) = 1.2315 against 1.5/√1.35 = 1.2910.
        Case(problem: notesEps, path: "x_hat[3]", wrong: "1.2315", right: 1.2909944487358056, slip: "eps-outside-sqrt"),
        // 0.1·0 + 0.9·2.5 = 2.25 against 0.25.
        Case(problem: notes, path: "running_mean", wrong: "2.25", right: 0.25, slip: "momentum-reversed"),
        // γ dy/√(σ² + ε) = 0.1/1.633 = 0.06124 against −0.09186.
        Case(problem: contract, path: "grad_x[0][0]", wrong: "0.06124", right: -0.09185511902917684, slip: "dx-ignores-statistics"),
    ]

    @Test(arguments: cases)
    func theSlippedAnswerNamesItsSlip(_ item: Case) throws {
        let problem = try #require(try solve(json: item.problem).first)
        let wrong = try Diagnosis.diagnose(problem, [GivenAnswer(path: item.path, typed: item.wrong)], source: "test")
        #expect(wrong.verdicts.first?.isRight == false)
        #expect(wrong.verdicts.first?.slip == item.slip)
        #expect(wrong.verdicts.first?.step != nil)
        let right = try Diagnosis.diagnose(
            problem, [GivenAnswer(path: item.path, typed: String(item.right))], source: "test")
        #expect(right.verdicts.first?.isRight == true)
        #expect(right.verdicts.first?.slip == nil)
    }

    @Test func everySlipIsWordedInEveryLanguage() throws {
        for language in TemplateLibrary.languages {
            let templates = TemplateLibrary.forLanguage(language)
            for item in Self.cases {
                let topic = try #require(try solve(json: item.problem).first).topic
                #expect(templates.has("\(topic)/slip-\(item.slip)"), "\(language) \(topic)/slip-\(item.slip)")
            }
        }
        #expect(Set(Self.cases.map(\.slip)).count == 9)
    }
}
