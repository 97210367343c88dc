import Testing
@testable import ReviewKit

@Test func generatorNamesTheTool() {
    #expect(ReviewVersion.generator.hasPrefix("review "))
}
