import Testing
@testable import ReviewKit

/// The generic builders for ranged numbers and lists of nested objects, on a
/// made-up schema so no topic's rules are needed to read them.
@Suite struct FieldSchemaNestedTests {
    struct Point: Sendable, Equatable {
        var x: Double
        var label: String?
    }

    struct Shape: Sendable {
        var points: [Point] = []
        var weight: Double = 1
    }

    static let pointSchema = FieldSchema<Point>([
        .readWithSiblings("x", type: "number", doc: "the position", write: { .number($0.x) }),
        .readWithSiblings("label", type: "string", default: "—", doc: "a name", write: { $0.label.map(JSONValue.string) ?? .null }),
    ])

    static let shapeSchema = FieldSchema<Shape>([
        .objectList(
            "points", \.points, of: pointSchema, count: 1...2, noun: "point", type: "list of points", doc: "the corners",
            element: { object, _ in Point(x: try object.required("x").number(), label: try object.optional("label")?.string()) }),
        .number("weight", \.weight, in: 0...1, excludingLowerBound: true, default: 1, doc: "how much it counts"),
    ])

    private func decode(_ text: String) throws -> Shape {
        let object = try Field(value: JSONParser.parse(Array(text.utf8))).object(allowedKeys: Self.shapeSchema.names)
        return try Self.shapeSchema.decode(object, into: Shape())
    }

    private func message(_ text: String) -> String? {
        do { _ = try decode(text); return nil } catch let error as InputError { return error.description } catch { return "\(error)" }
    }

    @Test func nestedObjectsRoundTripWithAbsentFieldsLeftOut() throws {
        let shape = try decode(#"{"points": [{"x": 1}, {"x": 2, "label": "B"}], "weight": 0.5}"#)
        #expect(shape.points == [Point(x: 1, label: nil), Point(x: 2, label: "B")])
        #expect(shape.weight == 0.5)
        let encoded = JSONValue.object(Self.shapeSchema.encode(shape))
        #expect(JSONWriter.compact(encoded) == #"{"points":[{"x":1},{"x":2,"label":"B"}],"weight":0.5}"#)
    }

    @Test func nestedKeysCountsAndRangesAreLocated() {
        #expect(message(#"{"points": [{"x": 1, "lable": "A"}]}"#)
            == "points[0].lable: unknown field 'lable' (did you mean 'label'?)")
        #expect(message(#"{"points": []}"#) == "points: must list at least one point, got an empty array")
        #expect(message(#"{"points": [{"x": 1}, {"x": 2}, {"x": 3}]}"#) == "points: must list at most 2 points, got 3")
        #expect(message(#"{"points": [{"x": 1}], "weight": 0}"#) == "weight: must be a number in (0, 1], got 0")
        #expect(message(#"{"weight": 1}"#) == "missing required field 'points'")
    }

    @Test func tablesShowRangesAndNestedDefaults() {
        #expect(Self.shapeSchema.markdownTable().contains("| `weight` | number in (0, 1] | `1` | how much it counts |"))
        #expect(Self.pointSchema.markdownTable().contains("| `x` | number | required | the position |"))
    }
}
