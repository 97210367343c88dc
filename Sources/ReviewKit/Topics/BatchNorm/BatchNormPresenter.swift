/// Fills the batchnorm templates: the batch, then per feature a table of
/// x_i, x_i − μ_B, (x_i − μ_B)², x̂_i, y_i with μ_B, σ²_B and √(σ²_B + ε)
/// worked, the running-statistics update, the backward pass (a table of
/// dy_i, x̂_i, dy_i x̂_i, dx_i with dβ, dγ worked) and a picture of the
/// values before and after normalisation.
///
/// Formulas come from the trace (`BatchNormTrace`); the context is typed;
/// every sentence is in `templates/<lang>/batchnorm/*.mustache`.
struct BatchNormPresenter {
    let solution: BatchNormTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()

    init(solution: BatchNormTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: BatchNormTopic.Problem { solution.problem }
    private var trace: Trace { solution.trace }
    private typealias S = BatchNormTrace.Symbols

    mutating func presentation() -> Presentation {
        var figures: [Figure] = []
        var context = solutionContext()
        let words = FigureWords(templates: templates, topic: "batchnorm")
        var features: [TemplateData] = []
        if case .list(let items)? = context["features"] {
            for (j, item) in items.enumerated() {
                guard case .object(var object) = item else { continue }
                let f = solution.features[j]
                let drawing = NormalisationFigure(
                    before: f.x, after: f.xHat, beforeLabel: "x", afterLabel: "x̂",
                    caption: words.caption(["single": .flag(problem.isVector), "j": .text(j)] as TemplateObject))
                if let figure = drawing.figure() {
                    object["figure"] = .text(FigureMarker.make(figures.count))
                    figures.append(figure)
                }
                features.append(.object(object))
            }
            context["features"] = .list(features)
        }
        let question = templates.render("batchnorm/question", questionContext())
        let solution = templates.render("batchnorm/solution", context)
        return Presentation(question: question, solution: solution, figures: figures, formulas: book.formulas)
    }

    private func perFeature(_ values: [Double]) -> Formula {
        problem.isVector ? .number(values[0]) : .vector(values)
    }

    private mutating func shared() -> TemplateObject {
        let d = problem.d
        var object: TemplateObject = [
            "single": .flag(problem.isVector),
            "training": .flag(problem.mode == .training),
            "inference": .flag(problem.mode == .inference),
            "backward": .flag(problem.gradOutput != nil),
            "m": .text(problem.m), "d": .text(d),
            "epsLine": .text(book.inline(S.eps .= .number(problem.eps))),
            "gammaLine": .text(book.inline(S.gamma .= perFeature(problem.gamma ?? Array(repeating: 1, count: d)))),
            "betaLine": .text(book.inline(S.beta .= perFeature(problem.beta ?? Array(repeating: 0, count: d)))),
            "momentumLine": .text(book.inline(S.momentum .= .number(problem.momentum))),
            "runMeanLine": .text(book.inline(S.runMean .= perFeature(problem.runningMean ?? Array(repeating: 0, count: d)))),
            "runVarLine": .text(book.inline(S.runVar .= perFeature(problem.runningVar ?? Array(repeating: 1, count: d)))),
        ]
        object["columns"] = .list((0..<d).map { j in .text(j) })
        return object
    }

    private mutating func questionContext() -> TemplateObject {
        var context = shared()
        context["rows"] = .list(problem.x.indices, { i in
            var row: TemplateObject = ["i": .text(i + 1), "cells": .list(problem.x[i].map { .text(book.inline(.number($0))) })]
            if let dy = problem.gradOutput?[i] { row["dy"] = .list(dy.map { .text(book.inline(.number($0))) }) }
            return row
        })
        return context
    }

    private mutating func solutionContext() -> TemplateObject {
        var context = shared()
        context["features"] = .objects(solution.features.indices.map { feature($0) })
        let f = solution.features
        context["meanAnswer"] = .text(book.inline(S.mean .=≈ perFeature(f.map(\.mean))))
        context["varAnswer"] = .text(book.inline(S.variance .=≈ perFeature(f.map(\.variance))))
        if problem.mode == .training {
            context["runAnswer"] = .text(book.inline(S.runMean .=≈ perFeature(f.map { $0.runningMean! })))
            context["runVarAnswer"] = .text(book.inline(S.runVar .=≈ perFeature(f.map { $0.runningVar! })))
        }
        if problem.gradOutput != nil {
            context["gradBetaAnswer"] = .text(book.inline(.partial("L", S.beta) .=≈ perFeature(f.map { $0.gradBeta! })))
            context["gradGammaAnswer"] = .text(book.inline(.partial("L", S.gamma) .=≈ perFeature(f.map { $0.gradGamma! })))
        }
        return context
    }

    private mutating func feature(_ j: Int) -> TemplateObject {
        let f = solution.features[j]
        let sfx = BatchNormTrace.suffix(problem, j)
        func step(_ id: String) -> WorkedStep { trace[id + sfx] }
        var object: TemplateObject = [
            "j": .text(j),
            "first": .flag(j == 0),
            "gammaJ": .text(book.inline(S.gamma .= .number(f.gamma))),
            "betaJ": .text(book.inline(S.beta .= .number(f.beta))),
        ]
        if problem.mode == .training {
            let mean = step("mean"), variance = step("var")
            object["meanLine"] = .text(book.display(mean.line(from: mean.formula)))
            object["varLine"] = .text(book.display(variance.line(from: variance.formula)))
            let unbiased = step("var_unbiased"), rm = step("running_mean"), rv = step("running_var")
            object["unbiasedLine"] = .text(book.inline(unbiased.line(from: unbiased.name!)))
            object["runMeanUpdate"] = .text(book.inline(rm.formula))
            object["runVarUpdate"] = .text(book.inline(rv.formula))
            object["runMeanWorked"] = .text(book.inline(.relation(.result, .relation(.assigns, rm.name!, rm.substituted), rm.result)))
            object["runVarWorked"] = .text(book.inline(.relation(.result, .relation(.assigns, rv.name!, rv.substituted), rv.result)))
        } else {
            object["meanLine"] = .text(book.inline(S.runMean .= .number(f.mean)))
            object["varLine"] = .text(book.inline(S.runVar .= .number(f.variance)))
        }
        let std = step("std"), xHat = step("x_hat"), y = step("y")
        object["stdLine"] = .text(book.inline(std.line(from: std.formula)))
        object["xHatRule"] = .text(book.inline(xHat.formula))
        object["yRule"] = .text(book.inline(y.formula))
        object["rows"] = .list(f.x.indices, { i in
            [
                "i": .text(i + 1), "x": .text(book.inline(.number(f.x[i]))),
                "centred": .text(book.inline(.number(f.x[i]) - .number(f.mean) .=≈ .number(f.centred[i]))),
                "square": .text(book.inline(.number(f.squares[i]))),
                "xHat": .text(book.inline(xHat.worked(i))), "y": .text(book.inline(y.worked(i))),
            ]
        })
        if let dy = f.dy, let products = f.dyXHat {
            let beta = step("grad_beta"), gamma = step("grad_gamma"), dx = step("grad_x")
            object["gradBetaLine"] = .text(book.inline(beta.line(from: beta.formula)))
            object["gradGammaLine"] = .text(book.display(gamma.line(from: gamma.formula)))
            object["dxRule"] = .text(book.display(dx.formula))
            object["backRows"] = .list(f.x.indices, { i in
                [
                    "i": .text(i + 1), "dy": .text(book.inline(.number(dy[i]))), "xHat": .text(book.inline(.number(f.xHat[i]))),
                    "product": .text(book.inline(.number(products[i]))), "dx": .text(book.inline(dx.worked(i))),
                ]
            })
        }
        return object
    }
}
