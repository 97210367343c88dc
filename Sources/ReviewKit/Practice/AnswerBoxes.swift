/// The blank answer boxes of one problem on a printed question sheet
/// (`review build`): a box per final answer, laid out and labelled as a
/// practice page lays out its input boxes (`PracticeForm.groups`: a vector
/// in a row, a matrix as a grid, a conv shape as H × W × C), so the boxes a
/// student fills on paper are the ones `review grade` and the practice page
/// know by the same paths. Numbers only here; `AnswerBoxesWriter` writes
/// them as HTML or LaTeX.
struct AnswerBoxes: Sendable, Equatable {
    /// 1-based position on the sheet.
    var number: Int
    /// The line above the boxes, in the sheet's language.
    var lead: String
    var groups: [PracticeForm.Group]

    init(_ problem: WorkedProblem, number: Int, lead: String) {
        self.number = number
        self.lead = lead
        groups = PracticeForm.groups(AnswerLeaves(problem.answers).leaves, topic: problem.topic)
        // A multiple-choice answer (`concepts`) is one box for its letter, by its path.
        for choice in problem.choices("en") {
            let box = PracticeForm.Box(path: choice.path, label: choice.path)
            groups.append(PracticeForm.Group(name: choice.path, rows: [[box]], isShape: false))
        }
    }
}
