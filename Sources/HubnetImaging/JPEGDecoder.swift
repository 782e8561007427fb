import Foundation

/// Reads JPEG (ITU T.81) as cameras, phones and design tools write it: baseline and progressive
/// Huffman coding, any chroma subsampling, restart markers, greyscale, YCbCr, RGB and Adobe's
/// CMYK/YCCK. Not read: arithmetic coding, lossless and 12-bit JPEG, which practically no
/// logo uses.
public enum JPEGDecoder {
    public static func decode(_ bytes: [UInt8]) throws(ImageProblem) -> Bitmap {
        var decoder = Decoding(bytes)
        try decoder.run()
        return try decoder.bitmap()
    }

    static let zigzag: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
        28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
        54, 47, 55, 62, 63,
    ]

    struct Component {
        let id: UInt8
        let horizontal: Int, vertical: Int
        let quantisation: Int
        var blocksPerLine = 0, blocksPerColumn = 0
        /// Coefficients of every block, in natural (not zigzag) order, dequantised at the end.
        var coefficients: [Int16] = []
        var dcTable = 0, acTable = 0
        var prediction = 0
    }

    struct Decoding {
        let bytes: [UInt8]
        var position = 2
        var width = 0, height = 0
        var progressive = false
        var components: [Component] = []
        var quantisation = [[Int32]](repeating: [Int32](repeating: 1, count: 64), count: 4)
        var dcTables = [HuffmanTable](repeating: HuffmanTable(), count: 4)
        var acTables = [HuffmanTable](repeating: HuffmanTable(), count: 4)
        var restartInterval = 0
        var adobeTransform: Int?
        var maximumHorizontal = 1, maximumVertical = 1
        var mcusPerLine = 0, mcusPerColumn = 0
        var frameSeen = false, endSeen = false

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func u16(_ at: Int) throws(ImageProblem) -> Int {
            guard at + 1 < bytes.count else { throw .corrupt("the file ends inside a segment") }
            return Int(bytes[at]) << 8 | Int(bytes[at + 1])
        }

        mutating func run() throws(ImageProblem) {
            while !endSeen {
                // Markers may be padded with any number of 0xFF.
                guard position < bytes.count else {
                    if frameSeen { return }  // a missing EOI is common and harmless
                    throw .corrupt("the file ends before the image")
                }
                guard bytes[position] == 0xFF else { position += 1; continue }
                while position < bytes.count, bytes[position] == 0xFF { position += 1 }
                guard position < bytes.count else { break }
                let marker = bytes[position]
                position += 1
                switch marker {
                case 0xD8, 0x01, 0xD0...0xD7: continue
                case 0xD9: endSeen = true; continue
                default: break
                }
                let length = try u16(position)
                let start = position + 2, end = position + length
                guard length >= 2, end <= bytes.count else { throw .corrupt("segment \(marker) runs past the end") }
                switch marker {
                case 0xC0, 0xC1, 0xC2: try readFrame(start, end, progressive: marker == 0xC2)
                case 0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                    throw .unsupportedVariant(marker >= 0xC9 ? "arithmetic-coded JPEG" : "lossless or hierarchical JPEG")
                case 0xC4: try readHuffmanTables(start, end)
                case 0xDB: try readQuantisationTables(start, end)
                case 0xDD: restartInterval = try u16(start)
                case 0xEE:
                    if end - start >= 12, Array(bytes[start..<(start + 5)]) == Array("Adobe".utf8) {
                        adobeTransform = Int(bytes[start + 11])
                    }
                case 0xDA:
                    position = end
                    try readScan(start)
                    continue
                default: break  // APPn, COM and the rest carry nothing about the pixels we need
                }
                position = end
            }
            guard frameSeen else { throw .corrupt("no frame header") }
        }

        mutating func readFrame(_ start: Int, _ end: Int, progressive: Bool) throws(ImageProblem) {
            guard !frameSeen else { throw .unsupportedVariant("JPEG with more than one frame") }
            guard bytes[start] == 8 else { throw .unsupportedVariant("\(bytes[start])-bit JPEG") }
            self.progressive = progressive
            height = try u16(start + 1)
            width = try u16(start + 3)
            if height == 0 { throw .unsupportedVariant("JPEG whose height follows the pixels (DNL)") }
            try ImageLimits.check(width: width, height: height)
            let count = Int(bytes[start + 5])
            guard [1, 3, 4].contains(count), start + 6 + count * 3 <= end else { throw .unsupportedVariant("JPEG with \(count) colour components") }
            for index in 0..<count {
                let at = start + 6 + index * 3
                let sampling = bytes[at + 1]
                let component = Component(id: bytes[at], horizontal: Int(sampling >> 4), vertical: Int(sampling & 15),
                                          quantisation: Int(bytes[at + 2] & 3))
                guard (1...4).contains(component.horizontal), (1...4).contains(component.vertical) else { throw .corrupt("bad sampling factors") }
                components.append(component)
            }
            maximumHorizontal = components.map(\.horizontal).max()!
            maximumVertical = components.map(\.vertical).max()!
            mcusPerLine = (width + 8 * maximumHorizontal - 1) / (8 * maximumHorizontal)
            mcusPerColumn = (height + 8 * maximumVertical - 1) / (8 * maximumVertical)
            for index in components.indices {
                // Blocks are allocated for whole MCUs; the edge blocks beyond the image are decoded and dropped.
                components[index].blocksPerLine = mcusPerLine * components[index].horizontal
                components[index].blocksPerColumn = mcusPerColumn * components[index].vertical
                components[index].coefficients = [Int16](
                    repeating: 0, count: components[index].blocksPerLine * components[index].blocksPerColumn * 64)
            }
            frameSeen = true
        }

        mutating func readHuffmanTables(_ start: Int, _ end: Int) throws(ImageProblem) {
            var at = start
            while at < end {
                guard at + 17 <= end else { throw .corrupt("short Huffman table") }
                let kind = bytes[at] >> 4, slot = Int(bytes[at] & 3)
                let counts = (1...16).map { Int(bytes[at + $0]) }
                let total = counts.reduce(0, +)
                guard at + 17 + total <= end, total <= 256 else { throw .corrupt("short Huffman table") }
                let table = HuffmanTable(counts: counts, symbols: Array(bytes[(at + 17)..<(at + 17 + total)]))
                if kind == 0 { dcTables[slot] = table } else { acTables[slot] = table }
                at += 17 + total
            }
        }

        mutating func readQuantisationTables(_ start: Int, _ end: Int) throws(ImageProblem) {
            var at = start
            while at < end {
                let wide = bytes[at] >> 4 == 1, slot = Int(bytes[at] & 3)
                at += 1
                guard at + (wide ? 128 : 64) <= end else { throw .corrupt("short quantisation table") }
                var table = [Int32](repeating: 0, count: 64)
                for k in 0..<64 {
                    table[zigzag[k]] = wide ? Int32(try u16(at + 2 * k)) : Int32(bytes[at + k])
                }
                quantisation[slot] = table
                at += wide ? 128 : 64
            }
        }

        // MARK: - Scans

        mutating func readScan(_ start: Int) throws(ImageProblem) {
            guard frameSeen else { throw .corrupt("a scan before the frame header") }
            let count = Int(bytes[start])
            var members: [Int] = []
            for index in 0..<count {
                let at = start + 1 + index * 2
                guard let component = components.firstIndex(where: { $0.id == bytes[at] }) else { throw .corrupt("a scan names an unknown component") }
                components[component].dcTable = Int(bytes[at + 1] >> 4) & 3
                components[component].acTable = Int(bytes[at + 1] & 15) & 3
                members.append(component)
            }
            let at = start + 1 + count * 2
            let spectralStart = Int(bytes[at]), spectralEnd = Int(bytes[at + 1])
            let high = Int(bytes[at + 2] >> 4), low = Int(bytes[at + 2] & 15)
            guard spectralStart <= spectralEnd, spectralEnd < 64 else { throw .corrupt("bad spectral selection") }
            // T.81 G.1.1.1.2: successive approximation shifts by at most 13 bits.
            guard high <= 13, low <= 13 else { throw .corrupt("bad successive approximation") }
            var scan = Scan(spectralStart: progressive ? spectralStart : 0, spectralEnd: progressive ? spectralEnd : 63,
                            high: progressive ? high : 0, low: progressive ? low : 0)
            var reader = BitReader(bytes: bytes, position: position)
            for member in members { components[member].prediction = 0 }

            let single = members.count == 1
            let units: Int
            // Only the sizes are read out of a component here: a copy of the Component would
            // share its coefficient buffer, and the next write would copy the whole buffer.
            if single {
                let horizontal = components[members[0]].horizontal, vertical = components[members[0]].vertical
                let blocksPerLine = components[members[0]].blocksPerLine
                let across = (((width * horizontal + maximumHorizontal - 1) / maximumHorizontal) + 7) / 8
                let down = (((height * vertical + maximumVertical - 1) / maximumVertical) + 7) / 8
                units = across * down
                for unit in 0..<units {
                    try restartIfDue(unit, &reader, &scan, members)
                    let block = (unit / across) * blocksPerLine + unit % across
                    try decodeBlock(members[0], block, &reader, &scan)
                }
            } else {
                units = mcusPerLine * mcusPerColumn
                for unit in 0..<units {
                    try restartIfDue(unit, &reader, &scan, members)
                    let mcuRow = unit / mcusPerLine, mcuColumn = unit % mcusPerLine
                    for member in members {
                        let vertical = components[member].vertical, horizontal = components[member].horizontal
                        let blocksPerLine = components[member].blocksPerLine
                        for v in 0..<vertical {
                            for h in 0..<horizontal {
                                let row = mcuRow * vertical + v, column = mcuColumn * horizontal + h
                                try decodeBlock(member, row * blocksPerLine + column, &reader, &scan)
                            }
                        }
                    }
                }
            }
            position = reader.position
        }

        struct Scan {
            let spectralStart: Int, spectralEnd: Int, high: Int, low: Int
            var endOfBandRun = 0
        }

        mutating func restartIfDue(_ unit: Int, _ reader: inout BitReader, _ scan: inout Scan, _ members: [Int]) throws(ImageProblem) {
            guard restartInterval > 0, unit > 0, unit % restartInterval == 0 else { return }
            reader.restart()
            scan.endOfBandRun = 0
            for member in members { components[member].prediction = 0 }
        }

        mutating func decodeBlock(_ member: Int, _ block: Int, _ reader: inout BitReader, _ scan: inout Scan) throws(ImageProblem) {
            let base = block * 64
            let dc = dcTables[components[member].dcTable], ac = acTables[components[member].acTable]
            if !progressive {
                let size = try reader.decode(dc)
                let difference = size == 0 ? 0 : try reader.receiveExtend(size)
                components[member].prediction += difference
                components[member].coefficients[base] = Int16(truncatingIfNeeded: components[member].prediction)
                var k = 1
                while k < 64 {
                    let symbol = try reader.decode(ac)
                    let run = symbol >> 4, size = symbol & 15
                    if size == 0 {
                        if run != 15 { break }
                        k += 16
                        continue
                    }
                    k += run
                    guard k < 64 else { throw .corrupt("a block with more than 64 coefficients") }
                    components[member].coefficients[base + zigzag[k]] = Int16(truncatingIfNeeded: try reader.receiveExtend(size))
                    k += 1
                }
                return
            }
            if scan.spectralStart == 0 {
                // DC scans: first the high bits, then one bit per refinement.
                if scan.high == 0 {
                    let size = try reader.decode(dc)
                    let difference = size == 0 ? 0 : try reader.receiveExtend(size)
                    components[member].prediction += difference
                    components[member].coefficients[base] = Int16(truncatingIfNeeded: components[member].prediction * (1 << scan.low))
                } else if reader.bit() == 1 {
                    components[member].coefficients[base] |= Int16(truncatingIfNeeded: 1 << scan.low)
                }
                return
            }
            if scan.high == 0 {
                try firstACScan(member, base, ac, &reader, &scan)
            } else {
                try refineACScan(member, base, ac, &reader, &scan)
            }
        }

        mutating func firstACScan(_ member: Int, _ base: Int, _ ac: HuffmanTable, _ reader: inout BitReader, _ scan: inout Scan) throws(ImageProblem) {
            if scan.endOfBandRun > 0 {
                scan.endOfBandRun -= 1
                return
            }
            var k = scan.spectralStart
            while k <= scan.spectralEnd {
                let symbol = try reader.decode(ac)
                let run = symbol >> 4, size = symbol & 15
                if size == 0 {
                    if run < 15 {
                        scan.endOfBandRun = (1 << run) - 1 + (run > 0 ? reader.bits(run) : 0)
                        break
                    }
                    k += 16
                    continue
                }
                k += run
                guard k < 64 else { throw .corrupt("a block with more than 64 coefficients") }
                components[member].coefficients[base + zigzag[k]] = Int16(truncatingIfNeeded: try reader.receiveExtend(size) * (1 << scan.low))
                k += 1
            }
        }

        /// Successive approximation of AC coefficients (T.81 G.1.2.3), in the order libjpeg
        /// and stb_image read it: correction bits for coefficients already non-zero are
        /// interleaved with the zero run that leads to the next new one.
        mutating func refineACScan(_ member: Int, _ base: Int, _ ac: HuffmanTable, _ reader: inout BitReader, _ scan: inout Scan) throws(ImageProblem) {
            let bit = Int16(truncatingIfNeeded: 1 << scan.low)
            func refine(_ index: Int, _ component: inout Component, _ reader: inout BitReader) {
                let value = component.coefficients[index]
                if reader.bit() == 1, value & bit == 0 {
                    component.coefficients[index] = value >= 0 ? value &+ bit : value &- bit
                }
            }
            var k = scan.spectralStart
            if scan.endOfBandRun > 0 {
                scan.endOfBandRun -= 1
                while k <= scan.spectralEnd {
                    let index = base + zigzag[k]
                    if components[member].coefficients[index] != 0 { refine(index, &components[member], &reader) }
                    k += 1
                }
                return
            }
            while k <= scan.spectralEnd {
                let symbol = try reader.decode(ac)
                var run = symbol >> 4
                let size = symbol & 15
                var value: Int16 = 0
                if size == 0 {
                    if run < 15 {
                        scan.endOfBandRun = (1 << run) - 1 + (run > 0 ? reader.bits(run) : 0)
                        run = 64  // refine the rest of this block, place nothing new
                    }
                } else {
                    guard size == 1 else { throw .corrupt("a refinement larger than one bit") }
                    value = reader.bit() == 1 ? bit : 0 &- bit
                }
                while k <= scan.spectralEnd {
                    let index = base + zigzag[k]
                    k += 1
                    if components[member].coefficients[index] != 0 {
                        refine(index, &components[member], &reader)
                    } else {
                        if run == 0 {
                            components[member].coefficients[index] = value
                            break
                        }
                        run -= 1
                    }
                }
            }
        }

        // MARK: - Pixels

        func bitmap() throws(ImageProblem) -> Bitmap {
            var planes: [[UInt8]] = []
            for component in components {
                let table = quantisation[component.quantisation]
                let stride = component.blocksPerLine * 8
                var plane = [UInt8](repeating: 0, count: stride * component.blocksPerColumn * 8)
                var block = [Int32](repeating: 0, count: 64)
                for row in 0..<component.blocksPerColumn {
                    for column in 0..<component.blocksPerLine {
                        let base = (row * component.blocksPerLine + column) * 64
                        for i in 0..<64 { block[i] = Int32(component.coefficients[base + i]) &* table[i] }
                        InverseDCT.transform(block, into: &plane, at: row * 8 * stride + column * 8, stride: stride)
                    }
                }
                planes.append(plane)
            }
            var rgba = [UInt8](repeating: 255, count: width * height * 4)
            let fullPlanes = components.indices.map { upsampled(planes[$0], components[$0]) }
            let ids = components.map(\.id)
            let transform: ColourTransform = switch components.count {
            case 1: .grey
            case 3: adobeTransform == 0 || ids == Array("RGB".utf8) ? .rgb : .ycbcr
            default: adobeTransform == 2 ? .ycck : .cmyk
            }
            for y in 0..<height {
                for x in 0..<width {
                    let at = y * width + x
                    let sample = (Int(fullPlanes[0][at]), fullPlanes.count > 1 ? Int(fullPlanes[1][at]) : 0,
                                  fullPlanes.count > 2 ? Int(fullPlanes[2][at]) : 0, fullPlanes.count > 3 ? Int(fullPlanes[3][at]) : 0)
                    let target = (y * width + x) * 4
                    let (r, g, b) = transform.rgb(sample)
                    rgba[target] = r; rgba[target + 1] = g; rgba[target + 2] = b
                }
            }
            return Bitmap(width: width, height: height, rgba: rgba)
        }

        /// A component's plane at the image's full size. Subsampled chroma is interpolated
        /// between sample centres (for 2× this is libjpeg's "fancy" triangle filter), so
        /// colour edges do not turn into 8-pixel staircases.
        func upsampled(_ plane: [UInt8], _ component: Component) -> [UInt8] {
            let stride = component.blocksPerLine * 8
            let scaleX = maximumHorizontal / component.horizontal, scaleY = maximumVertical / component.vertical
            let sampledWidth = (width * component.horizontal + maximumHorizontal - 1) / maximumHorizontal
            let sampledHeight = (height * component.vertical + maximumVertical - 1) / maximumVertical
            func positions(_ count: Int, _ scale: Int, _ limit: Int) -> [(Int, Int, Double)] {
                (0..<count).map { full in
                    let centre = max(0, (Double(full) + 0.5) / Double(scale) - 0.5)
                    let low = min(Int(centre), limit - 1)
                    return (low, min(low + 1, limit - 1), centre - Double(low))
                }
            }
            let xs = positions(width, scaleX, sampledWidth), ys = positions(height, scaleY, sampledHeight)
            var full = [UInt8](repeating: 0, count: width * height)
            for y in 0..<height {
                let (top, bottom, down) = ys[y]
                for x in 0..<width {
                    let (left, right, across) = xs[x]
                    let upper = Double(plane[top * stride + left]) * (1 - across) + Double(plane[top * stride + right]) * across
                    let lower = Double(plane[bottom * stride + left]) * (1 - across) + Double(plane[bottom * stride + right]) * across
                    full[y * width + x] = UInt8(max(0, min(255, (upper * (1 - down) + lower * down).rounded())))
                }
            }
            return full
        }
    }
}
