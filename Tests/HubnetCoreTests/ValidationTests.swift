import Foundation
import HubnetCore
import Testing

@Suite struct OrganisationValidationTests {
    let valid = Organisation(
        name: "  Nordlicht Freight ", kind: .startup, hubSlug: "hamburg", city: "Hamburg",
        topicSlugs: ["logistics", "robotics", "logistics"], description: .init(de: "Wir bauen Roboter.", en: ""),
        website: "https://nordlicht.example", foundedYear: 2019, stage: .seed)

    @Test func aValidOrganisationIsTrimmedAndDeduplicated() throws {
        let checked = try valid.validated(currentYear: 2026)
        #expect(checked.name == "Nordlicht Freight")
        #expect(checked.topicSlugs == ["logistics", "robotics"])
    }

    @Test func everyProblemNamesItsField() {
        var bad = valid
        bad.name = "X"
        bad.hubSlug = "atlantis"
        bad.topicSlugs = ["underwater-basket-weaving"]
        bad.description = .init("")
        bad.website = "ftp://files"
        bad.foundedYear = 3000
        bad.kind = .corporate
        #expect {
            try bad.validated(currentYear: 2026)
        } throws: { error in
            let fields = Set((error as? ValidationFailure)?.problems.map(\.field) ?? [])
            return fields == ["name", "hub", "topics", "description", "website", "foundedYear", "stage"]
        }
    }

    @Test func tooManyTopicsAreRefused() {
        var bad = valid
        bad.topicSlugs = Array(Taxonomy.topics.prefix(9).map(\.slug))
        #expect(throws: ValidationFailure.self) { try bad.validated(currentYear: 2026) }
    }
}

@Suite struct DirectoryQueryTests {
    @Test func parametersBecomeAQuery() throws {
        let query = try DirectoryQuery(parameters: [
            ("q", "robot"), ("hub", "berlin"), ("hub", "hamburg"), ("kind", "startup"), ("topic", "logistics"),
            ("sort", "newest"), ("page", "2"), ("per", "50"), ("utm_source", "x"),
        ])
        #expect(query.text == "robot")
        #expect(query.hubs == ["berlin", "hamburg"])
        #expect(query.kinds == [.startup])
        #expect(query.topics == ["logistics"])
        #expect(query.sort == .newest)
        #expect(query.page == 2 && query.perPage == 50)
    }

    @Test(arguments: [
        ("kind", "spaceship"), ("hub", "atlantis"), ("topic", "nope"), ("sort", "random"), ("page", "0"),
        ("page", "two"), ("per", "1000"),
    ])
    func aBadParameterIsNamed(name: String, value: String) {
        #expect {
            try DirectoryQuery(parameters: [(name, value)])
        } throws: { error in
            (error as? ValidationFailure)?.problems.map(\.field) == [name == "per" ? "per" : name]
        }
    }
}
