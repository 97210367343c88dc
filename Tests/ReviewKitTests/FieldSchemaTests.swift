import Foundation
import Testing
@testable import ReviewKit

/// A topic's fields are declared once: the allowed keys, decoding, encoding
/// and the README's table come from that declaration.
@Suite struct FieldSchemaTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

    @Test func theReadmeShowsEachDeclaredTable() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let tables = [
            ("softmax", SoftmaxTopic.schema.markdownTable()), ("conv", ConvTopic.markdownTables),
            ("bellman", BellmanTopic.schema.markdownTable()), ("bellman update", BellmanTopic.updateSchema.markdownTable()),
            ("bellman outcome", BellmanTopic.outcomeSchema.markdownTable()),
            ("backprop", BackpropTopic.schema.markdownTable()), ("gcn", GCNTopic.schema.markdownTable()),
            ("lstm", LSTMTopic.schema.markdownTable()), ("lstm gates", LSTMTopic.gatesSchema.markdownTable()),
            ("lstm gate", LSTMTopic.gateSchema.markdownTable()), ("gru", GRUTopic.schema.markdownTable()),
            ("gru gates", GRUTopic.gatesSchema.markdownTable()), ("gru gate", GRUTopic.gateSchema.markdownTable()),
            ("optimizer", OptimizerTopic.schema.markdownTable()),
            ("batchnorm", BatchNormTopic.schema.markdownTable()),
            ("convolve", ConvolveTopic.markdownTables), ("kmeans", KMeansTopic.schema.markdownTable()),
            ("mlp", MLPTopic.schema.markdownTable()), ("mlp layer", MLPTopic.layerSchema.markdownTable()),
            ("activation", ActivationTopic.schema.markdownTable()), ("loss", LossTopic.schema.markdownTable()),
            ("concepts", ConceptsTopic.schema.markdownTable()),
        ]
        for (topic, table) in tables {
            #expect(text.contains(table), "README lacks the \(topic) field table; it should read:\n\(table)")
        }
    }

    @Test func allowedKeysAreTheDeclaredFields() {
        #expect(SoftmaxTopic.fields == ["logits", "target", "temperature", "reduction"])
    }

    @Test func decodingFillsDefaultsAndEncodingWritesThemBack() throws {
        let problem = try solve(json: #"{"topic": "softmax", "logits": [2, 1, 0.1], "target": 0}"#)[0].problem
        #expect(problem.at("temperature") == .number(1))
        #expect(problem.at("reduction") == .string("mean"))
        #expect(errorLine(json: #"{"topic": "softmax", "target": 0}"#) == "test.json: missing required field 'logits'")
        #expect(errorLine(json: #"{"topic": "softmax", "logits": [1, 2], "target": 0, "temperature": 0}"#)
            == "test.json: temperature: must be a positive number, got 0")
        #expect(errorLine(json: #"{"topic": "softmax", "logits": [1, 2], "target": 0, "reduction": "avg"}"#)?
            .hasPrefix("test.json: reduction: ") == true)
        #expect(errorLine(json: #"{"topic": "softmax", "logits": [1, 2], "target": 0, "temprature": 2}"#)
            == "test.json: temprature: unknown field 'temprature' (did you mean 'temperature'?)")
    }
}
