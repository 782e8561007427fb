import Foundation
import HubnetCore

public struct AccountModel: Sendable {
    public struct Token: Sendable {
        public let id: UUID
        public let name: String
        public let writes: Bool
        public let lastUsed: Date?
        public let revoked: Bool

        public init(id: UUID, name: String, writes: Bool, lastUsed: Date?, revoked: Bool) {
            self.id = id
            self.name = name
            self.writes = writes
            self.lastUsed = lastUsed
            self.revoked = revoked
        }
    }

    public let name: String
    public let email: String
    public let organisations: [(organisation: Organisation, admin: Bool)]
    public let roles: [Role]
    public let tokens: [Token]
    /// A token just created, shown this once.
    public let newToken: String?
    public let problems: [FieldProblem]
    public let csrf: String
    /// The member's claims for profiles: the organisation and the claim's state.
    public let claims: [(organisation: Organisation, status: String)]
    /// What just happened, confirmed at the top ("password changed").
    public let notice: String?
    /// The address an unfinished change moves to.
    public let pendingEmail: String?
    /// Requests the routing desk sent to the member's organisations, and those they posted.
    public var received: [RequestLine] = []
    public var posted: [RequestLine] = []

    public struct RequestLine: Sendable {
        public let id: UUID
        public let title: String
        public let state: RoutingState
        public let organisation: String
        public let answer: RecipientState?

        public init(id: UUID, title: String, state: RoutingState, organisation: String, answer: RecipientState?) {
            self.id = id
            self.title = title
            self.state = state
            self.organisation = organisation
            self.answer = answer
        }
    }

    public init(name: String, email: String, organisations: [(organisation: Organisation, admin: Bool)], roles: [Role],
                tokens: [Token], newToken: String?, problems: [FieldProblem], csrf: String,
                claims: [(organisation: Organisation, status: String)] = [], notice: String? = nil, pendingEmail: String? = nil) {
        self.name = name
        self.email = email
        self.organisations = organisations
        self.roles = roles
        self.tokens = tokens
        self.newToken = newToken
        self.problems = problems
        self.csrf = csrf
        self.claims = claims
        self.notice = notice
        self.pendingEmail = pendingEmail
    }

    /// A member without organisations is shown where to start.
    var isNew: Bool { organisations.isEmpty && claims.isEmpty }
}
