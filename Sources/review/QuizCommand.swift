import ArgumentParser
import Foundation
import ReviewKit

/// `review quiz`: a generated problem in the terminal, answer by answer,
/// then the worked steps. Exit 0 when every answer was right, 3 otherwise.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Answer a generated problem in the terminal, then see the worked steps.")

    @Option(name: .shortAndLong, help: "The topic (see `review topics`).")
    var topic: String

    @Option(name: .shortAndLong, parsing: .unconditional, help: "Seed for the problem; the same seed gives the same problem.")
    var seed: String?

    @Option(name: .shortAndLong, help: "easy, standard or hard.")
    var difficulty: Difficulty = .easy

    @Option(name: .long, help: "Language: \(Sheet.languages.joined(separator: ", ")).")
    var lang: String = "en"

    func validate() throws {
        guard Sheet.languages.contains(lang) else {
            throw ValidationError(
                "unknown language '\(lang)'; expected one of: \(Sheet.languages.joined(separator: ", "))")
        }
        _ = try chosenSeed()
    }

    private func chosenSeed() throws -> UInt64? {
        try seed.map {
            try WholeNumberOption.value(
                of: "--seed", $0, in: 0...GenCommand.largestSeed, rule: "a whole number from 0 to \(GenCommand.largestSeed)")
        }
    }

    func run() throws {
        let seed = try chosenSeed() ?? UInt64.random(in: 1...999_999)
        let problem = try ProblemSolver.generate(topic: topic, count: 1, seed: seed, difficulty: difficulty)[0]
        let quiz = Quiz(problem: problem, language: lang, colour: isatty(STDOUT_FILENO) == 1)
        try StandardStreams.write(quiz.question() + "\n", to: .output)
        var right = 0
        answers: for path in quiz.paths {
            while true {
                try StandardStreams.write(quiz.prompt(path), to: .output)
                guard let line = readLine() else {
                    try StandardStreams.write("\n", to: .output)
                    break answers  // end of input: show the steps
                }
                guard let verdict = quiz.check(path, typed: line) else {
                    try StandardStreams.write(quiz.notANumber + "\n", to: .output)
                    continue
                }
                if verdict.isRight { right += 1 }
                try StandardStreams.write(verdict.text + "\n", to: .output)
                break
            }
        }
        try StandardStreams.write("\n" + quiz.summary(right: right), to: .output)
        if right < quiz.paths.count { throw SomeAnswersWrong() }
    }
}
