extension Bitmap {
    /// The bitmap shrunk to fit a `side` × `side` square, keeping its proportions; smaller
    /// bitmaps stay as they are. Each new pixel is the area-weighted mean of the pixels it
    /// covers (in premultiplied alpha, so transparent pixels do not darken the edges), which
    /// keeps thin lines and text of a logo legible where nearest-neighbour would drop them.
    public func scaled(toFit side: Int) -> Bitmap {
        guard width > side || height > side else { return self }
        let factor = Double(side) / Double(max(width, height))
        let newWidth = max(1, Int((Double(width) * factor).rounded()))
        let newHeight = max(1, Int((Double(height) * factor).rounded()))

        // Rows first, then columns: the box filter is separable. Premultiplied on the fly, so
        // the only large buffer is the narrow one between the passes.
        let across = Self.coverage(from: width, to: newWidth)
        var rows = [Double](repeating: 0, count: newWidth * height * 4)
        for y in 0..<height {
            for (x, weights) in across.enumerated() {
                let target = (y * newWidth + x) * 4
                for (source, weight) in weights {
                    let from = (y * width + source) * 4
                    let alpha = Double(rgba[from + 3])
                    let colourWeight = weight * alpha / 255
                    rows[target] += Double(rgba[from]) * colourWeight
                    rows[target + 1] += Double(rgba[from + 1]) * colourWeight
                    rows[target + 2] += Double(rgba[from + 2]) * colourWeight
                    rows[target + 3] += alpha * weight
                }
            }
        }
        let down = Self.coverage(from: height, to: newHeight)
        var result = [UInt8](repeating: 0, count: newWidth * newHeight * 4)
        for (y, weights) in down.enumerated() {
            for x in 0..<newWidth {
                var sum = (0.0, 0.0, 0.0, 0.0)
                for (source, weight) in weights {
                    let from = (source * newWidth + x) * 4
                    sum.0 += rows[from] * weight
                    sum.1 += rows[from + 1] * weight
                    sum.2 += rows[from + 2] * weight
                    sum.3 += rows[from + 3] * weight
                }
                let target = (y * newWidth + x) * 4
                let alpha = sum.3
                if alpha > 0 {
                    let unpremultiply = 255 / alpha
                    result[target] = Self.byte(sum.0 * unpremultiply)
                    result[target + 1] = Self.byte(sum.1 * unpremultiply)
                    result[target + 2] = Self.byte(sum.2 * unpremultiply)
                }
                result[target + 3] = Self.byte(alpha)
            }
        }
        return Bitmap(width: newWidth, height: newHeight, rgba: result)
    }

    /// For each target index, the source indices it covers and by what share (summing to 1).
    private static func coverage(from sourceCount: Int, to targetCount: Int) -> [[(Int, Double)]] {
        let span = Double(sourceCount) / Double(targetCount)
        return (0..<targetCount).map { target in
            let start = Double(target) * span, end = start + span
            var weights: [(Int, Double)] = []
            var source = Int(start)
            while Double(source) < end, source < sourceCount {
                let overlap = min(end, Double(source + 1)) - max(start, Double(source))
                if overlap > 0 { weights.append((source, overlap / span)) }
                source += 1
            }
            return weights
        }
    }

    private static func byte(_ value: Double) -> UInt8 {
        UInt8(max(0, min(255, value.rounded())))
    }
}
