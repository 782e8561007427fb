import HubnetCore
import Testing

@Suite struct TextRulesTests {
    @Test(arguments: ["Bad\u{0}Name", "\u{1B}[31mRed", "\u{FEFF}", "\u{202E}evil", "\u{200B}", "tab\there", "line\nbreak", "\u{85}next"])
    func controlAndInvisibleOnlyTextIsRefused(_ text: String) {
        #expect(!TextRules.isClean(text))
    }

    @Test(arguments: ["Kaikante Logistik", "Müller & Söhne GmbH", "München · Ludwigshafen", "日本語", "🚀 Launch", "O'Brien \"Labs\""])
    func ordinaryNamesInAnyScriptPass(_ text: String) {
        #expect(TextRules.isClean(text))
    }

    @Test func longTextsKeepTheirLines() {
        #expect(TextRules.isClean("Erste Zeile\nZweite Zeile\r\n\tEingerückt", multiline: true))
        #expect(!TextRules.isClean("Zeile\u{7}", multiline: true))
    }
}
