import Foundation
import HubnetCore
import HubnetViews
import Vapor

/// The organisers' call form as posted: every value kept (to show again), and the call it
/// describes, or the problems that stop it. Empty rows of rounds, questions and criteria are
/// left out.
struct CallForm {
    var values: [String: String] = [:]
    var kinds: [String] = []
    var hubs: [String] = []

    init(_ request: Request) {
        let keys = ["titleDe", "titleEn", "descriptionDe", "descriptionEn", "kind", "hub", "foundedFrom", "reviewersPerApplication", "jurorLoad",
                    "sameHubIsConflict", "normalise", "disagreement", "affinityFloor"]
            + (1...CallPages.FormModel.roundRows).flatMap { ["opens\($0)", "closes\($0)"] }
            + (1...CallPages.FormModel.fieldRows).flatMap { row in ["De", "En", "Kind", "Required", "Choices"].map { "field\(row)\($0)" } }
            + (1...CallPages.FormModel.criterionRows).flatMap { row in ["De", "En", "Weight", "Lowest", "Highest"].map { "criterion\(row)\($0)" } }
        for key in keys { values[key] = (try? request.content.get(String.self, at: key)) ?? "" }
        kinds = (try? request.content.get([String].self, at: "kinds")) ?? []
        hubs = (try? request.content.get([String].self, at: "hubs")) ?? []
    }

    init(call: Call) {
        (values, kinds, hubs) = CallPages.FormModel.values(of: call)
    }

    /// The call these values describe, as `id` (a new one, or the one being changed).
    func call(id: UUID) throws(ValidationFailure) -> Call {
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ de: String, _ en: String) { problems.append(FieldProblem(field: field, message: .init(de: de, en: en))) }
        func value(_ key: String) -> String { (values[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func number(_ key: String, default fallback: Int? = nil) -> Int? {
            let text = value(key)
            if text.isEmpty { return fallback }
            guard let number = Int(text) else {
                problem(key, "Bitte eine ganze Zahl angeben.", "Please give a whole number.")
                return fallback
            }
            return number
        }
        var rounds: [CallRound] = []
        for row in 1...CallPages.FormModel.roundRows {
            let (opens, closes) = (value("opens\(row)"), value("closes\(row)"))
            if opens.isEmpty, closes.isEmpty { continue }
            guard let start = NetworkCalendar.moment(opens), let end = NetworkCalendar.moment(closes) else {
                problem("round\(row)", "Runde \(row): Beginn und Ende brauchen Datum und Uhrzeit.", "Round \(row): start and end need a date and a time.")
                continue
            }
            rounds.append(CallRound(number: rounds.count + 1, opens: start, closes: end))
        }
        var fields: [ApplicationField] = []
        for row in 1...CallPages.FormModel.fieldRows {
            let (de, en) = (value("field\(row)De"), value("field\(row)En"))
            if de.isEmpty, en.isEmpty { continue }
            guard let kind = ApplicationField.Kind(rawValue: value("field\(row)Kind")) else {
                problem("f\(row)", "Unbekannte Art der Frage.", "Unknown kind of question.")
                continue
            }
            fields.append(ApplicationField(kind: kind, label: .init(de: de, en: en), required: value("field\(row)Required") == "on",
                                           choices: kind == .choice ? value("field\(row)Choices").split(separator: ";").map(String.init) : []))
        }
        var criteria: [CallCriterionDefinition] = []
        for row in 1...CallPages.FormModel.criterionRows {
            let (de, en) = (value("criterion\(row)De"), value("criterion\(row)En"))
            if de.isEmpty, en.isEmpty { continue }
            let weight = Double(value("criterion\(row)Weight").replacingOccurrences(of: ",", with: ".")) ?? (value("criterion\(row)Weight").isEmpty ? 1 : -1)
            criteria.append(CallCriterionDefinition(label: .init(de: de, en: en), weight: weight,
                                                    lowest: number("criterion\(row)Lowest", default: 1) ?? 1,
                                                    highest: number("criterion\(row)Highest", default: 5) ?? 5))
        }
        let unknownKinds = kinds.filter { OrganisationKind(rawValue: $0) == nil }
        if !unknownKinds.isEmpty { problem("kinds", "Unbekannte Art von Organisation.", "Unknown kind of organisation.") }
        let kind = CallKind(rawValue: value("kind"))
        if kind == nil { problem("kind", "Bitte die Art des Calls wählen.", "Please choose the kind of call.") }
        let disagreement = Double(value("disagreement").replacingOccurrences(of: ",", with: ".")) ?? (value("disagreement").isEmpty ? 0.3 : -1)
        let floorText = value("affinityFloor").replacingOccurrences(of: ",", with: ".")
        let floor = floorText.isEmpty ? nil : (Double(floorText) ?? -1)
        let definition = CallDefinition(
            fields: fields, criteria: criteria, eligibleKinds: kinds.compactMap(OrganisationKind.init(rawValue:)), eligibleHubs: hubs,
            foundedFrom: number("foundedFrom"), reviewersPerApplication: number("reviewersPerApplication", default: 3) ?? 3,
            jurorLoad: number("jurorLoad", default: 10) ?? 10, sameHubIsConflict: value("sameHubIsConflict") == "on",
            normalisePerReviewer: value("normalise") == "on", disagreementThreshold: disagreement, affinityFloor: floor)
        let call = Call(id: id, title: .init(de: value("titleDe"), en: value("titleEn")),
                        description: .init(de: value("descriptionDe"), en: value("descriptionEn")), kind: kind ?? .programme,
                        hub: value("hub").isEmpty ? nil : value("hub"), rounds: rounds, definition: definition)
        let checked: Call
        do { checked = try call.validated() } catch { throw ValidationFailure(problems + error.problems) }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return checked
    }
}
