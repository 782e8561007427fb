import Foundation
@testable import HubnetCore
import Testing

@Suite struct MatchIndexTests {
    static func organisation(_ name: String, _ kind: OrganisationKind, hub: String, topics: [String], description: String,
                             offers: String = "", seeks: String = "") -> Organisation {
        Organisation(name: name, kind: kind, hubSlug: hub, city: Network.hub(hub)!.cities[0].name.de, topicSlugs: topics,
                     description: .init(description), offers: .init(offers), seeks: .init(seeks))
    }

    static let karlsruheAI = organisation("Neuronwerk", .startup, hub: "karlsruhe", topics: ["artificial-intelligence", "machine-learning"],
                                          description: "Startup für Künstliche Intelligenz und maschinelles Lernen in der Logistik.",
                                          offers: "KI-Modelle für Lagerroboter und Routenplanung")
    static let hamburgPort = organisation("Kaikante", .corporate, hub: "hamburg", topics: ["logistics"],
                                          description: "Hafenlogistik-Konzern mit Innovationseinheit.",
                                          offers: "Pilotflächen im Hafen", seeks: "Künstliche Intelligenz für Lagerroboter")
    static let berlinMedia = organisation("Spreefilm", .startup, hub: "berlin", topics: ["media"],
                                          description: "Videoplattform für Medienhäuser.", offers: "Streaming")
    static let cologneInsurer = organisation("Rheinpolice", .corporate, hub: "cologne", topics: ["insurtech"],
                                             description: "Versicherungen für den Mittelstand.", seeks: "Versicherungstechnik und Schadensprognosen")
    static let dortmundRobots = organisation("Pottbot", .startup, hub: "dortmund", topics: ["logistics", "robotics"],
                                             description: "Robotics for warehouses.", seeks: "Künstliche Intelligenz für Lagerroboter")

    static let network = [karlsruheAI, hamburgPort, berlinMedia, cologneInsurer, dortmundRobots]

    func index(_ organisations: [Organisation] = network) -> MatchIndex {
        MatchIndex(documents: organisations.map { MatchDocument(organisation: $0) })
    }

    @Test func aHamburgCorporateLookingForAIFindsTheKarlsruheStartupWithReasons() {
        let outcome = index().search(MatchQuery(organisation: Self.hamburgPort))
        let first = outcome.results.first
        #expect(first?.id == Self.karlsruheAI.id)
        let kinds = Set(first?.reasons.map(\.kind) ?? [])
        #expect(kinds.contains(.complement))
        #expect(first?.reasons.contains { $0.kind == .hubFocus && $0.subject == "karlsruhe:artificial-intelligence" } == true,
                "Karlsruhe was chosen for AI: the engine looks beyond the requester's own hub")
        #expect(!outcome.results.contains { $0.id == Self.hamburgPort.id }, "the requester itself is never proposed")
    }

    @Test func whatOneSeeksMeetsWhatAnotherOffersAboveAnotherSeekerOfTheSame() {
        let outcome = index().search(MatchQuery(organisation: Self.hamburgPort))
        let ranks = outcome.results.map(\.id)
        let offerer = ranks.firstIndex(of: Self.karlsruheAI.id)
        let fellowSeeker = ranks.firstIndex(of: Self.dortmundRobots.id)
        #expect(offerer != nil && (fellowSeeker == nil || offerer! < fellowSeeker!))
    }

    @Test func stemmingCompoundsAndBothLanguagesMeet() {
        func meet(_ a: String, _ b: String) -> Bool {
            !Set(TextAnalyzer.terms(ofWord: TextAnalyzer.fold(a))).isDisjoint(with: TextAnalyzer.terms(ofWord: TextAnalyzer.fold(b)))
        }
        #expect(meet("Versicherungen", "Versicherung"))
        #expect(meet("Robotik", "robotics"))
        #expect(meet("factories", "factory"))
        #expect(meet("insurers", "insurer"))
        #expect(TextAnalyzer.terms("Versicherungstechnik").contains(GermanStemmer.stem("technik")))
        #expect(TextAnalyzer.terms("Versicherungstechnik").contains(GermanStemmer.stem("versicherung")))
        #expect(TextAnalyzer.compoundParts("bauunternehmen").isEmpty, "no split into words the lexicon does not know")
        let results = index().search(MatchQuery(text: "Technik")).results.map(\.id)
        #expect(results.contains(Self.cologneInsurer.id))
        let robots = index().search(MatchQuery(text: "Robotik")).results.map(\.id)
        #expect(robots.first == Self.dortmundRobots.id)
    }

    @Test func topicsNamedInFreeTextAreRecognisedAndTheirHubsSuggested() {
        let outcome = index().search(MatchQuery(text: "Künstliche Intelligenz"))
        #expect(outcome.topics == ["artificial-intelligence"])
        #expect(outcome.suggestedHubs.first?.hubSlug == "karlsruhe")
        #expect(outcome.results.first?.id == Self.karlsruheAI.id)
        // Asked as a topic, it also earns the topic's and the hub focus's points.
        let asked = index().search(MatchQuery(text: "Künstliche Intelligenz", topics: ["artificial-intelligence"]))
        #expect(asked.results.first?.reasons.contains { $0.kind == .hubFocus } == true)
    }

    @Test func kindsSoughtAreARule() {
        var query = MatchQuery(text: "Lagerroboter")
        query.kinds = [.startup]
        let outcome = index().search(query)
        #expect(!outcome.results.isEmpty)
        #expect(outcome.results.allSatisfy { id in Self.network.first { $0.id == id.id }!.kind == .startup })
        // The rule admits; it earns no points, so it is no reason to show.
        #expect(outcome.results.allSatisfy { !$0.reasons.contains { $0.kind == .kindSought } })
    }

    @Test func topicsAloneFindPartnersAndRelatedTopicsEarnLess() {
        let outcome = index().search(MatchQuery(topics: ["robotics"]))
        #expect(outcome.results.first?.id == Self.dortmundRobots.id)
        // Robotics sits next to logistics and AI in the taxonomy: partial credit, lower rank.
        #expect(outcome.results.contains { $0.reasons.contains { $0.kind == .relatedTopic } })
    }

    @Test func changesApplyOneDocumentAtATime() {
        var index = self.index()
        var renamed = Self.berlinMedia
        renamed.description = .init("Wir bauen Lagerroboter mit Quantensensorik.")
        index.upsert(MatchDocument(organisation: renamed))
        #expect(index.count == Self.network.count)
        #expect(index.search(MatchQuery(text: "Quantensensorik")).results.map(\.id) == [renamed.id])
        #expect(index.search(MatchQuery(text: "Videoplattform")).results.isEmpty)
        index.remove(renamed.id)
        #expect(index.search(MatchQuery(text: "Quantensensorik")).results.isEmpty)
        #expect(index.count == Self.network.count - 1)
    }

    /// Skipping must never change the results: the same scores as scoring every document, and
    /// the same documents wherever scores differ (among equal scores either may be kept).
    @Test func pruningNeverChangesTheResults() {
        let organisations = DemoEcosystem(seed: 7).organisations(count: 2_000)
        var index = MatchIndex(documents: organisations.prefix(1_500).map { MatchDocument(organisation: $0) })
        // Half of the rest arrive one by one, and some leave, as on a live site.
        for organisation in organisations.dropFirst(1_500) { index.upsert(MatchDocument(organisation: organisation)) }
        for organisation in organisations.prefix(100) { index.remove(organisation.id) }
        let queries = ["Logistik Roboter", "künstliche intelligenz startup", "insurtech versicherung köln", "Sensorik",
                       "energie smart grid", "Pilotprojekte mit Startups", "3D-Druck Materialien", "zzz unknown"]
        for text in queries {
            var query = MatchQuery(text: text, limit: 20)
            query.homeHub = "hamburg"
            let outcome = index.search(query)
            let everything = exhaustive(index, query)
            #expect(outcome.results.count == everything.count, "\(text)")
            for (found, expected) in zip(outcome.results, everything) {
                #expect(abs(found.score - expected.score) < 1e-9, "\(text)")
            }
            let cut = everything.last?.score ?? 0
            #expect(Set(outcome.results.filter { $0.score > cut + 1e-9 }.map(\.id)) == Set(everything.filter { $0.score > cut + 1e-9 }.map(\.id)))
            for result in outcome.results {
                // Reasons below half a hundredth are not shown, so the shown ones add up to nearly all.
                #expect(abs(result.score - result.reasons.reduce(0) { $0 + $1.points }) < 0.05, "the reasons add up to the score")
            }
            #expect(outcome.scored <= index.count)
        }
        // Profiles ask for topics and a home hub: documents without those topics are bounded
        // apart, so these exercise both bounds.
        for organisation in organisations[200..<240] {
            var profile = MatchQuery(organisation: organisation)
            profile.limit = 10
            let profileScores = index.search(profile).results.map(\.score)
            let expectedScores = exhaustive(index, profile).map(\.score)
            #expect(profileScores.count == expectedScores.count)
            #expect(zip(profileScores, expectedScores).allSatisfy { abs($0 - $1) < 1e-9 }, "the same scores, up to the order of additions")
        }
    }

    /// A block's bound must hold whatever is inserted or removed before or inside it.
    @Test func blockBoundsHoldThroughInsertsAndRemovals() {
        var generator = SeededGenerator(seed: 11)
        var postings = MatchIndex.Postings()
        var slots: [UInt32] = []
        for slot in UInt32(0)..<300 where slot % 2 == 0 {
            postings.append(slot, impact: Float.random(in: 0..<1, using: &generator))
            slots.append(slot)
        }
        for step in 0..<600 {
            if step % 3 == 2, !slots.isEmpty {
                let position = Int.random(in: 0..<slots.count, using: &generator)
                postings.remove(at: position)
                slots.remove(at: position)
            } else {
                let slot = UInt32.random(in: 0..<5_000, using: &generator)
                let position = slots.firstIndex { $0 >= slot } ?? slots.count
                guard position == slots.count || slots[position] != slot else { continue }
                postings.insert(slot, impact: Float.random(in: 0..<1, using: &generator), at: position)
                slots.insert(slot, at: position)
            }
            #expect(postings.items.map(\.slot) == slots)
            #expect(postings.blockMaxima.count == (slots.count + MatchIndex.Postings.blockSize - 1) / MatchIndex.Postings.blockSize)
            for (block, bound) in postings.blockMaxima.enumerated() {
                let impacts = postings.items.map(\.impact)[(block * MatchIndex.Postings.blockSize)..<min(slots.count, (block + 1) * MatchIndex.Postings.blockSize)]
                #expect(impacts.allSatisfy { $0 <= bound }, "block \(block) after step \(step)")
            }
        }
    }

    @Test func equalScoresComeOutInTheSameOrderEveryTime() {
        let twins = (0..<30).map { n in
            Self.organisation("Zwilling \(n)", .startup, hub: "berlin", topics: ["media"], description: "Gleicher Text über Medien.")
        }
        let first = index(twins).search(MatchQuery(text: "Medien", limit: 10)).results.map(\.id)
        let second = index(twins.reversed()).search(MatchQuery(text: "Medien", limit: 10)).results.map(\.id)
        #expect(first == second)
        #expect(first == twins.map(\.id).sorted { $0.uuidString < $1.uuidString }.prefix(10).map { $0 })
    }

    /// Documents that arrive one by one are not numbered in id order, and skipping must not
    /// care: among equal scores the smallest ids are kept, as when every document is scored.
    @Test func equalScoresKeepTheSmallestIDsWhateverOrderDocumentsArriveIn() {
        let twins = (0..<300).map { n in
            Self.organisation("Zwilling \(n % 10)", .startup, hub: "berlin", topics: ["media"], description: "Gleicher Text über Medien.")
        }
        var index = MatchIndex(documents: DemoEcosystem(seed: 3).organisations(count: 600).map { MatchDocument(organisation: $0) })
        let newest = Date(timeIntervalSinceReferenceDate: 800_000_000)
        for twin in twins.sorted(by: { $0.id.uuidString > $1.id.uuidString }) {
            index.upsert(MatchDocument(organisation: twin, updated: newest))
        }
        var query = MatchQuery(text: "Zwilling Text", limit: 10)
        query.now = newest
        let found = index.search(query).results.map(\.id)
        #expect(found == twins.map(\.id).sorted { $0.uuidString < $1.uuidString }.prefix(10).map { $0 })
    }

    /// What the rules give a block of slots bounds what they give each document in it, after
    /// documents came and went.
    @Test func ruleBlockBoundsHoldForEveryDocument() {
        let organisations = DemoEcosystem(seed: 5).organisations(count: 1_600)
        var index = MatchIndex(documents: organisations.prefix(1_000).map { MatchDocument(organisation: $0) })
        for organisation in organisations.dropFirst(1_000) { index.upsert(MatchDocument(organisation: organisation)) }
        for organisation in organisations.prefix(300) { index.remove(organisation.id) }
        for organisation in organisations[400..<420] {
            for preferred: Set<String> in [[], ["karlsruhe", "cologne"]] {
                var query = MatchQuery(organisation: organisation)
                query.preferredHubs = preferred
                let rules = MatchIndex.Rules(query: index.understand(query).query, index: index)
                for slot in index.slotOfID.values {
                    let block = index.ruleBlocks[Int(slot) / MatchIndex.RuleBlock.size]
                    #expect(rules.points(slot) <= rules.pointsBound(block), "slot \(slot)")
                }
            }
        }
    }

    private func exhaustive(_ index: MatchIndex, _ query: MatchQuery) -> [(id: UUID, score: Double)] {
        let (understood, clauses, _) = index.understand(query)
        let rules = MatchIndex.Rules(query: understood, index: index)
        var scored: [(UUID, Double)] = []
        for (id, slot) in index.slotOfID where rules.admits(slot) {
            let words = index.wordReasons(slot, clauses)
            guard !words.isEmpty else { continue }
            // The rules' reasons, not their fast sum `points`, so that the two are checked against each other.
            scored.append((id, words.reduce(0) { $0 + $1.points } + rules.reasons(slot).reduce(0) { $0 + $1.points }))
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.uuidString < $1.0.uuidString }.prefix(query.limit).map { ($0.0, $0.1) }
    }
}
