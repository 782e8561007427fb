import CSV
import Foundation
import HubnetCore
import HubnetPersistence
import Vapor

/// `hubnet export organisations --format csv|json [--output FILE]`
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "What to export: organisations.")
        var what: String
        @Option(name: "format", help: "csv (default) or json.")
        var format: String?
        @Option(name: "output", help: "File to write; standard output when left out.")
        var output: String?
    }

    var help: String { "Exports all organisations as CSV or JSON, in a form `hubnet import` reads back." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.what == "organisations" else {
            throw CommandProblem("Only 'organisations' can be exported, not '\(signature.what)'.")
        }
        let format = signature.format ?? "csv"
        guard ["csv", "json"].contains(format) else { throw CommandProblem("--format must be csv or json, got '\(format)'.") }
        let app = context.application
        try await app.autoMigrate()
        let store = OrganisationStore(app.db)
        let total = try await store.count()
        let progress = ProgressLine(total: total, label: "Exporting organisations")
        var organisations: [Organisation] = []
        try await store.forEachBatch { batch in
            organisations += batch
            progress.update(organisations.count)
        }
        progress.finish()
        // A stable order, so two exports of the same data are the same file.
        organisations.sort { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }

        let data: Data
        if format == "json" {
            data = try OrganisationJSON.encode(organisations)
        } else {
            let writer = try CSVWriter(stream: .toMemory())
            try writer.write(row: OrganisationCSV.header)
            try OrganisationCSV.write(organisations, to: writer)
            writer.stream.close()
            data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        }
        if let output = signature.output {
            try data.write(to: URL(fileURLWithPath: output))
            context.console.print("Wrote \(organisations.count) organisations to \(output).")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
