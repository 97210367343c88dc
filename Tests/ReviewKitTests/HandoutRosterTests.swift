import Foundation
import Testing
@testable import ReviewKit

/// Rosters: counts, lists and CSV files with the names real classes have
/// (accents, CJK, commas inside quotes), and the folder names made from them.
@Suite struct HandoutRosterTests {
    @Test func csvRosterWithUnicodeNames() throws {
        let folder = try HandoutFolder()
        var bytes = Data([0xEF, 0xBB, 0xBF])  // spreadsheets write a BOM
        bytes.append(Data((
            "ID,Name,Email\r\n"
            + "s1,José Müller-Østergaard,j@x\r\n"
            + "s2,王小明,w@x\r\n"
            + "\r\n"
            + "s3,\"Nguyễn, Thị Ánh\",n@x\r\n"
            + "s4,김민준\r\n"
            + "s5,\"Zoë \"\"Zo\"\" O'Brien\"\r\n"
            + "s6,\r\n").utf8))
        try folder.write(bytes, to: "rosters/class.csv")
        let handout = try folder.handout(#"{"students": "rosters/class.csv", "sections": [{"topic": "backprop"}]}"#)
        let students = handout.students
        #expect(students.map(\.id) == ["s1", "s2", "s3", "s4", "s5", "s6"])
        #expect(students.map(\.name) == [
            "José Müller-Østergaard", "王小明", "Nguyễn, Thị Ánh", "김민준", "Zoë \"Zo\" O'Brien", nil,
        ])
        #expect(students.map(\.folder) == [
            "001-jose-muller-ostergaard", "002-s2", "003-nguyen-thi-anh", "004-s4", "005-zoe-zo-o-brien", "006-s6",
        ])
    }

    @Test func csvWithoutHeaderIsIdThenName() throws {
        let students = try RosterCSV.parse(Array("1001,Ann\n1002\n1003,Bo Li\n".utf8), file: "r.csv")
        #expect(students == [
            Student(number: 1, id: "1001", name: "Ann"), Student(number: 2, id: "1002", name: nil),
            Student(number: 3, id: "1003", name: "Bo Li"),
        ])
    }

    @Test(arguments: [
        ("id,name\na,Ann\nb,Bo\na,Al\n", "r.csv: line 4: duplicate id 'a' (first on line 2)"),
        ("id,name\n,Ann\n", "r.csv: line 2: missing student id"),
        ("name,email\nAnn,a@x\n", "r.csv: line 1: the header has no 'id' column"),
        ("id,name\na,\"Ann\n", "r.csv: line 2: a quoted field is never closed"),
        ("id,name\na,An\"n\n", "r.csv: line 2: a quote inside an unquoted field (write it as \"\" inside a quoted field)"),
        ("id,name\n", "r.csv: no students in the roster"),
    ])
    func csvErrorsNameTheLine(text: String, expected: String) {
        #expect(throws: ProblemFileError.self) { try RosterCSV.parse(Array(text.utf8), file: "r.csv") }
        do {
            _ = try RosterCSV.parse(Array(text.utf8), file: "r.csv")
        } catch {
            #expect("\(error)" == expected)
        }
    }

    @Test func invalidUTF8IsReportedAtItsLine() {
        let bytes: [UInt8] = Array("id,name\na,Ann\nb,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(throws: ProblemFileError(file: "r.csv", location: "line 3", message: "the file is not valid UTF-8")) {
            try RosterCSV.parse(bytes, file: "r.csv")
        }
    }

    @Test func listRosterTakesNamesIdsAndObjects() throws {
        let folder = try HandoutFolder()
        let handout = try folder.handout("""
            {"students": ["Ann Lee", 20240017, {"id": "s9", "name": "李雷"}, {"id": 7}],
             "sections": [{"topic": "backprop"}]}
            """)
        #expect(handout.students == [
            Student(number: 1, id: "Ann Lee", name: "Ann Lee"), Student(number: 2, id: "20240017", name: nil),
            Student(number: 3, id: "s9", name: "李雷"), Student(number: 4, id: "7", name: nil),
        ])
        #expect(handout.students.map(\.folder) == ["001-ann-lee", "002-20240017", "003-s9", "004-7"])
    }

    @Test(arguments: [
        ("José Müller-Østergaard", "jose-muller-ostergaard"), ("  Ann  LEE ", "ann-lee"), ("王小明", ""),
        ("Straße Æsir", "strasse-aesir"), ("a/../b", "a-b"), ("Łukasz Żółć", "lukasz-zolc"),
        ("abcdefghij-abcdefghij-abcdefghij-abcdefghij", "abcdefghij-abcdefghij"),
    ])
    func safeFileNames(name: String, slug: String) {
        #expect(SafeFileName.slug(name) == slug)
    }
}
