import Foundation
import HubnetActions
import HubnetCore
import HubnetViews
import Vapor

/// The staff's start page, and the hub agency appointing and removing staff.
struct StaffPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .staff) { try await staff($0, $1) }
        routes.page(.POST, .appointRole) { try await appoint($0, $1) }
        routes.page(.POST, .removeRole) { try await remove($0, $1) }
    }

    func staff(_ request: Request, _ language: SiteLanguage, values: [String: String] = [:], problems: [FieldProblem] = [],
               notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let actions = try await request.actions()
        // Staff only: the count asks the policy, so anyone else gets its refusal.
        _ = try actions.authorize(.reviewClaims, reading: true)
        let (claims, organisations) = try await ClaimActions(actions).waiting()
        let staff = Policy.decide(.assignRole(.networkAdmin), for: actions.actor) == .allowed
            ? try await RoleActions(actions).staff().map { StaffView.Model.Person(id: $0.id, name: $0.name, email: $0.email, role: $0.role) }
            : nil
        let requests = try await RoutingActions(actions).queue(states: [.submitted]).count
        let model = StaffView.Model(claimsWaiting: claims, organisationsWaiting: organisations, requestsWaiting: requests, staff: staff, values: values,
                                    problems: problems, notice: notice, csrf: request.csrfToken)
        return htmlResponse(StaffView.render(model, try await request.pageContext(language, .staff)), language, status: status)
    }

    struct AppointForm: Content {
        let email: String
        let role: String
        let scope: String?
    }

    func appoint(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let form = try request.content.decode(AppointForm.self)
        let values = ["email": form.email, "role": form.role, "scope": form.scope ?? ""]
        do {
            let role = try RoleName.networkRole(role: form.role, scope: form.role == "network_admin" ? nil : form.scope)
            try await RoleActions(request.actions()).assign(role, toMemberWithEmail: form.email)
            let notice = language == .de ? "\(form.email) ist jetzt \(role.label.de)." : "\(form.email) is now \(role.label.en)."
            return try await staff(request, language, notice: notice)
        } catch let failure as ValidationFailure {
            return try await staff(request, language, values: values, problems: failure.problems, status: .unprocessableEntity)
        }
    }

    struct RemoveForm: Content {
        let member: UUID
        let role: String
        let scope: String?
    }

    func remove(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let form = try request.content.decode(RemoveForm.self)
        let role = try RoleName.networkRole(role: form.role, scope: form.scope)
        do {
            try await RoleActions(request.actions()).remove(role, fromMember: form.member)
        } catch DomainError.conflict(let message) {
            return try await staff(request, language, problems: [FieldProblem(field: "", message: message)], status: .conflict)
        }
        let notice = language == .de ? "Die Rolle „\(role.label.de)“ ist entzogen." : "The role \"\(role.label.en)\" has been removed."
        return try await staff(request, language, notice: notice)
    }
}
