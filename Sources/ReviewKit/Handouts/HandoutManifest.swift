/// `manifest.json`: what was built and from what, for scripts (a grading
/// tool, a mail merge) and for rebuilding one student by hand: each
/// student's variant and the seed of each generated section
/// (`review gen --topic T --count N --difficulty D --seed <seed>`).
enum HandoutManifest {
    static func json(_ handout: Handout, _ packets: [StudentRecord], files: [String]) -> String {
        let sections: [JSONValue] = handout.sections.map { section in
            var members: [(String, JSONValue)] = [("number", .number(section.number))]
            if let title = section.title { members.append(("title", .string(title))) }
            switch section.content {
            case .generated(let topic, let count, let difficulty):
                members += [
                    ("topic", .string(topic)), ("count", .number(count)), ("difficulty", .string(difficulty.rawValue)),
                ]
            case .fixed(let path, _, let problems):
                members += [("problems", .string(path)), ("count", .number(problems.count))]
            }
            return .object(members)
        }
        let students: [JSONValue] = packets.map { packet in
            guard case .object(var members) = packet.student.json().kind else { return .null }
                members.append(Member(key: "variant", value: .number(Int(packet.variant))))
            members.append(Member(key: "code", value: .string(packet.code.description)))
            let seeds: [JSONValue] = packet.sectionSeeds.map {
                .object([("section", .number($0.section)), ("seed", .number(Int($0.seed)))])
            }
            members.append(Member(key: "section_seeds", value: .array(seeds)))
            return JSONValue(.object(members))
        }
        return JSONWriter.pretty(.object([
            ("generator", .string(ReviewVersion.generator)), ("title", .string(handout.title)),
            ("seed", .number(Int(handout.seed))), ("lang", .string(handout.language)),
            ("formats", .array(handout.formats.map { .string($0.rawValue) } + (handout.practice ? [.string("practice")] : [])
                + (handout.moodle ? [.string("moodle")] : []) + (handout.qti ? [.string("qti")] : []) + (handout.pdf ? [.string("pdf")] : []))),
            ("sections", .array(sections)), ("students", .array(students)),
            ("files", .array(files.map { .string($0) })),
        ])) + "\n"
    }
}
