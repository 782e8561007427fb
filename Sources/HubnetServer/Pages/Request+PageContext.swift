import HubnetCore
import HubnetViews
import HubnetActions
import HubnetPersistence
import Vapor

extension Request {
    /// The page frame's context: language, the page's own address, and the signed-in viewer.
    func pageContext(_ language: SiteLanguage, _ page: SiteURL) async throws -> PageContext {
        let actor = try await actor()
        guard let name = try await actingMemberName() else { return PageContext(language: language, page: page) }
        let reviewsClaims = Policy.decide(.reviewClaims, for: actor) == .allowed
        let waiting = reviewsClaims ? try await ClaimActions(actions()).waiting() : (claims: 0, organisations: 0)
        let requests = reviewsClaims ? try await RoutingStore(db).cases(homeHubs: actor.managedHubs, states: [.submitted], limit: 1_000).count : 0
        var unread = 0
        if let member = actor.memberID { unread = try await NotificationStore(db).unreadCount(of: member) }
        let viewer = Viewer(
            name: name, csrfToken: csrfToken, reviewsClaims: reviewsClaims,
            readsAudit: Policy.decide(.readAuditLog(hub: nil), for: actor) == .allowed,
            waiting: waiting.claims + waiting.organisations + requests, unread: unread)
        return PageContext(language: language, page: page, viewer: viewer)
    }
}
