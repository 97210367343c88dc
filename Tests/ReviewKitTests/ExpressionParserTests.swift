import Foundation
import Testing
import ReviewKit

/// Fully parenthesised spelling of a parse, built with a loop over the post-order
/// nodes (each node's operands are already spelled when it is reached).
private func shape(_ source: String) throws -> String {
    let parsed = try ExpressionParser.parse(source)
    var text: [String] = []
    for node in parsed.nodes {
        switch node.kind {
        case .number(_, let literal): text.append(literal)
        case .variable(let name): text.append(name)
        case .operation(let op, let operands):
            let parts = operands.map { text[$0] }
            let symbols: [Primitive: String] = [.add: "+", .subtract: "-", .multiply: "*", .divide: "/", .power: "^"]
            if let symbol = symbols[op] {
                text.append("(\(parts[0])\(symbol)\(parts[1]))")
            } else if op == .negate {
                text.append("(-\(parts[0]))")
            } else {
                text.append("\(op.rawValue)(\(parts.joined(separator: ",")))")
            }
        }
    }
    return text.last!
}

private func value(_ source: String, _ values: [String: Double] = [:]) throws -> Double {
    try ComputationGraph(parsing: source, values: values).value
}

private func parseError(_ source: String) -> ExpressionError? {
    do {
        _ = try ExpressionParser.parse(source)
        return nil
    } catch {
        return error
    }
}

@Suite struct ExpressionParserTests {
    @Test func precedenceShapes() throws {
        #expect(try shape("2^3^2") == "(2^(3^2))")
        #expect(try shape("-x^2") == "(-(x^2))")
        #expect(try shape("a-b-c") == "((a-b)-c)")
        #expect(try shape("a/b/c") == "((a/b)/c)")
        #expect(try shape("a+b*c") == "(a+(b*c))")
        #expect(try shape("-x*y") == "((-x)*y)")
        #expect(try shape("2^-x^2") == "(2^(-(x^2)))")
        #expect(try shape("x^+2") == "(x^2)")
        #expect(try shape("x**-1") == "(x^(-1))")
        #expect(try shape("--x") == "(-(-x))")
        #expect(try shape("max(a, b*c) + exp(-x)") == "(max(a,(b*c))+exp((-x)))")
        #expect(try shape(" 2 .5e3 ".replacingOccurrences(of: " .", with: ".")) == "2.5e3")
    }

    @Test func precedenceValues() throws {
        #expect(try value("2^3^2") == 512)
        #expect(try value("-x^2", ["x": 3]) == -9)
        #expect(try value("-2^2") == -4)
        #expect(try value("x^-1", ["x": 4]) == 0.25)
        #expect(try value("2**3") == 8)
        #expect(try value("2*-3") == -6)
        #expect(try value("10-4-3") == 3)
        #expect(try value("a-b-c", ["a": 10, "b": 4, "c": 3]) == 3)
        #expect(try value("a/b/c", ["a": 24, "b": 4, "c": 2]) == 3)
        #expect(try value("2^-x^2", ["x": 1]) == 0.5)
        #expect(try value("1+2*3^2") == 19)
    }

    @Test func numbersFollowTheGrammar() throws {
        let parsed = try ExpressionParser.parse("1e-3 + 2. + 3E+2 + 4")
        let numbers = parsed.nodes.compactMap { node -> String? in
            if case .number(_, let literal) = node.kind { return literal }
            return nil
        }
        #expect(numbers == ["1e-3", "2.", "3E+2", "4"])
        #expect(parsed.variablesInOrderOfFirstAppearance == [])
        #expect(try value("1e-3") == 0.001)
        // `4e` is the number 4 then the name e: an exponent needs digits.
        #expect(parseError("4e") == ExpressionError(column: 2, message: "expected an operator before 'e'"))
        #expect(parseError("4e+") == ExpressionError(column: 2, message: "expected an operator before 'e'"))
        #expect(parseError(".5") == ExpressionError(column: 1, message: "unexpected character '.'"))
    }

    @Test func outputNameAndVariableOrder() throws {
        let parsed = try ExpressionParser.parse("L = (y - t)^2 + w*y + e")
        #expect(parsed.outputName == "L")
        #expect(parsed.variablesInOrderOfFirstAppearance == ["y", "t", "w", "e"])
        #expect(try ExpressionParser.parse("x*y").outputName == nil)
        // The root is last and every operand comes before its parent.
        for (index, node) in parsed.nodes.enumerated() {
            if case .operation(_, let operands) = node.kind {
                #expect(operands.allSatisfy { $0 < index })
            }
        }
    }

    @Test func errorColumns() {
        let cases: [(String, Int, String)] = [
            ("(x+y", 5, "expected ')' to close '(' at column 1"),
            ("f = exp(x", 10, "expected ')' to close '(' at column 8"),
            ("x + # y", 5, "unexpected character '#'"),
            ("x+", 3, "unexpected end of expression"),
            ("", 1, "unexpected end of expression"),
            (")", 1, "unexpected ')'"),
            ("x+y)", 4, "unexpected ')'"),
            ("x*/y", 3, "unexpected '/'"),
            ("+x", 1, "unexpected '+'"),
            ("2 x", 3, "expected an operator before 'x'"),
            ("x = = y", 5, "unexpected '='"),
            ("exp + 1", 1, "function 'exp' must be followed by '('"),
            ("epx(x)", 1, "unknown function 'epx' (did you mean 'exp'?)"),
            ("2*Sin(x)", 3, "unknown function 'Sin' (did you mean 'sin'?)"),
            ("foobar(x)", 1, "unknown function 'foobar'"),
            ("max(x)", 6, "'max' takes exactly 2 arguments"),
            ("exp(x, y)", 6, "'exp' takes exactly 1 argument"),
            ("exp()", 5, "'exp' takes exactly 1 argument"),
            ("(x, y)", 3, "unexpected ','"),
            ("x + 😀", 5, "unexpected character '😀'"),
            ("x+e\u{301}", 3, "unexpected character 'e\u{301}'"),
            ("y * (e\u{301} + 1", 6, "unexpected character 'e\u{301}'"),
            ("x\u{00A0}+ #", 5, "unexpected character '#'"),  // no-break space is whitespace
            ("x\u{00A0}+", 4, "unexpected end of expression"),
            ("x = x + 1", 1, "the output name 'x' is also used as a variable"),
        ]
        for (source, column, message) in cases {
            #expect(parseError(source) == ExpressionError(column: column, message: message), "\(source)")
        }
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "(", count: 256) + "x" + String(repeating: ")", count: 256)
        #expect(try ExpressionParser.parse(ok).nodes.count == 1)
        let depthMessage = "expression nested too deeply (more than 256 levels)"
        let tooDeep = String(repeating: "(", count: 257) + "x" + String(repeating: ")", count: 257)
        #expect(parseError(tooDeep) == ExpressionError(column: 257, message: depthMessage))
        #expect(parseError(String(repeating: "-", count: 300) + "x") == ExpressionError(column: 257, message: depthMessage))
        // x^x^…: the 257th caret sits at column 2·257.
        let tower = Array(repeating: "x", count: 300).joined(separator: "^")
        #expect(parseError(tower) == ExpressionError(column: 514, message: depthMessage))
        #expect(parseError(String(repeating: "exp(", count: 300) + "x") == ExpressionError(column: 1025, message: depthMessage))
        let mixed = String(repeating: "(-", count: 128) + "exp(x)"
        #expect(parseError(mixed) == ExpressionError(column: 257, message: depthMessage))
    }

    @Test func hundredThousandOpenParenthesesFailCleanly() {
        let source = String(repeating: "(", count: 100_000)
        #expect(parseError(source) == ExpressionError(column: 257, message: "expression nested too deeply (more than 256 levels)"))
    }

    @Test func longFlatChainWorks() throws {
        let source = Array(repeating: "x", count: 100_000).joined(separator: "+")
        let graph = try ComputationGraph(parsing: source, values: ["x": 1.5])
        #expect(graph.value == 150_000)
        #expect(graph.gradient(of: "x") == 100_000)
        #expect(graph.nodes.count == 100_000)  // one x node + 99,999 additions
        #expect(graph.inputNodes[0].contributions.count == 100_000)
    }

    @Test func nodeLimit() {
        // 500,001 terms make 1,000,001 nodes: one more than allowed.
        let source = Array(repeating: "x", count: 500_001).joined(separator: "+")
        let error = parseError(source)
        #expect(error?.message == "expression is too large (more than 1000000 nodes)")
        // The node that does not fit is the last '+', the 500,000th, at column 2·500,000.
        #expect(error?.column == 1_000_000)
    }

    /// Found by the fuzzer: "\r\n" is one Character of two scalars, and a bad
    /// character after it used to index past the end of the string.
    @Test func badCharacterAfterCRLFIsReportedAtItsColumn() {
        let error = parseError("x +\r\n $")
        // x, space, +, CRLF (one character), space: '$' is the 6th character.
        #expect(error == ExpressionError(column: 6, message: "unexpected character '$'"))
    }
}
