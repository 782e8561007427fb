import HubnetCore

/// Labels of find-partners, investor and opportunity pages, once per language.
public struct MatchStrings: Sendable {
    public let navFindPartners: String
    public let navOpportunities: String
    public let findPartnersTitle: String
    public let findPartnersIntro: String
    public let whatDoYouSeek: String
    public let whatDoYouSeekPlaceholder: String
    public let partnerKind: String
    public let preferredHub: String
    public let onlyThisHub: String
    public let find: String
    public let score: String
    /// What the points of a match mean, under every list of partners.
    public let pointsExplained: String
    public let why: String
    public let noPartners: String
    public let recognisedTopics: String
    public let suggestedHubs: String
    public let suggestedHubLine: @Sendable (String, String, Int) -> String
    public let partnersFor: @Sendable (String) -> String
    public let partnersIntro: String
    public let findPartnersFor: @Sendable (String) -> String
    public let investorsFor: @Sendable (String) -> String
    public let investorsIntro: String
    public let noInvestors: String
    public let fittingOpportunities: String
    public let opportunitiesTitle: String
    public let opportunitiesIntro: String
    public let noOpportunities: String
    public let newOpportunity: String
    public let postFor: String
    public let opportunityKind: String
    public let title: String
    public let text: String
    public let language: String
    public let soughtKinds: String
    public let preferredHubs: String
    public let wholeNetwork: String
    public let deadline: String
    public let noDeadline: String
    public let visibility: String
    public let post: String
    public let postedBy: String
    public let anonymousPoster: String
    public let closed: String
    public let partnersForPost: String
    public let withdraw: String
    public let signInToPost: String
    public let noOrganisationToPostFor: String
    public let allKinds: String

    public static func `for`(_ language: SiteLanguage) -> MatchStrings {
        language == .de ? .german : .english
    }

    static let german = MatchStrings(
        navFindPartners: "Partner finden", navOpportunities: "Gesuche & Angebote",
        findPartnersTitle: "Partner finden",
        findPartnersIntro: "Beschreiben Sie, was Sie suchen – auf Deutsch oder Englisch. Hubnet findet passende Organisationen im ganzen Netzwerk und sagt zu jedem Treffer, warum er passt.",
        whatDoYouSeek: "Was suchen Sie?", whatDoYouSeekPlaceholder: "z. B. KI für Lagerlogistik, Pilotpartner Versicherung",
        partnerKind: "Art des Partners", preferredHub: "Bevorzugter Hub", onlyThisHub: "nur in diesem Hub", find: "Finden",
        score: "Punkte",
        pointsExplained: "Die Punkte addieren die Gründe: Wörter Ihrer Anfrage im Profil (seltene Wörter zählen mehr als häufige), gemeinsame Themen, der Schwerpunkt des Hubs, Nähe und wie aktuell das Profil ist. Sie ordnen die Treffer dieser Anfrage; über Anfragen hinweg sind sie nicht vergleichbar.",
        why: "Warum", noPartners: "Keine passenden Organisationen gefunden. Versuchen Sie andere Wörter oder ein Thema.",
        recognisedTopics: "Erkannte Themen", suggestedHubs: "Hubs, deren Schwerpunkt passt",
        suggestedHubLine: { hub, topics, results in "\(hub): \(topics) – \(results) Treffer hier" },
        partnersFor: { "Passende Partner für \($0)" },
        partnersIntro: "Organisationen, die anbieten, was hier gesucht wird, und suchen, was hier angeboten wird – über alle Hubs.",
        findPartnersFor: { "Partner für \($0) finden" },
        investorsFor: { "Investoren für \($0)" },
        investorsIntro: "Investoren des Netzwerks, sortiert nach ihren tatsächlichen Beteiligungen: Themen, Regionen, Phasen und Alter der Unternehmen. Es zählt nur das Profil – auch ohne bisherige Finanzierung.",
        noInvestors: "Noch keine Beteiligungen im Netzwerk, aus denen Empfehlungen gelernt werden könnten.",
        fittingOpportunities: "Passende Gesuche und Angebote",
        opportunitiesTitle: "Gesuche & Angebote",
        opportunitiesIntro: "Challenges, Kooperationsangebote und -gesuche, Investorensuchen und Scouting-Anfragen aus dem Netzwerk.",
        noOpportunities: "Noch keine Beiträge.", newOpportunity: "Neuer Beitrag", postFor: "Für Organisation",
        opportunityKind: "Art", title: "Titel", text: "Text", language: "Sprache des Textes", soughtKinds: "Gesuchte Partner",
        preferredHubs: "Bevorzugte Hubs", wholeNetwork: "ganzes Netzwerk", deadline: "Frist", noDeadline: "keine Frist",
        visibility: "Sichtbarkeit", post: "Veröffentlichen", postedBy: "Von", anonymousPoster: "anonym",
        closed: "Frist abgelaufen", partnersForPost: "Passende Partner", withdraw: "Zurückziehen",
        signInToPost: "Melden Sie sich an, um für Ihre Organisation etwas zu veröffentlichen.",
        noOrganisationToPostFor: "Sie handeln noch für keine Organisation. Beanspruchen Sie ein Profil oder legen Sie eines an.",
        allKinds: "alle Arten")

    static let english = MatchStrings(
        navFindPartners: "Find partners", navOpportunities: "Opportunities",
        findPartnersTitle: "Find partners",
        findPartnersIntro: "Describe what you are looking for, in English or German. Hubnet finds fitting organisations across the whole network and says for each one why it fits.",
        whatDoYouSeek: "What are you looking for?", whatDoYouSeekPlaceholder: "e.g. AI for warehouse logistics, insurance pilot partner",
        partnerKind: "Type of partner", preferredHub: "Preferred hub", onlyThisHub: "only in this hub", find: "Find",
        score: "Points",
        pointsExplained: "Points add up the reasons: words of your request found in the profile (rare words count more than common ones), shared topics, the hub's focus, nearness and how recent the profile is. They rank the results of this request; they cannot be compared across requests.",
        why: "Why", noPartners: "No fitting organisations found. Try other words or a topic.",
        recognisedTopics: "Topics recognised", suggestedHubs: "Hubs whose focus fits",
        suggestedHubLine: { hub, topics, results in "\(hub): \(topics) – \(results) results here" },
        partnersFor: { "Partners for \($0)" },
        partnersIntro: "Organisations that offer what is sought here and seek what is offered here – across all hubs.",
        findPartnersFor: { "Find partners for \($0)" },
        investorsFor: { "Investors for \($0)" },
        investorsIntro: "Investors of the network, ranked by their real portfolio: topics, regions, stages and ages of the companies they backed. Only the profile counts – no funding history needed.",
        noInvestors: "No deals in the network yet to learn recommendations from.",
        fittingOpportunities: "Opportunities that fit",
        opportunitiesTitle: "Opportunities",
        opportunitiesIntro: "Challenges, partnering offers and requests, investment searches and scouting requests from the network.",
        noOpportunities: "No posts yet.", newOpportunity: "New post", postFor: "For organisation",
        opportunityKind: "Type", title: "Title", text: "Text", language: "Language of the text", soughtKinds: "Partners sought",
        preferredHubs: "Preferred hubs", wholeNetwork: "whole network", deadline: "Deadline", noDeadline: "no deadline",
        visibility: "Visibility", post: "Publish", postedBy: "By", anonymousPoster: "anonymous",
        closed: "Deadline passed", partnersForPost: "Fitting partners", withdraw: "Withdraw",
        signInToPost: "Sign in to post for your organisation.",
        noOrganisationToPostFor: "You do not act for an organisation yet. Claim a profile or add one.",
        allKinds: "all kinds")
}

extension PageContext {
    public var matchStrings: MatchStrings { .for(language) }
}
