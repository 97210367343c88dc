import Testing
@testable import ReviewKit

/// Every way a convolve problem can be wrong, each one line at its place;
/// a misfitting shape names both sizes, as the contract asks.
@Suite struct ConvolveErrorTests {
    private func line(_ fields: String) -> String? {
        errorLine(json: #"{"topic": "convolve", \#(fields)}"#)
    }

    private let image = #""image": [[1,2,3],[4,5,6],[7,8,9]]"#

    @Test func exactlyOneOfKernelAndKernels() {
        #expect(line(image) == "test.json: missing required field 'kernel' (or 'kernels')")
        #expect(line(#"\#(image), "kernel": [[1]], "kernels": [[[[1]]]]"#)
            == "test.json: kernels: give either 'kernel' or 'kernels', not both")
        #expect(line(#""kernel": [[1]]"#) == "test.json: missing required field 'image'")
    }

    @Test func shapesMustFit() {
        #expect(line(#""image": [[[1,2],[3,4]], [[5,6],[7,8]]], "kernel": [[1,0],[0,1]]"#)
            == "test.json: kernel: 2×2, expected 2×2×2 (one 2×2 slice per image channel)")
        #expect(line(#""image": [[[1,2],[3,4]], [[5,6],[7,8]]], "kernel": [[[1]]]"#)
            == "test.json: kernel: 1×1×1, expected 2×1×1 (one slice per image channel)")
        #expect(line(#"\#(image), "kernels": [[[[1,0],[0,1]]], [[[1,0,0],[0,1,0],[0,0,1]]]]"#)
            == "test.json: kernels[1]: 1×3×3, expected 1×2×2 (every filter has the same size)")
        #expect(line(#"\#(image), "kernels": [[[1,0],[0,1]]]"#)
            == "test.json: kernels[0]: must be a C×kh×kw filter (an array of matrices, one per image channel), got an array")
        #expect(line(#""image": [[[1,2],[3,4]], [[5,6,7],[7,8,9]]], "kernel": [[1]]"#)
            == "test.json: image[1]: 2×3, expected 2×2 (every channel has the same size)")
        #expect(line(#""image": [[1,2],[3]], "kernel": [[1]]"#) == "test.json: image[1]: row 1 has 1 entry, expected 2")
        #expect(line(#""image": [], "kernel": [[1]]"#)
            == "test.json: image: must be an H×W matrix or a C×H×W array of matrices (channels first), got an array")
        #expect(line(#""image": [[]], "kernel": [[1]]"#) == "test.json: image[0]: must have at least one entry, got an empty row")
        #expect(line(#""image": 3, "kernel": [[1]]"#)
            == "test.json: image: must be an H×W matrix or a C×H×W array of matrices (channels first), got 3")
    }

    @Test func biasIsOneNumberOrOnePerFilter() {
        #expect(line(#"\#(image), "kernels": [[[[1]]], [[[2]]]], "bias": [1, 2, 3]"#)
            == "test.json: bias: has 3 entries, expected 2 (one per filter)")
        #expect(line(#"\#(image), "kernel": [[1]], "bias": "1""#)
            == #"test.json: bias: must be a number or an array with one number per filter, got "1""#)
    }

    @Test func sizesMustLeaveAnOutput() {
        #expect(line(#"\#(image), "kernel": [[1,1,1,1],[1,1,1,1],[1,1,1,1],[1,1,1,1]]"#)
            == "test.json: kernel: output height would be 0: floor((3 + 0 − 4)/1) + 1 = 0; the kernel is larger than the padded image")
        #expect(line(#"\#(image), "kernel": [[1,1,1,1],[1,1,1,1],[1,1,1,1],[1,1,1,1]], "padding": 1"#) == nil)
        #expect(line(#"\#(image), "kernel": [[1]], "stride": 0"#) == "test.json: stride: must be a positive integer, got 0")
        #expect(line(#"\#(image), "kernel": [[1]], "padding": -1"#)
            == "test.json: padding: must be a non-negative integer, got -1")
        #expect(line(#"\#(image), "kernel": [[1]], "padding": "sme""#)
            == #"test.json: padding: must be a non-negative integer, a pair [h, w], "same" or "valid", got "sme" (did you mean "same"?)"#)
    }

    /// Huge numbers are located errors, never a trap or a giant allocation.
    @Test func hugeSizesAreRefused() {
        #expect(line(#"\#(image), "kernel": [[1]], "padding": 1000000000"#)
            == "test.json: padding: must be at most 64 zeros on each side, got 1000000000")
        #expect(line(#"\#(image), "kernel": [[1]], "padding": [0, 9223372036854775807]"#)
            == "test.json: padding: must be at most 64 zeros on each side, got 9223372036854775807")
        #expect(line(#"\#(image), "kernel": [[1]], "stride": 9223372036854775807, "padding": "same""#) == nil)
        #expect(line(#"\#(image), "kernel": [[1]], "pool": {"kernel": 1, "stride": 9223372036854775807}"#) == nil)
        let big = "[" + Array(repeating: "[" + Array(repeating: "1", count: 64).joined(separator: ",") + "]", count: 64).joined(separator: ",") + "]"
        let filters = "[" + Array(repeating: "[\(big)]", count: 16).joined(separator: ",") + "]"
        #expect(line(#""image": \#(big), "kernels": \#(filters), "padding": 32"#)
            == "test.json: kernels: needs more than 1000000 products (filters × output entries × taps); make the image or the kernels smaller")
    }

    @Test func poolingWindowMustFit() {
        #expect(line(#"\#(image), "kernel": [[1,1],[1,1]], "pool": {"kernel": 3}"#)
            == "test.json: pool.kernel: a 3×3 window is larger than the 2×2 feature map")
        #expect(line(#"\#(image), "kernel": [[1]], "pool": {"kernel": 2, "mode": "mean"}"#)?
            .hasPrefix("test.json: pool.mode: must be one of") == true)
        #expect(line(#"\#(image), "kernel": [[1]], "pool": {"size": 2}"#)
            == "test.json: pool.size: unknown field 'size'; expected one of: mode, kernel, stride")
        #expect(line(#"\#(image), "kernel": [[1]], "pool": {"kernel": 2, "strid": 1}"#)
            == "test.json: pool.strid: unknown field 'strid' (did you mean 'stride'?)")
        #expect(line(#"\#(image), "kernel": [[1]], "pool": {}"#) == "test.json: pool: missing required field 'kernel'")
    }

    @Test func unknownFieldsAndActivations() {
        #expect(line(#"\#(image), "kernel": [[1]], "kernal": [[1]]"#)
            == "test.json: kernal: unknown field 'kernal' (did you mean 'kernel'?)")
        #expect(line(#"\#(image), "kernel": [[1]], "activation": "softmax""#)?
            .hasPrefix("test.json: activation: must be one of") == true)
        #expect(line(#"\#(image), "kernel": [[1e308]], "bias": 1e308"#)
            == "test.json: image: the feature map overflows at filter 0, row 0, column 0: the numbers are too large")
    }
}
