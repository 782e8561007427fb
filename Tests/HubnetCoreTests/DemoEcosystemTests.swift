import Foundation
import HubnetCore
import Testing

@Suite struct DemoEcosystemTests {
    let organisations = DemoEcosystem(seed: 7).organisations(count: 3_000)

    @Test func theSameSeedGivesTheSameNetwork() {
        #expect(DemoEcosystem(seed: 7).organisations(count: 200) == Array(organisations.prefix(200)))
        #expect(DemoEcosystem(seed: 8).organisations(count: 200) != Array(organisations.prefix(200)))
    }

    @Test func everyDemoOrganisationIsValidAndBilingual() throws {
        for organisation in organisations {
            _ = try organisation.validated(currentYear: 2026)
            #expect(!organisation.description.de.isEmpty && !organisation.description.en.isEmpty)
            #expect(!organisation.offers.de.isEmpty && !organisation.seeks.en.isEmpty)
            // Reserved for examples: no real company's site is named.
            #expect(organisation.website?.hasSuffix(".example") == true)
        }
    }

    /// A demo that looks real: no two organisations share a name, every topic of the
    /// taxonomy has organisations, and the German reads as German (no label dropped into a
    /// sentence in the wrong case).
    @Test func namesAreUniqueAndEveryTopicHasOrganisations() {
        let names = organisations.map(\.name)
        #expect(Set(names).count == names.count, "duplicates: \(Dictionary(grouping: names) { $0 }.filter { $1.count > 1 }.keys.sorted().prefix(5))")
        let used = Set(organisations.flatMap(\.topicSlugs))
        #expect(Taxonomy.topics.map(\.slug).filter { !used.contains($0) } == [])
        let broken = ["mit Künstliche ", "mit Maschinelles ", "mit Neue ", "in Künstliche ", "für Internet der Dinge", "angewandte InsurTech"]
        for organisation in organisations {
            let text = [organisation.name, organisation.description.de, organisation.offers.de, organisation.seeks.de].joined(separator: " ")
            #expect(!broken.contains { text.contains($0) }, "\(text)")
        }
    }

    @Test(arguments: [("hamburg", "logistics"), ("dortmund", "logistics"), ("ludwigshafen-mannheim", "chemistry"),
                      ("karlsruhe", "artificial-intelligence"), ("cologne", "insurtech")])
    func hubsAreStrongInTheirFocus(hub: String, focus: String) {
        let inHub = organisations.filter { $0.hubSlug == hub }
        let onFocus = inHub.filter { $0.topicSlugs.contains(focus) }
        #expect(inHub.count > 50)
        #expect(Double(onFocus.count) / Double(inHub.count) > 0.6)
        // And the focus is rare elsewhere.
        let elsewhere = organisations.filter { $0.hubSlug != hub && !(Network.hub($0.hubSlug)?.focusTopicSlugs.contains(focus) ?? false) }
        #expect(Double(elsewhere.filter { $0.topicSlugs.contains(focus) }.count) / Double(elsewhere.count) < 0.1)
    }

    @Test func cyberSecurityLivesInDarmstadt() {
        let cyber = organisations.filter { $0.hubSlug == "frankfurt-darmstadt" && $0.topicSlugs.first == "cyber-security" }
        #expect(!cyber.isEmpty)
        #expect(cyber.allSatisfy { $0.city == "Darmstadt" })
    }
}
