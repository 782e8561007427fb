import Foundation
import HubnetCore
import Testing

struct CallRankingTests {
    let criteria = [CallCriterion(key: "idea", weight: 2, lowest: 1, highest: 5), CallCriterion(key: "team", weight: 1, lowest: 0, highest: 10)]
    let strict = UUID(), generous = UUID()
    let first = UUID(), second = UUID(), third = UUID()

    @Test func equalScoresShareAPlaceAndTheNextPlaceIsSkipped() {
        let reviews = [
            ReviewScores(reviewer: strict, application: first, scores: ["idea": 5, "team": 10]),
            ReviewScores(reviewer: strict, application: second, scores: ["idea": 3, "team": 5]),
            ReviewScores(reviewer: strict, application: third, scores: ["idea": 3, "team": 5]),
        ]
        let ranking = CallRanking(applications: [first, second, third], reviews: reviews, criteria: criteria, normalisePerReviewer: false)
        #expect(ranking.entries.map(\.place) == [1, 2, 2])
        #expect(ranking.entries.map(\.tied) == [false, true, true])
        #expect(ranking.entries[0].application == first)
        #expect(abs(ranking.entries[0].score - 1) < 1e-12)
        #expect(abs(ranking.entries[1].score - 0.5) < 1e-12)
    }

    @Test func normalisingMakesAStrictAndAGenerousJurorCountAlike() {
        // The strict juror gives 2 and 1, the generous one 5 and 4: the same opinion.
        let reviews = [
            ReviewScores(reviewer: strict, application: first, scores: ["idea": 2, "team": 2]),
            ReviewScores(reviewer: strict, application: second, scores: ["idea": 1, "team": 0]),
            ReviewScores(reviewer: generous, application: third, scores: ["idea": 5, "team": 10]),
            ReviewScores(reviewer: generous, application: second, scores: ["idea": 4, "team": 8]),
        ]
        let raw = CallRanking(applications: [first, second, third], reviews: reviews, criteria: criteria, normalisePerReviewer: false)
        #expect(raw.entries.map(\.application) == [third, second, first])
        let normalised = CallRanking(applications: [first, second, third], reviews: reviews, criteria: criteria, normalisePerReviewer: true)
        #expect(normalised.entries.map(\.place) == [1, 1, 3])
        #expect(normalised.entries.last?.application == second)
        // Second was reviewed by both, far apart on the raw scale: flagged.
        #expect(raw.entries.first { $0.application == second }?.disagreement == true)
        #expect(raw.entries.first { $0.application == first }?.disagreement == false)
    }

    @Test func incompleteReviewsDoNotCountAndUnreviewedApplicationsAreNamed() {
        let reviews = [ReviewScores(reviewer: strict, application: first, scores: ["idea": 4]),
                       ReviewScores(reviewer: strict, application: second, scores: ["idea": 9, "team": 1])]
        let ranking = CallRanking(applications: [first, second], reviews: reviews, criteria: criteria, normalisePerReviewer: false)
        #expect(ranking.entries.isEmpty)
        #expect(ranking.unreviewed == [first, second])
    }
}

struct ApplicationFieldTests {
    @Test func answersAreCheckedByTheirKind() {
        let organisation = ApplicationField(key: "f1", kind: .organisation, label: .init(de: "Partner", en: "Partner"))
        let id = UUID()
        #expect(organisation.check("https://hubnet.example/de/organisations/\(id.lowercased)?notice=created").answer == id.lowercased)
        #expect(organisation.check("Hafen AG").problem?.message.en.contains("address of its profile") == true)
        let number = ApplicationField(key: "f2", kind: .number, label: .init(de: "Umsatz", en: "Revenue"), required: false)
        #expect(number.check("1,5").problem == nil && number.check("viel").problem != nil && number.check("").problem == nil)
        let choice = ApplicationField(key: "f3", kind: .choice, label: .init(de: "Phase", en: "Stage"), choices: ["Idee", "Produkt"])
        #expect(choice.check("Produkt").problem == nil && choice.check("Exit").problem != nil && choice.check(" ").problem != nil)
        let text = ApplicationField(key: "f4", kind: .text, label: .init(de: "Name", en: "Name"))
        #expect(text.check("Zeile\r\nX-Injected: 1").problem != nil)
        #expect(ApplicationAttachment.type(of: Array("%PDF-1.7".utf8)) == "application/pdf" && ApplicationAttachment.type(of: [0x4D, 0x5A]) == nil)
    }
}
