import HubnetCore
import HubnetViews
import HubnetActions
import Vapor

extension Request {
    /// The page frame's context: language, the page's own address, and the signed-in viewer.
    func pageContext(_ language: SiteLanguage, _ page: SiteURL) async throws -> PageContext {
        let actor = try await actor()
        guard let name = try await actingMemberName() else { return PageContext(language: language, page: page) }
        let reviewsClaims = Policy.decide(.reviewClaims, for: actor) == .allowed
        let waiting = reviewsClaims ? try await ClaimActions(actions()).waiting() : (claims: 0, organisations: 0)
        let actions = try await actions()
        let requests = reviewsClaims ? try await RoutingActions(actions).waitingForVetting() : 0
        let unread = try await NotificationActions(actions).unreadCount()
        let viewer = Viewer(
            name: name, csrfToken: csrfToken, reviewsClaims: reviewsClaims,
            readsAudit: Policy.decide(.readAuditLog(hub: nil), for: actor) == .allowed,
            waiting: waiting.claims + waiting.organisations + requests, unread: unread)
        return PageContext(language: language, page: page, viewer: viewer)
    }
}
