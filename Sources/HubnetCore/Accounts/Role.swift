import Foundation

/// What a member may be in the network, always with the scope it holds in.
public enum Role: Hashable, Sendable, Codable {
    /// Hub agency staff: the whole network.
    case networkAdmin
    /// Manages one hub: its directory entries, claims and audit log.
    case hubManager(hub: String)
    /// Manages one organisation: its profile and its members.
    case organisationAdmin(organisation: UUID)
    /// Acts for one organisation: keeps its profile.
    case organisationMember(organisation: UUID)
    /// Reviews the applications of one call (used by calls).
    case juryMember(call: UUID)

    public var label: LocalizedText {
        switch self {
        case .networkAdmin: .init(de: "Netzwerk-Administration (Hub-Agentur)", en: "Network admin (hub agency)")
        case .hubManager(let hub): .init(de: "Hub-Management \(Network.hub(hub)?.name.de ?? hub)",
                                         en: "Hub manager \(Network.hub(hub)?.name.en ?? hub)")
        case .organisationAdmin: .init(de: "Organisations-Admin", en: "Organisation admin")
        case .organisationMember: .init(de: "Mitglied der Organisation", en: "Organisation member")
        case .juryMember: .init(de: "Jury", en: "Jury member")
        }
    }
}

/// Who is acting: a signed-in member with their roles, or an anonymous visitor.
public struct Principal: Hashable, Sendable {
    public let memberID: UUID?
    public let roles: Set<Role>

    public init(memberID: UUID?, roles: Set<Role>) {
        self.memberID = memberID
        self.roles = memberID == nil ? [] : roles
    }

    public static let anonymous = Principal(memberID: nil, roles: [])

    public var isSignedIn: Bool { memberID != nil }
    public var isNetworkAdmin: Bool { roles.contains(.networkAdmin) }

    public func manages(hub: String) -> Bool { isNetworkAdmin || roles.contains(.hubManager(hub: hub)) }

    public func administers(organisation: UUID) -> Bool { roles.contains(.organisationAdmin(organisation: organisation)) }

    /// The organisations this actor acts for, as member or admin.
    public var organisations: [UUID] {
        roles.compactMap { role in
            switch role {
            case .organisationAdmin(let id), .organisationMember(let id): id
            default: nil
            }
        }
    }

    public func actsFor(organisation: UUID) -> Bool {
        administers(organisation: organisation) || roles.contains(.organisationMember(organisation: organisation))
    }

    /// Hubs this actor manages; nil means all of them.
    public var managedHubs: Set<String>? {
        if isNetworkAdmin { return nil }
        return Set(roles.compactMap { if case .hubManager(let hub) = $0 { hub } else { nil } })
    }
}
