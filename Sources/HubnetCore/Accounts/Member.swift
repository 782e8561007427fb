import Foundation

/// A person with an account. Personal data lives here and nowhere else, so erasing it
/// (GDPR) is one update; what they did for organisations stays under their id.
public struct Member: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var email: String
    public var name: String
    public var language: SiteLanguage
    public var emailConfirmed: Bool
    public var erased: Bool

    public init(id: UUID = UUID(), email: String, name: String, language: SiteLanguage = .de,
                emailConfirmed: Bool = false, erased: Bool = false) {
        self.id = id
        self.email = email
        self.name = name
        self.language = language
        self.emailConfirmed = emailConfirmed
        self.erased = erased
    }

    /// How an erased member appears wherever their past actions are shown.
    public static let erasedName = LocalizedText(de: "Gelöschtes Mitglied", en: "Deleted member")
}

/// Sign-up input: checks the rules a person can fix in the form.
public struct SignUp: Sendable {
    public var email: String
    public var name: String
    public var password: String
    public var language: SiteLanguage
    /// The privacy notice was read and accepted; an account needs it.
    public var acceptsPrivacyNotice: Bool

    public static let passwordLength = 10...200

    public init(email: String, name: String, password: String, language: SiteLanguage, acceptsPrivacyNotice: Bool) {
        self.email = email
        self.name = name
        self.password = password
        self.language = language
        self.acceptsPrivacyNotice = acceptsPrivacyNotice
    }

    public func validated() throws(ValidationFailure) -> SignUp {
        var result = self
        result.email = Self.normalise(email: email)
        result.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        var check = ProblemCollector()
        check.clean([("name", result.name, false)])
        check(Self.isPlausible(email: result.email), "email",
              de: "Bitte eine gültige E-Mail-Adresse angeben.", en: "Please give a valid e-mail address.")
        check((1...120).contains(result.name.count), "name",
              de: "Der Name muss 1 bis 120 Zeichen lang sein.", en: "The name must be 1 to 120 characters long.")
        check(acceptsPrivacyNotice, "privacy",
              de: "Bitte bestätigen Sie, dass Sie die Datenschutzerklärung gelesen haben.",
              en: "Please confirm that you have read the privacy notice.")
        try check.throwIfAny()
        try Self.checkPassword(password)
        return result
    }

    public static func checkPassword(_ password: String) throws(ValidationFailure) {
        var check = ProblemCollector()
        check(passwordLength.contains(password.count), "password",
              de: "Das Passwort muss mindestens 10 Zeichen lang sein.", en: "The password must be at least 10 characters long.")
        try check.throwIfAny()
    }

    /// E-mail addresses compare without case and surrounding space.
    public static func normalise(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public static func isPlausible(email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), email.count <= 254 else { return false }
        return !email.contains(where: \.isWhitespace) && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}
