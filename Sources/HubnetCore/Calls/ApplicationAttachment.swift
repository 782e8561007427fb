import Foundation

/// A file an applicant attached to a form field. The file lies on disk under a name of the
/// server's own (`stored`); the name the applicant gave is only shown, never used as a path.
public struct ApplicationAttachment: Codable, Hashable, Sendable {
    public let name: String
    public let size: Int
    public let type: String
    public let stored: String

    public init(name: String, size: Int, type: String, stored: String) {
        self.name = name
        self.size = size
        self.type = type
        self.stored = stored
    }

    /// The largest file an application takes, per field.
    public static let sizeLimit = 5 * 1024 * 1024

    /// The type the bytes themselves show (PDF, PNG or JPEG), whatever the file is called;
    /// nil for anything else.
    public static func type(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }

    /// Checks a file for a field, or names what is wrong with it in both languages.
    public static func problem(with bytes: [UInt8], field: ApplicationField) -> FieldProblem? {
        func problem(_ de: String, _ en: String) -> FieldProblem {
            FieldProblem(field: field.key, message: .init(de: "„\(field.label.de)“: \(de)", en: "'\(field.label.en)': \(en)"))
        }
        if bytes.count > sizeLimit {
            let megabytes = Double(bytes.count) / 1_048_576
            return problem(String(format: "Die Datei ist %.1f MB groß; erlaubt sind 5 MB.", megabytes).replacingOccurrences(of: ".", with: ","),
                           String(format: "the file has %.1f MB; 5 MB are allowed.", megabytes))
        }
        if bytes.isEmpty { return problem("Die Datei ist leer.", "the file is empty.") }
        if type(of: bytes) == nil {
            return problem("Bitte eine PDF-, PNG- oder JPEG-Datei hochladen.", "please upload a PDF, PNG or JPEG file.")
        }
        return nil
    }

    /// The answer a form field stores for it.
    public var answer: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    public init?(answer: String) {
        guard let decoded = try? JSONDecoder().decode(Self.self, from: Data(answer.utf8)) else { return nil }
        self = decoded
    }

    /// The applicant's name for the file, safe to show and to offer as a download name: no
    /// path, no control characters, at most 120 characters.
    public static func displayName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x202A...0x202E).contains($0.value)
            && !(0x2066...0x2069).contains($0.value) }.map(Character.init))
        let trimmed = clean.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "file" : String(trimmed.prefix(120))
    }
}
