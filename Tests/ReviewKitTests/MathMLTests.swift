import Foundation
import Testing
@testable import ReviewKit

#if canImport(FoundationXML)
import FoundationXML
#endif

// MARK: Helpers

private func inline(_ latex: String) -> String { MathML.render(latex, display: false) }
private func block(_ latex: String) -> String { MathML.render(latex, display: true) }

private func count(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}

/// A tiny well-formedness check: every `<x>` is closed by `</x>` in order, `/>` closes itself,
/// and every `&` starts a character reference. Returns nil when fine, else a description.
private func tagBalanceProblem(_ xml: String) -> String? {
    let bytes = Array(xml.utf8)
    var stack: [String] = []
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "&") {
            guard let semicolon = bytes[index...].firstIndex(of: UInt8(ascii: ";")), semicolon - index <= 8 else {
                return "bare & at \(index)"
            }
            let name = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
            guard ["amp", "lt", "gt", "quot", "apos"].contains(name) || name.hasPrefix("#") else {
                return "unknown entity &\(name);"
            }
            index = semicolon + 1
            continue
        }
        if byte == UInt8(ascii: ">") { return "bare > at \(index)" }
        guard byte == UInt8(ascii: "<") else {
            index += 1
            continue
        }
        guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return "unclosed tag" }
        let inside = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
        if inside.contains("<") { return "< inside tag \(inside)" }
        if count("\"", in: inside) % 2 != 0 { return "unbalanced quotes in \(inside)" }
        if inside.hasPrefix("/") {
            let name = String(inside.dropFirst())
            guard stack.popLast() == name else { return "mismatched </\(name)>" }
        } else if !inside.hasSuffix("/") {
            let name = String(inside.prefix { $0 != " " })
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter }) else { return "bad tag name \(name)" }
            stack.append(name)
        }
        index = close + 1
    }
    return stack.isEmpty ? nil : "unclosed \(stack)"
}

// MARK: Structure

@Test func fractionHasNumeratorAndDenominator() {
    #expect(inline(#"\frac{a}{b}"#).contains("<mfrac><mi>a</mi><mi>b</mi></mfrac>"))
    #expect(inline(#"\frac12"#).contains("<mfrac><mn>1</mn><mn>2</mn></mfrac>"))
    #expect(inline(#"\dfrac{a}{b}"#).contains(#"<mfrac displaystyle="true""#))
    #expect(inline(#"\tfrac{a}{b}"#).contains(#"<mfrac displaystyle="false""#))
}

@Test func mathElementAndDisplayAttribute() {
    #expect(inline("x").hasPrefix(#"<math xmlns="http://www.w3.org/1998/Math/MathML">"#))
    #expect(block("x").hasPrefix(#"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">"#))
    #expect(inline("x").hasSuffix("</math>"))
    #expect(inline("") == #"<math xmlns="http://www.w3.org/1998/Math/MathML"></math>"#)
}

@Test func superscriptsAndSubscripts() {
    #expect(inline("x^2").contains("<msup><mi>x</mi><mn>2</mn></msup>"))
    #expect(inline("x_i").contains("<msub><mi>x</mi><mi>i</mi></msub>"))
    #expect(inline("2^{3^{2}}").contains("<msup><mn>2</mn><msup><mn>3</mn><mn>2</mn></msup></msup>"))
    #expect(inline("x_{ij}^{(2)}").contains("<msubsup><mi>x</mi><mrow><mi>i</mi><mi>j</mi></mrow><mrow>"))
    // TeX takes one character per script: x^23 is x² followed by 3.
    #expect(inline("x^23").contains("<msup><mi>x</mi><mn>2</mn></msup><mn>3</mn>"))
    let exp = inline("e^{-x}")
    #expect(exp.contains("<msup><mi>e</mi><mrow><mo>\u{2212}</mo><mi>x</mi></mrow></msup>"))
}

@Test func primes() {
    // Attached beside the letter, not a floating superscript (issue 16, item 8).
    #expect(inline("a'").contains("<mrow><mi>a</mi><mo>\u{2032}</mo></mrow>"))
    #expect(inline("a''").contains("<mrow><mi>a</mi><mo>\u{2033}</mo></mrow>"))
    #expect(inline("s'_1").contains("<mrow><msub><mi>s</mi><mn>1</mn></msub><mo>\u{2032}</mo></mrow>"))
    // Under max the primed index stays one attached row, clear of "max".
    #expect(block(#"\max_{a'} Q(s',a')"#).contains("<munder><mi>max</mi><mrow><mi>a</mi><mo>\u{2032}</mo></mrow></munder>"))
    #expect(!block(#"\max_{a'} Q(s',a')"#).contains("<msup>"))
    #expect(inline(#"x^{\prime}"#).contains("<msup><mi>x</mi><mo>\u{2032}</mo></msup>"))
    #expect(inline("a'^2").contains("<msup><mi>a</mi><mrow><mo>\u{2032}</mo><mn>2</mn></mrow></msup>"))
}

@Test func numbersAndMinus() {
    #expect(inline("0.7311").contains("<mn>0.7311</mn>"))
    #expect(inline("-2").contains("<mo>\u{2212}</mo><mn>2</mn>"))
    #expect(inline("1{,}024").contains("<mn>1,024</mn>"))
    #expect(inline(#"23\,860"#).contains("<mn>23\u{202F}860</mn>"))
    // A minus after an opening parenthesis is a sign, not a binary operator.
    #expect(inline("(-2)").contains(#"<mo form="prefix">"#))
    #expect(!inline("a-2").contains(#"form="prefix""#))
}

@Test func limitsBelowInDisplayScriptsInline() {
    #expect(block(#"\sum_{j=1}^{n} x_j"#).contains("<munderover><mo>\u{2211}</mo>"))
    #expect(inline(#"\sum_{j=1}^{n} x_j"#).contains("<msubsup><mo>\u{2211}</mo>"))
    #expect(block(#"\max_{a'} Q(s',a')"#).contains("<munder><mi>max</mi><mrow><mi>a</mi>"))
    #expect(inline(#"\max_{a'} Q"#).contains("<msub><mi>max</mi>"))
    // Inside a fraction TeX uses text style, so limits become scripts again.
    #expect(block(#"\frac{\sum_j x}{2}"#).contains("<msub><mo>\u{2211}</mo>"))
    #expect(block(#"\int_0^1 f"#).contains("<msubsup><mo>\u{222B}</mo>"))
}

@Test func functionNames() {
    let log = inline(#"\log x"#)
    #expect(log.contains("<mi>log</mi><mo rspace=\"0.1667em\">&#x2061;</mo><mi>x</mi>"))
    #expect(inline(#"\exp(x)"#).contains("<mi>exp</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo>"))
    #expect(inline(#"\operatorname{arg\,max}_a"#).contains("<mi>arg\u{2009}max</mi>"))
    #expect(block(#"\operatorname*{arg\,max}_a f"#).contains("<munder><mi>arg\u{2009}max</mi><mi>a</mi></munder>"))
    #expect(inline(#"\mathrm{softmax}(z)"#).contains("<mi>softmax</mi>"))
    #expect(inline(#"\mathrm{d}x"#).contains(#"<mi mathvariant="normal">d</mi>"#))
    #expect(!inline(#"\max = 3"#).contains("2061"))
}

@Test func operatorsAndGreek() {
    let out = inline(#"\alpha \cdot \beta \le \Gamma \to \infty"#)
    #expect(out.contains("<mi>\u{3B1}</mi><mo>\u{22C5}</mo><mi>\u{3B2}</mi><mo>\u{2264}</mo>"))
    #expect(out.contains(#"<mi mathvariant="normal">Γ</mi><mo>→</mo><mi>∞</mi>"#))
    #expect(inline(#"\ldots"#).contains("…"))
    #expect(inline(#"\{ x \}"#).contains(#"<mo stretchy="false">{</mo>"#))
    #expect(inline(#"a \quad b"#).contains(#"<mspace width="1em"/>"#))
}

@Test func fencesStretchOnlyWithLeftRight() {
    let fenced = inline(#"\left( \frac{a}{b} \right]"#)
    #expect(fenced.contains(#"<mrow><mo fence="true" stretchy="true" symmetric="true">(</mo><mfrac>"#))
    #expect(fenced.contains(#"<mo fence="true" stretchy="true" symmetric="true">]</mo></mrow>"#))
    #expect(inline(#"\left. x \right|"#).contains("<mrow><mi>x</mi><mo fence"))
    #expect(inline(#"\left\lfloor x \right\rfloor"#).contains(">⌊</mo>"))
    #expect(inline("(x)").contains(#"<mo stretchy="false">(</mo>"#))
    #expect(inline(#"\big( x \bigr)"#).contains(#"minsize="1.2em""#))
    // A missing \right closes at the end instead of failing.
    #expect(tagBalanceProblem(inline(#"\left( x"#)) == nil)
}

@Test func sqrtAndAccents() {
    #expect(inline(#"\sqrt{x}"#).contains("<msqrt><mi>x</mi></msqrt>"))
    #expect(inline(#"\sqrt[3]{x}"#).contains("<mroot><mi>x</mi><mn>3</mn></mroot>"))
    let gcn = inline(#"\tilde{D}^{-1/2}\tilde{A}\tilde{D}^{-1/2}"#)
    #expect(gcn.contains(#"<msup><mover accent="true"><mi>D</mi><mo stretchy="false">~</mo></mover><mrow><mo>−</mo>"#))
    #expect(count("<mover accent=\"true\">", in: gcn) == 3)
    #expect(inline(#"\hat{A}"#).contains(#"<mover accent="true"><mi>A</mi>"#))
    #expect(inline(#"\vec{x}"#).contains("→"))
    #expect(inline(#"\overline{x+y}"#).contains("border-top"))
}

@Test func matrices() {
    let matrix = inline(#"\begin{bmatrix}1&2\\3&4\end{bmatrix}"#)
    #expect(count("<mtr>", in: matrix) == 2)
    #expect(count("<mtd>", in: matrix) == 4)
    #expect(matrix.contains(#"<mrow><mo fence="true" stretchy="true" symmetric="true">[</mo><mtable>"#))
    #expect(matrix.contains(#"</mtable><mo fence="true" stretchy="true" symmetric="true">]</mo></mrow>"#))
    // A trailing \\ does not add an empty row.
    #expect(count("<mtr>", in: inline(#"\begin{pmatrix}a\\b\\\end{pmatrix}"#)) == 2)
    let big = inline(#"\begin{bmatrix}-0.2500 & 0.1 & 0 & 0 & 0\\0&0&0&0&0\\0&0&0&0&0\\0&0&0&0&0\\0&0&0&0&-0.2500\end{bmatrix}"#)
    #expect(count("<mtr>", in: big) == 5)
    #expect(count("<mtd>", in: big) == 25)
    #expect(big.contains("<mtd><mo>−</mo><mn>0.2500</mn></mtd>"))
    #expect(inline(#"\begin{matrix}a\end{matrix}"#).contains("<mtable><mtr><mtd><mi>a</mi></mtd></mtr></mtable>"))
    #expect(inline(#"\begin{vmatrix}a\end{vmatrix}"#).contains(">|</mo><mtable>"))
    #expect(count("<mtd", in: inline(#"\begin{array}{cc} a & b \\ c & d \end{array}"#)) == 4)
    let cases = inline(#"f = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}"#)
    #expect(cases.contains(#"<mo fence="true" stretchy="true" symmetric="true">{</mo><mtable>"#))
    #expect(cases.contains("<mtext>otherwise</mtext>"))
    let aligned = block(#"\begin{aligned} a &= b \\ &= c \end{aligned}"#)
    #expect(aligned.contains(#"<mtable displaystyle="true">"#))
    #expect(count("<mtr>", in: aligned) == 2)
    #expect(aligned.contains(#"columnalign="left""#))
    #expect(inline(#"\begin{foo}a\end{foo}"#).contains(#"<merror><mtext>\begin{foo}</mtext></merror>"#))
}

@Test func rowBreaksAndAmpersandsOutsideEnvironmentsAreIgnored() {
    #expect(inline(#"a \\ b & c"#) == inline("a b c"))
    #expect(inline("a % comment\n + b") == inline("a + b"))
    #expect(inline("a~b").contains(#"<mspace width="0.3333em"/>"#))
}

@Test func textColorBoxAndFonts() {
    #expect(inline(#"\text{if } x"#).contains("<mtext>if\u{A0}</mtext>"))
    #expect(inline(#"\textbf{Q}"#).contains(#"<mtext style="font-weight:bold">Q</mtext>"#))
    #expect(inline(#"\textcolor{red}{x} + y"#).contains(#"<mstyle mathcolor="red"><mi>x</mi></mstyle><mo>+</mo>"#))
    #expect(inline(#"\color{red}{x}"#).contains(#"<mstyle mathcolor="red"><mi>x</mi></mstyle>"#))
    #expect(inline(#"\color{red" onload="x}{x}"#).contains(#"mathcolor="redonloadx""#))
    #expect(inline(#"\boxed{x}"#).contains("border:"))
    #expect(inline(#"\mathbb{R}"#).contains("<mi>ℝ</mi>"))
    #expect(inline(#"\mathcal{L}"#).contains("<mi>ℒ</mi>"))
    #expect(inline(#"\mathbf{W}"#).contains("<mi>\u{1D416}</mi>"))
    #expect(inline(#"\boldsymbol{\theta}"#).contains("<mi>\u{1D73D}</mi>"))
    #expect(inline(#"\underbrace{a+b}_{n}"#).contains("<munder><munder accentunder=\"true\">"))
}

// MARK: Safety

@Test func specialCharactersAreEscaped() {
    let out = inline(#"a < b > c \text{<script>&"} \foo<x>"#)
    #expect(out.contains("<mo>&lt;</mo>"))
    #expect(out.contains("<mo>&gt;</mo>"))
    #expect(out.contains("&lt;script&gt;&amp;&quot;"))
    #expect(!out.contains("<script"))
    #expect(tagBalanceProblem(out) == nil)
    #expect(!inline("a\u{0}b\u{7}").contains("\u{0}"))
}

@Test func unknownCommandsBecomeErrors() {
    #expect(inline(#"\foo"#).contains(#"<merror><mtext>\foo</mtext></merror>"#))
    #expect(inline(#"x + \unknown{y}"#).contains(#"<merror><mtext>\unknown</mtext></merror>"#))
    #expect(inline("\\").contains("<merror>"))
}

@Test func deepNestingIsCutOff() {
    let braces = String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
    let out = inline(braces)
    #expect(out.contains("<merror>"))
    #expect(tagBalanceProblem(out) == nil)
    // Nesting within the limit is kept.
    let shallow = String(repeating: "{", count: 30) + "x" + String(repeating: "}", count: 30)
    #expect(!inline(shallow).contains("merror"))
    for piece in [#"\frac"#, #"\sqrt"#, "x^", #"\left("#, #"\begin{bmatrix}"#, #"\color{red}"#, "{", #"\text{"#, "[", #"\sqrt["#] {
        let deep = String(repeating: piece, count: 5_000) + "x"
        let result = inline(deep)
        #expect(result.hasPrefix("<math") && result.hasSuffix("</math>"))
        #expect(tagBalanceProblem(result) == nil, "\(piece)")
    }
}

@Test func randomInputNeverCrashes() {
    let alphabet = [#"\"#, "{", "}", "^", "_", "&", "a", "1", "frac", "left", "right", "begin", "end", "bmatrix",
                    "(", ")", "[", "]", "|", " ", "\\\\", "'", "%", "\n", "<", "&", #"\sqrt"#, #"\text{"#, "{bmatrix}",
                    #"\left"#, #"\right"#, "-", ".", #"\,"#, "2", #"\color"#, "x", #"\{"#, "cases", #"\\"#, "~", "\""]
    var generator = SplitMix64(seed: 0x5EED)
    for _ in 0..<6_000 {
        let length = Int(generator.next() % 40)
        var source = ""
        for _ in 0..<length { source += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        for display in [false, true] {
            let out = MathML.render(source, display: display)
            #expect(out.hasPrefix("<math"), "\(source)")
            #expect(out.hasSuffix("</math>"), "\(source)")
            if let problem = tagBalanceProblem(out) {
                Issue.record("\(problem) for \(source.debugDescription): \(out)")
            }
        }
    }
}

@Test func outputIsDeterministic() {
    let formula = #"\mathbb{R}^{n} \ni x \mapsto \begin{pmatrix} \alpha & \beta \end{pmatrix} \sum_{i} \frac{x_i}{2}"#
    #expect(block(formula) == block(formula))
}

@Test func representativeFormulasAreWellFormedXML() throws {
    let formulas = [
        #"Q(s,a) \gets Q(s,a) + \alpha \left( r + \gamma \max_{a'} Q(s',a') - Q(s,a) \right)"#,
        #"\tilde{D}^{-1/2}\tilde{A}\tilde{D}^{-1/2}"#,
        #"\frac{\partial f}{\partial x} = 3 + 2 = 5"#,
        #"\lfloor\frac{32+2\cdot0-5}{1}\rfloor+1 = 28"#,
        #"f(x) = \begin{cases} x & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}"#,
        #"\sigma(x) = \frac{1}{1+e^{-x}} \approx 0.7311 \quad \text{a < b & "c"}"#,
    ]
    for formula in formulas {
        let out = block(formula)
        #expect(tagBalanceProblem(out) == nil, "\(formula)")
        #if canImport(FoundationXML) || os(macOS)
        let document = try XMLDocument(xmlString: out)
        #expect(document.rootElement()?.name == "math")
        #endif
    }
}

@Test func shortFormulasAreFast() {
    let formula = #"\frac{\partial L}{\partial w_{ij}} = \delta_j x_i + \lambda w_{ij}"#
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for _ in 0..<2_000 { _ = MathML.render(formula, display: false) }
    }
    // Generous bound (debug build, shared CI machine): 2,000 renders well under 2 s.
    #expect(elapsed < .seconds(2))
}

/// A small deterministic generator, so fuzz failures reproduce.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
