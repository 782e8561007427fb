/// Why an action of the network was refused, in words for people. Nothing was written.
/// Invalid input is a `ValidationFailure` (one problem per field); everything else is this.
/// The edges translate: problem+json on the API, a page in its language, a line on the CLI.
public enum DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(LocalizedText)
    /// Nobody is signed in, or the credentials are not valid any more.
    case signInRequired
    case forbidden(LocalizedText)
    case conflict(LocalizedText)
    case rateLimited(minutes: Int)

    public var message: LocalizedText {
        switch self {
        case .notFound(let text), .forbidden(let text), .conflict(let text): text
        case .signInRequired:
            .init(de: "Bitte melden Sie sich an, oder senden Sie ein persönliches API-Token als „Authorization: Bearer <token>“.",
                  en: "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.")
        case .rateLimited(let minutes):
            .init(de: "Zu viele Versuche. Bitte warten Sie \(minutes) Minuten.", en: "Too many attempts. Please wait \(minutes) minutes.")
        }
    }

    public var description: String { message.en }

    /// The same wording wherever a thing does not exist or may not be seen by this actor.
    public static func notFound(_ thing: LocalizedText, id: String) -> DomainError {
        .notFound(.init(de: "\(thing.de) mit der Kennung \(id) gibt es nicht.", en: "There is no \(thing.en) with id \(id)."))
    }

    public static let notAllowed = DomainError.forbidden(.init(de: "Das dürfen Sie hier nicht.", en: "You may not do this here."))
    public static let readOnlyToken = DomainError.forbidden(.init(
        de: "Dieses API-Token darf nur lesen; erstellen Sie eines mit dem Umfang „write“.",
        en: "This API token may only read; create one with the write scope."))
}
