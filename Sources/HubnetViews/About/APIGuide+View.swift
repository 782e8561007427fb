import HubnetCore
import Plot

/// The API explained for people: what it offers, how to sign requests, how errors read, with
/// examples to copy. The OpenAPI document beside it is the exact contract, for machines.
public enum APIGuideView {
    public static func render(publicURL: String, _ context: PageContext) -> String {
        let language = context.language
        func t(_ de: String, _ en: String) -> String { language == .de ? de : en }
        let base = publicURL + SiteURL.apiRoot
        return Layout.page(
            context, title: t("Die Hubnet-API", "The Hubnet API"),
            .h1(.text(t("Die Hubnet-API", "The Hubnet API"))),
            .p(.class("lead"), .text(t(
                "Alles, was die Seiten zeigen, gibt es auch als JSON: Hubs, Themen, das Verzeichnis, Partnersuche, Gesuche und Angebote. Lesen ist ohne Konto möglich; wer schreibt, braucht einen persönlichen Schlüssel.",
                "Everything the pages show is also available as JSON: hubs, topics, the directory, partner search, opportunities. Reading needs no account; writing needs a personal token."))),
            .div(.class("grid"),
                 .section(.class("card"),
                          .h2(.text(t("Der Vertrag", "The contract"))),
                          .p(.text(t("Das OpenAPI-Dokument (3.1) beschreibt jede Route, jeden Parameter und jede Antwort; Werkzeuge erzeugen daraus Clients.",
                                     "The OpenAPI document (3.1) describes every route, parameter and answer; tools generate clients from it."))),
                          .p(.a(.id("openapi-link"), .href(SiteURL.openAPIDocument), .text("openapi.json"))),
                          .p(.text(t("Basisadresse: ", "Base address: ")), .code(.text(base)))),
                 .section(.class("card"),
                          .h2(.text(t("Schlüssel", "Tokens"))),
                          .p(.text(t("Auf Ihrer Kontoseite legen Sie einen Schlüssel an: nur lesen oder lesen und schreiben, auf Wunsch mit Ablaufdatum. Er wird einmal gezeigt; senden Sie ihn als Bearer-Token.",
                                     "Create a token on your account page: read only, or read and write, optionally with an expiry date. It is shown once; send it as a bearer token."))),
                          .p(.a(.href(context.link(.accountTokens)), .text(t("Zu meinen Schlüsseln", "To my tokens")))))),
            .h2(.text(t("Beispiele", "Examples"))),
            .p(.text(t("Organisationen im Verzeichnis suchen (Deutsch oder Englisch, Synonyme werden erkannt):",
                       "Search the directory (German or English; synonyms are understood):"))),
            .pre(.class("example"), .code(.text("curl '\(base)/organisations?q=insurance&hub=cologne&per=5'"))),
            .p(.text(t("Passende Partner für eine Beschreibung, mit Begründung je Treffer:",
                       "Fitting partners for a description, with the reasons for each:"))),
            .pre(.class("example"), .code(.text("curl '\(base)/matches?q=KI+für+Lagerlogistik&limit=5'"))),
            .p(.text(t("Ein Gesuch veröffentlichen (Schlüssel mit Schreibrecht):", "Post an opportunity (a token with the write scope):"))),
            .pre(.class("example"), .code(.text("""
            curl -X POST '\(base)/opportunities' \\
              -H 'Authorization: Bearer $HUBNET_TOKEN' -H 'Content-Type: application/json' \\
              -d '{"organisation": "…", "kind": "challenge", "title": "…", "text": "…", "topics": ["logistics"]}'
            """))),
            .h2(.text(t("Fehler und Grenzen", "Errors and limits"))),
            .ul(
                .li(.text(t("Fehler kommen als „problem+json“ (RFC 9457) und nennen jedes Feld, das nicht passt.",
                            "Errors come as problem+json (RFC 9457) and name every field that does not fit."))),
                .li(.text(t("Zeiten sind ISO 8601 in UTC, Kennungen UUIDs in Kleinbuchstaben.",
                            "Times are ISO 8601 in UTC, identifiers lower-case UUIDs."))),
                .li(.text(t("Ein Schlüssel zum Lesen kann nichts ändern (403); ohne Schlüssel antwortet eine schreibende Route mit 401.",
                            "A read-only token cannot change anything (403); without a token a writing route answers 401."))))
        ).render()
    }
}
