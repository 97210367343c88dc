import Foundation
import Testing

/// `review grade` on a synthetic class. The handout gives every student the
/// same two classics, whose answers are known by hand: f = x(x + y) at
/// x = 2, y = 1 (f = 6, ∂f/∂x = 5, ∂f/∂y = 2) and six 5×5×3 filters on
/// 32×32×3 (456 parameters: 450 weights + 6 biases).
@Suite struct GradeCommandTests {
    static let handout = """
        {"title": "Quiz", "seed": 1, "students": [{"id": "s1", "name": "Ann"}, {"id": "s2", "name": "=cmd()"}, {"id": "s3"}],
         "formats": "md", "sections": [{"problems": "notes.json"}, {"problems": "conv.json"}]}
        """

    private func built() throws -> Sandbox {
        let box = try Sandbox()
        try box.write(Self.handout, to: "h.json")
        try box.write(try String(contentsOfFile: ReviewProcess.packageRoot.path + "/problems/backprop-notes-x-times-x-plus-y.json", encoding: .utf8), to: "notes.json")
        try box.write(try String(contentsOfFile: ReviewProcess.packageRoot.path + "/problems/conv-notes-32x32.json", encoding: .utf8), to: "conv.json")
        let run = try ReviewProcess.run(["build", "h.json", "--out", "build"], in: URL(fileURLWithPath: box.root))
        #expect(run.status == 0, "\(run.stderr)")
        return box
    }

    @Test func gradesRightSlipsBlanksAndGarbage() throws {
        let box = try built()
        // s1: all right; s2: a slip on each problem; s3 (named by its folder for the last row): a blank,
        // garbage and a plain wrong number.
        try box.write("""
            \u{FEFF}student,problem,answer,value\r
            s1,1,value,6\r
            s1,1,gradient.x,5.0\r
            s1,2,total_params,456\r
            s2,1,gradient.x,3\r
            s2,2,total_params,450\r
            s2,2,layers[0].weights,150\r
            s3,1,gradient.x,\r
            s3,1,gradient.y,two\r
            \(folder(box, "s3")),2,total_params,457\r

            """, to: "answers.csv")
        let run = try ReviewProcess.run(["grade", "build", "answers.csv"], in: URL(fileURLWithPath: box.root))
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOfFile: box.root + "/build-grades/grades.csv", encoding: .utf8)
        #expect(csv == """
            student,name,folder,p1,p2,total,out_of\r
            s1,Ann,001-s1-ann,2,1,3,3\r
            s2,'=cmd(),002-s2-cmd,0,0,0,3\r
            s3,,003-s3,0,0,0,3\r

            """.replacingOccurrences(of: "001-s1-ann", with: folder(box, "s1"))
                .replacingOccurrences(of: "002-s2-cmd", with: folder(box, "s2"))
                .replacingOccurrences(of: "003-s3", with: folder(box, "s3")))
        let report = try String(contentsOfFile: box.root + "/build-grades/report.html", encoding: .utf8)
        #expect(report.contains("one-path-only × 1"))
        #expect(report.contains("bias-forgotten × 1, input-channels-forgotten × 1"))
        #expect(report.contains("left blank"))
        #expect(report.contains("not a number"))
        #expect(report.contains("<svg"))
        #expect(!report.contains("<script"))
    }

    @Test(arguments: [
        ("s9,1,value,6", "answers.csv: line 2, column 1: no student 's9' in the build"),
        ("s1,3,value,6", "answers.csv: line 2, column 2: problem '3' is not on s1's sheet (problems 1 to 2)"),
        ("s1,1,gradient.z,6", "answers.csv: line 2, column 3: problem 1 has no answer 'gradient.z'"),
        ("s1,1,value,6\ns1,1,value,7", "answers.csv: line 3: s1, problem 1, value is answered twice (first on line 2)"),
    ])
    func unknownStudentsProblemsAndPathsAreLocatedAndNothingIsWritten(_ row: String, _ message: String) throws {
        let box = try built()
        try box.write("student,problem,answer,value\n\(row)\n", to: "answers.csv")
        let run = try ReviewProcess.run(["grade", "build", "answers.csv"], in: URL(fileURLWithPath: box.root))
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("review: error: " + message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.root + "/build-grades"))
    }

    /// A paper exam carries the variant code, not the roster id: the codes
    /// of seed 1 for s1, s2 are 5ZM8-46S6 and 4W06-DYK0 (worked out by
    /// `scripts/variant-code.py 1 s1 s2`, the independent implementation),
    /// typed in any case, with or without the hyphen.
    @Test func studentsByVariantCode() throws {
        let box = try built()
        try box.write("""
            student,problem,answer,value
            5zm846s6,1,value,6
            5ZM8-46S6,2,total_params,456
            4w06-dyk0,2,total_params,450

            """, to: "answers.csv")
        let run = try ReviewProcess.run(["grade", "build", "answers.csv"], in: URL(fileURLWithPath: box.root))
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOfFile: box.root + "/build-grades/grades.csv", encoding: .utf8)
        let rows = csv.split(separator: "\r\n").map(String.init)
        #expect(rows[1].hasPrefix("s1,Ann,") && rows[1].hasSuffix(",1,1,2,2"), "\(csv)")
        #expect(rows[2].hasSuffix(",0,0,0,1"), "\(csv)")
    }

    /// One wrong character (the last 6 typed as 7, the 8 as 7) or two
    /// adjacent ones swapped: located, and nothing written.
    @Test(arguments: [
        ("5ZM8-46S7", "wrong check character"),
        ("5ZM8-4S66", "wrong check character"),
        ("5ZM7-46S6", "wrong check character"),
    ])
    func aMistypedVariantCodeIsALocatedError(_ code: String, _ reason: String) throws {
        let box = try built()
        try box.write("student,problem,answer,value\ns1,1,value,6\n\(code),2,total_params,456\n", to: "answers.csv")
        let run = try ReviewProcess.run(["grade", "build", "answers.csv"], in: URL(fileURLWithPath: box.root))
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("review: error: answers.csv: line 3, column 1: variant code '\(code)': \(reason)"),
                "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.root + "/build-grades"))
    }

    @Test func aCodeNoStudentOfTheBuildHasIsALocatedError() throws {
        let box = try built()
        // s1's code under seed 2 (`scripts/variant-code.py 2 s1`): well formed, but not this build's.
        let code = "A58A-YNMZ"
        try box.write("student,problem,answer,value\n\(code),1,value,6\n", to: "answers.csv")
        let run = try ReviewProcess.run(["grade", "build", "answers.csv"], in: URL(fileURLWithPath: box.root))
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("review: error: answers.csv: line 2, column 1: variant code '\(code)': no student of this build has it"),
                "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.root + "/build-grades"))
    }

    /// The student's folder as the build named it (from its manifest).
    private func folder(_ box: Sandbox, _ id: String) -> String {
        guard let data = FileManager.default.contents(atPath: box.root + "/build/manifest.json"),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let students = manifest["students"] as? [[String: Any]],
              let folder = students.first(where: { $0["id"] as? String == id })?["folder"] as? String
        else { return "?" }
        return folder
    }
}
