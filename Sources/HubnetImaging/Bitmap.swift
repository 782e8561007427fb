/// Pixels as 8-bit red, green, blue and alpha, row by row, top left first — what every decoder
/// here produces and the encoder takes.
public struct Bitmap: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var rgba: [UInt8]

    public init(width: Int, height: Int, rgba: [UInt8]) {
        precondition(rgba.count == width * height * 4, "a bitmap needs four bytes per pixel")
        self.width = width
        self.height = height
        self.rgba = rgba
    }

    /// The pixel at `x`, `y` as (r, g, b, a).
    public func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let i = (y * width + x) * 4
        return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3])
    }

    public var isOpaque: Bool {
        stride(from: 3, to: rgba.count, by: 4).allSatisfy { rgba[$0] == 255 }
    }
}

/// Why an upload is not an image this server can read.
public enum ImageProblem: Error, Equatable, Sendable {
    /// Neither PNG nor JPEG (judged by the file's first bytes, never by its name).
    case unsupportedType
    /// A PNG or JPEG of a kind that is not read here, e.g. "12-bit JPEG" or "arithmetic-coded JPEG".
    case unsupportedVariant(String)
    /// More pixels than a logo can sensibly have; decoding it would cost too much memory.
    case tooLarge(width: Int, height: Int)
    /// The file ends early or its data contradicts itself.
    case corrupt(String)
}

/// The limits every decoder checks before it allocates pixels.
public enum ImageLimits {
    public static let maximumPixels = 16_777_216
    public static let maximumSide = 10_000

    static func check(width: Int, height: Int) throws(ImageProblem) {
        guard width > 0, height > 0 else { throw .corrupt("zero width or height") }
        guard width <= maximumSide, height <= maximumSide, width * height <= maximumPixels else {
            throw .tooLarge(width: width, height: height)
        }
    }
}

public enum ImageDecoder {
    /// Decodes a PNG or a JPEG, told apart by their signatures.
    public static func decode(_ bytes: [UInt8]) throws(ImageProblem) -> Bitmap {
        if bytes.starts(with: PNGDecoder.signature) { return try PNGDecoder.decode(bytes) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return try JPEGDecoder.decode(bytes) }
        throw .unsupportedType
    }
}
