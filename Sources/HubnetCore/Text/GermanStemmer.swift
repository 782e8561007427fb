import Foundation

/// The Snowball German stemming algorithm (snowballstem.org, "The German stemming algorithm",
/// as of Snowball 3.1: umlaut transliterations ae/oe/ue, -system, -ln/-lns, -erin/-erinnen,
/// -et and the apostrophe step included).
///
/// Input is one lower-case word. The word is decoded once into a buffer of Unicode scalars on
/// the stack and every step works on that buffer in place; suffixes are compared against
/// static ASCII literals, so a call allocates nothing but the returned string (and not even
/// that for words of up to 15 UTF-8 bytes).
public enum GermanStemmer {
    public static func stem(_ word: String) -> String {
        var contiguous = word
        return contiguous.withUTF8 { utf8 -> String in
            if utf8.isEmpty { return "" }
            // ß (2 bytes) becomes "ss" (2 scalars); every other scalar takes at least as many
            // bytes as it takes scalars, so the UTF-8 length bounds the buffer.
            return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: utf8.count + 1) { buffer -> String in
                var w = GermanWord(buffer.baseAddress!, decoding: utf8)
                w.run()
                return w.string()
            }
        }
    }
}

private enum G {
    static let a: UInt32 = 0x61, d: UInt32 = 0x64, e: UInt32 = 0x65, g: UInt32 = 0x67, h: UInt32 = 0x68
    static let k: UInt32 = 0x6B, l: UInt32 = 0x6C, m: UInt32 = 0x6D, n: UInt32 = 0x6E, o: UInt32 = 0x6F
    static let q: UInt32 = 0x71, r: UInt32 = 0x72, s: UInt32 = 0x73, t: UInt32 = 0x74, u: UInt32 = 0x75
    static let y: UInt32 = 0x79, U: UInt32 = 0x55, Y: UInt32 = 0x59
    static let aUmlaut: UInt32 = 0xE4, oUmlaut: UInt32 = 0xF6, uUmlaut: UInt32 = 0xFC
    static let apostrophe: UInt32 = 0x27

    /// a e i o u y ä ö ü
    @inline(__always) static func isVowel(_ c: UInt32) -> Bool {
        let d = c &- 0x61
        if d < 26 { return (0x0110_4111 as UInt32) >> d & 1 != 0 }
        return c == aUmlaut || c == oUmlaut || c == uUmlaut
    }

    /// b d f g h k l m n r t
    @inline(__always) static func isSEnding(_ c: UInt32) -> Bool {
        let d = c &- 0x61
        return d < 26 && (0x000A_3CEA as UInt32) >> d & 1 != 0
    }

    /// b d f g h k l m n t
    @inline(__always) static func isStEnding(_ c: UInt32) -> Bool {
        let d = c &- 0x61
        return d < 26 && (0x0008_3CEA as UInt32) >> d & 1 != 0
    }

    /// d f g k l m n r s t U z ä
    @inline(__always) static func isEtEnding(_ c: UInt32) -> Bool {
        let d = c &- 0x61
        if d < 26 { return (0x020E_3C68 as UInt32) >> d & 1 != 0 }
        return c == U || c == aUmlaut
    }
}

/// The word being stemmed: `n` scalars at `p`, regions R1 = [p1, n) and R2 = [p2, n).
private struct GermanWord {
    let p: UnsafeMutablePointer<UInt32>
    var n = 0
    var p1 = 0
    var p2 = 0

    /// Decodes UTF-8 and, as the first mapping of the prelude does, writes ß as "ss". (Doing it
    /// before marking u and y between vowels changes nothing: neither ß nor s is a vowel, u or y.)
    init(_ p: UnsafeMutablePointer<UInt32>, decoding utf8: UnsafeBufferPointer<UInt8>) {
        self.p = p
        n = ScalarBuffer.decode(utf8, into: p, sharpSAsSS: true)
    }

    func string() -> String { ScalarBuffer.string(p, count: n) }

    mutating func run() {
        prelude()
        markRegions()
        step1()
        step2()
        step3()
        step4()
        postlude()
    }

    // MARK: Matching

    /// Whether the scalars ending at `end` are the ASCII literal `s`.
    @inline(__always) func ends(_ s: StaticString, at end: Int) -> Bool { ScalarBuffer.ends(p, s, at: end) }

    @inline(__always) func ends(_ s: StaticString) -> Bool { ends(s, at: n) }

    // MARK: Prelude, regions, postlude

    mutating func prelude() {
        // Put u and y between vowels into upper case (left to right, as Snowball's
        // `repeat goto` does: a marked letter is no longer a vowel).
        var j = 0
        while j &+ 2 < n {
            if G.isVowel(p[j]) {
                let c = p[j &+ 1]
                if c == G.u {
                    if G.isVowel(p[j &+ 2]) { p[j &+ 1] = G.U }
                } else if c == G.y {
                    if G.isVowel(p[j &+ 2]) { p[j &+ 1] = G.Y }
                }
            }
            j &+= 1
        }
        // ß → ss was done while decoding; now ae → ä, oe → ö, ue → ü, except the u of qu.
        var r = 0
        var w = 0
        while r < n {
            let c = p[r]
            if r &+ 1 < n {
                let next = p[r &+ 1]
                if next == G.e && (c == G.a || c == G.o || c == G.u) {
                    p[w] = c == G.a ? G.aUmlaut : (c == G.o ? G.oUmlaut : G.uUmlaut)
                    w &+= 1; r &+= 2
                    continue
                }
                if c == G.q && next == G.u {
                    p[w] = c; p[w &+ 1] = next
                    w &+= 2; r &+= 2
                    continue
                }
            }
            p[w] = c
            w &+= 1; r &+= 1
        }
        n = w
    }

    mutating func markRegions() {
        p1 = n
        p2 = n
        if n < 3 { return }
        var c = 0
        while c < n && !G.isVowel(p[c]) { c &+= 1 }
        if c == n { return }
        c &+= 1
        while c < n && G.isVowel(p[c]) { c &+= 1 }
        if c == n { return }
        c &+= 1
        // The region before R1 holds at least three letters; R2 is still searched from
        // where R1 was found.
        p1 = c < 3 ? 3 : c
        while c < n && !G.isVowel(p[c]) { c &+= 1 }
        if c == n { return }
        c &+= 1
        while c < n && G.isVowel(p[c]) { c &+= 1 }
        if c == n { return }
        p2 = c &+ 1
    }

    mutating func postlude() {
        for j in 0..<n {
            switch p[j] {
            case G.Y: p[j] = G.y
            case G.U, G.uUmlaut: p[j] = G.u
            case G.aUmlaut: p[j] = G.a
            case G.oUmlaut: p[j] = G.o
            default: break
            }
        }
    }

    // MARK: Steps

    /// em (not after syst), ern er erin erinnen, e en es (then -niss → -nis), s (after a valid
    /// s-ending), ln lns (→ l) — the longest one found, if it lies in R1.
    mutating func step1() {
        guard n > 0 else { return }
        enum Kind { case em, plain, e, s, ln }
        let kind: Kind
        let m: Int
        switch p[n &- 1] {
        case G.n:
            if ends("erinnen") { kind = .plain; m = 7 }
            else if ends("erin") { kind = .plain; m = 4 }
            else if ends("ern") { kind = .plain; m = 3 }
            else if ends("en") { kind = .e; m = 2 }
            else if ends("ln") { kind = .ln; m = 2 }
            else { return }
        case G.s:
            if ends("lns") { kind = .ln; m = 3 }
            else if ends("es") { kind = .e; m = 2 }
            else { kind = .s; m = 1 }
        case G.m:
            if ends("em") { kind = .em; m = 2 } else { return }
        case G.r:
            if ends("er") { kind = .plain; m = 2 } else { return }
        case G.e:
            kind = .e; m = 1
        default:
            return
        }
        let s = n &- m
        if s < p1 { return }
        switch kind {
        case .em:
            if !ends("syst", at: s) { n = s }
        case .plain:
            n = s
        case .e:
            n = s
            if ends("niss") { n &-= 1 }
        case .s:
            if s > 0 && G.isSEnding(p[s &- 1]) { n = s }
        case .ln:
            p[s] = G.l
            n = s &+ 1
        }
    }

    /// en er est, st (after a valid st-ending preceded by 3 or more letters), et (after a valid
    /// et-ending not ending geordn intern plan tick tr) — if in R1.
    mutating func step2() {
        guard n >= 2 else { return }
        let last = p[n &- 1]
        if last == G.n {
            if p[n &- 2] == G.e && n &- 2 >= p1 { n &-= 2 }
        } else if last == G.r {
            if p[n &- 2] == G.e && n &- 2 >= p1 { n &-= 2 }
        } else if last == G.t {
            let prev = p[n &- 2]
            if prev == G.s {
                if n >= 3 && p[n &- 3] == G.e {
                    if n &- 3 >= p1 { n &-= 3 }
                    return
                }
                let s = n &- 2
                if s >= p1 && s >= 4 && G.isStEnding(p[s &- 1]) { n = s }
            } else if prev == G.e {
                let s = n &- 2
                if s >= p1 && s >= 1 && G.isEtEnding(p[s &- 1])
                    && !ends("geordn", at: s) && !ends("intern", at: s) && !ends("plan", at: s)
                    && !ends("tick", at: s) && !ends("tr", at: s) {
                    n = s
                }
            }
        }
    }

    /// end ung (then -ig), ig ik isch (not after e), lich heit (then -er/-en in R1), keit (then
    /// -lich/-ig) — if in R2.
    mutating func step3() {
        guard n >= 2 else { return }
        enum Kind { case endUng, igIkIsch, lichHeit, keit }
        let kind: Kind
        let m: Int
        switch p[n &- 1] {
        case G.d:
            if ends("end") { kind = .endUng; m = 3 } else { return }
        case G.g:
            if ends("ung") { kind = .endUng; m = 3 }
            else if ends("ig") { kind = .igIkIsch; m = 2 }
            else { return }
        case G.k:
            if ends("ik") { kind = .igIkIsch; m = 2 } else { return }
        case G.h:
            if ends("isch") { kind = .igIkIsch; m = 4 }
            else if ends("lich") { kind = .lichHeit; m = 4 }
            else { return }
        case G.t:
            if ends("heit") { kind = .lichHeit; m = 4 }
            else if ends("keit") { kind = .keit; m = 4 }
            else { return }
        default:
            return
        }
        let s = n &- m
        if s < p2 { return }
        switch kind {
        case .endUng:
            n = s
            if ends("ig") && !(n >= 3 && p[n &- 3] == G.e) && n &- 2 >= p2 { n &-= 2 }
        case .igIkIsch:
            if !(s > 0 && p[s &- 1] == G.e) { n = s }
        case .lichHeit:
            n = s
            if (ends("er") || ends("en")) && n &- 2 >= p1 { n &-= 2 }
        case .keit:
            n = s
            if ends("lich") {
                if n &- 4 >= p2 { n &-= 4 }
            } else if ends("ig") {
                if n &- 2 >= p2 { n &-= 2 }
            }
        }
    }

    /// Apostrophe: remove 's, 'sch or ' if at least two letters remain.
    mutating func step4() {
        let s: Int
        if ends("'sch") { s = n &- 4 }
        else if ends("'s") { s = n &- 2 }
        else if n > 0 && p[n &- 1] == G.apostrophe { s = n &- 1 }
        else { return }
        if s >= 2 { n = s }
    }
}
