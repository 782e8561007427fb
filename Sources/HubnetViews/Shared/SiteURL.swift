import Foundation
import HubnetCore

/// Every page of the site. Views take their links from here, never from string literals, and
/// every path carries its language, so a link can be shared and read in the language it shows.
public enum SiteURL: Hashable, Sendable {
    case home
    case hub(slug: String)
    case directory(DirectoryQuery = DirectoryQuery())
    case organisation(id: UUID)
    case newOrganisation
    case editOrganisation(id: UUID)
    case claimOrganisation(id: UUID)
    case signUp
    case signIn
    case signOut
    case confirm
    case forgotPassword
    case resetPassword
    case account
    case accountTokens
    case revokeToken(id: UUID)
    case accountExport
    case accountDelete
    case claims
    case decideClaim(id: UUID, approve: Bool)
    case audit
    /// Find partners; with words or a topic, the results.
    case findPartners(text: String = "", topic: String? = nil)
    case organisationMatches(id: UUID)
    case organisationInvestors(id: UUID)
    case opportunities
    case opportunity(id: UUID)
    case newOpportunity
    case deleteOpportunity(id: UUID)

    public func path(_ language: SiteLanguage) -> String {
        let prefix = "/\(language.rawValue)"
        switch self {
        case .home:
            return prefix
        case .hub(let slug):
            return "\(prefix)/hubs/\(slug)"
        case .directory(let query):
            return "\(prefix)/directory" + Self.queryString(query)
        case .organisation(let id):
            return "\(prefix)/organisations/\(id.uuidString.lowercased())"
        case .newOrganisation:
            return "\(prefix)/organisations/new"
        case .editOrganisation(let id):
            return "\(prefix)/organisations/\(id.uuidString.lowercased())/edit"
        case .claimOrganisation(let id):
            return "\(prefix)/organisations/\(id.uuidString.lowercased())/claim"
        case .signUp: return "\(prefix)/sign-up"
        case .signIn: return "\(prefix)/sign-in"
        case .signOut: return "\(prefix)/sign-out"
        case .confirm: return "\(prefix)/confirm"
        case .forgotPassword: return "\(prefix)/password/forgot"
        case .resetPassword: return "\(prefix)/password/reset"
        case .account: return "\(prefix)/account"
        case .accountTokens: return "\(prefix)/account/tokens"
        case .revokeToken(let id): return "\(prefix)/account/tokens/\(id.uuidString.lowercased())/revoke"
        case .accountExport: return "\(prefix)/account/export"
        case .accountDelete: return "\(prefix)/account/delete"
        case .claims: return "\(prefix)/claims"
        case .decideClaim(let id, let approve):
            return "\(prefix)/claims/\(id.uuidString.lowercased())/\(approve ? "approve" : "reject")"
        case .audit: return "\(prefix)/audit"
        case .findPartners(let text, let topic):
            var components = URLComponents()
            components.queryItems = (text.isEmpty ? [] : [URLQueryItem(name: "q", value: text)])
                + (topic.map { [URLQueryItem(name: "topic", value: $0)] } ?? [])
            let query = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B") ?? ""
            return "\(prefix)/matches" + (query.isEmpty ? "" : "?" + query)
        case .organisationMatches(let id): return "\(prefix)/organisations/\(id.uuidString.lowercased())/matches"
        case .organisationInvestors(let id): return "\(prefix)/organisations/\(id.uuidString.lowercased())/investors"
        case .opportunities: return "\(prefix)/opportunities"
        case .opportunity(let id): return "\(prefix)/opportunities/\(id.uuidString.lowercased())"
        case .newOpportunity: return "\(prefix)/opportunities/new"
        case .deleteOpportunity(let id): return "\(prefix)/opportunities/\(id.uuidString.lowercased())/withdraw"
        }
    }

    /// The API's documents and the language-neutral entry point.
    public static let openAPIDocument = "/api/v1/openapi.json"
    public static let apiRoot = "/api/v1"
    /// Development only: the mails the outbox holds, when no SMTP server is set.
    public static let mailbox = "/dev/mailbox"

    /// The query as the directory form sends it; defaults are left out to keep links short.
    static func queryString(_ query: DirectoryQuery) -> String {
        var items: [URLQueryItem] = []
        if !query.text.isEmpty { items.append(URLQueryItem(name: "q", value: query.text)) }
        items += query.hubs.sorted().map { URLQueryItem(name: "hub", value: $0) }
        items += query.kinds.map(\.rawValue).sorted().map { URLQueryItem(name: "kind", value: $0) }
        items += query.topics.sorted().map { URLQueryItem(name: "topic", value: $0) }
        if let sort = query.sort { items.append(URLQueryItem(name: "sort", value: sort.rawValue)) }
        if query.page != 1 { items.append(URLQueryItem(name: "page", value: String(query.page))) }
        if query.perPage != 20 { items.append(URLQueryItem(name: "per", value: String(query.perPage))) }
        guard !items.isEmpty else { return "" }
        var components = URLComponents()
        components.queryItems = items
        // URLComponents leaves "+" alone, which a form decoder would read as a space.
        return "?" + (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }
}
