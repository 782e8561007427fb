import HubnetCore

/// The texts of the e-mails Hubnet sends, in the member's language.
public enum AccountMails {
    public static func confirmEmail(name: String, link: String, _ language: SiteLanguage) -> (subject: String, body: String) {
        switch language {
        case .de: ("Bitte bestätigen Sie Ihre E-Mail-Adresse", """
            Hallo \(name),

            willkommen bei Hubnet. Bitte bestätigen Sie Ihre Adresse mit diesem Link (48 Stunden gültig):

            \(link)

            Wenn Sie sich nicht registriert haben, können Sie diese Nachricht ignorieren.
            """)
        case .en: ("Please confirm your e-mail address", """
            Hello \(name),

            welcome to Hubnet. Please confirm your address with this link (valid for 48 hours):

            \(link)

            If you did not sign up, you can ignore this message.
            """)
        }
    }

    public static func resetPassword(name: String, link: String, _ language: SiteLanguage) -> (subject: String, body: String) {
        switch language {
        case .de: ("Neues Passwort für Hubnet", """
            Hallo \(name),

            mit diesem Link legen Sie ein neues Passwort fest (1 Stunde gültig):

            \(link)

            Wenn Sie das nicht angefordert haben, bleibt Ihr Passwort unverändert.
            """)
        case .en: ("A new password for Hubnet", """
            Hello \(name),

            set a new password with this link (valid for 1 hour):

            \(link)

            If you did not ask for this, your password stays as it is.
            """)
        }
    }

    /// Sent instead of a second account, so sign-up does not reveal which addresses exist.
    public static func alreadyRegistered(name: String, link: String, _ language: SiteLanguage) -> (subject: String, body: String) {
        switch language {
        case .de: ("Sie haben bereits ein Konto", """
            Hallo \(name),

            jemand wollte sich mit Ihrer Adresse bei Hubnet registrieren. Sie haben schon ein Konto.
            Falls Sie Ihr Passwort vergessen haben: \(link)
            """)
        case .en: ("You already have an account", """
            Hello \(name),

            someone tried to sign up to Hubnet with your address. You already have an account.
            If you forgot your password: \(link)
            """)
        }
    }

    /// `link` leads to the organisation's profile, where the member now edits it.
    public static func claimDecided(name: String, organisation: String, approved: Bool, link: String,
                                    _ language: SiteLanguage) -> (subject: String, body: String) {
        switch (language, approved) {
        case (.de, true): ("Ihr Anspruch auf \(organisation) ist bestätigt",
                           "Hallo \(name),\n\nSie handeln jetzt in Hubnet für \(organisation). Das Profil pflegen Sie hier:\n\n\(link)")
        case (.de, false): ("Ihr Anspruch auf \(organisation) wurde abgelehnt",
                            "Hallo \(name),\n\nder Hub hat Ihren Anspruch auf \(organisation) abgelehnt. Bei Fragen hilft die Hub-Agentur.\n\n\(link)")
        case (.en, true): ("Your claim for \(organisation) is approved",
                           "Hello \(name),\n\nyou now act for \(organisation) in Hubnet. You keep its profile up to date here:\n\n\(link)")
        case (.en, false): ("Your claim for \(organisation) was declined",
                            "Hello \(name),\n\nthe hub declined your claim for \(organisation). The hub agency can help with questions.\n\n\(link)")
        }
    }

    /// To a hub's staff: someone says they work for an organisation of the hub.
    public static func claimArrived(name: String, claimant: String, organisation: String, message: String, link: String,
                                    _ language: SiteLanguage) -> (subject: String, body: String) {
        let note = message.isEmpty ? "" : "\n\n„\(message)“"
        return switch language {
        case .de: ("Neuer Anspruch auf \(organisation)",
                   "Hallo \(name),\n\n\(claimant) möchte in Hubnet für \(organisation) handeln.\(note)\n\nBitte prüfen und entscheiden Sie hier:\n\n\(link)")
        case .en: ("New claim for \(organisation)",
                   "Hello \(name),\n\n\(claimant) would like to act for \(organisation) in Hubnet.\(note)\n\nPlease review and decide here:\n\n\(link)")
        }
    }
}
