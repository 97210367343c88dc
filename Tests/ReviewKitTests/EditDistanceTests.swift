import Testing
@testable import ReviewKit

@Test func editDistanceCountsSingleSlips() {
    #expect(editDistance("kernel", "kernel") == 0)
    #expect(editDistance("filter", "filters") == 1)   // insertion
    #expect(editDistance("kernal", "kernel") == 1)    // substitution
    #expect(editDistance("kenrel", "kernel") == 1)    // adjacent swap counts once
    #expect(editDistance("", "abc") == 3)
    #expect(editDistance("abc", "") == 3)
    #expect(editDistance("kitten", "sitting") == 3)
}

@Test func closestMatchStaysWithinTheLimit() {
    let topics = ["conv", "pooling", "qlearning", "backprop"]
    #expect(closestMatch(to: "pool", in: topics) == nil)           // 3 away
    #expect(closestMatch(to: "polling", in: topics) == "pooling")
    #expect(closestMatch(to: "cnov", in: topics) == "conv")
    #expect(closestMatch(to: "backprob", in: topics) == "backprop")
    #expect(closestMatch(to: "xyzzy", in: topics) == nil)
    #expect(closestMatch(to: "ab", in: ["ax", "ab"]) == "ab")      // the closest, not the first
    #expect(closestMatch(to: "cat", in: ["bat", "cut"]) == "bat")  // ties go to the first
}

@Test func shortNamesNeedMostOfTheirLettersRight() {
    #expect(closestMatch(to: "mean", in: ["max", "avg"]) == nil)   // 2 edits in 4 letters
    #expect(closestMatch(to: "mx", in: ["max", "avg"]) == "max")   // 1 edit in 3 letters
    #expect(closestMatch(to: "lf", in: ["lr"]) == nil)             // 1 edit in 2 letters
}
