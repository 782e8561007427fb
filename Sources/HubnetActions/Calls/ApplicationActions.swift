import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// Applying to a call: a draft for one of the member's organisations, answers saved as often as
/// wished, submitted while the round is open (with a confirmation), withdrawn before the decision.
public struct ApplicationActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    static let thing = LocalizedText(de: "Eine Bewerbung", en: "application")

    /// The organisation's application to the call: the one it has, or a new draft.
    public func start(call callID: UUID, organisation organisationID: UUID) async throws -> CallApplication {
        let memberID = try context.memberID()
        let call = try await CallActions(context).find(callID)
        guard let organisation = try await OrganisationStore(context.database).find(organisationID) else {
            throw DomainError.notFound(.init(de: "Eine Organisation", en: "organisation"), id: organisationID.lowercased)
        }
        try context.authorize(.applyToCall(organisation: organisationID))
        if let existing = try await CallStore(context.database).applications(organisations: [organisationID], member: nil)
            .first(where: { $0.callID == callID }) {
            return existing
        }
        guard case .open(let round) = call.phase(at: context.now) else { throw Self.closed(call, now: context.now) }
        if let reason = call.definition.ineligibility(of: organisation) { throw DomainError.conflict(reason) }
        let application = CallApplication(callID: callID, round: round, organisationID: organisationID, applicantName: organisation.name,
                                          hubSlug: organisation.hubSlug, applicantMemberID: memberID, updatedAt: context.now)
        @Sendable func existing(_ database: any Database) async throws -> CallApplication? {
            try await CallStore(database).applications(organisations: [organisationID], member: nil).first { $0.callID == callID }
        }
        do {
            return try await context.write { database in
                if let raced = try await existing(database) { return raced }
                try await CallStore(database).save(application)
                try await context.audit("application.start", "application", application.id.lowercased, hub: call.hub,
                                        after: AuditJSON.encode(["call": callID.lowercased, "organisation": organisationID.lowercased]), on: database)
                return application
            }
        } catch {
            // Two tabs at once: the unique key keeps one draft; the one that lost finds it.
            guard let failure = error as? any DatabaseError, failure.isConstraintFailure,
                  let raced = try await existing(context.database) else { throw error }
            return raced
        }
    }

    /// An uploaded file, as the browser sent it.
    public struct Upload: Sendable {
        public let name: String
        public let bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// Saves the answers of a draft; only what is written is checked, so half a form can wait.
    /// Files replace the field's earlier file; a file field without an upload keeps its file.
    public func save(_ id: UUID, answers raw: [String: String], files: [String: Upload] = [:]) async throws -> CallApplication {
        let (ownApplication, call) = try await own(id)
        var application = ownApplication
        guard application.state == .draft else {
            throw DomainError.conflict(.init(de: "Eine eingereichte Bewerbung ändert sich nicht mehr; ziehen Sie sie zurück, um neu zu beginnen.",
                                             en: "A submitted application no longer changes; withdraw it to start again."))
        }
        var answers: [String: String] = [:], problems: [FieldProblem] = []
        var stored: [URL] = [], replaced: [URL] = []
        for field in call.definition.fields {
            if field.kind == .file {
                if let upload = files[field.key], !upload.bytes.isEmpty {
                    if let problem = ApplicationAttachment.problem(with: upload.bytes, field: field) { problems.append(problem); continue }
                    if let earlier = application.answers[field.key].flatMap(ApplicationAttachment.init(answer:)) { replaced.append(file(earlier, of: id)) }
                    let attachment = ApplicationAttachment(name: ApplicationAttachment.displayName(upload.name), size: upload.bytes.count,
                                                           type: ApplicationAttachment.type(of: upload.bytes)!, stored: UUID().lowercased)
                    let url = file(attachment, of: id)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(upload.bytes).write(to: url, options: .atomic)
                    stored.append(url)
                    answers[field.key] = attachment.answer
                } else if let earlier = application.answers[field.key] {
                    answers[field.key] = earlier
                }
                continue
            }
            var optional = field
            optional.required = false
            let (answer, problem) = optional.check(raw[field.key])
            if let problem { problems.append(problem) } else if !answer.isEmpty { answers[field.key] = answer }
        }
        // An organisation named must be in the directory.
        let named = call.definition.fields.filter { $0.kind == .organisation }.compactMap { field in answers[field.key].map { (field, $0) } }
        if !named.isEmpty {
            let found = Set(try await OrganisationStore(context.database).find(named.compactMap { UUID(uuidString: $0.1) }).map(\.id))
            for (field, answer) in named where !found.contains(UUID(uuidString: answer) ?? UUID()) {
                problems.append(FieldProblem(field: field.key, message: .init(de: "„\(field.label.de)“: diese Organisation gibt es im Verzeichnis nicht.",
                                                                             en: "'\(field.label.en)': there is no such organisation in the directory.")))
            }
        }
        // Nothing changes unless everything is right: files written for this save go again.
        func discard(_ urls: [URL]) { for url in urls { try? FileManager.default.removeItem(at: url) } }
        if !problems.isEmpty {
            discard(stored)
            throw ValidationFailure(problems)
        }
        application.answers = answers
        application.updatedAt = context.now
        let saved = application
        do {
            try await context.write { database in try await CallStore(database).save(saved) }
        } catch {
            discard(stored)
            throw error
        }
        discard(replaced)
        return saved
    }

    /// Where an attachment lies: one folder per application, the server's own file names.
    func file(_ attachment: ApplicationAttachment, of application: UUID) -> URL {
        context.services.attachmentFolder.appendingPathComponent("applications").appendingPathComponent(application.lowercased)
            .appendingPathComponent(attachment.stored)
    }

    /// A file of an application, for whoever may see the application; nobody else learns it exists.
    public func attachment(_ id: UUID, field key: String) async throws -> (attachment: ApplicationAttachment, bytes: Data) {
        let (application, call) = try await find(id)
        let missing = DomainError.notFound(.init(de: "Eine Datei", en: "file"), id: key)
        guard call.definition.fields.contains(where: { $0.key == key && $0.kind == .file }),
              let attachment = application.answers[key].flatMap(ApplicationAttachment.init(answer:)),
              attachment.stored.allSatisfy({ $0.isHexDigit || $0 == "-" }),
              let bytes = FileManager.default.contents(atPath: file(attachment, of: id).path) else { throw missing }
        return (attachment, bytes)
    }

    /// Submits a draft while its call's round is open; the applicant gets a confirmation.
    public func submit(_ id: UUID) async throws -> CallApplication {
        let (ownApplication, call) = try await own(id)
        var application = ownApplication
        guard application.state == .draft else {
            throw DomainError.conflict(.init(de: "Diese Bewerbung ist schon \(application.state.label.de.lowercased()).",
                                             en: "This application is \(application.state.label.en.lowercased()) already."))
        }
        guard case .open(let round) = call.phase(at: context.now) else { throw Self.closed(call, now: context.now) }
        application.answers = try CallApplication.checkedAnswers(application.answers, for: call.definition.fields)
        application.state = .submitted
        application.round = round
        application.submittedAt = context.now
        application.updatedAt = context.now
        let submitted = application
        try await context.write { database in
            try await CallStore(database).save(submitted)
            try await context.audit("application.submit", "application", submitted.id.lowercased, hub: call.hub,
                                    after: AuditJSON.encode(["call": call.id.lowercased, "round": "\(round)"]), on: database)
            if let applicant = submitted.applicantMemberID, let member = try await MemberRecord.find(applicant, on: database) {
                try await Notice(context: context.acting(as: .anonymous), database: database, text: .init(
                    de: "Ihre Bewerbung „\(submitted.applicantName)“ für „\(call.title.de)“ ist eingegangen (Runde \(round)). Sie können sie bis zum Ende der Runde zurückziehen.",
                    en: "Your application '\(submitted.applicantName)' to '\(call.title.en)' has been received (round \(round)). You can withdraw it until the round closes."),
                                 path: "applications/\(submitted.id.lowercased)",
                                 subject: .init(de: "Bewerbung eingegangen: \(call.title.de)", en: "Application received: \(call.title.en)"),
                                 opportunity: nil).send(to: [member], key: "application-submitted-\(submitted.id.lowercased)")
            }
        }
        return submitted
    }

    /// Withdraws an application that is not decided yet; the jury stops seeing it.
    public func withdraw(_ id: UUID) async throws -> CallApplication {
        let (ownApplication, call) = try await own(id)
        var application = ownApplication
        guard [.draft, .submitted, .underReview].contains(application.state), application.decision == nil else {
            throw DomainError.conflict(.init(de: "Diese Bewerbung kann nicht mehr zurückgezogen werden.", en: "This application can no longer be withdrawn."))
        }
        application.state = .withdrawn
        application.updatedAt = context.now
        let withdrawn = application
        try await context.write { database in
            try await CallStore(database).save(withdrawn)
            try await context.audit("application.withdraw", "application", withdrawn.id.lowercased, hub: call.hub, on: database)
        }
        return withdrawn
    }

    /// An application as the reader may see it: the applicant's side, the call's managers, an
    /// assigned juror; the history of the hub competition for everyone. Decisions reach the
    /// applicant once their round is published.
    public func find(_ id: UUID) async throws -> (application: CallApplication, call: Call) {
        let missing = DomainError.notFound(Self.thing, id: id.lowercased)
        guard var application = try await CallStore(context.database).application(id) else { throw missing }
        let call = try await CallActions(context).find(application.callID)
        let actor = context.actor
        let published = call.rounds.first { $0.number == application.round }?.publishedAt != nil
        if CallActions(context).manages(call) { return (application, call) }
        let applicant = application.organisationID.map(actor.actsFor(organisation:)) ?? false
            || (application.applicantMemberID != nil && application.applicantMemberID == actor.memberID)
        let historic = application.organisationID == nil && published
        var juror = false
        if let member = actor.memberID, actor.roles.contains(.juryMember(call: call.id)) {
            juror = try await CallStore(context.database).assignments(member: member).contains { $0.application == id }
        }
        guard applicant || historic || juror else { throw missing }
        if !published, !juror {
            application.decision = nil
            application.decisionMessage = ""
        }
        return (application, call)
    }

    /// The applications of the reader's organisations and their own, newest first, with their calls.
    public func mine() async throws -> [(application: CallApplication, call: Call)] {
        let memberID = try context.memberID()
        let applications = try await CallStore(context.database).applications(organisations: context.actor.organisations, member: memberID)
        var result: [(CallApplication, Call)] = []
        for application in applications {
            if let found = try? await find(application.id) { result.append(found) }
        }
        return result
    }

    /// The reader's own application to change: the applicant's side only.
    private func own(_ id: UUID) async throws -> (CallApplication, Call) {
        _ = try context.memberID()
        let (application, call) = try await find(id)
        guard let organisation = application.organisationID else { throw DomainError.notAllowed }
        try context.authorize(.applyToCall(organisation: organisation))
        return (application, call)
    }

    static func closed(_ call: Call, now: Date) -> DomainError {
        if case .upcoming(let opens) = call.phase(at: now) {
            return .conflict(.init(de: "Bewerbungen sind ab \(NetworkCalendar.dayAndTime(of: opens, language: .de)) möglich.",
                                   en: "Applications open on \(NetworkCalendar.dayAndTime(of: opens, language: .en))."))
        }
        return .conflict(.init(de: "Die Bewerbungsfrist ist abgelaufen.", en: "The application period has closed."))
    }
}
