import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import ReviewKit

/// QTI packages unzipped with ZIPFoundation's reader and read with
/// Foundation's XML parser (libxml2), not with our writer: a content
/// package whose manifest names the assessment, one numerical_question per
/// final answer whose correct range gives back the published answers,
/// the worked solution as feedback, Chinese intact.
@Suite struct QTIPackageTests {
    /// One `<item>` as a reader sees it.
    struct Item {
        var title: String
        var path: String
        var type: String
        var stem: String
        var feedback: String
        var value: Double
        /// Half the width of the `<vargte>`…`<varlte>` range; 0 without one.
        var tolerance: Double
    }

    struct Package {
        var files: [String: Data]
        var manifest: XMLElement
        /// (group title, how many items it draws, its items).
        var groups: [(title: String, select: Int, items: [Item])]
    }

    static func read(_ bytes: [UInt8]) throws -> Package {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = data
        }
        let manifestData = try #require(files["imsmanifest.xml"])
        let manifest = try #require(try XMLDocument(data: manifestData).rootElement())
        let href = try #require(
            try manifest.nodes(forXPath: "//*[local-name()='resource'][@type='imsqti_xmlv1p2']/@href").first?.stringValue)
        let quizData = try #require(files[href])
        let quiz = try #require(try XMLDocument(data: quizData).rootElement())
        #expect(quiz.name == "questestinterop")
        func text(_ node: XMLNode, _ xpath: String) throws -> String {
            try node.nodes(forXPath: xpath).first?.stringValue ?? ""
        }
        func local(_ name: String) -> String { "*[local-name()='\(name)']" }
        var groups: [(String, Int, [Item])] = []
        for group in try quiz.nodes(forXPath: "\(local("assessment"))/\(local("section"))/\(local("section"))") {
            let select = Int(try text(group, ".//\(local("selection_number"))")) ?? 0
            var items: [Item] = []
            for item in try group.nodes(forXPath: local("item")) {
                func field(_ label: String) throws -> String {
                    try text(item, ".//\(local("qtimetadatafield"))[\(local("fieldlabel"))='\(label)']/\(local("fieldentry"))")
                }
                let right = ".//\(local("respcondition"))[\(local("setvar"))='100']//"
                let low = Double(try text(item, right + local("vargte")))
                let high = Double(try text(item, right + local("varlte")))
                items.append(Item(
                    title: try text(item, "@title"),
                    path: try field("review_answer_path"), type: try field("question_type"),
                    stem: try text(item, "\(local("presentation"))//\(local("mattext"))"),
                    feedback: try text(item, "\(local("itemfeedback"))//\(local("mattext"))"),
                    value: Double(try text(item, right + local("varequal"))) ?? .nan,
                    tolerance: low.flatMap { low in high.map { ($0 - low) / 2 } } ?? 0))
            }
            groups.append((try text(group, "@title"), select, items))
        }
        return Package(files: files, manifest: manifest, groups: groups)
    }

    @Test func theConvClassicGivesBackItsPublishedAnswersExactly() throws {
        let problems = try MoodleXMLTests.example("conv-notes-32x32.json")
        let package = try Self.read(try QTIPackage.document(problems, language: "en", title: "Conv"))
        #expect(package.groups.count == 1)
        let group = try #require(package.groups.first)
        #expect(group.select == group.items.count)  // a gen/solve group asks every answer
        // The notes: 28 × 28 × 6 maps, 5·5·3·6 = 450 weights, 6 biases, 456 parameters.
        #expect(group.items.map(\.value) == [28, 28, 6, 450, 6, 456, 28, 28, 6, 456])
        #expect(group.items.map(\.path) == [
            "layers[0].output[0]", "layers[0].output[1]", "layers[0].output[2]", "layers[0].weights",
            "layers[0].biases", "layers[0].params", "output[0]", "output[1]", "output[2]", "total_params",
        ])
        #expect(group.items.allSatisfy { $0.tolerance == 0 && $0.type == "numerical_question" })
        let item = group.items[5]
        #expect(item.title.hasSuffix(" · layers[0].params"))
        #expect(item.stem.contains("<code>layers[0].params</code>"))
        // The worked solution is the feedback, math for MathJax, the picture in the zip.
        #expect(item.feedback.contains("\\(") && !item.feedback.contains("<math"))
        #expect(item.feedback.contains("src=\"media/p1/q1-figure-1.svg\""))
        let svg = try #require(package.files["media/p1/q1-figure-1.svg"])
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
        let listed = try package.manifest.nodes(forXPath: "//*[local-name()='file']/@href").compactMap(\.stringValue)
        #expect(Set(listed) == Set(package.files.keys).subtracting(["imsmanifest.xml"]))
    }

    @Test func softmaxClassicRangesHoldTheFourFigureAnswers() throws {
        let problems = try MoodleXMLTests.example("softmax-classic-2-1-0.1.json")
        let items = try #require(try Self.read(try QTIPackage.document(problems, language: "en", title: "S")).groups.first?.items)
        // e^z / Σ e^z for z = (2, 1, 0.1), worked out apart: 0.659001, 0.242433, 0.0985659; L = −ln p₀ = 0.417030.
        let published: [(String, Double, Double)] = [
            ("probabilities[0]", 0.6590011, 0.00005), ("probabilities[1]", 0.2424330, 0.00005),
            ("probabilities[2]", 0.0985659, 0.000005), ("loss", 0.4170300, 0.00005),
        ]
        for (path, value, tolerance) in published {
            let item = try #require(items.first { $0.path == path }, "\(path)")
            #expect(abs(item.value - value) < 1e-6, "\(path)")
            #expect(abs(item.tolerance - tolerance) < 1e-9, "\(path): tolerance \(item.tolerance)")
            let typed = Double(String(format: "%.4g", value))!
            #expect(abs(typed - item.value) <= item.tolerance, "\(path): \(typed)")
        }
    }

    @Test func chineseStaysAndTheSameProblemsGiveTheSameBytes() throws {
        let problems = try ProblemSolver.generate(topic: "softmax", count: 2, seed: 9, difficulty: .standard)
        let bytes = try QTIPackage.document(problems, language: "zh", title: "期末 · 测验")
        #expect(bytes == (try QTIPackage.document(problems, language: "zh", title: "期末 · 测验")))
        let package = try Self.read(bytes)
        #expect(package.groups.count == 2)
        let item = try #require(package.groups.first?.items.first)
        #expect(item.stem.contains("你的答案") && item.stem.contains("第 1 问"))
        let quiz = String(decoding: try #require(package.files["quiz.xml"]), as: UTF8.self)
        #expect(quiz.contains("title=\"期末 · 测验\""))
        // No solutions: no feedback at all.
        let bare = try Self.read(try QTIPackage.document(problems, language: "en", title: "x", solutions: false))
        #expect(bare.groups.flatMap(\.items).allSatisfy { $0.feedback.isEmpty })
    }

    @Test func aBuildDrawsOneItemPerGroupFromEveryStudentsVariant() throws {
        let folder = try HandoutFolder()
        let handout = try folder.handout(#"""
            {"title": "Quiz", "seed": 5, "students": ["Ann", "Bo", "Cy"], "formats": ["json", "qti"],
             "sections": [{"title": "Softmax", "topic": "softmax", "count": 2}]}
            """#)
        #expect(handout.qti)
        let sink = CollectingSink()
        _ = try HandoutBuilder.build(handout, jobs: 2, into: sink)
        let files = Dictionary(uniqueKeysWithValues: sink.batches.flatMap { $0 }.map { ($0.path, $0.contents) })
        let package = try Self.read(try #require(sink.binaries["qti.zip"]))
        #expect(try #require(files["manifest.json"]).contains("\"qti\""))
        #expect(try #require(files["index.html"]).contains("qti.zip"))
        // Softmax variants have 3 or 4 classes: a group of a later answer may hold fewer than 3 students' items.
        #expect(package.groups.allSatisfy { $0.select == 1 && (1...3).contains($0.items.count) })
        #expect(package.groups.prefix(7).allSatisfy { $0.items.count == 3 })
        #expect(package.groups.first?.title == "01. Softmax · problem 1 · answer 1")
        // Every student's answers, from their own problems, are in the groups.
        for record in ["001", "002", "003"] {
            let problemsFile = try #require(files.first { $0.key.hasPrefix(record) && $0.key.hasSuffix("/problems.json") }?.value)
            let own = try ProblemSolver.solve(bytes: Array(problemsFile.utf8), source: ProblemSource(path: "p.json"))
            for problem in own {
                let items = package.groups.flatMap(\.items).filter { $0.title.contains(" · \(problem.id) · ") }
                #expect(items.allSatisfy { $0.title.hasPrefix(record) })
                let leaves = AnswerLeaves(problem.answers).leaves
                #expect(items.map(\.path) == leaves.map(\.path))
                for (item, leaf) in zip(items, leaves) {
                    #expect(abs(item.value - leaf.value) <= item.tolerance + 1e-12)
                }
            }
        }
    }
}
