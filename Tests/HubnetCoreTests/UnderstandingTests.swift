import Foundation
@testable import HubnetCore
import Testing

/// Search and matchmaking understand a request as a hub manager would, in German and English.
@Suite struct UnderstandingTests {
    static let network = DemoEcosystem(seed: 1).organisations(count: 1_000)
    static let directory = DirectoryIndex(network)
    static let matches = MatchIndex(documents: network.map { MatchDocument(organisation: $0) })
    static func organisation(_ id: UUID) -> Organisation { network.first { $0.id == id }! }

    @Test(arguments: [("insurance", "insurtech"), ("Versicherung", "insurtech"), ("KI", "artificial-intelligence"),
                      ("AI", "artificial-intelligence"), ("Internet der Dinge", "internet-of-things"), ("supply chain", "supply-chain"),
                      ("Cybersicherheit", "cyber-security"), ("additive manufacturing", "3d-printing")])
    func aTopicIsFoundByAnyOfItsWordsInEitherLanguage(_ text: String, _ topic: String) {
        let found = Self.directory.search(DirectoryQuery(text: text, sort: .relevance, perPage: 10))
        #expect(found.total > 0, "\(text) finds nothing in the directory")
        #expect(found.organisationIDs.allSatisfy { Self.organisation($0).topicSlugs.contains(topic) }, "\(text)")
        let partners = Self.matches.search(MatchQuery(text: text, limit: 10))
        #expect(partners.topics.contains(topic), "\(text) names \(topic)")
        #expect(partners.results.prefix(5).allSatisfy { Self.organisation($0.id).topicSlugs.contains(topic) }, "\(text)")
        // A named topic earns topic points.
        #expect(partners.results.first?.reasons.contains { $0.kind == .topic && $0.subject == topic } == true, "\(text)")
    }

    @Test(arguments: ["KI für Lagerlogistik", "AI for warehouse logistics"])
    func aRequestInEitherLanguageNamesBothTopicsAndTheAIHub(_ text: String) {
        let outcome = Self.matches.search(MatchQuery(text: text))
        #expect(outcome.topics.contains("artificial-intelligence") && outcome.topics.contains("logistics"), "\(outcome.topics)")
        #expect(outcome.suggestedHubs.contains { $0.hubSlug == "karlsruhe" })
        #expect(outcome.suggestedHubs.allSatisfy { $0.results > 0 }, "a suggested hub has organisations of the topic")
        #expect(Self.directory.search(DirectoryQuery(text: text, sort: .relevance)).total > 0)
    }

    @Test func fillerWordsNeverScoreAndEveryReasonIsWorthSomething() {
        let request = "Wir suchen einen Partner mit eigenem Angebot und bieten unsere Logistik. We are looking for partners offering our own logistics."
        let outcome = Self.matches.search(MatchQuery(text: request))
        #expect(!outcome.results.isEmpty)
        let subjects = Set(outcome.results.flatMap { $0.reasons.map { TextAnalyzer.fold($0.subject) } })
        for filler in ["wir", "suchen", "einen", "partner", "eigenem", "bieten", "unsere", "looking", "offering", "our", "own"] {
            #expect(!subjects.contains(filler), "\(filler) earned points")
        }
        #expect(outcome.results.allSatisfy { $0.reasons.allSatisfy { $0.points >= MatchReason.smallestShown } })
    }

    @Test func explanationsUseTheWordsAsWritten() throws {
        let outcome = Self.matches.search(MatchQuery(text: "Versicherungen Köln"))
        let first = try #require(outcome.results.first)
        let reasons = first.locating(in: Self.organisation(first.id)).reasons
        let words = reasons.filter { $0.kind == .word }.map(\.subject)
        #expect(words.contains("Versicherungen") || words.contains("Köln"), "\(words)")
        #expect(!words.contains { $0 == TextAnalyzer.fold($0) && $0 != $0.lowercased() })
        // The profile's own form is named where it differs, in both languages.
        for reason in reasons where reason.inProfile != nil {
            #expect(reason.explanation.de.contains("dort „\(reason.inProfile!)“"))
            #expect(reason.explanation.en.contains("there “\(reason.inProfile!)”"))
        }
    }

    @Test func theLexiconKnowsEveryTopicInBothLanguages() {
        for topic in Taxonomy.topics {
            let terms = Lexicon.shared.topicTerms[topic.slug]
            #expect(terms?.de.isEmpty == false && terms?.en.isEmpty == false, "\(topic.slug)")
        }
        #expect(Lexicon.shared.ignores("suchen") && Lexicon.shared.ignores("looking") && Lexicon.shared.ignores("und"))
        #expect(!Lexicon.shared.ignores("startup") && !Lexicon.shared.ignores("logistik"))
    }
}
