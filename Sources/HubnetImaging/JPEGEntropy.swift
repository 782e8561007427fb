/// JPEG's entropy coding (T.81 annex F): Huffman tables and the bit reader over the
/// byte-stuffed scan data.
extension JPEGDecoder {
    struct HuffmanTable {
        var symbols: [UInt8] = []
        /// Per code length 1…16: the largest code of that length (-1: none), and where its
        /// symbols start, relative to the smallest code of that length.
        var maximumCode = [Int](repeating: -1, count: 17)
        var offset = [Int](repeating: 0, count: 17)

        init() {}

        init(counts: [Int], symbols: [UInt8]) {
            self.symbols = symbols
            var code = 0, index = 0
            for length in 1...16 {
                offset[length] = index - code
                code += counts[length - 1]
                index += counts[length - 1]
                maximumCode[length] = counts[length - 1] > 0 ? code - 1 : -1
                code <<= 1
            }
        }
    }

    /// Reads the entropy-coded data: bytes 0xFF 0x00 stand for 0xFF; any other marker ends
    /// the data (what follows reads as zero bits, as decoders conventionally do).
    struct BitReader {
        let bytes: [UInt8]
        var position: Int
        var buffer: UInt64 = 0
        var count = 0
        var atMarker = false

        mutating func fill() {
            while count <= 56 {
                var byte: UInt8 = 0
                if !atMarker, position < bytes.count {
                    byte = bytes[position]
                    if byte == 0xFF {
                        let next = position + 1 < bytes.count ? bytes[position + 1] : 0xD9
                        if next == 0 {
                            position += 2
                        } else {
                            atMarker = true
                            byte = 0
                        }
                    } else {
                        position += 1
                    }
                }
                buffer |= UInt64(byte) << UInt64(56 - count)
                count += 8
            }
        }

        mutating func bits(_ n: Int) -> Int {
            if count < n { fill() }
            let value = Int(buffer >> UInt64(64 - n))
            buffer <<= UInt64(n)
            count -= n
            return value
        }

        mutating func bit() -> Int { bits(1) }

        /// A value of `size` bits, negative when its top bit is clear (T.81 F.2.2.1 EXTEND).
        mutating func receiveExtend(_ size: Int) throws(ImageProblem) -> Int {
            // A DC size comes from a table byte; past 16 bits no 8-bit JPEG has coefficients.
            guard size <= 16 else { throw .corrupt("a coefficient of \(size) bits") }
            let value = bits(size)
            return value < 1 << (size - 1) ? value - (1 << size) + 1 : value
        }

        mutating func decode(_ table: HuffmanTable) throws(ImageProblem) -> Int {
            var code = 0
            for length in 1...16 {
                code = code << 1 | bit()
                if code <= table.maximumCode[length] {
                    let index = table.offset[length] + code
                    guard index >= 0, index < table.symbols.count else { break }
                    return Int(table.symbols[index])
                }
            }
            throw .corrupt("an invalid Huffman code")
        }

        /// After a restart interval: drop the padding bits and step over the RSTn marker.
        mutating func restart() {
            buffer = 0
            count = 0
            atMarker = false
            while position + 1 < bytes.count, !(bytes[position] == 0xFF && (0xD0...0xD7).contains(bytes[position + 1])) {
                position += 1
            }
            position = min(bytes.count, position + 2)
        }
    }
}
