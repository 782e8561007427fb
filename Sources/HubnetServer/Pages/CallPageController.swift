import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// Calls in the browser: the public list and page, applying, and the organisers' and jurors'
/// pages. Every change goes through the call actions.
struct CallPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .calls) { try await list($0, $1) }
        routes.page(.GET, .newCall) { try await newForm($0, $1) }
        routes.page(.POST, .newCall) { try await create($0, $1) }
        routes.page(.GET, .call) { try await detail($0, $1) }
        routes.page(.GET, .editCall) { try await editForm($0, $1) }
        routes.page(.POST, .editCall) { try await update($0, $1) }
        routes.page(.POST, .applyToCall) { try await apply($0, $1) }
        routes.page(.GET, .application) { try await application($0, $1) }
        routes.page(.POST, .application) { try await saveApplication($0, $1) }
        routes.page(.POST, .withdrawApplication) { try await withdraw($0, $1) }
        routes.page(.POST, .reviewApplication) { try await review($0, $1) }
        routes.page(.GET, .applicationFile) { try await file($0, $1) }
        routes.page(.GET, .callJury) { try await jury($0, $1) }
        routes.page(.POST, .inviteJuror) { try await invite($0, $1) }
        routes.page(.POST, .removeJuror) { try await removeJuror($0, $1) }
        routes.page(.POST, .assignJury) { try await assign($0, $1) }
        routes.page(.POST, .confirmJury) { try await confirm($0, $1) }
        routes.page(.POST, .changeJuryPair) { try await changePair($0, $1) }
        routes.page(.GET, .callReview) { try await desk($0, $1) }
        routes.page(.POST, .declareConflict) { try await declareConflict($0, $1) }
        routes.page(.POST, .jurorExpertise) { try await expertise($0, $1) }
        routes.page(.GET, .callRanking) { try await ranking($0, $1) }
        routes.page(.GET, .callRankingCSV) { try await rankingCSV($0, $1) }
        routes.page(.POST, .decideCall) { try await decide($0, $1) }
        routes.page(.POST, .publishCall) { try await publish($0, $1) }
    }

    static func field(_ request: Request, _ key: String) -> String {
        (try? request.content.get(String.self, at: key)) ?? ""
    }

    static func uuid(_ request: Request, _ key: String) throws -> UUID {
        guard let id = UUID(uuidString: field(request, key)) else {
            throw ValidationFailure([FieldProblem(field: key, message: .init(de: "Unbekannte Kennung.", en: "Unknown id."))])
        }
        return id
    }

    // MARK: Calls

    func list(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let actions = try await request.actions()
        let calls = try await CallActions(actions).list()
        let organisable = CallActions(actions).organisableHubs
        let model = CallPages.ListModel(calls: calls, now: actions.now, mayCreate: organisable.network || !organisable.hubs.isEmpty)
        return htmlResponse(CallListView.render(model, try await request.pageContext(language, .calls)), language)
    }

    func newForm(_ request: Request, _ language: SiteLanguage, form: CallForm? = nil, problems: [FieldProblem] = [],
                 status: HTTPResponseStatus = .ok) async throws -> Response {
        let actions = try await request.actions()
        _ = try actions.memberID()
        let organisable = CallActions(actions).organisableHubs
        guard organisable.network || !organisable.hubs.isEmpty else { throw DomainError.notAllowed }
        var values = form?.values ?? ["kind": CallKind.programme.rawValue, "reviewersPerApplication": "3", "jurorLoad": "10", "disagreement": "0.30",
                                      "criterion1De": "Innovation", "criterion1En": "Innovation", "criterion1Weight": "1",
                                      "criterion1Lowest": "1", "criterion1Highest": "5"]
        if form == nil, !organisable.network { values["hub"] = organisable.hubs.first }
        let model = CallPages.FormModel(existing: nil, values: values, kinds: form?.kinds ?? [], hubs: form?.hubs ?? [], network: organisable.network,
                                        organisableHubs: organisable.hubs, problems: problems, csrf: request.csrfToken)
        return htmlResponse(CallFormView.render(model, try await request.pageContext(language, .newCall)), language, status: status)
    }

    func create(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let form = CallForm(request)
        do {
            let created = try await CallActions(request.actions()).create(try form.call(id: UUID()))
            return request.redirect(to: SiteURL.call(id: created.id).path(language), redirectType: .normal)
        } catch let failure as ValidationFailure {
            return try await newForm(request, language, form: form, problems: failure.problems, status: .unprocessableEntity)
        }
    }

    func detail(_ request: Request, _ language: SiteLanguage, problems: [FieldProblem] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try MatchPageController.id(request)
        let actions = try await request.actions()
        let calls = CallActions(actions)
        let call = try await calls.find(id)
        var organisations: [(organisation: Organisation, ineligible: LocalizedText?)] = []
        var own: [CallApplication] = []
        if actions.actor.isSignedIn {
            organisations = try await OrganisationStore(actions.database).find(actions.actor.organisations)
                .sorted { $0.name < $1.name }.map { ($0, call.definition.ineligibility(of: $0)) }
            own = try await ApplicationActions(actions).mine().filter { $0.call.id == id }.map(\.application)
        }
        let published = Set(call.rounds.filter { $0.publishedAt != nil }.map(\.number))
        let history = try await CallStore(actions.database).applications(call: id)
            .filter { $0.organisationID == nil && $0.state == .decided && published.contains($0.round) }
        let model = CallPages.DetailModel(call: call, now: actions.now, organisations: organisations, ownApplications: own, publicApplications: history,
                                          manages: calls.manages(call), judges: calls.judges(call), signedIn: actions.actor.isSignedIn,
                                          csrf: request.csrfToken, problems: problems)
        return htmlResponse(CallDetailView.render(model, try await request.pageContext(language, .call(id: id))), language, status: status)
    }

    func editForm(_ request: Request, _ language: SiteLanguage, form: CallForm? = nil, problems: [FieldProblem] = [],
                  status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try MatchPageController.id(request)
        let call = try await JuryActions(request.actions()).managedCall(id)
        let form = form ?? CallForm(call: call)
        let model = CallPages.FormModel(existing: id, values: form.values, kinds: form.kinds, hubs: form.hubs, network: false, organisableHubs: [],
                                        problems: problems, csrf: request.csrfToken)
        return htmlResponse(CallFormView.render(model, try await request.pageContext(language, .editCall(id: id))), language, status: status)
    }

    func update(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let form = CallForm(request)
        do {
            _ = try await CallActions(request.actions()).update(try form.call(id: id))
            return request.redirect(to: SiteURL.call(id: id).path(language), redirectType: .normal)
        } catch let failure as ValidationFailure {
            return try await editForm(request, language, form: form, problems: failure.problems, status: .unprocessableEntity)
        } catch DomainError.conflict(let message) {
            return try await editForm(request, language, form: form, problems: [FieldProblem(field: "", message: message)], status: .conflict)
        }
    }

    // MARK: Applications

    func apply(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        do {
            let organisation = try Self.uuid(request, "organisation")
            let application = try await ApplicationActions(request.actions()).start(call: id, organisation: organisation)
            return request.redirect(to: SiteURL.application(id: application.id).path(language), redirectType: .normal)
        } catch let failure as ValidationFailure {
            return try await detail(request, language, problems: failure.problems, status: .unprocessableEntity)
        } catch DomainError.conflict(let message) {
            return try await detail(request, language, problems: [FieldProblem(field: "", message: message)], status: .conflict)
        }
    }

    func application(_ request: Request, _ language: SiteLanguage, notice: String? = nil, problems: [FieldProblem] = [],
                     typed: [String: String] = [:], status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try MatchPageController.id(request)
        let actions = try await request.actions()
        let (application, call) = try await ApplicationActions(actions).find(id)
        let manages = CallActions(actions).manages(call)
        let mayEdit = application.organisationID.map { Policy.decide(.applyToCall(organisation: $0), for: actions.actor) == .allowed } ?? false
        var review: (scores: [String: Int], comment: String)?
        var isReviewer = false
        if let member = actions.actor.memberID, CallActions(actions).judges(call) {
            isReviewer = try await CallStore(actions.database).assignments(member: member).contains { $0.application == id }
                && application.state.isInCompetition
            if isReviewer, let own = try await CallStore(actions.database).review(application: id, juror: member) {
                review = (own.scores, own.comment)
            }
        }
        var reviews: [(juror: String, scores: [String: Int], comment: String)] = []
        if manages { reviews = try await JuryActions(actions).reviews(of: id, call: call.id) }
        let named = call.definition.fields.filter { $0.kind == .organisation }.compactMap { application.answers[$0.key].flatMap(UUID.init(uuidString:)) }
        let organisationNames = Dictionary(uniqueKeysWithValues: try await OrganisationStore(actions.database).find(named).map { ($0.id, $0.name) })
        let model = CallPages.ApplicationModel(application: application, call: call, now: actions.now, mayEdit: mayEdit, review: review,
                                               isReviewer: isReviewer, reviews: reviews, manages: manages, csrf: request.csrfToken,
                                               notice: notice, problems: problems, typed: typed, organisationNames: organisationNames)
        return htmlResponse(ApplicationView.render(model, try await request.pageContext(language, .application(id: id))), language, status: status)
    }

    func saveApplication(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let actions = ApplicationActions(try await request.actions())
        let (_, call) = try await actions.find(id)
        var typed: [String: String] = [:]
        var files: [String: ApplicationActions.Upload] = [:]
        for field in call.definition.fields {
            if field.kind == .file {
                if let upload = try? request.content.get(File.self, at: field.key), upload.data.readableBytes > 0 {
                    files[field.key] = .init(name: upload.filename, bytes: Array(upload.data.readableBytesView))
                }
            } else {
                typed[field.key] = Self.field(request, field.key)
            }
        }
        let submitting = Self.field(request, "intent") == "submit"
        do {
            _ = try await actions.save(id, answers: typed, files: files)
            if submitting {
                _ = try await actions.submit(id)
                return try await application(request, language, notice: language == .de
                    ? "Ihre Bewerbung ist eingereicht. Eine Bestätigung ist unterwegs." : "Your application has been submitted. A confirmation is on its way.")
            }
            return try await application(request, language, notice: language == .de ? "Gespeichert." : "Saved.")
        } catch let failure as ValidationFailure {
            return try await application(request, language, problems: failure.problems, typed: typed, status: .unprocessableEntity)
        } catch DomainError.conflict(let message) {
            return try await application(request, language, problems: [FieldProblem(field: "", message: message)], typed: typed, status: .conflict)
        }
    }

    /// An attached file, for whoever may see the application; sent as a download, never shown
    /// inline, under the server's own name for its type.
    func file(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let field = request.parameters.get("field") ?? ""
        let (attachment, bytes) = try await ApplicationActions(request.actions()).attachment(id, field: field)
        let response = Response(status: .ok, body: .init(data: bytes))
        let parts = attachment.type.split(separator: "/").map(String.init)
        response.headers.contentType = HTTPMediaType(type: parts.first ?? "application", subType: parts.last ?? "octet-stream")
        let ascii = String(attachment.name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = attachment.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    func withdraw(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        do {
            _ = try await ApplicationActions(request.actions()).withdraw(id)
        } catch DomainError.conflict(let message) {
            return try await application(request, language, problems: [FieldProblem(field: "", message: message)], status: .conflict)
        }
        return try await application(request, language, notice: language == .de ? "Die Bewerbung ist zurückgezogen." : "The application has been withdrawn.")
    }

    func review(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let actions = try await request.actions()
        let (_, call) = try await ApplicationActions(actions).find(id)
        var typed: [String: String] = ["comment": Self.field(request, "comment")]
        for criterion in call.definition.criteria { typed[criterion.key] = Self.field(request, criterion.key) }
        do {
            try await JuryActions(actions).review(application: id, scores: typed, comment: typed["comment"] ?? "")
        } catch let failure as ValidationFailure {
            return try await application(request, language, problems: failure.problems, typed: typed, status: .unprocessableEntity)
        } catch DomainError.conflict(let message) {
            return try await application(request, language, problems: [FieldProblem(field: "", message: message)], typed: typed, status: .conflict)
        }
        return try await application(request, language, notice: language == .de ? "Ihre Bewertung ist gespeichert." : "Your review has been saved.")
    }

    // MARK: The jury (organisers)

    func jury(_ request: Request, _ language: SiteLanguage, notice: String? = nil, problems: [FieldProblem] = [],
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try MatchPageController.id(request)
        let overview = try await JuryActions(request.actions()).overview(call: id)
        var pairs: [UUID: [CallPages.JuryModel.Pair]] = [:]
        for assignment in overview.assignments {
            let reviewed = overview.reviews.contains { $0.application == assignment.application && $0.juror == assignment.juror }
            pairs[assignment.application, default: []].append(.init(juror: assignment.juror, state: assignment.state.rawValue, pinned: assignment.pinned,
                                                                     affinity: assignment.affinity, reviewed: reviewed))
        }
        let model = CallPages.JuryModel(
            call: overview.call,
            jurors: overview.jurors.map { .init(id: $0.id, name: $0.name, email: $0.email, expertise: $0.expertise, organisations: $0.organisations.map(\.name)) },
            applications: overview.applications, pairs: pairs, conflicts: overview.conflicts, csrf: request.csrfToken, notice: notice, problems: problems)
        return htmlResponse(JuryView.render(model, try await request.pageContext(language, .callJury(id: id))), language, status: status)
    }

    /// Runs a jury step and shows the jury page again with its outcome or its problem.
    func juryStep(_ request: Request, _ language: SiteLanguage, _ step: (JuryActions) async throws -> String) async throws -> Response {
        do {
            let notice = try await step(JuryActions(request.actions()))
            return try await jury(request, language, notice: notice)
        } catch let failure as ValidationFailure {
            return try await jury(request, language, problems: failure.problems, status: .unprocessableEntity)
        } catch DomainError.conflict(let message) {
            return try await jury(request, language, problems: [FieldProblem(field: "", message: message)], status: .conflict)
        }
    }

    func invite(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        return try await juryStep(request, language) { jury in
            let email = Self.field(request, "email")
            try await jury.invite(call: id, email: email, name: Self.field(request, "name"), expertise: Self.field(request, "expertise"), language: language)
            return language == .de ? "\(email) ist eingeladen." : "\(email) has been invited."
        }
    }

    func removeJuror(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        return try await juryStep(request, language) { jury in
            try await jury.remove(call: id, juror: try Self.uuid(request, "juror"))
            return language == .de ? "Aus der Jury genommen." : "Removed from the jury."
        }
    }

    func assign(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        return try await juryStep(request, language) { jury in
            let run = try await jury.assign(call: id)
            let short = run.shortfall.values.reduce(0, +)
            let total = run.totalAffinity.formatted(in: language, places: 2)
            return language == .de
                ? "\(run.proposed) Paare vorgeschlagen, \(run.kept) behalten; Summe der Passung \(total)." + (short > 0 ? " Es fehlen \(short) Gutachten: zu wenige Jurymitglieder ohne Konflikt oder mit freier Kapazität." : "")
                : "\(run.proposed) pairs proposed, \(run.kept) kept; total fit \(total)." + (short > 0 ? " \(short) reviews are missing: too few jurors without a conflict or with room." : "")
        }
    }

    func confirm(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        return try await juryStep(request, language) { jury in
            let count = try await jury.confirm(call: id)
            return language == .de ? "\(count) Paare bestätigt; die Jury ist benachrichtigt." : "\(count) pairs confirmed; the jury has been notified."
        }
    }

    func changePair(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        return try await juryStep(request, language) { jury in
            guard let change = JuryActions.PairChange(rawValue: Self.field(request, "change")) else {
                throw ValidationFailure([FieldProblem(field: "change", message: .init(de: "Unbekannte Änderung.", en: "Unknown change."))])
            }
            try await jury.change(call: id, application: try Self.uuid(request, "application"), juror: try Self.uuid(request, "juror"), change)
            return language == .de ? "Geändert. Mit „Zuteilen“ wird neu verteilt." : "Changed. 'Assign' distributes again."
        }
    }

    // MARK: The juror's desk

    func desk(_ request: Request, _ language: SiteLanguage, notice: String? = nil, problems: [FieldProblem] = [],
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try MatchPageController.id(request)
        let desk = try await JuryActions(request.actions()).desk(call: id)
        let model = CallPages.DeskModel(call: desk.call, applications: desk.applications, assigned: desk.assigned, declared: desk.declared,
                                        reviewed: Set(desk.reviews.keys), expertise: desk.expertise, csrf: request.csrfToken,
                                        notice: notice, problems: problems)
        return htmlResponse(JuryDeskView.render(model, try await request.pageContext(language, .callReview(id: id))), language, status: status)
    }

    func declareConflict(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        do {
            try await JuryActions(request.actions()).declareConflict(call: id, application: try Self.uuid(request, "application"),
                                                                     reason: Self.field(request, "reason"))
        } catch let failure as ValidationFailure {
            return try await desk(request, language, problems: failure.problems, status: .unprocessableEntity)
        } catch DomainError.conflict(let message) {
            return try await desk(request, language, problems: [FieldProblem(field: "", message: message)], status: .conflict)
        }
        return try await desk(request, language, notice: language == .de ? "Konflikt erklärt; Sie begutachten diese Bewerbung nicht." : "Conflict declared; you will not review this application.")
    }

    func expertise(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        do {
            try await JuryActions(request.actions()).setExpertise(call: id, Self.field(request, "expertise"))
        } catch let failure as ValidationFailure {
            return try await desk(request, language, problems: failure.problems, status: .unprocessableEntity)
        }
        return try await desk(request, language, notice: language == .de ? "Gespeichert." : "Saved.")
    }

    // MARK: Ranking and decisions

    func standing(_ request: Request) async throws -> DecisionActions.Standing {
        let id = try MatchPageController.id(request)
        let round = (try? request.query.get(Int.self, at: "round")) ?? Int(Self.field(request, "round"))
        return try await DecisionActions(request.actions()).standing(call: id, round: round)
    }

    static func rows(_ standing: DecisionActions.Standing) -> [CallPages.RankingModel.Row] {
        let entries = Dictionary(uniqueKeysWithValues: standing.ranking.entries.map { ($0.application, $0) })
        let ranked = standing.ranking.entries.compactMap { standing.applications[$0.application] }
        let unranked = standing.applications.values.filter { entries[$0.id] == nil }.sorted { $0.applicantName < $1.applicantName }
        return (ranked + unranked).map { application in
            let progress = standing.progress[application.id] ?? (0, 0)
            return .init(application: application, entry: entries[application.id], done: progress.done, assigned: progress.assigned)
        }
    }

    func ranking(_ request: Request, _ language: SiteLanguage, pending: [UUID: ApplicationDecision?]? = nil, message: String = "",
                 notice: String? = nil, problems: [FieldProblem] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let standing = try await standing(request)
        let model = CallPages.RankingModel(call: standing.call, round: standing.round, rows: Self.rows(standing),
                                           normalised: standing.call.definition.normalisePerReviewer, published: standing.published,
                                           pending: pending, message: message, csrf: request.csrfToken, notice: notice, problems: problems)
        let page = RankingView.render(model, try await request.pageContext(language, .callRanking(id: standing.call.id, round: standing.round)))
        return htmlResponse(page, language, status: status)
    }

    /// The ranking as a spreadsheet opens it: ties keep their shared place.
    func rankingCSV(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let standing = try await standing(request)
        var rows: [[String]] = []
        for row in Self.rows(standing) {
            var cells = ["", "", row.application.id.lowercased, CSVCell.safe(row.application.applicantName), "", "", "\(row.done)", "\(row.assigned)", "", "",
                         row.application.decision?.rawValue ?? ""]
            if let entry = row.entry {
                cells[0] = "\(entry.place)"
                cells[1] = entry.tied ? "yes" : "no"
                cells[4] = String(format: "%.4f", entry.score)
                cells[5] = String(format: "%.1f", entry.meanValue * 100)
                cells[8] = String(format: "%.1f", entry.spread * 100)
                cells[9] = entry.disagreement ? "yes" : "no"
            }
            rows.append(cells)
        }
        return try csvResponse(header: ["place", "tied", "application", "applicant", "score", "mean_percent", "reviews", "assigned",
                                        "spread_percent", "disagreement", "decision"],
                               rows: rows, filename: "ranking-round-\(standing.round).csv")
    }

    /// Decisions come in two steps: the choices are shown back for confirmation, then saved.
    func decide(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let standing = try await standing(request)
        var decisions: [UUID: ApplicationDecision?] = [:]
        for id in standing.applications.keys {
            let value = Self.field(request, "decision-\(id.lowercased)")
            guard !value.isEmpty else { continue }
            decisions[id] = value == "none" ? ApplicationDecision?.none : ApplicationDecision(rawValue: value)
        }
        let message = Self.field(request, "message")
        guard Self.field(request, "confirmed") == "1" else {
            return try await ranking(request, language, pending: decisions, message: message)
        }
        do {
            let count = try await DecisionActions(request.actions()).decide(call: standing.call.id, decisions, message: message)
            return try await ranking(request, language, notice: language == .de ? "\(count) Entscheidungen gespeichert." : "\(count) decisions saved.")
        } catch let failure as ValidationFailure {
            return try await ranking(request, language, problems: failure.problems, status: .unprocessableEntity)
        } catch DomainError.conflict(let message) {
            return try await ranking(request, language, problems: [FieldProblem(field: "", message: message)], status: .conflict)
        }
    }

    func publish(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        guard let round = Int(Self.field(request, "round")) else { throw Abort(.badRequest) }
        guard Self.field(request, "confirm") == "yes" else {
            return try await ranking(request, language, problems: [FieldProblem(field: "confirm", message: .init(
                de: "Bitte bestätigen, dass die Ergebnisse endgültig sind.", en: "Please confirm that the results are final."))], status: .unprocessableEntity)
        }
        do {
            let count = try await DecisionActions(request.actions()).publish(call: id, round: round)
            return try await ranking(request, language, notice: language == .de
                ? "Runde \(round) ist veröffentlicht; \(count) Bewerbungen sind benachrichtigt." : "Round \(round) is published; \(count) applications have been told.")
        } catch DomainError.conflict(let message) {
            return try await ranking(request, language, problems: [FieldProblem(field: "", message: message)], status: .conflict)
        }
    }
}
