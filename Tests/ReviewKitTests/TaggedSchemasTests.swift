import Testing
@testable import ReviewKit

/// The nested-object builders: a list element whose keys depend on its tag
/// reads, writes back and suggests keys from its own kind's declaration.
@Suite struct TaggedSchemasTests {
    struct Pet: Sendable {
        var kind: String
        var name: String?
        var legs = 4
        var tame = true
    }

    static let pets = TaggedSchemas<Pet>(
        tagKey: "type",
        variants: [
            .init(tag: "dog", blank: Pet(kind: "dog"), schema: FieldSchema([
                .optionalString("name", \.name, doc: "what it answers to"),
                .positiveInt("legs", \.legs, default: 4, doc: "how many"),
                .bool("tame", \.tame, default: true, doc: "whether it comes when called"),
            ])),
            .init(tag: "fish", blank: Pet(kind: "fish", legs: 0), schema: FieldSchema([
                .positiveInt("fins", \.legs, doc: "fins, kept where legs go"),
            ])),
        ],
        tagOf: { $0.kind })

    private func field(_ text: String) throws -> Field {
        Field(value: try JSONParser.parse(Array(text.utf8)), path: JSONPath.root.appending(index: 2))
    }

    private func error(_ text: String) -> String? {
        do { _ = try Self.pets.decode(field(text)); return nil } catch { return "\(error)" }
    }

    @Test func eachKindReadsAndWritesItsOwnFields() throws {
        let dog = try Self.pets.decode(field(#"{"type": "dog", "legs": 3}"#))
        #expect(dog.legs == 3 && dog.tame && dog.name == nil)
        // Defaults are written out; the absent name is left out, not null.
        #expect(JSONWriter.compact(Self.pets.encode(dog)) == #"{"type":"dog","legs":3,"tame":true}"#)
        let fish = try Self.pets.decode(field(#"{"fins": 2, "type": "fish"}"#))
        #expect(JSONWriter.compact(Self.pets.encode(fish)) == #"{"type":"fish","fins":2}"#)
    }

    @Test func errorsComeFromTheTaggedKindsDeclaration() {
        #expect(error(#"{"type": "dog", "leg": 3}"#) == "[2].leg: unknown field 'leg' (did you mean 'legs'?)")
        #expect(error(#"{"type": "fish", "legs": 3}"#)
            == "[2].legs: unknown field 'legs'; expected one of: type, fins")
        #expect(error(#"{"type": "fish"}"#) == "[2]: missing required field 'fins'")
        #expect(error(#"{"legs": 3}"#) == "[2]: missing required field 'type'")
        #expect(error(#"{"type": "dog", "tame": "yes"}"#) == #"[2].tame: must be true or false, got "yes""#)
        #expect(error(#"{"type": "dog", "name": 7}"#)?.hasPrefix("[2].name: ") == true)
    }

    @Test func theTablesNameEachKind() {
        let tables = Self.pets.markdownTables()
        #expect(tables.contains("With `\"type\": \"fish\"`:\n\n| field | type | default | meaning |"))
        #expect(tables.contains("| `tame` | `true` or `false` | `true` | whether it comes when called |"))
        #expect(tables.contains("| `fins` | integer > 0 | required | fins, kept where legs go |"))
    }
}
