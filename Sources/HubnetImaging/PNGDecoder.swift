import CompressNIO
import NIOCore

/// Reads PNG (ISO/IEC 15948): every colour type and bit depth, palettes with transparency,
/// and Adam7 interlacing. Chunk CRCs are not checked; zlib's own checksum guards the pixels.
public enum PNGDecoder {
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    struct Header {
        var width = 0, height = 0, bitDepth = 0, colourType = 0, interlaced = false

        var channels: Int {
            switch colourType {
            case 0, 3: 1
            case 2: 3
            case 4: 2
            default: 4
            }
        }

        var bitsPerPixel: Int { channels * bitDepth }
        /// The distance to the corresponding byte of the previous pixel, as the filters use it.
        var filterStep: Int { max(1, bitsPerPixel / 8) }
        func rowBytes(_ pixels: Int) -> Int { (pixels * bitsPerPixel + 7) / 8 }
    }

    public static func decode(_ bytes: [UInt8]) throws(ImageProblem) -> Bitmap {
        guard bytes.starts(with: signature) else { throw .unsupportedType }
        var header: Header?
        var palette: [UInt8] = []
        var transparency: [UInt8] = []
        var compressed: [UInt8] = []
        var position = signature.count
        reading: while true {
            guard position + 8 <= bytes.count else { throw .corrupt("the file ends before its last chunk") }
            let length = Int(bigEndian32(bytes, position))
            let type = String(decoding: bytes[(position + 4)..<(position + 8)], as: UTF8.self)
            let start = position + 8
            guard length >= 0, start + length + 4 <= bytes.count else { throw .corrupt("chunk \(type) runs past the end") }
            let data = bytes[start..<(start + length)]
            switch type {
            case "IHDR":
                guard length == 13 else { throw .corrupt("bad IHDR") }
                var found = Header(width: Int(bigEndian32(bytes, start)), height: Int(bigEndian32(bytes, start + 4)),
                                   bitDepth: Int(bytes[start + 8]), colourType: Int(bytes[start + 9]))
                guard bytes[start + 10] == 0, bytes[start + 11] == 0, bytes[start + 12] <= 1 else {
                    throw .unsupportedVariant("PNG with an unknown compression, filter or interlace method")
                }
                found.interlaced = bytes[start + 12] == 1
                let allowedDepths: [Int: [Int]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
                guard allowedDepths[found.colourType]?.contains(found.bitDepth) == true else {
                    throw .corrupt("colour type \(found.colourType) with bit depth \(found.bitDepth)")
                }
                try ImageLimits.check(width: found.width, height: found.height)
                header = found
            case "PLTE": palette = Array(data)
            case "tRNS": transparency = Array(data)
            case "IDAT": compressed.append(contentsOf: data)
            case "IEND": break reading
            default:
                // Ancillary chunks (text, gamma, time) change nothing a logo needs; an unknown
                // critical chunk (upper-case first letter) means pixels we cannot interpret.
                if let first = type.utf8.first, first < 0x61 { throw .unsupportedVariant("PNG chunk \(type)") }
            }
            position = start + length + 4
        }
        guard let header else { throw .corrupt("no IHDR chunk") }
        if header.colourType == 3, palette.isEmpty { throw .corrupt("a palette image without a palette") }

        let passes = header.interlaced ? adam7 : [Pass(x: 0, y: 0, dx: 1, dy: 1)]
        let expected = passes.reduce(0) { total, pass in
            let (w, h) = pass.size(header.width, header.height)
            return w == 0 || h == 0 ? total : total + h * (1 + header.rowBytes(w))
        }
        let raw = try inflate(compressed, size: expected)

        var pixels = [UInt8](repeating: 0, count: header.width * header.height * 4)
        var offset = 0
        for pass in passes {
            let (w, h) = pass.size(header.width, header.height)
            guard w > 0, h > 0 else { continue }
            let rowBytes = header.rowBytes(w)
            var previous = [UInt8](repeating: 0, count: rowBytes)
            var row = [UInt8](repeating: 0, count: rowBytes)
            for y in 0..<h {
                let filter = raw[offset]
                row.replaceSubrange(0..<rowBytes, with: raw[(offset + 1)..<(offset + 1 + rowBytes)])
                offset += 1 + rowBytes
                try unfilter(&row, previous: previous, filter: filter, step: header.filterStep)
                for x in 0..<w {
                    let target = ((pass.y + y * pass.dy) * header.width + pass.x + x * pass.dx) * 4
                    write(x, of: row, header, palette: palette, transparency: transparency, into: &pixels, at: target)
                }
                swap(&previous, &row)
            }
        }
        return Bitmap(width: header.width, height: header.height, rgba: pixels)
    }

    struct Pass {
        let x: Int, y: Int, dx: Int, dy: Int
        func size(_ width: Int, _ height: Int) -> (Int, Int) {
            ((width - x + dx - 1) / dx, (height - y + dy - 1) / dy)
        }
    }

    static let adam7 = [
        Pass(x: 0, y: 0, dx: 8, dy: 8), Pass(x: 4, y: 0, dx: 8, dy: 8), Pass(x: 0, y: 4, dx: 4, dy: 8),
        Pass(x: 2, y: 0, dx: 4, dy: 4), Pass(x: 0, y: 2, dx: 2, dy: 4), Pass(x: 1, y: 0, dx: 2, dy: 2),
        Pass(x: 0, y: 1, dx: 1, dy: 2),
    ]

    /// Inflates exactly `size` bytes: more means the file lies about its size (or is a bomb),
    /// less that it was cut off.
    static func inflate(_ compressed: [UInt8], size: Int) throws(ImageProblem) -> [UInt8] {
        var input = ByteBuffer(bytes: compressed)
        var output = ByteBufferAllocator().buffer(capacity: size)
        do {
            try input.decompress(to: &output, with: .zlib())
        } catch {
            throw .corrupt("the compressed pixel data does not unpack to the image's size")
        }
        guard output.readableBytes == size, let raw = output.readBytes(length: size) else {
            throw .corrupt("the pixel data is shorter than the image")
        }
        return raw
    }

    static func unfilter(_ row: inout [UInt8], previous: [UInt8], filter: UInt8, step: Int) throws(ImageProblem) {
        switch filter {
        case 0: break
        case 1: for i in step..<max(step, row.count) { row[i] &+= row[i - step] }
        case 2: for i in 0..<row.count { row[i] &+= previous[i] }
        case 3:
            for i in 0..<row.count {
                let left = i >= step ? Int(row[i - step]) : 0
                row[i] &+= UInt8((left + Int(previous[i])) / 2)
            }
        case 4:
            for i in 0..<row.count {
                let a = i >= step ? Int(row[i - step]) : 0
                let b = Int(previous[i])
                let c = i >= step ? Int(previous[i - step]) : 0
                let p = a + b - c
                let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                row[i] &+= UInt8(pa <= pb && pa <= pc ? a : (pb <= pc ? b : c))
            }
        default: throw .corrupt("unknown row filter \(filter)")
        }
    }

    /// Pixel `x` of an unfiltered row as RGBA.
    static func write(_ x: Int, of row: [UInt8], _ header: Header, palette: [UInt8], transparency: [UInt8],
                      into pixels: inout [UInt8], at target: Int) {
        func sample(_ index: Int) -> Int {
            switch header.bitDepth {
            case 16: return Int(row[index * 2]) << 8 | Int(row[index * 2 + 1])
            case 8: return Int(row[index])
            default:
                let bit = index * header.bitDepth
                let shift = 8 - header.bitDepth - bit % 8
                return Int(row[bit / 8] >> UInt8(shift)) & ((1 << header.bitDepth) - 1)
            }
        }
        /// A sample scaled to 0…255 (16-bit keeps its high byte; 1-, 2-, 4-bit are stretched).
        func byte(_ value: Int) -> UInt8 {
            switch header.bitDepth {
            case 16: UInt8(value >> 8)
            case 8: UInt8(value)
            default: UInt8(value * 255 / ((1 << header.bitDepth) - 1))
            }
        }
        /// tRNS for grey and RGB names one colour (in the image's own depth) as transparent.
        func keyed(_ values: [Int]) -> Bool {
            guard transparency.count >= values.count * 2 else { return false }
            return values.indices.allSatisfy { Int(transparency[$0 * 2]) << 8 | Int(transparency[$0 * 2 + 1]) == values[$0] }
        }
        let channels = header.channels
        switch header.colourType {
        case 0:
            let grey = sample(x)
            let value = byte(grey)
            pixels[target] = value; pixels[target + 1] = value; pixels[target + 2] = value
            pixels[target + 3] = keyed([grey]) ? 0 : 255
        case 2:
            let rgb = [sample(x * 3), sample(x * 3 + 1), sample(x * 3 + 2)]
            pixels[target] = byte(rgb[0]); pixels[target + 1] = byte(rgb[1]); pixels[target + 2] = byte(rgb[2])
            pixels[target + 3] = keyed(rgb) ? 0 : 255
        case 3:
            let index = sample(x)
            if index * 3 + 2 < palette.count {
                pixels[target] = palette[index * 3]; pixels[target + 1] = palette[index * 3 + 1]; pixels[target + 2] = palette[index * 3 + 2]
            }
            pixels[target + 3] = index < transparency.count ? transparency[index] : 255
        case 4:
            let value = byte(sample(x * channels))
            pixels[target] = value; pixels[target + 1] = value; pixels[target + 2] = value
            pixels[target + 3] = byte(sample(x * channels + 1))
        default:
            for channel in 0..<4 { pixels[target + channel] = byte(sample(x * channels + channel)) }
        }
    }

    static func bigEndian32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }
}
