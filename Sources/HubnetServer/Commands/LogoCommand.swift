import Foundation
import HubnetActions
import HubnetCore
import Vapor

/// `hubnet logo ORGANISATION FILE`: for operators who bring logos for many organisations at
/// once; the same checks and scaling as the form, audited as the command line. (Removing is
/// for the profile's editors, on the page or through the API.)
struct LogoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "organisation", help: "The organisation's id.")
        var organisation: String
        @Argument(name: "file", help: "A PNG or JPEG file.")
        var file: String
    }

    var help: String { "Sets an organisation's logo from a PNG or JPEG file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let id = UUID(uuidString: signature.organisation) else {
            throw CommandProblem("'\(signature.organisation)' is not an organisation id (a UUID).")
        }
        let app = context.application
        try await app.autoMigrate()
        let actions = LogoActions(app.commandActions)
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandProblem("Cannot read the file '\(signature.file)'.")
        }
        let started = ContinuousClock.now
        do {
            let organisation = try await actions.replaceAsOperator(id, with: Array(data))
            let seconds = (ContinuousClock.now - started) / .seconds(1)
            context.console.print("Set the logo of \(organisation.name) (version \(organisation.logoVersion ?? "–")) in \(String(format: "%.2f", seconds)) s.")
        } catch let failure as ValidationFailure {
            throw CommandProblem(failure.problems.map(\.message.en).joined(separator: " "))
        }
    }
}
