/// The stemmers' shared handling of a word: decoded once from UTF-8 into a caller's buffer of
/// scalars, changed there in place, encoded once at the end. No allocation but the result.
enum ScalarBuffer {
    static let sharpS: UInt32 = 0xDF
    static let s: UInt32 = 0x73

    /// Decodes `utf8` into `p` and returns the number of scalars; with `sharpSAsSS`, ß becomes
    /// "ss" (two scalars for two bytes, so the UTF-8 length still bounds the buffer).
    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, into p: UnsafeMutablePointer<UInt32>, sharpSAsSS: Bool) -> Int {
        let src = utf8.baseAddress!
        let count = utf8.count
        var i = 0
        var k = 0
        while i < count {
            let b0 = UInt32(src[i])
            let c: UInt32
            if b0 < 0x80 {
                c = b0; i &+= 1
            } else if b0 < 0xE0 {
                c = (b0 & 0x1F) << 6 | UInt32(src[i &+ 1] & 0x3F); i &+= 2
            } else if b0 < 0xF0 {
                c = (b0 & 0x0F) << 12 | UInt32(src[i &+ 1] & 0x3F) << 6 | UInt32(src[i &+ 2] & 0x3F); i &+= 3
            } else {
                c = (b0 & 0x07) << 18 | UInt32(src[i &+ 1] & 0x3F) << 12 | UInt32(src[i &+ 2] & 0x3F) << 6
                    | UInt32(src[i &+ 3] & 0x3F); i &+= 4
            }
            if sharpSAsSS, c == sharpS {
                p[k] = s; p[k &+ 1] = s; k &+= 2
            } else {
                p[k] = c; k &+= 1
            }
        }
        return k
    }

    /// The first `n` scalars at `p` as a string.
    static func string(_ p: UnsafeMutablePointer<UInt32>, count n: Int) -> String {
        String(unsafeUninitializedCapacity: n * 4) { out -> Int in
            var k = 0
            for j in 0..<n {
                let c = p[j]
                if c < 0x80 {
                    out[k] = UInt8(truncatingIfNeeded: c); k += 1
                } else if c < 0x800 {
                    out[k] = UInt8(truncatingIfNeeded: 0xC0 | c >> 6)
                    out[k + 1] = UInt8(truncatingIfNeeded: 0x80 | c & 0x3F); k += 2
                } else if c < 0x10000 {
                    out[k] = UInt8(truncatingIfNeeded: 0xE0 | c >> 12)
                    out[k + 1] = UInt8(truncatingIfNeeded: 0x80 | c >> 6 & 0x3F)
                    out[k + 2] = UInt8(truncatingIfNeeded: 0x80 | c & 0x3F); k += 3
                } else {
                    out[k] = UInt8(truncatingIfNeeded: 0xF0 | c >> 18)
                    out[k + 1] = UInt8(truncatingIfNeeded: 0x80 | c >> 12 & 0x3F)
                    out[k + 2] = UInt8(truncatingIfNeeded: 0x80 | c >> 6 & 0x3F)
                    out[k + 3] = UInt8(truncatingIfNeeded: 0x80 | c & 0x3F); k += 4
                }
            }
            return k
        }
    }

    /// Whether the scalars at `p` ending at `end` are the ASCII literal `s`.
    @inline(__always)
    static func ends(_ p: UnsafeMutablePointer<UInt32>, _ s: StaticString, at end: Int) -> Bool {
        let m = s.utf8CodeUnitCount
        if m > end { return false }
        let q = s.utf8Start
        var j = 0
        let base = end &- m
        while j < m {
            if p[base &+ j] != UInt32(q[j]) { return false }
            j &+= 1
        }
        return true
    }
}
