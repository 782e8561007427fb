import ConsoleKit
import Foundation
import HubnetCore
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import Testing
import Vapor

/// `hubnet export` and `hubnet import` as a person runs them.
@Suite struct TransferTests {
    private func run(_ command: any AsyncCommand, _ arguments: [String], on app: Application) async throws {
        var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["hubnet"] + arguments))
        context.application = app
        try await command.run(using: &context)
    }

    private func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    @Test(arguments: TestDatabase.kinds)
    func exportThenImportRoundTripsWithoutLoss(_ kind: TestDatabase.Kind) async throws {
        for format in ["csv", "json"] {
            let file = temporaryFile("organisations.\(format)")
            defer { try? FileManager.default.removeItem(atPath: file) }
            var original: [Organisation] = []
            try await TestApp.with(kind, organisations: 150) { app in
                // Awkward content must survive too: quotes, commas, new lines, umlauts.
                var odd = DemoEcosystem(seed: 99).organisations(count: 1)[0]
                odd.name = "Quote \"Comma, Semi; Line\" GmbH"
                odd.description = .init(de: "Zeile eins\nZeile zwei, mit „Anführung“ und ß", en: "")
                odd.website = nil
                odd.foundedYear = nil
                odd.employees = nil
                try await OrganisationStore(app.db).create(odd)
                try await OrganisationStore(app.db).forEachBatch { original += $0 }
                try await run(ExportCommand(), ["organisations", "--format", format, "--output", file], on: app)
            }
            try await TestApp.with(kind) { app in
                try await run(ImportCommand(), ["organisations", file], on: app)
                var imported: [Organisation] = []
                try await OrganisationStore(app.db).forEachBatch { imported += $0 }
                #expect(imported.count == 151, "\(format)")
                #expect(Set(imported) == Set(original), "\(format)")
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func oneBadRowImportsNothingUnlessSkipped(_ kind: TestDatabase.Kind) async throws {
        let file = temporaryFile("organisations.csv")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let good = DemoEcosystem(seed: 4).organisations(count: 3)
        var rows = [OrganisationCSV.header.joined(separator: ",")]
        rows += good.map { OrganisationCSV.row($0).map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ",") }
        rows.append(",Broken Robotics,spaceship,atlantis,Nowhere,logistics,Text,,,,,,,1700,,")
        try rows.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)

        try await TestApp.with(kind) { app in
            await #expect {
                try await run(ImportCommand(), ["organisations", file], on: app)
            } throws: { error in
                "\(error)".contains("Nothing imported: 1 of 4 rows")
            }
            let before = try await OrganisationStore(app.db).count()
            #expect(before == 0)

            try await run(ImportCommand(), ["organisations", file, "--skip-invalid"], on: app)
            let after = try await OrganisationStore(app.db).count()
            #expect(after == 3)
            // A running site, a process of its own, finds them in the journal at its next sync.
            try await app.directory.synchronize(on: app.db)
            let index = try await app.directory.snapshot(on: app.db)
            #expect(index.count == 3)
        }
    }

    @Test func csvProblemsNameTheLineAndColumn() throws {
        let text = """
        name,kind,hub,city,topics,description_de,description_en,founded_year
        Good One,startup,berlin,Berlin,fintech,Gut,,2020
        B,corporate,berlin,Berlin,fintech;telepathy,,,next year
        """
        let rows = try OrganisationCSV.read(text)
        #expect(rows.count == 2)
        let report = ImportReport(rows: rows)
        #expect(report.valid.map(\.name) == ["Good One"])
        let problems = report.problems.map { "\($0.line):\($0.problem.field)" }
        #expect(Set(problems) == ["3:founded_year", "3:name", "3:topics", "3:description_de/description_en"])
    }

    @Test func aMissingColumnIsRefusedBeforeAnyRow() {
        #expect(throws: CommandProblem.self) { try OrganisationCSV.read("name,kind\nA,startup") }
    }
}
