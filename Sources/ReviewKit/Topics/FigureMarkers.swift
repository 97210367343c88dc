/// A sheet's pictures, collected while its contexts are built: each one a
/// context shows is added here and referred to by the marker this returns,
/// `FigureMarker.make(i)`, numbered in the order they are added (softmax's
/// charts, batchnorm's features, optimizer's contour, activation's curves).
extension Array where Element == Figure {
    /// Adds `figure` and returns its marker; nil, and nothing added, when
    /// there is no picture (too large to draw), so the context leaves it out.
    mutating func marker(for figure: Figure?) -> TemplateData? {
        guard let figure else { return nil }
        append(figure)
        return .text(FigureMarker.make(count - 1))
    }
}
