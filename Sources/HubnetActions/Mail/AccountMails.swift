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

    /// To the new address of an account: the link that completes the change.
    public static func confirmNewAddress(name: String, link: String, _ language: SiteLanguage) -> (subject: String, body: String) {
        switch language {
        case .de: ("Bitte bestätigen Sie Ihre neue E-Mail-Adresse",
                   "Hallo \(name),\n\nIhr Hubnet-Konto soll künftig diese Adresse nutzen. Bitte bestätigen Sie sie mit diesem Link (48 Stunden gültig):\n\n\(link)\n\nWenn Sie das nicht veranlasst haben, ignorieren Sie diese Nachricht.")
        case .en: ("Please confirm your new e-mail address",
                   "Hello \(name),\n\nyour Hubnet account is to use this address from now on. Please confirm it with this link (valid for 48 hours):\n\n\(link)\n\nIf you did not ask for this, ignore this message.")
        }
    }

    /// To the old address: the account is being moved, in case it was not its owner.
    public static func addressChanging(name: String, to address: String, _ language: SiteLanguage) -> (subject: String, body: String) {
        switch language {
        case .de: ("Ihre E-Mail-Adresse bei Hubnet wird geändert",
                   "Hallo \(name),\n\nfür Ihr Hubnet-Konto wurde die neue Adresse \(address) angegeben; sie gilt, sobald der Link an sie bestätigt ist. Waren Sie das nicht, ändern Sie bitte sofort Ihr Passwort.")
        case .en: ("Your e-mail address at Hubnet is being changed",
                   "Hello \(name),\n\nthe new address \(address) was given for your Hubnet account; it applies once the link sent to it is confirmed. If this was not you, please change your password at once.")
        }
    }

    /// To an address that has an account already, when another account asked to move to it.
    public static func addressTaken(name: String, _ language: SiteLanguage) -> (subject: String, body: String) {
        switch language {
        case .de: ("Ihre Adresse ist bereits bei Hubnet",
                   "Hallo \(name),\n\njemand wollte ein anderes Hubnet-Konto auf diese Adresse umstellen. Sie hat bereits ein Konto, daher ändert sich nichts.")
        case .en: ("Your address is already at Hubnet",
                   "Hello \(name),\n\nsomeone tried to move another Hubnet account to this address. It has an account already, so nothing changes.")
        }
    }
}
