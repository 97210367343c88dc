/// The readers behind `KMeansTopic.schema`: points, centroids of the
/// points' dimension, and distinct starting indices, each misfit located
/// with both sizes (`centroids: 3×3, expected 3×2`).
enum KMeansDecoder {
    static let maxPoints = 1000
    static let maxDimensions = 100
    static let maxClusters = 100
    static let maxIterations = 1000

    static func points(_ field: Field) throws -> [[Double]] {
        let rows = try field.numberMatrix()
        guard let first = rows.first else { throw field.error("must have at least one point, got an empty array") }
        guard !first.isEmpty else {
            throw Field(value: field.value, path: field.path.appending(index: 0)).error("must have at least one coordinate, got an empty row")
        }
        guard rows.count <= maxPoints else { throw field.error("has \(rows.count) points; at most \(maxPoints) are supported") }
        guard first.count <= maxDimensions else {
            throw field.error("has \(first.count) coordinates per point; at most \(maxDimensions) are supported")
        }
        return rows
    }

    static func centroids(_ field: Field, dimensions: Int) throws -> [[Double]] {
        let rows = try field.numberMatrix()
        guard !rows.isEmpty else { throw field.error("must have at least one centroid, got an empty array") }
        guard rows.count <= maxClusters else { throw field.error("has \(rows.count) centroids; at most \(maxClusters) are supported") }
        guard rows[0].count == dimensions else {
            throw field.error("\(rows.count)×\(rows[0].count), expected \(rows.count)×\(dimensions) (as many coordinates as each point)")
        }
        return rows
    }

    static func initialPoints(_ field: Field, count: Int) throws -> [Int] {
        let items = try field.array()
        guard !items.isEmpty else { throw field.error("must list at least one point index, got an empty array") }
        guard items.count <= maxClusters else { throw field.error("lists \(items.count) points; at most \(maxClusters) clusters are supported") }
        var indices: [Int] = []
        for item in items {
            let index = try item.index(below: count, noun: "point", owner: "there are")
            if let earlier = indices.firstIndex(of: index) {
                throw item.error("point \(index) is already initial_points[\(earlier)]; the starting points must be distinct")
            }
            indices.append(index)
        }
        return indices
    }
}
