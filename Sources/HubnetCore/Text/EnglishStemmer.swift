import Foundation

/// The Snowball English (Porter2) stemming algorithm (snowballstem.org, "The English (Porter2)
/// stemming algorithm", as of Snowball 3.1): exceptional forms, R1 prefixes (gener commun arsen
/// past univers later emerg organ inter), y marking, steps 0, 1a, 1b, 1c, 2, 3, 4 and 5.
///
/// Input is one lower-case word. The word is decoded once into a buffer of Unicode scalars on
/// the stack and every step works on that buffer in place; suffixes are compared against
/// static ASCII literals, so a call allocates nothing but the returned string (and not even
/// that for words of up to 15 UTF-8 bytes).
public enum EnglishStemmer {
    public static func stem(_ word: String) -> String {
        var contiguous = word
        return contiguous.withUTF8 { utf8 -> String in
            if let exception = exceptionalForm(utf8) { return exception }
            // Words of fewer than three letters stay as they are; checking bytes first skips
            // the decoding for the common case.
            if utf8.count < 3 { return word }
            // Stemming never makes a word longer than its input plus one letter (step 1b
            // adds e only after removing at least two), and no scalar takes more than one
            // buffer element per UTF-8 byte.
            return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: utf8.count + 2) { buffer -> String in
                var w = EnglishWord(buffer.baseAddress!, decoding: utf8)
                if w.n < 3 { return word }
                w.run()
                return w.string()
            }
        }
    }

    /// skis skies idly gently ugly early only singly get special stems; sky news howe atlas
    /// cosmos bias andes stay as they are.
    private static func exceptionalForm(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        let count = utf8.count
        guard count >= 3 && count <= 6 else { return nil }
        @inline(__always) func equals(_ s: StaticString) -> Bool {
            guard s.utf8CodeUnitCount == count else { return false }
            return memcmp(utf8.baseAddress!, s.utf8Start, count) == 0
        }
        switch utf8[count - 1] {
        case 0x73: // s
            if equals("skis") { return "ski" }
            if equals("skies") { return "sky" }
            if equals("news") { return "news" }
            if equals("atlas") { return "atlas" }
            if equals("cosmos") { return "cosmos" }
            if equals("bias") { return "bias" }
            if equals("andes") { return "andes" }
        case 0x79: // y
            if equals("idly") { return "idl" }
            if equals("gently") { return "gentl" }
            if equals("ugly") { return "ugli" }
            if equals("early") { return "earli" }
            if equals("only") { return "onli" }
            if equals("singly") { return "singl" }
            if equals("sky") { return "sky" }
        case 0x65: // e
            if equals("howe") { return "howe" }
        default:
            break
        }
        return nil
    }
}

private enum E {
    static let a: UInt32 = 0x61, b: UInt32 = 0x62, c: UInt32 = 0x63, d: UInt32 = 0x64, e: UInt32 = 0x65
    static let f: UInt32 = 0x66, g: UInt32 = 0x67, i: UInt32 = 0x69, l: UInt32 = 0x6C, m: UInt32 = 0x6D
    static let n: UInt32 = 0x6E, p: UInt32 = 0x70, r: UInt32 = 0x72, s: UInt32 = 0x73, t: UInt32 = 0x74
    static let u: UInt32 = 0x75, v: UInt32 = 0x76, y: UInt32 = 0x79, z: UInt32 = 0x7A, Y: UInt32 = 0x59
    static let apostrophe: UInt32 = 0x27

    /// a e i o u y
    @inline(__always) static func isVowel(_ c: UInt32) -> Bool {
        let k = c &- 0x61
        return k < 26 && (0x0110_4111 as UInt32) >> k & 1 != 0
    }

    /// a e i o u y w x Y — a short syllable's last letter is none of these.
    @inline(__always) static func isVowelWXY(_ c: UInt32) -> Bool {
        let k = c &- 0x61
        if k < 26 { return (0x01D0_4111 as UInt32) >> k & 1 != 0 }
        return c == Y
    }

    /// c d e g h k m n r t
    @inline(__always) static func isValidLiEnding(_ c: UInt32) -> Bool {
        let k = c &- 0x61
        return k < 26 && (0x000A_34DC as UInt32) >> k & 1 != 0
    }

    /// a e o
    @inline(__always) static func isAEO(_ c: UInt32) -> Bool {
        c == a || c == e || c == 0x6F
    }
}

/// The word being stemmed: `n` scalars at `p`, regions R1 = [p1, n) and R2 = [p2, n).
private struct EnglishWord {
    let p: UnsafeMutablePointer<UInt32>
    var n = 0
    var p1 = 0
    var p2 = 0
    var foundY = false

    init(_ p: UnsafeMutablePointer<UInt32>, decoding utf8: UnsafeBufferPointer<UInt8>) {
        self.p = p
        n = ScalarBuffer.decode(utf8, into: p, sharpSAsSS: false)
    }

    func string() -> String { ScalarBuffer.string(p, count: n) }

    mutating func run() {
        prelude()
        markRegions()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        postlude()
    }

    // MARK: Matching

    /// Whether the scalars ending at `end` are the ASCII literal `s`.
    @inline(__always) func ends(_ s: StaticString, at end: Int) -> Bool { ScalarBuffer.ends(p, s, at: end) }

    @inline(__always) func ends(_ s: StaticString) -> Bool { ends(s, at: n) }

    /// Whether the scalars before `end` are exactly the ASCII literal `s`.
    @inline(__always) func isExactly(_ s: StaticString, upTo end: Int) -> Bool {
        end == s.utf8CodeUnitCount && ends(s, at: end)
    }

    /// Whether the word starts with the ASCII literal `s`.
    @inline(__always) func starts(_ s: StaticString) -> Bool {
        let m = s.utf8CodeUnitCount
        if m > n { return false }
        let q = s.utf8Start
        var j = 0
        while j < m {
            if p[j] != UInt32(q[j]) { return false }
            j &+= 1
        }
        return true
    }

    /// Replaces everything from `start` to the end by the ASCII literal `s`.
    @inline(__always) mutating func replace(from start: Int, with s: StaticString) {
        let m = s.utf8CodeUnitCount
        let q = s.utf8Start
        var j = 0
        while j < m {
            p[start &+ j] = UInt32(q[j])
            j &+= 1
        }
        n = start &+ m
    }

    /// Whether the letters before `end` end in a short syllable: non-vowel (not w, x, Y), vowel,
    /// non-vowel; or vowel, non-vowel at the start of the word; or "past".
    @inline(__always) func endsShortSyllable(at end: Int) -> Bool {
        if end >= 3 {
            if !E.isVowelWXY(p[end &- 1]) && E.isVowel(p[end &- 2]) && !E.isVowel(p[end &- 3]) { return true }
        } else if end == 2 {
            if !E.isVowel(p[1]) && E.isVowel(p[0]) { return true }
        }
        return ends("past", at: end)
    }

    /// Whether a vowel occurs before `end`.
    @inline(__always) func hasVowel(before end: Int) -> Bool {
        var j = end &- 1
        while j >= 0 {
            if E.isVowel(p[j]) { return true }
            j &-= 1
        }
        return false
    }

    // MARK: Prelude, regions, postlude

    mutating func prelude() {
        if p[0] == E.apostrophe {
            for j in 1..<n { p[j &- 1] = p[j] }
            n &-= 1
        }
        if n > 0 && p[0] == E.y {
            p[0] = E.Y
            foundY = true
        }
        var j = 0
        while j &+ 1 < n {
            if p[j &+ 1] == E.y && E.isVowel(p[j]) {
                p[j &+ 1] = E.Y
                foundY = true
            }
            j &+= 1
        }
    }

    mutating func markRegions() {
        p1 = n
        p2 = n
        var c: Int
        if starts("gener") || starts("arsen") || starts("later") || starts("emerg") || starts("organ")
            || starts("inter") {
            c = 5
        } else if starts("commun") {
            c = 6
        } else if starts("past") {
            c = 4
        } else if starts("univers") {
            c = 7
        } else {
            c = 0
            while c < n && !E.isVowel(p[c]) { c &+= 1 }
            if c == n { return }
            c &+= 1
            while c < n && E.isVowel(p[c]) { c &+= 1 }
            if c == n { return }
            c &+= 1
        }
        p1 = c
        while c < n && !E.isVowel(p[c]) { c &+= 1 }
        if c == n { return }
        c &+= 1
        while c < n && E.isVowel(p[c]) { c &+= 1 }
        if c == n { return }
        p2 = c &+ 1
    }

    mutating func postlude() {
        guard foundY else { return }
        for j in 0..<n where p[j] == E.Y { p[j] = E.y }
    }

    // MARK: Steps

    /// Step 0 (remove ' 's 's') and step 1a (sses ied ies s us ss).
    mutating func step1a() {
        if n > 0 {
            if ends("'s'") { n &-= 3 }
            else if ends("'s") { n &-= 2 }
            else if p[n &- 1] == E.apostrophe { n &-= 1 }
        }
        guard n > 0 else { return }
        let last = p[n &- 1]
        if last == E.s {
            if ends("sses") {
                n &-= 2
            } else if ends("ies") {
                // i if more than one letter precedes, else ie
                n = n &- 3 >= 2 ? n &- 2 : n &- 1
            } else if ends("us") || ends("ss") {
                return
            } else {
                // delete s if a vowel occurs before the letter preceding it
                if n >= 2 && hasVowel(before: n &- 2) { n &-= 1 }
            }
        } else if last == E.d && ends("ied") {
            let s = n &- 3
            if s >= 2 {
                p[s] = E.i; n = s &+ 1
            } else {
                p[s] = E.i; p[s &+ 1] = E.e; n = s &+ 2
            }
        }
    }

    /// eed eedly (→ ee in R1, except proceed exceed succeed), ed edly ing ingly (with the -ing
    /// exceptions dying → die and inning outing canning herring earring evening).
    mutating func step1b() {
        guard n >= 2 else { return }
        var s: Int
        switch p[n &- 1] {
        case E.d:
            if ends("eed") {
                s = n &- 3
                if s >= p1 && !isExactly("proc", upTo: s) && !isExactly("exc", upTo: s) && !isExactly("succ", upTo: s) {
                    n = s &+ 2
                }
                return
            }
            guard ends("ed") else { return }
            s = n &- 2
        case E.y:
            if ends("eedly") {
                s = n &- 5
                if s >= p1 && !isExactly("proc", upTo: s) && !isExactly("exc", upTo: s) && !isExactly("succ", upTo: s) {
                    n = s &+ 2
                }
                return
            }
            if ends("ingly") { s = n &- 5 }
            else if ends("edly") { s = n &- 4 }
            else { return }
        case E.g:
            guard ends("ing") else { return }
            s = n &- 3
            if s == 2 && p[1] == E.y && !E.isVowel(p[0]) {
                // dying → die
                p[1] = E.i; p[2] = E.e; n = 3
                return
            }
            if isExactly("inn", upTo: s) || isExactly("out", upTo: s) || isExactly("cann", upTo: s)
                || isExactly("herr", upTo: s) || isExactly("earr", upTo: s) || isExactly("even", upTo: s) {
                return
            }
        default:
            return
        }
        guard hasVowel(before: s) else { return }
        n = s
        guard n >= 2 else {
            if n == p1 && endsShortSyllable(at: n) { p[n] = E.e; n &+= 1 }
            return
        }
        let last = p[n &- 1]
        let prev = p[n &- 2]
        if (prev == E.a && last == E.t) || (prev == E.b && last == E.l) || (prev == E.i && last == E.z) {
            p[n] = E.e; n &+= 1
        } else if last == prev && (last == E.b || last == E.d || last == E.f || last == E.g || last == E.m
                                   || last == E.n || last == E.p || last == E.r || last == E.t) {
            // undouble, except after exactly a, e or o (add, egg, off)
            if !(n == 3 && E.isAEO(p[0])) { n &-= 1 }
        } else if n == p1 && endsShortSyllable(at: n) {
            p[n] = E.e; n &+= 1
        }
    }

    /// y or Y → i after a non-vowel that is not the first letter.
    mutating func step1c() {
        guard n >= 3 else { return }
        let last = p[n &- 1]
        if (last == E.y || last == E.Y) && !E.isVowel(p[n &- 2]) {
            p[n &- 1] = E.i
        }
    }

    mutating func step2() {
        guard n >= 2 else { return }
        // The longest suffix is found first; it is replaced only if it lies in R1.
        switch p[n &- 1] {
        case E.l:
            if ends("ational") { r1(7, "ate") }
            else if ends("tional") { r1(6, "tion") }
        case E.n:
            if ends("ization") { r1(7, "ize") }
            else if ends("ation") { r1(5, "ate") }
        case E.s:
            if ends("fulness") { r1(7, "ful") }
            else if ends("ousness") { r1(7, "ous") }
            else if ends("iveness") { r1(7, "ive") }
        case E.r:
            if ends("izer") { r1(4, "ize") }
            else if ends("ator") { r1(4, "ate") }
        case E.m:
            if ends("alism") { r1(5, "al") }
        case E.t:
            if ends("ogist") { r1(5, "og") }
        case E.i:
            if ends("biliti") { r1(6, "ble") }
            else if ends("lessli") { r1(6, "less") }
            else if ends("entli") { r1(5, "ent") }
            else if ends("aliti") { r1(5, "al") }
            else if ends("ousli") { r1(5, "ous") }
            else if ends("iviti") { r1(5, "ive") }
            else if ends("fulli") { r1(5, "ful") }
            else if ends("enci") { r1(4, "ence") }
            else if ends("anci") { r1(4, "ance") }
            else if ends("abli") { r1(4, "able") }
            else if ends("alli") { r1(4, "al") }
            else if ends("bli") { r1(3, "ble") }
            else if ends("ogi") {
                let s = n &- 3
                if s >= p1 && s >= 1 && p[s &- 1] == E.l { replace(from: s, with: "og") }
            } else if ends("li") {
                let s = n &- 2
                if s >= p1 && s >= 1 && E.isValidLiEnding(p[s &- 1]) { n = s }
            }
        default:
            break
        }
    }

    mutating func step3() {
        guard n >= 3 else { return }
        switch p[n &- 1] {
        case E.l:
            if ends("ational") { r1(7, "ate") }
            else if ends("tional") { r1(6, "tion") }
            else if ends("ical") { r1(4, "ic") }
            else if ends("ful") { r1(3, "") }
        case E.e:
            if ends("alize") { r1(5, "al") }
            else if ends("icate") { r1(5, "ic") }
            else if ends("ative") {
                let s = n &- 5
                if s >= p1 && s >= p2 { n = s }
            }
        case E.i:
            if ends("iciti") { r1(5, "ic") }
        case E.s:
            if ends("ness") { r1(4, "") }
        default:
            break
        }
    }

    /// Replaces the last `m` letters by `s` if they lie in R1.
    @inline(__always) mutating func r1(_ m: Int, _ s: StaticString) {
        let start = n &- m
        if start >= p1 { replace(from: start, with: s) }
    }

    mutating func step4() {
        guard n >= 2 else { return }
        let m: Int
        switch p[n &- 1] {
        case E.l:
            if ends("al") { m = 2 } else { return }
        case E.e:
            if ends("ance") || ends("ence") || ends("able") || ends("ible") { m = 4 }
            else if ends("ate") || ends("ive") || ends("ize") { m = 3 }
            else { return }
        case E.r:
            if ends("er") { m = 2 } else { return }
        case E.c:
            if ends("ic") { m = 2 } else { return }
        case E.t:
            if ends("ement") { m = 5 }
            else if ends("ment") { m = 4 }
            else if ends("ant") || ends("ent") { m = 3 }
            else { return }
        case E.m:
            if ends("ism") { m = 3 } else { return }
        case E.i:
            if ends("iti") { m = 3 } else { return }
        case E.s:
            if ends("ous") { m = 3 } else { return }
        case E.n:
            if ends("ion") {
                let s = n &- 3
                if s >= p2 && s >= 1 && (p[s &- 1] == E.s || p[s &- 1] == E.t) { n = s }
            }
            return
        default:
            return
        }
        let s = n &- m
        if s >= p2 { n = s }
    }

    mutating func step5() {
        guard n >= 1 else { return }
        let s = n &- 1
        let last = p[s]
        if last == E.e {
            if s >= p2 || (s >= p1 && !endsShortSyllable(at: s)) { n = s }
        } else if last == E.l {
            if s >= p2 && s >= 1 && p[s &- 1] == E.l { n = s }
        }
    }
}
