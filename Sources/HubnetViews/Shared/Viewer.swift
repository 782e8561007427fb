/// The signed-in member as the page frame shows them; nil for a visitor.
public struct Viewer: Sendable {
    public let name: String
    public let csrfToken: String
    public let reviewsClaims: Bool
    public let readsAudit: Bool

    public init(name: String, csrfToken: String, reviewsClaims: Bool, readsAudit: Bool) {
        self.name = name
        self.csrfToken = csrfToken
        self.reviewsClaims = reviewsClaims
        self.readsAudit = readsAudit
    }
}
