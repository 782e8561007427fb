import HubnetCore
import Plot

/// An organisation's logo beside its name. Cards leave the alternative text empty: the name
/// stands right next to it, and a screen reader need not read it twice.
enum OrganisationLogo {
    enum Size: Int {
        case card = 40
        case profile = 72
    }

    static func image(_ organisation: Organisation, _ size: Size, alt: String = "") -> Node<HTML.BodyContext> {
        .unwrap(organisation.logoVersion) { version in
            .img(.class("logo logo-\(size)"), .src(SiteURL.logo(of: organisation.id, version: version)), .alt(alt),
                 .attribute(named: "width", value: String(size.rawValue)), .attribute(named: "height", value: String(size.rawValue)),
                 .attribute(named: "loading", value: "lazy"))
        }
    }
}

/// The words of the logo section of the organisation form.
struct LogoStrings {
    let title: String
    let hint: String
    let none: String
    let file: String
    let upload: String
    let remove: String
    let afterSaving: String
    let altText: (String) -> String

    static func `for`(_ language: SiteLanguage) -> LogoStrings {
        switch language {
        case .de:
            LogoStrings(
                title: "Logo",
                hint: "PNG oder JPEG, höchstens 2 MB. Hubnet verkleinert es auf höchstens 256 × 256 Pixel; quadratische Logos wirken am besten.",
                none: "Noch kein Logo.", file: "Bilddatei", upload: "Logo hochladen", remove: "Logo entfernen",
                afterSaving: "Ein Logo können Sie hinzufügen, sobald das Profil gespeichert ist.",
                altText: { "Logo von \($0)" })
        case .en:
            LogoStrings(
                title: "Logo",
                hint: "PNG or JPEG, at most 2 MB. Hubnet scales it to at most 256 × 256 pixels; square logos look best.",
                none: "No logo yet.", file: "Image file", upload: "Upload logo", remove: "Remove logo",
                afterSaving: "You can add a logo once the profile is saved.",
                altText: { "Logo of \($0)" })
        }
    }
}
