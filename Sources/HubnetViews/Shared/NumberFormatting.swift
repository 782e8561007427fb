import Foundation
import HubnetCore

extension Int {
    /// With the language's thousands separator: 1.000 in German, 1,000 in English.
    public func formatted(in language: SiteLanguage) -> String {
        formatted(.number.locale(Locale(identifier: language == .de ? "de_DE" : "en_GB")))
    }
}

extension Double {
    /// With the language's decimal separator and a fixed number of places: 5,1 in German,
    /// 5.1 in English.
    public func formatted(in language: SiteLanguage, places: Int) -> String {
        formatted(.number.precision(.fractionLength(places)).locale(Locale(identifier: language == .de ? "de_DE" : "en_GB")))
    }
}
