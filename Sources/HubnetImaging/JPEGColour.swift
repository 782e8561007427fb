/// From JPEG's colour components to RGB, Adobe's inverted CMYK included.
extension JPEGDecoder {
    enum ColourTransform {
        case grey, rgb, ycbcr, cmyk, ycck

        func rgb(_ sample: (Int, Int, Int, Int)) -> (UInt8, UInt8, UInt8) {
            switch self {
            case .grey: let v = UInt8(sample.0); return (v, v, v)
            case .rgb: return (UInt8(sample.0), UInt8(sample.1), UInt8(sample.2))
            case .ycbcr: return Self.fromYCbCr(sample.0, sample.1, sample.2)
            case .cmyk:
                // Adobe writes CMYK inverted: 255 means no ink.
                return (Self.ink(sample.0, sample.3), Self.ink(sample.1, sample.3), Self.ink(sample.2, sample.3))
            case .ycck:
                let (r, g, b) = Self.fromYCbCr(sample.0, sample.1, sample.2)
                return (Self.ink(255 - Int(r), sample.3), Self.ink(255 - Int(g), sample.3), Self.ink(255 - Int(b), sample.3))
            }
        }

        static func fromYCbCr(_ y: Int, _ cb: Int, _ cr: Int) -> (UInt8, UInt8, UInt8) {
            let luma = Double(y), blue = Double(cb - 128), red = Double(cr - 128)
            return (clamp(luma + 1.402 * red), clamp(luma - 0.344136 * blue - 0.714136 * red), clamp(luma + 1.772 * blue))
        }

        static func ink(_ colour: Int, _ black: Int) -> UInt8 { UInt8((colour * black + 127) / 255) }

        static func clamp(_ value: Double) -> UInt8 { UInt8(max(0, min(255, value.rounded()))) }
    }
}
