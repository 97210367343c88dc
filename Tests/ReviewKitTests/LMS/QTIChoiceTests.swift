import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import ReviewKit

/// `concepts` in a QTI package, unzipped and read with Foundation's XML
/// parser, not with our writer: each multiple-choice question is a Canvas
/// `multiple_choice_question` whose full-score condition names the option
/// that the bank says is right (texts copied here by hand from
/// `templates/shared/concepts/rnn.yaml`), each wrong option carries its
/// reason as feedback, and a short-answer problem is an essay item.
@Suite struct QTIChoiceTests {
    struct ChoiceItem {
        var title: String
        var type: String
        var path: String
        var stem: String
        /// (ident, text) in written order.
        var options: [(ident: String, text: String)]
        /// The ident the SCORE-100 condition asks for.
        var right: String
        /// Feedback text by the ident of the option whose condition shows it.
        var optionFeedback: [String: String]
        var generalFeedback: String
    }

    static func items(_ bytes: [UInt8]) throws -> [ChoiceItem] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entry = try #require(archive["quiz.xml"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        let quiz = try #require(try XMLDocument(data: data).rootElement())
        func local(_ name: String) -> String { "*[local-name()='\(name)']" }
        func text(_ node: XMLNode, _ xpath: String) throws -> String {
            try node.nodes(forXPath: xpath).first?.stringValue ?? ""
        }
        return try quiz.nodes(forXPath: "//\(local("item"))").map { item in
            func field(_ label: String) throws -> String {
                try text(item, ".//\(local("qtimetadatafield"))[\(local("fieldlabel"))='\(label)']/\(local("fieldentry"))")
            }
            let labels = try item.nodes(forXPath: ".//\(local("render_choice"))/\(local("response_label"))")
            let options = try labels.map { (try text($0, "@ident"), try text($0, ".//\(local("mattext"))")) }
            var shown: [String: String] = [:]
            for condition in try item.nodes(forXPath: ".//\(local("respcondition"))") {
                let ident = try text(condition, ".//\(local("varequal"))")
                let link = try text(condition, ".//\(local("displayfeedback"))/@linkrefid")
                guard !ident.isEmpty, !link.isEmpty else { continue }
                shown[ident] = try text(item, "\(local("itemfeedback"))[@ident='\(link)']//\(local("mattext"))")
            }
            return ChoiceItem(
                title: try text(item, "@title"), type: try field("question_type"), path: try field("review_answer_path"),
                stem: try text(item, "\(local("presentation"))/\(local("material"))//\(local("mattext"))"),
                options: options,
                right: try text(item, ".//\(local("respcondition"))[\(local("setvar"))='100']//\(local("varequal"))"),
                optionFeedback: shown,
                generalFeedback: try text(item, "\(local("itemfeedback"))[@ident='general_fb']//\(local("mattext"))"))
        }
    }

    @Test func theRNNClassicScoresTheBanksRightOptions() throws {
        let problems = try MoodleXMLTests.example("concepts-rnn-bptt.json")
        let items = try Self.items(try QTIPackage.document(problems, language: "en", title: "RNN"))
        // Three items named → three questions, in the problem's order.
        #expect(items.map(\.path) == ["choice[0]", "choice[1]", "choice[2]"])
        #expect(items.allSatisfy { $0.type == "multiple_choice_question" && $0.options.count == 4 })
        // The right option of each item, from the bank (rnn.yaml), worked out by reading the item:
        // s_t depends on x_t and s_(t−1); the weights are shared so any length fits; BPTT sums over t.
        let right = [
            "On x_t and s_(t−1); U is input→hidden, W hidden→hidden, V hidden→output.",
            "So the parameters do not grow with the length and any length can be processed.",
            "L = Σ_t L_t, and ∂L/∂W sums the contributions of every time step.",
        ]
        let prompts = ["what does the hidden state s_t depend on", "Why are the same U, W and V used",
                       "In backpropagation through time"]
        for (k, item) in items.enumerated() {
            #expect(item.options.map(\.ident) == ["A", "B", "C", "D"])
            #expect(item.stem.contains(prompts[k]))
            let scored = try #require(item.options.first { $0.ident == item.right })
            #expect(scored.text == right[k], "item \(k): scored \(item.right) = \(scored.text)")
            // Every wrong option shows its own reason, the right one none; the worked solution is general.
            #expect(Set(item.optionFeedback.keys) == Set(item.options.map(\.ident)).subtracting([item.right]))
            #expect(item.generalFeedback.contains(right[k]))
        }
        // A wrong option's reason, from the bank: "one W per step" is answered by the shared W.
        let bptt = items[2]
        let copies = try #require(bptt.options.first { $0.text.hasPrefix("Each time step keeps its own copy of W") })
        #expect(bptt.optionFeedback[copies.ident]?.contains("There is one shared W") == true)
        // The letters scored are the letters the JSON answers give.
        guard case .object(let members) = problems[0].answers.kind,
              case .array(let letters)? = members.first(where: { $0.key == "choice" })?.value.kind
        else { Issue.record("no choice answer"); return }
        let written = letters.compactMap { value -> String? in
            if case .string(let letter) = value.kind { letter } else { nil }
        }
        #expect(written == items.map(\.right))
    }

    @Test func chineseOptionsAndAShortAnswerEssay() throws {
        let problems = try MoodleXMLTests.example("concepts-rnn-bptt.json")
        let zh = try Self.items(try QTIPackage.document(problems, language: "zh", title: "RNN"))
        let bptt = try #require(zh.last)
        #expect(bptt.options.first { $0.ident == bptt.right }?.text == "L = Σ_t L_t，∂L/∂W 是每个时间步贡献之和。")

        let short = try MoodleXMLTests.example("concepts-short-residual.json")
        let essays = try Self.items(try QTIPackage.document(short, language: "en", title: "Residual"))
        #expect(essays.count == 1)
        let essay = try #require(essays.first)
        #expect(essay.type == "essay_question" && essay.path == "key_points" && essay.options.isEmpty)
        #expect(!essay.stem.contains("significant figures"))  // no numeric answer fields' line
        // The grader's guide: the key points of grad-residual-identity (gradients.yaml).
        #expect(essay.generalFeedback.contains("Key points a grader looks for"))
        #expect(essay.generalFeedback.contains("x_L = x_l + Σ_(i=l)^(L−1) F(x_i, W_i)."))
    }
}
