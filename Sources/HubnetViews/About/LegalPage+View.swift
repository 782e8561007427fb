import Foundation
import HubnetCore
import Plot

/// The two pages a German site must have: Impressum (§ 5 DDG) and Datenschutzerklärung
/// (Art. 13 GDPR). Their text is the operator's, read from files; without one the page says
/// plainly that it is missing and where it belongs, so that no demo passes for a real notice.
public enum LegalPageView {
    public enum Kind: String, Sendable, CaseIterable {
        case imprint
        case privacy

        public var title: LocalizedText {
            switch self {
            case .imprint: LocalizedText(de: "Impressum", en: "Legal notice (Impressum)")
            case .privacy: LocalizedText(de: "Datenschutzerklärung", en: "Privacy notice")
            }
        }

        /// The file the operator puts in the legal folder, per language.
        public func fileName(_ language: SiteLanguage) -> String { "\(rawValue).\(language.rawValue).txt" }
    }

    /// `paragraphs` nil: the operator has not provided the text yet.
    public static func render(_ kind: Kind, paragraphs: [String]?, folder: String, _ context: PageContext) -> String {
        let language = context.language
        let missing = LocalizedText(
            de: "Der Betreiber dieser Installation hat diesen Text noch nicht hinterlegt. Er gehört in die Datei „\(kind.fileName(.de))“ im Ordner „\(folder)“ (Einstellung HUBNET_LEGAL_DIR); Absätze trennt eine Leerzeile.",
            en: "The operator of this installation has not provided this text yet. It belongs in the file \"\(kind.fileName(.en))\" in the folder \"\(folder)\" (setting HUBNET_LEGAL_DIR); a blank line separates paragraphs.")
        return Layout.page(
            context, title: kind.title[language],
            .h1(.text(kind.title[language])),
            .unwrap(paragraphs, { paragraphs in
                .div(.class("card legal"), .forEach(paragraphs) { .p(.text($0)) })
            }, else: .div(.class("notice"), .id("legal-missing"), .p(.text(missing[language]))))
        ).render()
    }

    /// A text file's paragraphs: blocks separated by blank lines, lines inside joined.
    public static func paragraphs(of text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n") }
            .filter { !$0.isEmpty }
    }
}
