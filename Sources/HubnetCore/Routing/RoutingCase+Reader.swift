import Foundation

/// What one reader may see of a request: the poster's side and the agency see the whole case;
/// a recipient sees itself and the steps about the request as a whole; a referred hub's
/// managers see the referrals. The page and the API ask the same questions here.
extension RoutingCase {
    public func showsWholeCase(to actor: Principal, poster: UUID) -> Bool {
        actor.actsFor(organisation: poster) || actor.manages(hub: homeHub)
    }

    /// The recipients this reader may see.
    public func recipients(visibleTo actor: Principal, poster: UUID) -> [UUID] {
        let whole = showsWholeCase(to: actor, poster: poster)
        return recipients.keys.filter { whole || actor.actsFor(organisation: $0) }.sorted { $0.lowercased < $1.lowercased }
    }

    /// The referrals this reader may see.
    public func referrals(visibleTo actor: Principal, poster: UUID) -> [(hub: String, state: ReferralState)] {
        let whole = showsWholeCase(to: actor, poster: poster)
        return referrals.filter { whole || actor.manages(hub: $0.key) }.sorted { $0.key < $1.key }.map { (hub: $0.key, state: $0.value) }
    }

    /// The steps this reader may see: about the whole request, about hubs, or about itself.
    public func history(visibleTo actor: Principal, poster: UUID) -> [RoutingStep] {
        guard !showsWholeCase(to: actor, poster: poster) else { return history }
        let mine = Set(recipients.keys.filter(actor.actsFor(organisation:)).map(\.lowercased))
        return history.filter { step in
            guard let subject = step.subject else { return true }
            return mine.contains(subject) || Self.referredHubs(subject).allSatisfy { Network.hub($0) != nil }
        }
    }

    /// Whether the reader acts for a recipient that was introduced (and so may know the poster).
    public func introducesPoster(to actor: Principal) -> Bool {
        recipients.contains { [.introduced, .concluded].contains($0.value) && actor.actsFor(organisation: $0.key) }
    }
}
