/// The signed-in member as the page frame shows them; nil for a visitor.
public struct Viewer: Sendable {
    public let name: String
    public let csrfToken: String
    public let reviewsClaims: Bool
    public let readsAudit: Bool
    /// Claims, new organisations and requests to vet, waiting for this member's decision.
    public let waiting: Int
    /// Notifications not read yet.
    public let unread: Int

    public init(name: String, csrfToken: String, reviewsClaims: Bool, readsAudit: Bool, waiting: Int = 0, unread: Int = 0) {
        self.name = name
        self.csrfToken = csrfToken
        self.reviewsClaims = reviewsClaims
        self.readsAudit = readsAudit
        self.waiting = waiting
        self.unread = unread
    }
}
