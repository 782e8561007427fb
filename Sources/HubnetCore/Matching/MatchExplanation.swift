import Foundation

extension MatchReason {
    /// The reason in words, for pages, the API and the CLI.
    public var explanation: LocalizedText {
        func topic(_ slug: String) -> LocalizedText { Taxonomy.topic(slug)?.label ?? .init(slug) }
        func hub(_ slug: String) -> LocalizedText { Network.hub(slug)?.name ?? .init(slug) }
        let fieldName: LocalizedText = switch field {
        case .name: .init(de: "im Namen", en: "in the name")
        case .description: .init(de: "in der Beschreibung", en: "in the description")
        case .offers: .init(de: "in dem, was sie anbietet", en: "in what it offers")
        case .seeks: .init(de: "in dem, was sie sucht", en: "in what it seeks")
        case .topics: .init(de: "in ihren Themen", en: "in its topics")
        case nil: .init("")
        }
        // The word asked for, and the profile's own word for it where that differs.
        let asked = LocalizedText(de: "„\(subject)“" + (inProfile.map { " (dort „\($0)“)" } ?? ""),
                                  en: "“\(subject)”" + (inProfile.map { " (there “\($0)”)" } ?? ""))
        switch kind {
        case .word:
            return .init(de: "\(asked.de) \(fieldName.de)", en: "\(asked.en) \(fieldName.en)")
        case .complement:
            return field == .seeks
                ? .init(de: "sucht, was Sie anbieten: \(asked.de)", en: "seeks what you offer: \(asked.en)")
                : .init(de: "bietet, was Sie suchen: \(asked.de) \(fieldName.de)", en: "offers what you seek: \(asked.en) \(fieldName.en)")
        case .topic:
            let t = topic(subject)
            return .init(de: "gemeinsames Thema \(t.de)", en: "shared topic \(t.en)")
        case .relatedTopic:
            let t = topic(subject)
            return .init(de: "verwandtes Thema \(t.de)", en: "related topic \(t.en)")
        case .hubFocus:
            let parts = subject.split(separator: ":").map(String.init)
            let (h, t) = (hub(parts.first ?? ""), topic(parts.count > 1 ? parts[1] : ""))
            return .init(de: "Hub \(h.de) wurde für \(t.de) ausgewählt", en: "the \(h.en) hub was chosen for \(t.en)")
        case .preferredHub:
            let h = hub(subject)
            return .init(de: "im gewünschten Hub \(h.de)", en: "in the preferred hub \(h.en)")
        case .nearby:
            let h = hub(subject)
            return .init(de: "in der Nähe: Hub \(h.de)", en: "nearby: \(h.en) hub")
        case .recent:
            return .init(de: "kürzlich aktualisiert", en: "recently updated")
        case .kindSought:
            let k = OrganisationKind(rawValue: subject)?.label ?? .init(subject)
            return .init(de: "gesuchte Art von Partner: \(k.de)", en: "kind of partner sought: \(k.en)")
        }
    }
}

extension MatchReason {
    /// The reason with the word its profile uses for what matched, when that is another form
    /// or another word than the one asked for.
    public func locating(in organisation: Organisation) -> MatchReason {
        guard kind == .word || kind == .complement, let field, inProfile == nil else { return self }
        let texts: [String] = switch field {
        case .name: [organisation.name]
        case .description: [organisation.description.de, organisation.description.en]
        case .offers: [organisation.offers.de, organisation.offers.en]
        case .seeks: [organisation.seeks.de, organisation.seeks.en]
        case .topics: organisation.topics.flatMap { [$0.label.de, $0.label.en] }
        }
        let asked = Set(TextAnalyzer.query(subject).parts.flatMap(\.terms))
        let folded = TextAnalyzer.fold(subject)
        for text in texts {
            for word in TextAnalyzer.words(text) where !asked.isDisjoint(with: TextAnalyzer.terms(ofWord: word.folded)) {
                var located = self
                located.inProfile = word.folded == folded ? nil : word.surface
                return located
            }
        }
        return self
    }
}

extension MatchResult {
    public func locating(in organisation: Organisation) -> MatchResult {
        MatchResult(id: id, score: score, reasons: reasons.map { $0.locating(in: organisation) })
    }
}

extension InvestorRecommender.Factor {
    /// The factor in words; `value` is a topic slug, hub slug, state or age bracket.
    public var explanation: LocalizedText {
        let count = LocalizedText(de: deals == 1 ? "1 Beteiligung" : "\(deals) Beteiligungen", en: deals == 1 ? "1 deal" : "\(deals) deals")
        switch kind {
        case .activity:
            return .init(de: "\(count.de), neuere zählen mehr", en: "\(count.en), recent ones weighted more")
        case .topic:
            let label = Taxonomy.topic(value)?.label ?? .init(value)
            return .init(de: "\(count.de) im Thema \(label.de)", en: "\(count.en) in \(label.en)")
        case .region:
            let label = Network.hub(value)?.name ?? .init(value)
            return .init(de: "\(count.de) in der Region \(label.de)", en: "\(count.en) in the \(label.en) region")
        case .state:
            return .init(de: "\(count.de) in \(value)", en: "\(count.en) in \(value)")
        case .age:
            return .init(de: "\(count.de) an Unternehmen im Alter \(value) Jahre", en: "\(count.en) in companies aged \(value) years")
        case .stage:
            let label = FundingStage(rawValue: value)?.label ?? .init(value)
            return .init(de: "\(count.de) in der Phase \(label.de)", en: "\(count.en) at the \(label.en) stage")
        }
    }
}
