import Foundation
import Testing
@testable import ReviewKit

/// Subnormals, ±0, values near the largest double: every expectation is the
/// value written by hand or Swift's own shortest round-trip `description`.
@Suite struct NumberFormatExtremeTests {
    @Test func subnormalsPrintTheirShortestDigits() {
        #expect(NumberFormat.plain(5e-324) == "5e-324")
        #expect(NumberFormat.latex(5e-324) == "5 \\times 10^{-324}")
        #expect(NumberFormat.latex(-5e-324) == "-5 \\times 10^{-324}")
        #expect(NumberFormat.plain(1e-320) == "1e-320")
        // The smallest normal double, 2.2250738585072014e-308, to 4 places.
        #expect(NumberFormat.plain(2.2250738585072014e-308) == "2.2251e-308")
        #expect(NumberFormat.plain(Double.leastNormalMagnitude.nextDown) == "2.2251e-308")
    }

    @Test func hugeValuesPrintTheirMantissaWithoutOverflow() {
        #expect(NumberFormat.plain(1e308) == "1e308")
        #expect(NumberFormat.latex(-1e308) == "-1 \\times 10^{308}")
        // 1.7976931348623157e308 rounds up in the fifth digit.
        #expect(NumberFormat.plain(Double.greatestFiniteMagnitude) == "1.7977e308")
        #expect(NumberFormat.plain(-Double.greatestFiniteMagnitude, decimals: 16) == "-1.7976931348623157e308")
        #expect(NumberFormat.plain(1e15) == "1e15")
        #expect(NumberFormat.plain(123456789.0) == "123456789")
        #expect(NumberFormat.plain(1234567890.0) == "1.2346e9")
        #expect(NumberFormat.plain(9.99996e20) == "1e21", "the carry moves the exponent")
    }

    @Test func zeroNeverPrintsWithASign() {
        #expect(NumberFormat.plain(-0.0) == "0")
        #expect(NumberFormat.latex(-0.0) == "0")
        #expect(NumberFormat.operand(-0.0) == "0")
        #expect(NumberFormat.coordinate(-0.0) == "0")
        #expect(NumberFormat.coordinate(-0.04) == "0")
        #expect(NumberFormat.plain(-0.003, decimals: 2) == "0")
        #expect(NumberFormat.operand(-0.003, decimals: 2) == "0", "a value shown as 0 needs no parentheses")
        #expect(NumberFormat.plain(-0.4, decimals: 0) == "0")
        #expect(NumberFormat.plain(-0.5, decimals: 0) == "-1")
    }

    @Test func ordinaryValuesRoundTheDigitsAStudentReads() {
        #expect(NumberFormat.plain(0.1 + 0.2) == "0.3")
        #expect(NumberFormat.plain(0.1 + 0.2, decimals: 17) == "0.30000000000000004")
        #expect(NumberFormat.plain(0.1, decimals: 20) == "0.1")
        // 1.0005 is stored just below 1.0005; on paper it rounds up.
        #expect(NumberFormat.plain(1.0005, decimals: 3) == "1.001")
        #expect(NumberFormat.plain(0.99996) == "1")
        #expect(NumberFormat.plain(9999999.99996) == "10000000")
        #expect(NumberFormat.plain(0.0000999996) == "1e-4", "9.99996e-5: the carry moves the exponent")
        #expect(NumberFormat.plain(0.00012345) == "0.0001")
        #expect(NumberFormat.coordinate(12.345, decimals: 2) == "12.35")
    }
}

/// Random doubles against Swift's shortest round-trip spelling and `Double(String)`.
@Suite struct NumberFormatPropertyTests {
    /// Finite doubles from random bit patterns, random subnormals, and edges.
    static func samples() -> [Double] {
        var random = PropertyRandom(state: 0x5EED_0007)
        var values: [Double] = [
            0, -0.0, 5e-324, -5e-324, 1e-320, 2.2250738585072014e-308, 2.2250738585072009e-308,
            1e308, -1e308, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0.1 + 0.2, 1e15,
            123456789.0, 1e7, 1e-4, 9999999.99995, 0.000099995, 0.5, 2.5, 1e23, 9.999999999999999e22,
        ]
        while values.count < 6_000 {
            let bits = random.next()
            switch random.below(3) {
            case 0: values.append(Double(bitPattern: bits))
            case 1: values.append(Double(bitPattern: bits & 0x800F_FFFF_FFFF_FFFF))  // exponent 0: subnormal
            default:  // ordinary magnitudes, where sheets live
                values.append(Double(Int64(bitPattern: bits) % 2_000_000_000) / Double(1 + random.below(1_000_000)))
            }
        }
        return values.filter(\.isFinite)
    }

    /// Sign, digits without leading/trailing zeros, and the exponent of the
    /// first digit, read from a decimal text (`-1.25e-7`, `0.003`, `1e+308`).
    static func decimal(_ text: String) -> (negative: Bool, digits: String, exponent: Int) {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let halves = body.split(separator: "e", maxSplits: 1)
        let mantissa = String(halves[0])
        let shift = halves.count > 1 ? Int(halves[1]) ?? 0 : 0
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        var digits = mantissa.replacingOccurrences(of: ".", with: "")
        var exponent = point - 1 + shift
        while digits.hasPrefix("0") {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        return (negative, digits, digits.isEmpty ? 0 : exponent)
    }

    @Test func withEnoughDecimalsThePlainTextIsSwiftsShortestForm() {
        for x in Self.samples() {
            let text = NumberFormat.plain(x, decimals: 30)
            let expected = Self.decimal(x.description)
            let shown = Self.decimal(text)
            if x == 0 {
                #expect(text == "0")
                continue
            }
            #expect(shown.digits == expected.digits && shown.exponent == expected.exponent
                    && shown.negative == expected.negative, "\(x.description) printed as \(text)")
            #expect(Double(text) == x, "\(x.description) printed as \(text)")
        }
    }

    @Test func roundedTextIsWithinHalfAUnitOfTheLastPlace() {
        var random = PropertyRandom(state: 0xD1617)
        for x in Self.samples() {
            let decimals = random.below(9)
            let text = NumberFormat.plain(x, decimals: decimals)
            let lowered = text.lowercased()
            #expect(!lowered.contains("inf") && !lowered.contains("nan"), "\(x.description) printed as \(text)")
            guard let back = Double(text) else {
                Issue.record("\(x.description) printed as \(text), not a number")
                continue
            }
            if back == 0 { #expect(text == "0", "\(x.description): zero must print unsigned") }
            let halfUnit = 0.5 * pow(10, -Double(decimals))
            if let e = text.firstIndex(of: "e") {
                // Compare mantissas, so neither side is scaled to 1e308 or 1e-324:
                // the true mantissa comes from Swift's description re-read with
                // the shown exponent.
                let mantissa = Double(text[..<e]) ?? .nan
                let exponent = Int(text[text.index(after: e)...]) ?? 0
                #expect(abs(mantissa) >= 1 && abs(mantissa) < 10, "\(x.description) printed as \(text)")
                let reference = Self.decimal(x.description)
                let sign = reference.negative ? "-" : ""
                let trueMantissa = Double("\(sign)0.\(reference.digits)e\(reference.exponent + 1 - exponent)") ?? .nan
                #expect(abs(mantissa - trueMantissa) <= halfUnit + 1e-15 * abs(trueMantissa),
                        "\(x.description) printed as \(text)")
            } else if NumberFormat.isInteger(x) && abs(x) < 1e9 {
                #expect(back == x, "integers print exactly: \(x.description) printed as \(text)")
            } else {
                // The shortest form is within half an ulp of x; the text's parse within half an ulp of it.
                #expect(abs(back - x) <= halfUnit + x.ulp + back.ulp, "\(x.description) printed as \(text)")
            }
        }
    }
}

/// JSON carries every finite double exactly.
@Test func jsonWritesEveryFiniteDoubleSoItReadsBack() throws {
    for x in NumberFormatPropertyTests.samples() {
        let text = JSONWriter.format(number: x)
        // Foundation's parser as an independent judge of validity only: on
        // Linux it is not correctly rounded in the last digit.
        let parsed = try? JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [NSNumber]
        #expect(parsed?.count == 1, "\(x.description) written as \(text), not a JSON number")
        // Exactness: Swift's correctly rounded Double(String), and our own
        // reader, which `review solve` uses on JSON fed back to it.
        // -0 is written 0: JSON numbers are decimal values, and -0 equals 0.
        #expect(Double(text) == x, "\(x.description) written as \(text)")
        guard case .number(let back, _) = try JSONParser.parse(Array(text.utf8)).kind else {
            Issue.record("\(text) is not a number to our reader")
            continue
        }
        #expect(back == x, "\(x.description) written as \(text)")
    }
}

/// A problem holding 5e-324 solves to sheets with no `inf` or `nan` in any
/// format. Some sheets explain overflow in prose (`$\infty$`), so each is
/// compared with the sheet of the same problem with ordinary numbers.
@Test(arguments: [
    (#"{"topic": "backprop", "expression": "x*y + x", "values": {"x": 5e-324, "y": 1}}"#,
     #"{"topic": "backprop", "expression": "x*y + x", "values": {"x": 2, "y": 1}}"#),
    (#"{"topic": "softmax", "logits": [5e-324, 0, -5e-324], "target": 0}"#,
     #"{"topic": "softmax", "logits": [2, 0, -2], "target": 0}"#),
])
func subnormalInputsGiveFiniteSheets(json: String, ordinary: String) throws {
    let problems = try solve(json: json), control = try solve(json: ordinary)
    for format in OutputFormat.allCases {
        var options = Sheet.Options()
        options.format = format
        let text = Sheet(problems: problems, options: options).render().lowercased()
        let baseline = Sheet(problems: control, options: options).render().lowercased()
        #expect(occurrences(of: "inf", in: text) == occurrences(of: "inf", in: baseline), "\(format)")
        #expect(occurrences(of: "nan", in: text) == occurrences(of: "nan", in: baseline), "\(format)")
        #expect(!text.contains("1.002"), "\(format)")
        // HTML carries the LaTeX as MathML: 10 with a superscript −324.
        let shown = ["10^{-324}", "5e-324", "<mn>10</mn><mrow><mo>−</mo><mn>324</mn>"].contains { text.contains($0) }
        #expect(shown, "\(format) shows 5e-324")
    }
}
