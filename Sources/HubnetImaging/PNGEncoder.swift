import CompressNIO
import NIOCore

/// Writes a bitmap as PNG: RGB when every pixel is opaque (a quarter smaller), RGBA otherwise,
/// each row with the filter that leaves the smallest residuals (the heuristic libpng uses).
public enum PNGEncoder {
    public static func encode(_ bitmap: Bitmap) -> [UInt8] {
        let opaque = bitmap.isOpaque
        let channels = opaque ? 3 : 4
        let rowBytes = bitmap.width * channels
        var raw: [UInt8] = []
        raw.reserveCapacity((rowBytes + 1) * bitmap.height)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var row = [UInt8](repeating: 0, count: rowBytes)
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width {
                let from = (y * bitmap.width + x) * 4
                for channel in 0..<channels { row[x * channels + channel] = bitmap.rgba[from + channel] }
            }
            let (filter, filtered) = bestFilter(row, previous: previous, step: channels)
            raw.append(filter)
            raw.append(contentsOf: filtered)
            swap(&previous, &row)
        }

        var input = ByteBuffer(bytes: raw)
        // Only allocation failure could stop zlib here: the buffer is sized by deflateBound.
        var compressed = try! input.compress(with: .zlib(configuration: .init(compressionLevel: .bestCompression)))

        var png = PNGDecoder.signature
        var header: [UInt8] = []
        header.append(bigEndian: UInt32(bitmap.width))
        header.append(bigEndian: UInt32(bitmap.height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", compressed.readBytes(length: compressed.readableBytes) ?? [])
        png.appendChunk("IEND", [])
        return png
    }

    static func bestFilter(_ row: [UInt8], previous: [UInt8], step: Int) -> (UInt8, [UInt8]) {
        var best: (UInt8, [UInt8], Int)?
        for filter in UInt8(0)...4 {
            var filtered = row
            for i in 0..<row.count {
                let a = i >= step ? Int(row[i - step]) : 0
                let b = Int(previous[i])
                let c = i >= step ? Int(previous[i - step]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                default:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                }
                filtered[i] = row[i] &- UInt8(predicted)
            }
            let cost = filtered.reduce(0) { $0 + Int(min($1, 0 &- $1)) }
            if best == nil || cost < best!.2 { best = (filter, filtered, cost) }
        }
        return (best!.0, best!.1)
    }
}

extension [UInt8] {
    mutating func append(bigEndian value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        append(bigEndian: UInt32(data.count))
        let typed = Array(type.utf8) + data
        append(contentsOf: typed)
        append(bigEndian: CRC32.checksum(typed))
    }
}

/// The CRC-32 PNG's chunks end with (ISO 3309, polynomial 0xEDB88320).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
