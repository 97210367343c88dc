/// The JSON `steps` of a softmax problem: every value the solver recorded,
/// in the order it computed them, with plain-text formulas.
///
/// A batch prefixes each row's step ids with `row<n>.` (rows numbered from 0,
/// like `logits[n]` in the file), then lists the reduction.
struct SoftmaxSteps {
    let solution: SoftmaxTopic.Solution

    private var temperature: Double { solution.problem.temperature }
    private var scaled: Bool { temperature != 1 }

    func steps() -> [Step] {
        let rows = solution.result.rows
        guard solution.problem.isBatch else { return steps(rows[0], prefix: "", loss: "L") }
        var steps: [Step] = []
        for (n, row) in rows.enumerated() {
            steps += self.steps(row, prefix: "row\(n).", loss: "L_\(n)")
        }
        let losses = rows.map(\.loss)
        let n = rows.count
        let sumText = losses.map(plain).joined(separator: " + ")
        let mean = solution.problem.reduction == .mean
        steps.append(
            step(
                "L", "L",
                mean ? "L = (1/N) * sum_n L_n" : "L = sum_n L_n",
                mean ? "L = (\(sumText)) / \(n)" : "L = \(sumText)", .number(solution.result.loss)))
        steps.append(
            step(
                "dL/dz", "dL/dz",
                mean ? "dL/dz_n = (1/N) * dL_n/dz_n" : "dL/dz_n = dL_n/dz_n",
                mean ? "dL/dz_n = dL_n/dz_n / \(n)" : "dL/dz_n = dL_n/dz_n",
                .array(solution.result.gradient.map(vector))))
        return steps
    }

    private func steps(_ row: SoftmaxSolver.Row, prefix: String, loss: String) -> [Step] {
        let t = plain(temperature)
        let shift: (Double) -> String = { z in
            let difference = "\(plain(z)) - \(operand(row.max))"
            return scaled ? "(\(difference)) / \(t)" : difference
        }
        let terms = zip(row.target, row.logProbabilities).map { "-\(operand($0)) * \(operand($1))" }
        let gradient: [String] = zip(row.probabilities, row.target).map { p, y in
            let difference = "\(plain(p)) - \(operand(y))"
            return scaled ? "(\(difference)) / \(t)" : difference
        }
        let gradientName = prefix.isEmpty ? "dL/dz" : "d\(loss)/dz_\(loss.dropFirst(2))"
        return [
            step(
                prefix + "m", prefix + "m", "m = max_i z_i",
                "m = max(\(row.logits.map(plain).joined(separator: ", ")))", .number(row.max)),
            step(
                prefix + "a", prefix + "a", scaled ? "a_i = (z_i - m) / T" : "a_i = z_i - m",
                "a = [\(row.logits.map(shift).joined(separator: ", "))]", vector(row.shifted)),
            step(
                prefix + "exp_a", prefix + "exp(a)", "exp(a_i)",
                "exp(a) = [\(row.shifted.map { "exp(\(plain($0)))" }.joined(separator: ", "))]",
                vector(row.exponentials)),
            step(
                prefix + "S", prefix + "S", "S = sum_j exp(a_j)",
                "S = \(row.exponentials.map(plain).joined(separator: " + "))", .number(row.sum)),
            step(
                prefix + "p", prefix + "p", "p_i = exp(a_i) / S",
                "p = [\(row.exponentials.map { "\(plain($0)) / \(plain(row.sum))" }.joined(separator: ", "))]",
                vector(row.probabilities)),
            step(prefix + "ln_S", prefix + "ln S", "ln S", "ln(\(plain(row.sum)))", .number(row.logSum)),
            step(
                prefix + "ln_p", prefix + "ln p", "ln p_i = a_i - ln S",
                "ln p = [\(row.shifted.map { "\(plain($0)) - \(plain(row.logSum))" }.joined(separator: ", "))]",
                vector(row.logProbabilities)),
            step(
                prefix + "loss_terms", prefix + "-y ln p", "-y_i * ln p_i",
                "[\(terms.joined(separator: ", "))]", vector(row.lossTerms)),
            step(
                prefix + "L", loss, "\(loss) = -sum_i y_i * ln p_i",
                "\(loss) = \(row.lossTerms.map(plain).joined(separator: " + "))", .number(row.loss)),
            step(
                prefix + gradientName, prefix + gradientName,
                scaled ? "\(gradientName)[i] = (p_i - y_i) / T" : "\(gradientName)[i] = p_i - y_i",
                "\(gradientName) = [\(gradient.joined(separator: ", "))]", vector(row.gradient)),
        ]
    }

    private func step(_ id: String, _ label: String, _ formula: String, _ substituted: String, _ value: JSONValue)
        -> Step
    {
        Step(id: id, label: label, formula: formula, substituted: substituted, value: value)
    }

    private func vector(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }

    private func plain(_ value: Double) -> String { NumberFormat.plain(value) }

    private func operand(_ value: Double) -> String {
        value < 0 ? "(\(plain(value)))" : plain(value)
    }
}
