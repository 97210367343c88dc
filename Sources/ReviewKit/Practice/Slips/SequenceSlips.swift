/// The contract's slips of the sequence and feature-map topics, each from
/// the topic's own slipped solver (`<Topic>.Slip`), so diagnosis, practice
/// pages and grading name them as they do the core topics' slips.
extension RNNTopic {
    static var slips: [ReviewKit.Slip<Self>] {
        Slip.allCases.map { s in slip(s.rawValue) { try? slipAnswers($0, s) ?? nil } }
    }
}

extension AttentionTopic {
    static var slips: [ReviewKit.Slip<Self>] {
        Slip.allCases.map { s in slip(s.rawValue) { try? slipAnswers($0, s) ?? nil } }
    }
}

extension LSTMTopic {
    static var slips: [ReviewKit.Slip<Self>] {
        Slip.allCases.map { s in slip(s.rawValue) { try? slipAnswers($0, s) } }
    }
}

extension GRUTopic {
    static var slips: [ReviewKit.Slip<Self>] {
        Slip.allCases.map { s in slip(s.rawValue) { try? slipAnswers($0, s) } }
    }
}

extension ConvolveTopic {
    static var slips: [ReviewKit.Slip<Self>] {
        Slip.allCases.map { s in slip(s.rawValue) { s.answers($0) } }
    }
}

extension KMeansTopic {
    static var slips: [ReviewKit.Slip<Self>] {
        Slip.allCases.map { s in slip(s.rawValue) { s.answers($0) } }
    }
}
