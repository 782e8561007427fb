import HubnetCore

/// The routing desk's words, in both languages.
enum RoutingWords {
    static let title = LocalizedText(de: "Verteilzentrum", en: "Routing desk")
    static let state = LocalizedText(de: "Stand", en: "State")
    static let history = LocalizedText(de: "Verlauf", en: "History")
    static let waitingForVetting = LocalizedText(
        de: "Ihre Anfrage liegt beim Hub-Team Ihres Hubs zur Prüfung. Erst danach sehen andere sie.",
        en: "Your request is with your hub's team for vetting. Others see it only after that.")
    static let accept = LocalizedText(de: "Prüfen und veröffentlichen", en: "Vet and publish")
    static let askForChanges = LocalizedText(de: "Änderungen erbitten", en: "Ask for changes")
    static let reject = LocalizedText(de: "Ablehnen", en: "Reject")
    static let message = LocalizedText(de: "Nachricht an die Einreichenden", en: "Message to the poster")
    static let reason = LocalizedText(de: "Grund", en: "Reason")
    static let resubmit = LocalizedText(de: "Geändert erneut einreichen", en: "Resubmit with changes")
    static let route = LocalizedText(de: "Verteilen", en: "Route")
    static let routeIntro = LocalizedText(
        de: "Vorschläge der Partnersuche, die besten fünf sind vorausgewählt. Hubs, deren Fokus passt, können die Anfrage an ihre Mitglieder weitergeben.",
        en: "Suggestions of the partner search; the best five are ticked. Hubs whose focus fits can pass the request on to their members.")
    static let organisations = LocalizedText(de: "Organisationen", en: "Organisations")
    static let hubs = LocalizedText(de: "An Hubs verweisen", en: "Refer to hubs")
    static let forward = LocalizedText(de: "An Mitglieder des Hubs weiterleiten", en: "Forward to the hub's members")
    static let declineReferral = LocalizedText(de: "Verweis ablehnen", en: "Decline the referral")
    static let referredTo = LocalizedText(de: "Verwiesen an", en: "Referred to")
    static let interest = LocalizedText(de: "Interesse bekunden", en: "Express interest")
    static let decline = LocalizedText(de: "Absagen", en: "Decline")
    static let answerFor = LocalizedText(de: "Antwort für", en: "Answer for")
    static let recipients = LocalizedText(de: "Empfänger", en: "Recipients")
    static let introduce = LocalizedText(de: "Vorstellen", en: "Introduce")
    static let outcome = LocalizedText(de: "Ergebnis festhalten", en: "Record the outcome")
    static let close = LocalizedText(de: "Anfrage abschließen", en: "Close the request")
    static let contact = LocalizedText(de: "Kontakt", en: "Contact")
    static let noCandidates = LocalizedText(de: "Keine passenden Organisationen gefunden.", en: "No fitting organisations found.")

    static func recipientState(_ state: RecipientState) -> LocalizedText {
        switch state {
        case .invited: .init(de: "Angefragt", en: "Asked")
        case .interested: .init(de: "Interessiert", en: "Interested")
        case .declined: .init(de: "Abgesagt", en: "Declined")
        case .introduced: .init(de: "Vorgestellt", en: "Introduced")
        case .concluded: .init(de: "Ergebnis festgehalten", en: "Outcome recorded")
        }
    }

    static func referralState(_ state: ReferralState) -> LocalizedText {
        switch state {
        case .pending: .init(de: "Offen", en: "Open")
        case .forwarded: .init(de: "Weitergeleitet", en: "Forwarded")
        case .declined: .init(de: "Abgelehnt", en: "Declined")
        }
    }
}
