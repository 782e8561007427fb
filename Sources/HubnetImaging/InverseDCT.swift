import Foundation

/// The 8×8 two-dimensional inverse DCT, separable, in floating point (exact enough that a
/// decoded test image matches libjpeg's within a few levels).
enum InverseDCT {
    static let cosines: [Double] = (0..<64).map { index in
        let x = index / 8, u = index % 8
        let scale = u == 0 ? (1 / 2.0.squareRoot()) : 1
        return scale * cos(Double(2 * x + 1) * Double(u) * .pi / 16) / 2
    }

    static func transform(_ block: [Int32], into plane: inout [UInt8], at origin: Int, stride: Int) {
        var rows = [Double](repeating: 0, count: 64)
        for v in 0..<8 {
            for x in 0..<8 {
                var sum = 0.0
                for u in 0..<8 where block[v * 8 + u] != 0 { sum += cosines[x * 8 + u] * Double(block[v * 8 + u]) }
                rows[v * 8 + x] = sum
            }
        }
        for x in 0..<8 {
            for y in 0..<8 {
                var sum = 0.0
                for v in 0..<8 { sum += cosines[y * 8 + v] * rows[v * 8 + x] }
                plane[origin + y * stride + x] = UInt8(max(0, min(255, (sum + 128).rounded())))
            }
        }
    }
}
