import CSV
import Foundation
import HubnetCore

/// The CSV form of organisations: one row each, topics joined by ";", both languages in
/// their own columns. Export writes it, import reads it back without loss.
enum OrganisationCSV {
    static let header = [
        "id", "name", "kind", "hub", "city", "topics", "description_de", "description_en", "offers_de", "offers_en",
        "seeks_de", "seeks_en", "website", "founded_year", "employees", "stage",
    ]

    /// Which CSV column an API field name stands for, for error messages.
    static let columnOfField: [String: String] = [
        "description": "description_de/description_en", "offers": "offers_de/offers_en",
        "seeks": "seeks_de/seeks_en", "foundedYear": "founded_year",
    ]

    static func row(_ organisation: Organisation) -> [String] {
        let o = organisation
        return [
            o.id.uuidString.lowercased(), o.name, o.kind.rawValue, o.hubSlug, o.city, o.topicSlugs.joined(separator: ";"),
            o.description.de, o.description.en, o.offers.de, o.offers.en, o.seeks.de, o.seeks.en,
            o.website ?? "", o.foundedYear.map(String.init) ?? "", o.employees?.rawValue ?? "", o.stage?.rawValue ?? "",
        ]
    }

    static func write(_ organisations: [Organisation], to writer: CSVWriter) throws {
        for organisation in organisations { try writer.write(row: row(organisation)) }
    }

    /// Reads every row; a row that does not make a valid organisation yields its problems.
    static func read(_ text: String) throws -> [ImportRow] {
        let reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: false)
        let columns = reader.headerRow ?? []
        let missing = ["name", "kind", "hub", "city", "topics"].filter { !columns.contains($0) }
        guard missing.isEmpty else {
            throw CommandProblem("The CSV header lacks the column(s) \(missing.joined(separator: ", ")); expected: \(header.joined(separator: ","))")
        }
        var rows: [ImportRow] = []
        var line = 1
        while let values = reader.next() {
            line += 1
            var fields: [String: String] = [:]
            for (column, value) in zip(columns, values) { fields[column] = value }
            rows.append(ImportRow(line: line, result: organisation(from: fields)))
        }
        return rows
    }

    private static func organisation(from fields: [String: String]) -> Result<Organisation, ValidationFailure> {
        func value(_ column: String) -> String { fields[column] ?? "" }
        func optional(_ column: String) -> String? { value(column).isEmpty ? nil : value(column) }
        var problems: [FieldProblem] = []
        func problem(_ column: String, _ en: String, _ de: String) {
            problems.append(FieldProblem(field: column, message: .init(de: de, en: en)))
        }
        var id = UUID()
        if let raw = optional("id") {
            if let parsed = UUID(uuidString: raw) { id = parsed } else { problem("id", "'\(raw)' is not a UUID.", "„\(raw)“ ist keine UUID.") }
        }
        let kind = OrganisationKind(rawValue: value("kind"))
        if kind == nil { problem("kind", "Unknown kind '\(value("kind"))'.", "Unbekannte Art „\(value("kind"))“.") }
        var foundedYear: Int?
        if let raw = optional("founded_year") {
            foundedYear = Int(raw)
            if foundedYear == nil { problem("founded_year", "'\(raw)' is not a year.", "„\(raw)“ ist keine Jahreszahl.") }
        }
        let employees = optional("employees").map { EmployeeBand(rawValue: $0) }
        if employees == .some(nil) { problem("employees", "Unknown size '\(value("employees"))'.", "Unbekannte Größe „\(value("employees"))“.") }
        let stage = optional("stage").map { FundingStage(rawValue: $0) }
        if stage == .some(nil) { problem("stage", "Unknown stage '\(value("stage"))'.", "Unbekannte Phase „\(value("stage"))“.") }

        let organisation = Organisation(
            id: id, name: value("name"), kind: kind ?? .startup, hubSlug: value("hub"), city: value("city"),
            topicSlugs: value("topics").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) },
            description: .init(de: value("description_de"), en: value("description_en")),
            offers: .init(de: value("offers_de"), en: value("offers_en")),
            seeks: .init(de: value("seeks_de"), en: value("seeks_en")),
            website: optional("website"), foundedYear: foundedYear, employees: employees ?? nil, stage: stage ?? nil)
        do {
            let validated = try organisation.validated()
            return problems.isEmpty ? .success(validated) : .failure(ValidationFailure(problems))
        } catch {
            // Report the columns a person sees in the file, not the API's field names.
            let renamed = error.problems
                .filter { problem in !(problem.field == "stage" && problems.contains { $0.field == "kind" }) }
                .map { FieldProblem(field: columnOfField[$0.field] ?? $0.field, message: $0.message) }
            return .failure(ValidationFailure(problems + renamed))
        }
    }
}

/// One row of an import file: the organisation it makes, or what is wrong with it.
struct ImportRow {
    /// Line in a CSV file, position (from 1) in a JSON array.
    let line: Int
    let result: Result<Organisation, ValidationFailure>
}
