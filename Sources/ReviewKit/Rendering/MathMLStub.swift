enum MathML { static func render(_ latex: String, display: Bool) -> String { "<math>\(latex)</math>" } }
