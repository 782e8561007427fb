import HubnetCore
import HubnetPersistence
import Vapor

/// `hubnet seed [--demo] [--organisations N] [--seed S] [--replace]`
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "demo", help: "Also create a demo ecosystem of invented organisations.")
        var demo: Bool
        @Option(name: "organisations", help: "How many demo organisations (default 1000).")
        var organisations: Int?
        @Option(name: "seed", help: "Seed of the demo generator; the same seed gives the same network (default 2017).")
        var seed: Int?
        @Flag(name: "replace", help: "Remove all organisations first.")
        var replace: Bool
    }

    var help: String { "Migrates, brings hubs and topics up to date and, with --demo, creates a demo network." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = signature.organisations ?? 1_000
        guard (1...2_000_000).contains(count) else {
            throw CommandProblem("--organisations must be between 1 and 2000000, got \(count).")
        }
        try await app.autoMigrate()
        try await ReferenceData.sync(on: app.db)
        context.console.print("Hubs and topics are up to date: \(Network.hubs.count) hubs, \(Taxonomy.topics.count) topics.")
        guard signature.demo else { return }

        let store = OrganisationStore(app.db)
        if signature.replace {
            try await DemoSeeder.removeAllOrganisations(on: app.db)
        } else if try await store.count() > 0 {
            throw CommandProblem("The database already holds organisations; add --replace to remove them first.")
        }
        let progress = ProgressLine(total: count, label: "Seeding organisations")
        try await DemoSeeder.seed(count: count, seed: UInt64(signature.seed ?? 2017), on: app.db) { progress.update($0) }
        progress.finish()
        context.console.print("Created \(count) demo organisations.")
    }
}

/// A command's refusal: printed as it is, without a stack trace.
struct CommandProblem: Error, CustomStringConvertible, LocalizedError {
    let description: String
    init(_ description: String) { self.description = description }
    var errorDescription: String? { description }
}

/// Progress of a long job on one line of standard error, so standard output stays clean.
final class ProgressLine: Sendable {
    let total: Int
    let label: String

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    func update(_ done: Int) {
        let percent = total == 0 ? 100 : done * 100 / total
        FileHandle.standardError.write(Data("\r\(label): \(done)/\(total) (\(percent)%)".utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
