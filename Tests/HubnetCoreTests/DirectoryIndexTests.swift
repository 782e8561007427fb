import Foundation
import HubnetCore
import Testing

@Suite struct DirectoryIndexTests {
    let organisations = DemoEcosystem(seed: 3).organisations(count: 2_000)

    private func organisation(_ name: String, hub: String = "munich", kind: OrganisationKind = .startup,
                              topics: [String] = ["mobility"], founded: Int? = 2020, text: String = "Wir bauen Software.") -> Organisation {
        Organisation(name: name, kind: kind, hubSlug: hub, city: Network.hub(hub)!.cities[0].name.de, topicSlugs: topics,
                     description: .init(de: text, en: ""), foundedYear: founded)
    }

    @Test func wordsMatchAcrossCaseDiacriticsAndPrefixes() {
        let index = DirectoryIndex([
            organisation("Müller Robotik GmbH", text: "Straßenbahn-Steuerung"),
            organisation("Other", text: "Nothing to see"),
        ])
        for text in ["müller", "MULLER", "robo", "strassenbahn", "Müller robotik", "steuerung"] {
            let result = index.search(DirectoryQuery(text: text))
            #expect(result.total == 1, "\(text)")
        }
        #expect(index.search(DirectoryQuery(text: "müller nothing")).total == 0)
        #expect(index.search(DirectoryQuery(text: "zeppelin")).total == 0)
    }

    @Test func aNameMatchRanksAboveADescriptionMatch() {
        let inName = organisation("Logistik Werk", text: "Wir bauen Software.")
        let inText = organisation("Alpha", text: "Logistik und mehr")
        let index = DirectoryIndex([inText, inName])
        #expect(index.search(DirectoryQuery(text: "logistik")).organisationIDs == [inName.id, inText.id])
    }

    /// The index must agree with the plain definition: filter everything, count by facet.
    @Test(arguments: 0..<40)
    func facetsAndTotalsAgreeWithABruteForceCount(seed: Int) {
        let index = DirectoryIndex(organisations)
        let hubs = Network.hubs.map(\.slug)
        let query = DirectoryQuery(
            text: ["", "logistik", "pilot", "robot", "berlin"][seed % 5],
            hubs: seed % 3 == 0 ? [] : [hubs[seed % 12], hubs[(seed * 7) % 12]],
            kinds: seed % 4 == 0 ? [] : [OrganisationKind.allCases[seed % 6]],
            topics: seed % 5 < 2 ? [] : [Taxonomy.topics[seed % 20].slug],
            perPage: 100)
        let result = index.search(query)
        let queryTerms = TextAnalyzer.terms(query.text)
        let textMatches = Set(organisations.filter { organisation in
            let words = Set(TextAnalyzer.terms(searchableText(organisation)))
            return queryTerms.allSatisfy { term in
                words.contains(term) || (term.count >= 3 && words.contains { $0.hasPrefix(term) })
            }
        }.map(\.id))
        func passes(_ o: Organisation, hub: Bool = true, kind: Bool = true, topics: Bool = true) -> Bool {
            textMatches.contains(o.id)
                && (!hub || query.hubs.isEmpty || query.hubs.contains(o.hubSlug))
                && (!kind || query.kinds.isEmpty || query.kinds.contains(o.kind))
                && (!topics || query.topics.isSubset(of: Set(o.topicSlugs)))
        }
        #expect(result.total == organisations.filter { passes($0) }.count)
        for hub in hubs {
            #expect(result.hubCounts[hub] == organisations.filter { passes($0, hub: false) && $0.hubSlug == hub }.count)
        }
        for kind in OrganisationKind.allCases {
            #expect(result.kindCounts[kind] == organisations.filter { passes($0, kind: false) && $0.kind == kind }.count)
        }
        for topic in Taxonomy.topics.map(\.slug) {
            #expect(result.topicCounts[topic] == organisations.filter { passes($0) && $0.topicSlugs.contains(topic) }.count)
        }
    }

    /// Everything the directory promises to search, written out independently of the index.
    private func searchableText(_ o: Organisation) -> String {
        let hub = o.hub!
        return ([o.name, o.city, hub.name.de, hub.name.en, o.kind.label.de, o.kind.label.en,
                 o.description.de, o.description.en, o.offers.de, o.offers.en, o.seeks.de, o.seeks.en]
            + o.topics.flatMap { [$0.label.de, $0.label.en] }).joined(separator: " ")
    }

    @Test func pagesFollowTheChosenOrderWithoutGapsOrRepeats() {
        let index = DirectoryIndex(organisations)
        for sort in DirectoryQuery.Sort.allCases {
            var seen: [UUID] = []
            for page in 1...5 {
                seen += index.search(DirectoryQuery(text: sort == .relevance ? "pilot" : "", sort: sort, page: page, perPage: 7)).organisationIDs
            }
            let all = index.search(DirectoryQuery(text: sort == .relevance ? "pilot" : "", sort: sort, perPage: 35)).organisationIDs
            #expect(seen == all, "\(sort)")
            #expect(Set(seen).count == seen.count)
        }
        let byName = index.search(DirectoryQuery(sort: .name, perPage: 100)).organisationIDs
        let names = byName.map { id in organisations.first { $0.id == id }!.name }
        #expect(names.map(TextAnalyzer.fold) == names.map(TextAnalyzer.fold).sorted())
        let newest = index.search(DirectoryQuery(sort: .newest, perPage: 100)).organisationIDs
        let years = newest.map { id in organisations.first { $0.id == id }!.foundedYear ?? 0 }
        #expect(years == years.sorted(by: >))
    }

    @Test func writesShowAtOnceWithoutARebuild() {
        var index = DirectoryIndex(organisations.prefix(10))
        var added = organisation("Zeppelin Mobility", hub: "stuttgart")
        index.upsert(added)
        #expect(index.search(DirectoryQuery(text: "zeppelin")).organisationIDs == [added.id])
        #expect(index.search(DirectoryQuery(hubs: ["stuttgart"])).total >= 1)

        added.name = "Luftschiff Mobility"
        index.upsert(added)
        #expect(index.search(DirectoryQuery(text: "zeppelin")).total == 0)
        #expect(index.search(DirectoryQuery(text: "luftschiff")).organisationIDs == [added.id])
        #expect(index.count == 11)

        index.remove(added.id)
        #expect(index.search(DirectoryQuery(text: "luftschiff")).total == 0)
        #expect(index.count == 10)
    }

    @Test func manyRemovalsCompactTheIndexAndKeepResults() {
        var index = DirectoryIndex(organisations)
        for organisation in organisations.prefix(1_500) { index.remove(organisation.id) }
        let rest = Array(organisations.dropFirst(1_500))
        let fresh = DirectoryIndex(rest)
        #expect(index.count == rest.count)
        for text in ["", "logistik", "pilot"] {
            let query = DirectoryQuery(text: text, sort: .name, perPage: 100)
            #expect(index.search(query) == fresh.search(query), "\(text)")
        }
    }

    @Test func countsByHubAndKindAddUp() {
        let index = DirectoryIndex(organisations)
        let counts = index.countsByHubAndKind()
        #expect(counts.values.flatMap(\.values).reduce(0, +) == organisations.count)
        #expect(counts["hamburg"]?[.startup] == organisations.filter { $0.hubSlug == "hamburg" && $0.kind == .startup }.count)
    }
}

@Suite struct TextAnalyzerTests {
    @Test(arguments: [
        ("Müller", "muller"), ("STRASSE", "strasse"), ("Straße", "strasse"), ("Łódź", "lodz"), ("Crème Brûlée", "creme brulee"),
        ("Ærø", "aero"), ("Δέλτα", "δελτα"), ("e\u{301}", "e"), ("Nürnberg/Erlangen", "nurnberg/erlangen"),
    ])
    func foldingDropsCaseAndDiacritics(text: String, folded: String) {
        #expect(TextAnalyzer.fold(text) == folded)
    }

    @Test func wordsSplitOnAnythingButLettersAndDigits() {
        #expect(TextAnalyzer.foldedWords("Industrie 4.0 – 3D-Druck für die Logistik!") == ["industrie", "4", "0", "3d", "druck", "fur", "die", "logistik"])
        // Function words go; each word becomes its German and English stems.
        #expect(TextAnalyzer.terms("Industrie 4.0 – 3D-Druck für die Logistik!") == ["industri", "4", "0", "3d", "druck", "logist", "logistik"])
    }
}
