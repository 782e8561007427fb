import Foundation
import Testing
@testable import HubnetImaging

/// The fixtures are one drawing — four coloured quadrants, 37 × 23 — in every variant the
/// decoders read (see Fixtures/make_fixtures.py).
struct ImagingTests {
    /// Damaged copies per fixture; HUBNET_FUZZ raises it for a longer hunt.
    static let damagedCopies = Int(ProcessInfo.processInfo.environment["HUBNET_FUZZ"] ?? "") ?? 300

    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let colours: [(UInt8, UInt8, UInt8)] = [(200, 30, 40), (30, 160, 60), (40, 60, 200), (240, 240, 240)]

    static func expected(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
        colours[(x >= 18 ? 1 : 0) + (y >= 11 ? 2 : 0)]
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    @Test(arguments: ["rgb.png", "rgba.png", "interlaced.png", "rgba16.png"])
    func colourPNGsDecodeToTheirExactPixels(_ name: String) throws {
        let bitmap = try ImageDecoder.decode(Self.fixture(name))
        #expect(bitmap.width == 37 && bitmap.height == 23)
        for y in 0..<23 {
            for x in 0..<37 {
                let pixel = bitmap.pixel(x, y), colour = Self.expected(x, y)
                #expect(pixel.r == colour.0 && pixel.g == colour.1 && pixel.b == colour.2, "\(name) at \(x),\(y)")
                let transparent = name.hasPrefix("rgba") && x < 5 && y < 5
                #expect(pixel.a == (transparent ? 0 : 255), "\(name) alpha at \(x),\(y)")
            }
        }
    }

    @Test func greyPNGsAtEightAndSixteenBitsAgree() throws {
        let grey = try ImageDecoder.decode(Self.fixture("grey.png"))
        let deep = try ImageDecoder.decode(Self.fixture("grey16.png"))
        // Pillow's luma weights and the plain mean in grey16 differ; both stay grey and ordered.
        #expect(grey.pixel(30, 20) == (240, 240, 240, 255))
        #expect(deep.pixel(30, 20) == (240, 240, 240, 255))
        #expect(deep.pixel(0, 0) == (90, 90, 90, 255))
    }

    @Test func bilevelAndPalettePNGsKeepTheirColours() throws {
        let bilevel = try ImageDecoder.decode(Self.fixture("bilevel.png"))
        #expect(bilevel.pixel(30, 20) == (255, 255, 255, 255))
        #expect(bilevel.pixel(0, 22) == (0, 0, 0, 255))
        let palette = try ImageDecoder.decode(Self.fixture("palette.png"))
        // Palette entry 0 is transparent; every other pixel shows its quadrant's colour.
        var transparent = 0
        for y in 0..<23 {
            for x in 0..<37 {
                let pixel = palette.pixel(x, y)
                if pixel.a == 0 { transparent += 1; continue }
                let colour = Self.expected(x, y)
                #expect(abs(Int(pixel.r) - Int(colour.0)) <= 8 && abs(Int(pixel.b) - Int(colour.2)) <= 8)
            }
        }
        #expect(transparent > 0 && transparent < 37 * 23 / 2)
    }

    /// Compared with libjpeg's decoding (through Pillow): the same pixels within a few levels,
    /// apart from libjpeg's smoother chroma upsampling along the colour edges.
    @Test(arguments: ["baseline420", "baseline444", "baseline422", "progressive", "restarts", "grey.jpg", "cmyk"])
    func jpegsDecodeLikeLibjpeg(_ name: String) throws {
        let file = name.hasSuffix(".jpg") ? name : "\(name).jpg"
        let bitmap = try ImageDecoder.decode(Self.fixture(file))
        let reference = try ImageDecoder.decode(Self.fixture(name.hasSuffix(".jpg") ? "\(name).rgb.png" : "\(name).rgb.png"))
        #expect(bitmap.width == reference.width && bitmap.height == reference.height)
        var total = 0, worstAwayFromEdges = 0
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width {
                let ours = bitmap.pixel(x, y), theirs = reference.pixel(x, y)
                let difference = max(abs(Int(ours.r) - Int(theirs.r)), abs(Int(ours.g) - Int(theirs.g)), abs(Int(ours.b) - Int(theirs.b)))
                total += difference
                if abs(x - 18) > 2, abs(y - 11) > 2 { worstAwayFromEdges = max(worstAwayFromEdges, difference) }
            }
        }
        let mean = Double(total) / Double(bitmap.width * bitmap.height)
        #expect(mean < 3, "\(name): mean difference \(mean)")
        #expect(worstAwayFromEdges <= 6, "\(name): worst difference \(worstAwayFromEdges)")
    }

    @Test func otherFilesAreRefusedByTheirContentNotTheirName() {
        let gif = Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 20)
        let svg = Array("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".utf8)
        #expect(throws: ImageProblem.unsupportedType) { try ImageDecoder.decode(gif) }
        #expect(throws: ImageProblem.unsupportedType) { try ImageDecoder.decode(svg) }
        #expect(throws: ImageProblem.unsupportedType) { try ImageDecoder.decode([]) }
    }

    @Test func truncatedAndCorruptFilesFailWithoutCrashing() throws {
        for name in ["rgb.png", "interlaced.png", "palette.png", "baseline420.jpg", "progressive.jpg", "restarts.jpg", "cmyk.jpg", "grey.jpg"] {
            let bytes = try Self.fixture(name)
            for length in stride(from: 3, to: bytes.count, by: max(1, bytes.count / 40)) {
                _ = try? ImageDecoder.decode(Array(bytes.prefix(length)))
            }
            // Seeded, so a failure here is the same failure on every machine.
            var generator = SplitMix(seed: UInt64(bytes.count))
            for _ in 0..<Self.damagedCopies {
                var damaged = bytes
                for _ in 0..<4 { damaged[Int.random(in: 8..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
                _ = try? ImageDecoder.decode(damaged)
            }
        }
        var short = try Self.fixture("rgb.png")
        short.removeLast(20)
        #expect(throws: ImageProblem.self) { try ImageDecoder.decode(short) }
    }

    @Test func hugeDimensionsAreRefusedBeforeAnyPixelIsAllocated() throws {
        // A PNG header claiming 60,000 × 60,000 pixels followed by nothing: a decompression bomb's opening.
        var png = PNGDecoder.signature
        var header: [UInt8] = []
        header.append(bigEndian: 60_000)
        header.append(bigEndian: 60_000)
        header += [8, 6, 0, 0, 0]
        png.appendChunk("IHDR", header)
        #expect(throws: ImageProblem.tooLarge(width: 60_000, height: 60_000)) { try ImageDecoder.decode(png) }
    }

    @Test func encodedPNGsDecodeToTheSamePixels() throws {
        for name in ["rgb.png", "rgba.png", "palette.png"] {
            let bitmap = try ImageDecoder.decode(Self.fixture(name))
            let again = try PNGDecoder.decode(PNGEncoder.encode(bitmap))
            #expect(again == bitmap, "\(name)")
        }
    }

    @Test func scalingKeepsProportionsAndAveragesColours() throws {
        // 600 × 300: left half red, right half transparent.
        var pixels: [UInt8] = []
        for _ in 0..<300 { for x in 0..<600 { pixels += x < 301 ? [255, 0, 0, 255] : [0, 0, 0, 0] } }
        let scaled = Bitmap(width: 600, height: 300, rgba: pixels).scaled(toFit: 256)
        #expect(scaled.width == 256 && scaled.height == 128)
        #expect(scaled.pixel(10, 10) == (255, 0, 0, 255))
        #expect(scaled.pixel(250, 10).a == 0)
        // The column across the edge is half covered: half transparent, but still pure red (no dark fringe).
        let edge = scaled.pixel(128, 64)
        #expect(edge.a > 0 && edge.a < 255)
        #expect(edge.r == 255 && edge.g == 0)

        let small = try ImageDecoder.decode(Self.fixture("rgb.png"))
        #expect(small.scaled(toFit: 256) == small)
    }
}
