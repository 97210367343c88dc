import Foundation
import Testing
@testable import ReviewKit

/// `concepts`: drawing items by seed without repeats, the subject filter,
/// solving a problem that names ids, the letters, practice data, Moodle and
/// grading of a choice.
@Suite struct ConceptsTopicTests {
    static let bank = ConceptBank.shared

    private func items(_ problems: [WorkedProblem]) -> [String] {
        problems.flatMap(Handout.conceptItems)
    }

    @Test func theSameSeedGivesTheSameSheetAndAnotherSeedAnother() throws {
        let a = try ProblemSolver.generate(topic: "concepts", count: 8, seed: 11, difficulty: .standard)
        let b = try ProblemSolver.generate(topic: "concepts", count: 8, seed: 11, difficulty: .standard)
        let c = try ProblemSolver.generate(topic: "concepts", count: 8, seed: 12, difficulty: .standard)
        #expect(a.map(\.problem) == b.map(\.problem))
        #expect(a.map(\.problem) != c.map(\.problem))
        // Problem i depends only on the seed and i: a shorter sheet is a prefix.
        let three = try ProblemSolver.generate(topic: "concepts", count: 3, seed: 11, difficulty: .standard)
        #expect(three.map(\.problem) == Array(a.prefix(3)).map(\.problem))
    }

    @Test(arguments: [UInt64(1), 2, 99])
    func aSheetAsksEveryItemOnceBeforeRepeatingAny(seed: UInt64) throws {
        let count = Self.bank.items.count
        let problems = try ProblemSolver.generate(topic: "concepts", count: count, seed: seed, difficulty: .easy)
        #expect(Set(items(problems)) == Set(Self.bank.items.map(\.id)))
        #expect(items(problems).count == count)
    }

    @Test func theOptionOrderIsShuffledPerSeed() throws {
        var rightLetters = Set<String>()
        for seed in UInt64(1)...40 {
            let problem = try ProblemSolver.generate(topic: "concepts", count: 1, seed: seed, difficulty: .standard)[0]
            if case .string(let letter)? = problem.answers.at("choice")?.kind { rightLetters.insert(letter) }
        }
        #expect(rightLetters == ["A", "B", "C", "D"])
    }

    @Test func theSubjectFilterDrawsOnlyThatSubject() throws {
        let rnn = Self.bank.items(subject: "rnn").map(\.id)
        let problems = try ProblemSolver.generate(
            topic: "concepts", count: rnn.count, seed: 5, difficulty: .standard, options: GenerationOptions(subject: "rnn"))
        #expect(Set(items(problems)) == Set(rnn))
        #expect(items(problems).count == rnn.count)
    }

    @Test func anUnknownSubjectSaysWhichWasMeant() {
        #expect(throws: UsageError.self) {
            try ProblemSolver.generate(topic: "concepts", count: 1, seed: 1, difficulty: .easy, options: GenerationOptions(subject: "rnm"))
        }
        do {
            _ = try ProblemSolver.generate(topic: "concepts", count: 1, seed: 1, difficulty: .easy, options: GenerationOptions(subject: "rnm"))
        } catch let error as UsageError {
            #expect(error.message == "unknown subject 'rnm' (did you mean 'rnn'?)")
        } catch {}
        do {
            _ = try ProblemSolver.generate(topic: "softmax", count: 1, seed: 1, difficulty: .easy, options: GenerationOptions(subject: "rnn"))
            Issue.record("softmax took a subject")
        } catch let error as UsageError {
            #expect(error.message == "--subject applies only to --topic concepts, not to 'softmax'")
        } catch {}
    }

    @Test func theDifficultyDecidesTheForm() throws {
        for (difficulty, form) in [(Difficulty.easy, "choice"), (.standard, "choice"), (.hard, "short")] {
            let problem = try ProblemSolver.generate(topic: "concepts", count: 1, seed: 3, difficulty: difficulty)[0]
            #expect(problem.problem.at("form") == .string(form))
        }
    }

    /// perc-or-gate with order [2, 0, 1, 3]: position B holds bank option 0,
    /// the right one (σ(20x₁ + 20x₂ − 10) is OR); A is wrong option 2 (XOR).
    @Test func solvingNamedItemsGivesTheLetterOfTheOrder() throws {
        let problem = try solve(json: #"{"topic": "concepts", "items": ["perc-or-gate"], "order": [[2, 0, 1, 3]]}"#)[0]
        #expect(problem.answers == .object([("choice", .string("B"))]))
        let choice = try #require(problem.choice(at: "choice", language: "en"))
        #expect(choice.options.map(\.letter) == ["A", "B", "C", "D"])
        #expect(choice.options[1].text.hasPrefix("OR"))
        #expect(choice.options[0].text == "XOR.")
        #expect(choice.option("a")?.isRight == false)
        #expect(choice.option(" b. ")?.isRight == true)
        #expect(choice.option("Ｂ")?.isRight == true)
        #expect(choice.option("E") == nil && choice.option("AB") == nil)
        // Several items: one letter each, in item order.
        let two = try solve(json: #"{"topic": "concepts", "items": ["perc-or-gate", "rl-mdp-tuple"], "order": [[2, 0, 1, 3], [3, 2, 1, 0]]}"#)[0]
        #expect(two.answers == .object([("choice", .array([.string("B"), .string("D")]))]))
        // Short answer: the key points in both languages.
        let short = try solve(json: #"{"topic": "concepts", "items": ["grad-residual-identity"], "form": "short"}"#)[0]
        #expect(short.answers.at("key_points", 0, "item") == .string("grad-residual-identity"))
        #expect(short.problem.at("order") == nil)
    }

    @Test func solvingWithoutAnOrderIsStableAndEchoesTheOrder() throws {
        let a = try solve(json: #"{"topic": "concepts", "items": ["rnn-bptt-sum"]}"#)[0]
        let again = try solve(json: a.problem.jsonText())[0]
        #expect(a.answers == again.answers)
        #expect(a.problem.at("order") != nil)
    }

    @Test(arguments: [
        (#"{"topic": "concepts", "items": ["rnn-bpt-sum"]}"#,
         "test.json: items[0]: unknown concepts item 'rnn-bpt-sum' (did you mean 'rnn-bptt-sum'?)"),
        (#"{"topic": "concepts", "items": []}"#, "test.json: items: must name at least one item, got []"),
        (#"{"topic": "concepts", "items": ["rnn-bptt-sum", "rnn-bptt-sum"]}"#,
         "test.json: items[1]: item 'rnn-bptt-sum' is named twice"),
        (#"{"topic": "concepts", "items": ["rnn-bptt-sum"], "order": [[0, 1, 2]]}"#,
         "test.json: order[0]: must be a permutation of 0 to 3 (0 is the right option of 'rnn-bptt-sum'), got an array"),
        (#"{"topic": "concepts", "items": ["rnn-bptt-sum"], "form": "essay"}"#, nil),
    ])
    func badProblemsAreLocated(_ json: String, _ expected: String?) {
        let line = errorLine(json: json)
        if let expected { #expect(line == expected) } else { #expect(line?.hasPrefix("test.json: form: ") == true) }
    }

    @Test func practiceDataCarriesTheRightLetterAndEveryReason() throws {
        let problem = try solve(json: #"{"topic": "concepts", "items": ["perc-or-gate"], "order": [[2, 0, 1, 3]]}"#)[0]
        let form = PracticeForm(problem, number: 1, templates: TemplateLibrary.forLanguage("zh"))
        let data = try JSONParser.parse(Array(form.data.utf8))
        #expect(data.at("choices", "choice", "right") == .string("B"))
        let item = try #require(Self.bank.item("perc-or-gate"))
        #expect(data.at("choices", "choice", "why", "A") == .string(item.wrong[1].why.zh))
        var options = Sheet.Options()
        options.format = .html
        options.practice = true
        let html = Sheet(problems: [problem], options: options).render()
        #expect(html.contains(#"<input type="radio" name="p1-choice" value="B">"#))
    }

    @Test func theQuizAsksForTheLetterAndGivesTheReason() throws {
        let problem = try solve(json: #"{"topic": "concepts", "items": ["perc-or-gate"], "order": [[2, 0, 1, 3]]}"#)[0]
        let quiz = Quiz(problem: problem, language: "en", colour: false)
        #expect(quiz.paths == ["choice"])
        #expect(quiz.check("choice", typed: "b")?.isRight == true)
        let wrong = try #require(quiz.check("choice", typed: "A"))
        #expect(!wrong.isRight && wrong.text.contains("no single neuron can compute XOR"))
        #expect(quiz.check("choice", typed: "maybe") == nil)
    }

    @Test func moodleWritesAMultichoiceWithFeedbackPerOption() throws {
        let problem = try solve(json: #"{"topic": "concepts", "items": ["perc-or-gate"], "order": [[2, 0, 1, 3]]}"#)[0]
        let xml = MoodleXML.document([problem], language: "en")
        #expect(xml.contains(#"<question type="multichoice">"#))
        #expect(xml.components(separatedBy: #"<answer fraction="100""#).count == 2)
        #expect(xml.components(separatedBy: #"<answer fraction="0""#).count == 4)
        #expect(xml.contains("<single>true</single>") && xml.contains("<shuffleanswers>false</shuffleanswers>"))
        let item = try #require(Self.bank.item("perc-or-gate"))
        #expect(xml.contains(MoodleXML.cdata(TextEscaping.html(item.wrong[1].why.en))))
        let two = try solve(json: #"{"topic": "concepts", "items": ["perc-or-gate", "rl-mdp-tuple"]}"#)[0]
        #expect(MoodleXML.document([two], language: "zh").contains("{1:MULTICHOICE_V:"))
    }

    @Test func everyFormatAndLanguageRendersTheSolution() throws {
        let problems = try ProblemSolver.generate(topic: "concepts", count: 5, seed: 4, difficulty: .standard)
        for language in ["en", "zh"] {
            for format in [OutputFormat.md, .html, .latex] {
                var options = Sheet.Options()
                options.format = format
                options.language = language
                let sheet = Sheet(problems: problems, options: options).render()
                for problem in problems {
                    let item = try #require(Self.bank.item(Handout.conceptItems(problem)[0]))
                    // The prompt and the reason of each wrong option are on the sheet: probed by a
                    // run of plain letters, which no format escapes.
                    for text in [item.prompt] + item.wrong.map(\.why) {
                        let probe = Self.plainRun(text.inLanguage(language))
                        #expect(sheet.contains(probe), "\(item.id) \(language) \(format): \(probe)")
                    }
                }
            }
        }
    }

    /// The longest run of letters and spaces in `text`, at most 10 long.
    static func plainRun(_ text: String) -> String {
        let runs = text.split { !($0.isLetter || $0 == " ") }.map { String($0.prefix(10)).trimmingCharacters(in: .whitespaces) }
        return runs.max { $0.count < $1.count } ?? ""
    }
}
