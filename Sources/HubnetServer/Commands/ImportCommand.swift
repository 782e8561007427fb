import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import Vapor

/// `hubnet import organisations FILE.csv|FILE.json [--skip-invalid]`
///
/// Checks every row before writing anything. With one bad row nothing is imported, unless
/// --skip-invalid is given; then the good rows are, and the bad ones are listed.
/// Rows whose id exists already update that organisation.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "What to import: organisations.")
        var what: String
        @Argument(name: "file", help: "A .csv or .json file as `hubnet export organisations` writes it.")
        var file: String
        @Flag(name: "skip-invalid", help: "Import the valid rows and list the invalid ones.")
        var skipInvalid: Bool
    }

    var help: String { "Imports organisations from CSV or JSON after checking every row." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.what == "organisations" else {
            throw CommandProblem("Only 'organisations' can be imported, not '\(signature.what)'.")
        }
        let url = URL(fileURLWithPath: signature.file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CommandProblem("Cannot read \(signature.file).")
        }
        let rows: [ImportRow]
        switch url.pathExtension.lowercased() {
        case "csv":
            guard let text = String(data: data, encoding: .utf8) else { throw CommandProblem("\(signature.file) is not UTF-8 text.") }
            rows = try OrganisationCSV.read(text)
        case "json":
            rows = try OrganisationJSON.read(data)
        default:
            throw CommandProblem("The file must end in .csv or .json, got '\(url.lastPathComponent)'.")
        }
        let unit = url.pathExtension.lowercased() == "csv" ? "line" : "element"
        let report = ImportReport(rows: rows)
        for (line, problem) in report.problems {
            context.console.print("\(unit) \(line), column \(problem.field): \(problem.message.en)")
        }
        if !report.problems.isEmpty && !signature.skipInvalid {
            throw CommandProblem("Nothing imported: \(report.invalidLines.count) of \(rows.count) rows have problems (listed above). Fix them, or add --skip-invalid.")
        }

        let app = context.application
        try await app.autoMigrate()
        try await ReferenceData.sync(on: app.db)
        let progress = ProgressLine(total: report.valid.count, label: "Importing organisations")
        // The same audited write as every other change, acting as the command line.
        let (created, updated) = try await OrganisationActions(app.commandActions).importChecked(report.valid) { progress.update($0) }
        progress.finish()
        context.console.print("Imported \(report.valid.count) organisations: \(created) new, \(updated) updated.")
        if !report.invalidLines.isEmpty {
            context.console.print("Skipped \(report.invalidLines.count) invalid \(unit)s: \(report.invalidLines.map(String.init).joined(separator: ", ")).")
        }
    }
}

/// The verdict over all rows of an import file, including ids given twice.
struct ImportReport {
    let valid: [Organisation]
    let problems: [(line: Int, problem: FieldProblem)]
    let invalidLines: [Int]

    init(rows: [ImportRow]) {
        var valid: [Organisation] = []
        var problems: [(Int, FieldProblem)] = []
        var invalid: [Int] = []
        var seen: [UUID: Int] = [:]
        for row in rows {
            switch row.result {
            case .success(let organisation):
                if let first = seen[organisation.id] {
                    problems.append((row.line, FieldProblem(field: "id", message: .init(
                        de: "Dieselbe id wie in Zeile \(first).", en: "The same id as row \(first)."))))
                    invalid.append(row.line)
                } else {
                    seen[organisation.id] = row.line
                    valid.append(organisation)
                }
            case .failure(let failure):
                problems += failure.problems.map { (row.line, $0) }
                invalid.append(row.line)
            }
        }
        self.valid = valid
        self.problems = problems
        self.invalidLines = invalid
    }
}
