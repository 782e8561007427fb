import HubnetCore
import Testing

@Suite struct NetworkTests {
    @Test func theNetworkHasTwelveHubsInSixteenCities() {
        #expect(Network.hubs.count == 12)
        #expect(Network.cities.count == 16)
        #expect(Set(Network.hubs.map(\.slug)).count == 12)
    }

    @Test func roundOneNamedFiveHubsAtTheITSummit() {
        let first = Network.hubs.filter { $0.round == .first }.map(\.slug).sorted()
        #expect(first == ["berlin", "dortmund", "frankfurt-darmstadt", "hamburg", "munich"])
        #expect(SelectionRound.first.date.description == "2016-11-17")
        #expect(SelectionRound.second.date.description == "2017-04")
    }

    @Test func darmstadtJoinedFrankfurtInAprilWithCyberSecurity() throws {
        let hub = try #require(Network.hub("frankfurt-darmstadt"))
        let darmstadt = try #require(hub.cities.first { $0.name.de == "Darmstadt" })
        #expect(darmstadt.namedOn == SelectionRound.second.date)
        #expect(hub.focus.contains(FocusArea("cyber-security", city: "Darmstadt")))
        #expect(hub.focus.contains(FocusArea("fintech", city: "Frankfurt am Main")))
    }

    @Test(arguments: [
        ("berlin", ["internet-of-things", "fintech"]), ("dortmund", ["logistics"]), ("hamburg", ["logistics"]),
        ("munich", ["mobility"]), ("karlsruhe", ["artificial-intelligence"]), ("cologne", ["insurtech"]),
        ("potsdam", ["media"]), ("stuttgart", ["future-industries"]),
        ("dresden-leipzig", ["smart-systems", "energy", "internet-of-things"]),
        ("ludwigshafen-mannheim", ["chemistry"]), ("nuremberg-erlangen", ["health"]),
    ])
    func eachHubHasTheFocusTheArticleNames(slug: String, focus: [String]) throws {
        #expect(try #require(Network.hub(slug)).focusTopicSlugs == focus)
    }

    @Test func everyFocusIsATopicWithBothLabels() {
        for hub in Network.hubs {
            for focus in hub.focus {
                let topic = Taxonomy.topic(focus.topicSlug)
                #expect(topic?.group == .focus, "\(hub.slug): \(focus.topicSlug)")
            }
        }
        for topic in Taxonomy.topics {
            #expect(!topic.label.de.isEmpty && !topic.label.en.isEmpty, "\(topic.slug)")
        }
        #expect(Set(Taxonomy.topics.map(\.slug)).count == Taxonomy.topics.count)
    }

    @Test func everyCityLiesInGermany() {
        for city in Network.cities {
            #expect((47.2...55.1).contains(city.latitude), "\(city.name.de)")
            #expect((5.8...15.1).contains(city.longitude), "\(city.name.de)")
        }
    }

    @Test func twinHubsSpanTheirStates() throws {
        let ludwigshafenMannheim = try #require(Network.hub("ludwigshafen-mannheim"))
        #expect(ludwigshafenMannheim.federalStates == [.rheinlandPfalz, .badenWuerttemberg])
        #expect(try #require(Network.hub("dresden-leipzig")).federalStates == [.sachsen])
    }
}

@Suite struct LanguageTests {
    @Test(arguments: [
        ("en-GB,en;q=0.9,de;q=0.8", SiteLanguage.en), ("de-DE,de;q=0.9,en;q=0.8", .de), ("fr-FR,en;q=0.5", .en),
        ("fr", .de), ("", .de), ("en;q=0.4,de;q=0.6", .de), ("*", .de),
    ])
    func acceptLanguagePicksTheBestSupportedLanguage(header: String, expected: SiteLanguage) {
        #expect(SiteLanguage.preferred(acceptLanguage: header) == expected)
    }
}
