import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// A call's jury: invitations, conflicts (declared and found in the network's data), the
/// assignment of jurors to applications, and the jurors' reviews.
public struct JuryActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    /// A juror as the managers' page lists them.
    public struct Juror: Sendable, Hashable {
        public let id: UUID
        public let name: String
        public let email: String
        public let expertise: String
        public let organisations: [Organisation]
    }

    /// Everything the jury page shows at once.
    public struct Overview: Sendable {
        public let call: Call
        public let jurors: [Juror]
        /// Applications still in the competition, in the order the page lists them.
        public let applications: [CallApplication]
        public let conflicts: [JuryConflict]
        public let assignments: [CallStore.Assignment]
        public let reviews: [CallStore.Review]
    }

    // MARK: Invitations

    /// Puts a person on the jury by e-mail: an existing account gets the jury role; an unknown
    /// address gets an account and a link to set its password. Either way a mail says why.
    public func invite(call callID: UUID, email rawEmail: String, name rawName: String, expertise rawExpertise: String,
                       language: SiteLanguage) async throws {
        let call = try await managed(callID)
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        let expertise = rawExpertise.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [FieldProblem] = []
        if !SignUp.isPlausible(email: email) || !TextRules.isClean(email) {
            problems.append(FieldProblem(field: "email", message: .init(de: "Bitte eine gültige E-Mail-Adresse angeben.", en: "Please give a valid e-mail address.")))
        }
        if !name.isEmpty, !(2...120).contains(name.count) || !TextRules.isClean(name) {
            problems.append(FieldProblem(field: "name", message: .init(de: "Der Name braucht 2 bis 120 Zeichen.", en: "The name needs 2 to 120 characters.")))
        }
        if expertise.count > 3_000 || !TextRules.isClean(expertise, multiline: true) {
            problems.append(FieldProblem(field: "expertise", message: .init(de: "Die Expertise hat höchstens 3.000 Zeichen.", en: "The expertise has at most 3,000 characters.")))
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let placeholder = try await context.services.passwords.hash(SecretToken.generate().value)
        let now = context.now
        try await context.write { database in
            var member = try await MemberStore(database).record(email: email)
            var setPassword: String?
            if member?.erasedAt != nil { throw DomainError.conflict(.init(de: "Dieses Konto wurde gelöscht.", en: "This account was erased.")) }
            if member == nil {
                guard !name.isEmpty else {
                    throw ValidationFailure([FieldProblem(field: "name", message: .init(
                        de: "Für eine neue Adresse bitte auch den Namen angeben.", en: "For a new address, please give the name too."))])
                }
                let created = MemberRecord(email: email, name: name, passwordHash: placeholder, language: language.rawValue)
                try await created.create(on: database)
                let secret = SecretToken.generate()
                try await CredentialStore(database).addMemberToken(memberID: created.id!, purpose: .resetPassword, hash: secret.hash,
                                                                   expiresAt: now.addingTimeInterval(14 * 86_400))
                setPassword = secret.value
                member = created
            }
            guard let member, let memberID = member.id else { return }
            guard try await CallStore(database).addJuror(memberID, call: callID, expertise: expertise, at: now) else { return }
            if !(try await MemberStore(database).roles(of: memberID).contains(.juryMember(call: callID))) {
                try await MemberStore(database).assign(.juryMember(call: callID), to: memberID)
            }
            try await context.audit("jury.invite", "call", callID.lowercased, hub: call.hub,
                                    after: AuditJSON.encode(["member": memberID.lowercased]), on: database)
            let language = SiteLanguage(rawValue: member.language) ?? .de
            var text = LocalizedText(
                de: "Sie sind in die Jury von „\(call.title.de)“ berufen. Bitte prüfen Sie die Bewerbungen auf Interessenkonflikte; Ihre Zuteilung folgt.",
                en: "You have been appointed to the jury of '\(call.title.en)'. Please check the applications for conflicts of interest; your assignment follows.")
            if let setPassword {
                let link = context.link("password/reset?token=\(setPassword)", language)
                text = .init(de: text.de + "\n\nFür Sie wurde ein Konto angelegt. Legen Sie hier Ihr Passwort fest (14 Tage gültig):\n\(link)",
                             en: text.en + "\n\nAn account has been created for you. Set your password here (valid for 14 days):\n\(link)")
            }
            try await Notice(context: context, database: database, text: text, path: "calls/\(callID.lowercased)/review",
                             subject: .init(de: "Jury: \(call.title.de)", en: "Jury: \(call.title.en)"), opportunity: nil)
                .send(to: [member], key: "jury-invite-\(callID.lowercased)")
        }
    }

    public func remove(call callID: UUID, juror: UUID) async throws {
        let call = try await managed(callID)
        try await context.write { database in
            try await CallStore(database).removeJuror(juror, call: callID)
            _ = try await MemberStore(database).unassign(.juryMember(call: callID), from: juror)
            try await context.audit("jury.remove", "call", callID.lowercased, hub: call.hub,
                                    after: AuditJSON.encode(["member": juror.lowercased]), on: database)
        }
    }

    // MARK: The managers' overview and the assignment

    public func overview(call callID: UUID) async throws -> Overview {
        let call = try await managed(callID)
        return try await overview(of: call)
    }

    func overview(of call: Call) async throws -> Overview {
        let store = CallStore(context.database)
        let seats = try await store.jurors(call: call.id)
        let members = try await MemberRecord.query(on: context.database).filter(\.$id ~~ seats.map(\.member)).all()
        let byID = Dictionary(uniqueKeysWithValues: members.map { ($0.id!, $0) })
        var memberships: [UUID: [UUID]] = [:]
        for membership in try await MembershipRecord.query(on: context.database).filter(\.$memberID ~~ seats.map(\.member)).all() {
            memberships[membership.memberID, default: []].append(membership.organisationID)
        }
        let applications = try await store.applications(call: call.id).filter { $0.state.isInCompetition }
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.database)
            .find(Array(Set(memberships.values.flatMap { $0 } + applications.compactMap(\.organisationID)))).map { ($0.id, $0) })
        let jurors = seats.compactMap { seat -> Juror? in
            guard let member = byID[seat.member] else { return nil }
            return Juror(id: seat.member, name: member.name, email: member.email, expertise: seat.expertise,
                         organisations: (memberships[seat.member] ?? []).compactMap { organisations[$0] })
        }
        let ties = try await store.ties(of: Array(organisations.keys))
        let finder = ConflictFinder(investments: ties.investments, introductions: ties.introductions,
                                    sameHubIsConflict: call.definition.sameHubIsConflict)
        let investorNames = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.database)
            .find(Array(Set(ties.investments.map(\.investor)))).map { ($0.id, $0.name) })
        var conflicts = try await store.declaredConflicts(call: call.id)
        for juror in jurors {
            for application in applications {
                conflicts += finder.conflicts(of: .init(id: juror.id, organisations: juror.organisations), with: application,
                                              applicant: application.organisationID.flatMap { organisations[$0] }, names: investorNames)
            }
        }
        return Overview(call: call, jurors: jurors, applications: applications, conflicts: conflicts,
                        assignments: try await store.assignments(call: call.id), reviews: try await store.reviews(call: call.id))
    }

    /// What the solver did: pairs proposed, the total affinity, and applications left short.
    public struct AssignmentRun: Sendable {
        public let proposed: Int
        public let kept: Int
        public let totalAffinity: Double
        /// Application → reviewers it still lacks.
        public let shortfall: [UUID: Int]
    }

    /// Proposes jurors for every application still in the competition: each gets the call's
    /// number of reviewers, no juror more than the load, never a conflicted or forbidden pair,
    /// the highest total affinity. Confirmed and pinned pairs stay as they are.
    public func assign(call callID: UUID) async throws -> AssignmentRun {
        let call = try await managed(callID)
        let overview = try await overview(of: call)
        guard !overview.jurors.isEmpty, !overview.applications.isEmpty else {
            throw DomainError.conflict(.init(de: "Für eine Zuteilung braucht es Jurymitglieder und eingereichte Bewerbungen.",
                                             en: "An assignment needs jurors and submitted applications."))
        }
        let jurorIndex = Dictionary(uniqueKeysWithValues: overview.jurors.enumerated().map { ($1.id, $0) })
        let applicationIndex = Dictionary(uniqueKeysWithValues: overview.applications.enumerated().map { ($1.id, $0) })
        let affinity = try await affinities(overview)
        var forbidden = Set<JuryPair>(), pinned = Set<JuryPair>()
        for conflict in overview.conflicts {
            if let juror = jurorIndex[conflict.juror], let application = applicationIndex[conflict.application] {
                forbidden.insert(JuryPair(juror: juror, application: application))
            }
        }
        for assignment in overview.assignments {
            guard let juror = jurorIndex[assignment.juror], let application = applicationIndex[assignment.application] else { continue }
            let pair = JuryPair(juror: juror, application: application)
            if assignment.state == .forbidden {
                forbidden.insert(pair)
            } else if assignment.state == .confirmed || assignment.pinned, !forbidden.contains(pair) {
                pinned.insert(pair)
            }
        }
        let definition = call.definition
        let problem = JuryAssignmentProblem(
            jurors: overview.jurors.count, applications: overview.applications.count, affinity: affinity,
            required: Array(repeating: definition.reviewersPerApplication, count: overview.applications.count),
            loads: Array(repeating: definition.jurorLoad, count: overview.jurors.count),
            forbidden: forbidden, pinned: pinned)
        let solved = definition.affinityFloor.map { problem.solve(floor: $0) } ?? problem.solve()
        let kept = pinned
        let run = AssignmentRun(proposed: solved.pairs.count - pinned.count, kept: pinned.count, totalAffinity: solved.totalAffinity,
                                shortfall: Dictionary(uniqueKeysWithValues: solved.shortfall.map { (overview.applications[$0.key].id, $0.value) }))
        try await context.write { database in
            let store = CallStore(database)
            try await store.dropProposals(call: callID)
            for pair in solved.pairs where !kept.contains(pair) {
                try await store.setAssignment(call: callID, .init(
                    application: overview.applications[pair.application].id, juror: overview.jurors[pair.juror].id,
                    state: .proposed, pinned: false, affinity: problem.affinity(pair.juror, pair.application)))
            }
            try await context.audit("jury.assign", "call", callID.lowercased, hub: call.hub,
                                    after: AuditJSON.encode(["pairs": "\(solved.pairs.count)", "total": String(format: "%.4f", solved.totalAffinity)]),
                                    on: database)
        }
        return run
    }

    /// Juror × application affinity, row-major: the juror's stated expertise and the profiles
    /// of the organisations they act for against the application's answers and its
    /// organisation's profile, by the same text analysis as search.
    func affinities(_ overview: Overview) async throws -> [Double] {
        let applicants = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.database)
            .find(overview.applications.compactMap(\.organisationID)).map { ($0.id, $0) })
        let fields = overview.call.definition.fields
        let applicationTexts = overview.applications.map { application in
            ([application.text(fields: fields)] + (application.organisationID.flatMap { applicants[$0] }.map { [Self.profile($0)] } ?? []))
                .joined(separator: "\n")
        }
        let jurorDocuments = overview.jurors.map { juror in
            ([juror.expertise] + juror.organisations.map(Self.profile)).filter { !$0.isEmpty }
        }
        let engine = ExpertiseAffinity(corpus: applicationTexts + jurorDocuments.flatMap { $0 })
        let applicationVectors = applicationTexts.map(engine.vector)
        var affinity: [Double] = []
        affinity.reserveCapacity(overview.jurors.count * overview.applications.count)
        for documents in jurorDocuments {
            let profile = documents.map(engine.vector)
            for vector in applicationVectors { affinity.append(ExpertiseAffinity.affinity(profile: profile, text: vector)) }
        }
        return affinity
    }

    static func profile(_ organisation: Organisation) -> String {
        ([organisation.name] + organisation.topics.flatMap { [$0.label.de, $0.label.en] }
            + [organisation.description.de, organisation.description.en, organisation.offers.de, organisation.offers.en,
               organisation.seeks.de, organisation.seeks.en]).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    public enum PairChange: String, Sendable, CaseIterable {
        /// Keep this pair whatever the solver finds.
        case pin
        /// Never form this pair.
        case forbid
        /// Back to the solver's choice.
        case release
    }

    public func change(call callID: UUID, application: UUID, juror: UUID, _ change: PairChange) async throws {
        let call = try await managed(callID)
        let overview = try await overview(of: call)
        guard overview.jurors.contains(where: { $0.id == juror }), overview.applications.contains(where: { $0.id == application }) else {
            throw DomainError.notFound(.init(de: "Eine Zuordnung", en: "assignment"), id: "\(application.lowercased)/\(juror.lowercased)")
        }
        let existing = overview.assignments.first { $0.application == application && $0.juror == juror }
        if change == .pin, let reason = overview.conflicts.first(where: { $0.application == application && $0.juror == juror })?.reason {
            throw DomainError.conflict(.init(de: "Dieses Paar hat einen Interessenkonflikt: \(reason.de)", en: "This pair has a conflict of interest: \(reason.en)"))
        }
        if existing?.state == .confirmed, change != .pin {
            throw DomainError.conflict(.init(de: "Bestätigte Zuordnungen bleiben; das Jurymitglied begutachtet schon.",
                                             en: "Confirmed pairs stay; the juror is reviewing already."))
        }
        try await context.write { database in
            let store = CallStore(database)
            switch change {
            case .pin:
                try await store.setAssignment(call: callID, .init(application: application, juror: juror, state: existing?.state ?? .proposed,
                                                                  pinned: true, affinity: existing?.affinity ?? 0))
            case .forbid:
                try await store.setAssignment(call: callID, .init(application: application, juror: juror, state: .forbidden, pinned: false,
                                                                  affinity: existing?.affinity ?? 0))
            case .release:
                try await store.removeAssignment(application: application, juror: juror)
            }
            try await context.audit("jury.\(change.rawValue)", "application", application.lowercased, hub: call.hub,
                                    after: AuditJSON.encode(["juror": juror.lowercased]), on: database)
        }
    }

    /// Confirms every proposed pair: the applications go under review and each juror is told
    /// what to review.
    public func confirm(call callID: UUID) async throws -> Int {
        let call = try await managed(callID)
        let overview = try await overview(of: call)
        let proposed = overview.assignments.filter { $0.state == .proposed }
        guard !proposed.isEmpty else {
            throw DomainError.conflict(.init(de: "Es gibt keine vorgeschlagenen Zuordnungen zu bestätigen.", en: "There are no proposed pairs to confirm."))
        }
        try await context.write { database in
            let store = CallStore(database)
            for assignment in proposed {
                try await store.setAssignment(call: callID, .init(application: assignment.application, juror: assignment.juror,
                                                                  state: .confirmed, pinned: assignment.pinned, affinity: assignment.affinity))
            }
            for application in overview.applications where application.state == .submitted
                && proposed.contains(where: { $0.application == application.id }) {
                var underReview = application
                underReview.state = .underReview
                underReview.updatedAt = context.now
                try await store.save(underReview)
            }
            try await context.audit("jury.confirm", "call", callID.lowercased, hub: call.hub,
                                    after: AuditJSON.encode(["pairs": "\(proposed.count)"]), on: database)
            let counts = Dictionary(grouping: proposed, by: \.juror).mapValues(\.count)
            let members = try await MemberRecord.query(on: database).filter(\.$id ~~ Array(counts.keys)).all()
            for member in members {
                let count = counts[member.id!] ?? 0
                try await Notice(context: context, database: database, text: .init(
                    de: "Für „\(call.title.de)“ sind Ihnen \(count == 1 ? "eine neue Bewerbung" : "\(count) neue Bewerbungen") zur Begutachtung zugeteilt.",
                    en: "For '\(call.title.en)' you have \(count == 1 ? "one new application" : "\(count) new applications") to review."),
                                 path: "calls/\(callID.lowercased)/review",
                                 subject: .init(de: "Zu begutachten: \(call.title.de)", en: "To review: \(call.title.en)"), opportunity: nil)
                    .send(to: [member], key: "jury-assigned-\(callID.lowercased)-\(proposed.count)-\(context.now.timeIntervalSince1970)")
            }
        }
        return proposed.count
    }

    // MARK: The juror's side

    /// What a juror sees: every application still in the competition (to declare conflicts),
    /// which of them are theirs to review, and their reviews.
    public struct Desk: Sendable {
        public let call: Call
        public let applications: [CallApplication]
        public let assigned: Set<UUID>
        public let declared: Set<UUID>
        public let reviews: [UUID: CallStore.Review]
        public let expertise: String
    }

    public func desk(call callID: UUID) async throws -> Desk {
        let memberID = try context.memberID()
        let call = try await CallActions(context).find(callID)
        try context.authorize(.reviewCall(callID), reading: true)
        let store = CallStore(context.database)
        let applications = try await store.applications(call: callID).filter { $0.state.isInCompetition }
        let assigned = Set(try await store.assignments(member: memberID).map(\.application))
        let declared = Set(try await store.declaredConflicts(call: callID).filter { $0.juror == memberID }.map(\.application))
        var reviews: [UUID: CallStore.Review] = [:]
        for review in try await store.reviews(call: callID) where review.juror == memberID { reviews[review.application] = review }
        let expertise = try await store.jurors(call: callID).first { $0.member == memberID }?.expertise ?? ""
        return Desk(call: call, applications: applications, assigned: assigned, declared: declared, reviews: reviews, expertise: expertise)
    }

    /// A juror declares a conflict with an application; any assignment of the pair ends.
    public func declareConflict(call callID: UUID, application applicationID: UUID, reason rawReason: String) async throws {
        let memberID = try context.memberID()
        try context.authorize(.reviewCall(callID))
        let call = try await CallActions(context).find(callID)
        let reason = rawReason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (3...500).contains(reason.count), TextRules.isClean(reason) else {
            throw ValidationFailure([FieldProblem(field: "reason", message: .init(
                de: "Bitte den Grund in 3 bis 500 Zeichen nennen.", en: "Please give the reason in 3 to 500 characters."))])
        }
        guard let application = try await CallStore(context.database).application(applicationID), application.callID == callID else {
            throw DomainError.notFound(ApplicationActions.thing, id: applicationID.lowercased)
        }
        if try await CallStore(context.database).review(application: applicationID, juror: memberID) != nil {
            throw DomainError.conflict(.init(de: "Sie haben diese Bewerbung schon bewertet; bitte wenden Sie sich an die Organisatoren.",
                                             en: "You have reviewed this application already; please contact the organisers."))
        }
        try await context.write { database in
            try await CallStore(database).declareConflict(call: callID, member: memberID, application: applicationID, reason: reason, at: context.now)
            try await context.audit("jury.declare-conflict", "application", applicationID.lowercased, hub: call.hub,
                                    after: AuditJSON.encode(["reason": reason]), on: database)
        }
    }

    public func setExpertise(call callID: UUID, _ raw: String) async throws {
        let memberID = try context.memberID()
        try context.authorize(.reviewCall(callID))
        let expertise = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard expertise.count <= 3_000, TextRules.isClean(expertise, multiline: true) else {
            throw ValidationFailure([FieldProblem(field: "expertise", message: .init(de: "Höchstens 3.000 Zeichen.", en: "At most 3,000 characters."))])
        }
        try await context.write { database in try await CallStore(database).setExpertise(expertise, member: memberID, call: callID) }
    }

    /// A juror's scores for an assigned application, one per criterion within its scale, and a
    /// comment; changed as often as wished until the round's results are published.
    public func review(application applicationID: UUID, scores raw: [String: String], comment rawComment: String) async throws {
        let memberID = try context.memberID()
        let (application, call) = try await ApplicationActions(context).find(applicationID)
        try context.authorize(.reviewCall(call.id))
        guard try await CallStore(context.database).assignments(member: memberID).contains(where: { $0.application == applicationID }) else {
            throw DomainError.forbidden(.init(de: "Diese Bewerbung ist Ihnen nicht zugeteilt.", en: "This application is not assigned to you."))
        }
        guard application.state.isInCompetition, call.rounds.first(where: { $0.number == application.round })?.publishedAt == nil else {
            throw DomainError.conflict(.init(de: "Über diese Bewerbung ist schon entschieden.", en: "This application has been decided already."))
        }
        var scores: [String: Int] = [:], problems: [FieldProblem] = []
        for criterion in call.definition.criteria {
            let text = (raw[criterion.key] ?? "").trimmingCharacters(in: .whitespaces)
            guard let score = Int(text), (criterion.lowest...criterion.highest).contains(score) else {
                problems.append(FieldProblem(field: criterion.key, message: .init(
                    de: "„\(criterion.label.de)“: bitte eine ganze Zahl von \(criterion.lowest) bis \(criterion.highest).",
                    en: "'\(criterion.label.en)': please give a whole number from \(criterion.lowest) to \(criterion.highest).")))
                continue
            }
            scores[criterion.key] = score
        }
        let comment = rawComment.trimmingCharacters(in: .whitespacesAndNewlines)
        if comment.count > 5_000 || !TextRules.isClean(comment, multiline: true) {
            problems.append(FieldProblem(field: "comment", message: .init(de: "Der Kommentar hat höchstens 5.000 Zeichen.", en: "The comment has at most 5,000 characters.")))
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let given = scores
        let review = CallStore.Review(application: applicationID, juror: memberID, scores: given, comment: comment, updatedAt: context.now)
        try await context.write { database in
            try await CallStore(database).saveReview(call: call.id, review)
            try await context.audit("jury.review", "application", applicationID.lowercased, hub: call.hub,
                                    after: AuditJSON.encode(given.mapValues(String.init)), on: database)
        }
    }

    /// Every review of an application with its juror's name, for the organisers.
    public func reviews(of applicationID: UUID, call callID: UUID) async throws -> [(juror: String, scores: [String: Int], comment: String)] {
        _ = try await managed(callID)
        let reviews = try await CallStore(context.database).reviews(call: callID).filter { $0.application == applicationID }
        let names = Dictionary(uniqueKeysWithValues: try await MemberRecord.query(on: context.database)
            .filter(\.$id ~~ reviews.map(\.juror)).all().map { ($0.id!, $0.name) })
        return reviews.map { (names[$0.juror] ?? "?", $0.scores, $0.comment) }
    }

    // MARK: Helpers

    /// The call, when the reader may run it (for the organisers' form).
    public func managedCall(_ callID: UUID) async throws -> Call { try await managed(callID) }

    func managed(_ callID: UUID) async throws -> Call {
        _ = try context.memberID()
        let call = try await CallActions(context).find(callID)
        try context.authorize(.manageCall(hub: call.hub))
        return call
    }
}
