import Foundation
import HubnetCore

/// A page of the audit log as staff read it: who did what to which object, and per field what
/// it was and what it became.
public struct AuditModel: Sendable {
    public struct Row: Sendable {
        public let occurredAt: Date
        public let actor: String
        /// Nil for the command line or the system.
        public let actorID: UUID?
        public let action: String
        public let objectType: String
        public let objectID: String
        public let hub: String?
        /// What the object is called (its name or title), when its snapshot says.
        public let objectName: String?
        public let changes: [FieldChange]

        public init(occurredAt: Date, actor: String, actorID: UUID?, action: String, objectType: String, objectID: String,
                    hub: String?, objectName: String?, changes: [FieldChange]) {
            self.occurredAt = occurredAt
            self.actor = actor
            self.actorID = actorID
            self.action = action
            self.objectType = objectType
            self.objectID = objectID
            self.hub = hub
            self.objectName = objectName
            self.changes = changes
        }
    }

    public let filter: AuditFilter
    public let rows: [Row]
    /// Older entries follow.
    public let more: Bool
    /// The hubs the reader may narrow the log to.
    public let hubs: [String]
    /// The name of the actor the log is narrowed to.
    public let actorName: String?
    public let problems: [FieldProblem]

    public init(filter: AuditFilter, rows: [Row], more: Bool, hubs: [String], actorName: String?, problems: [FieldProblem] = []) {
        self.filter = filter
        self.rows = rows
        self.more = more
        self.hubs = hubs
        self.actorName = actorName
        self.problems = problems
    }

    /// What an action means, for people; an action not listed shows as it is stored.
    static func label(action: String) -> LocalizedText {
        actionLabels[action] ?? LocalizedText(action)
    }

    static func label(area: String) -> LocalizedText {
        areaLabels[area] ?? LocalizedText(area)
    }

    static func label(objectType: String) -> LocalizedText {
        objectLabels[objectType] ?? LocalizedText(objectType)
    }

    /// Field names as the forms call them; others show as stored.
    static func label(field: String) -> LocalizedText {
        let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
        guard let base = fieldLabels[parts[0]] else { return LocalizedText(field) }
        guard parts.count == 2 else { return base }
        return LocalizedText(de: "\(base.de) (\(parts[1]))", en: "\(base.en) (\(parts[1]))")
    }

    private static let actionLabels: [String: LocalizedText] = [
        "organisation.create": .init(de: "Organisation angelegt", en: "Organisation added"),
        "organisation.update": .init(de: "Organisation geändert", en: "Organisation changed"),
        "organisation.delete": .init(de: "Organisation gelöscht", en: "Organisation deleted"),
        "organisation.approve": .init(de: "Neue Organisation freigegeben", en: "New organisation approved"),
        "organisation.import": .init(de: "Organisationen importiert", en: "Organisations imported"),
        "organisation.logo": .init(de: "Logo hochgeladen", en: "Logo uploaded"),
        "organisation.logo.remove": .init(de: "Logo entfernt", en: "Logo removed"),
        "organisation.seed-demo": .init(de: "Demo-Netzwerk angelegt", en: "Demo network seeded"),
        "organisation.remove-all": .init(de: "Alle Organisationen entfernt", en: "All organisations removed"),
        "claim.create": .init(de: "Profil beansprucht", en: "Profile claimed"),
        "claim.approve": .init(de: "Anspruch bestätigt", en: "Claim approved"),
        "claim.reject": .init(de: "Anspruch abgelehnt", en: "Claim rejected"),
        "membership.set": .init(de: "Mitgliedschaft festgelegt", en: "Membership set"),
        "membership.remove": .init(de: "Mitgliedschaft beendet", en: "Membership ended"),
        "role.assign": .init(de: "Rolle vergeben", en: "Role assigned"),
        "role.remove": .init(de: "Rolle entzogen", en: "Role removed"),
        "role.bootstrap-network-admin": .init(de: "Erste Netzwerk-Administration ernannt", en: "First network admin appointed"),
        "member.sign-up": .init(de: "Registriert", en: "Signed up"),
        "member.confirm-email": .init(de: "E-Mail-Adresse bestätigt", en: "E-mail address confirmed"),
        "member.reset-password": .init(de: "Passwort zurückgesetzt", en: "Password reset"),
        "member.change-password": .init(de: "Passwort geändert", en: "Password changed"),
        "member.erase": .init(de: "Konto gelöscht", en: "Account deleted"),
        "token.create": .init(de: "API-Schlüssel angelegt", en: "API token created"),
        "token.revoke": .init(de: "API-Schlüssel widerrufen", en: "API token revoked"),
        "opportunity.create": .init(de: "Gesuch veröffentlicht", en: "Opportunity posted"),
        "opportunity.update": .init(de: "Gesuch geändert", en: "Opportunity changed"),
        "opportunity.delete": .init(de: "Gesuch zurückgezogen", en: "Opportunity withdrawn"),
    ]

    private static let areaLabels: [String: LocalizedText] = [
        "organisation": .init(de: "Organisationen", en: "Organisations"),
        "claim": .init(de: "Profil-Ansprüche", en: "Profile claims"),
        "membership": .init(de: "Mitgliedschaften", en: "Memberships"),
        "role": .init(de: "Rollen", en: "Roles"),
        "member": .init(de: "Konten", en: "Accounts"),
        "token": .init(de: "API-Schlüssel", en: "API tokens"),
        "opportunity": .init(de: "Gesuche und Angebote", en: "Opportunities"),
    ]

    private static let objectLabels: [String: LocalizedText] = [
        "organisation": .init(de: "Organisation", en: "Organisation"),
        "claim": .init(de: "Anspruch", en: "Claim"),
        "member": .init(de: "Mitglied", en: "Member"),
        "membership": .init(de: "Mitgliedschaft", en: "Membership"),
        "api-token": .init(de: "API-Schlüssel", en: "API token"),
        "opportunity": .init(de: "Gesuch", en: "Opportunity"),
    ]

    private static let fieldLabels: [String: LocalizedText] = [
        "name": .init(de: "Name", en: "Name"),
        "kind": .init(de: "Art", en: "Type"),
        "hubSlug": .init(de: "Hub", en: "Hub"),
        "hub": .init(de: "Hub", en: "Hub"),
        "city": .init(de: "Ort", en: "City"),
        "description": .init(de: "Beschreibung", en: "Description"),
        "offers": .init(de: "Bietet", en: "Offers"),
        "seeks": .init(de: "Sucht", en: "Seeks"),
        "topicSlugs": .init(de: "Themen", en: "Topics"),
        "topics": .init(de: "Themen", en: "Topics"),
        "website": .init(de: "Website", en: "Website"),
        "logo": .init(de: "Logo (Version)", en: "Logo (version)"),
        "logoVersion": .init(de: "Logo (Version)", en: "Logo (version)"),
        "founded": .init(de: "Gegründet", en: "Founded"),
        "foundedYear": .init(de: "Gründungsjahr", en: "Year founded"),
        "size": .init(de: "Größe", en: "Size"),
        "stage": .init(de: "Phase", en: "Stage"),
        "status": .init(de: "Status", en: "Status"),
        "role": .init(de: "Rolle", en: "Role"),
        "scope": .init(de: "Bereich", en: "Scope"),
        "level": .init(de: "Stufe", en: "Level"),
        "title": .init(de: "Titel", en: "Title"),
        "text": .init(de: "Text", en: "Text"),
        "message": .init(de: "Nachricht", en: "Message"),
        "email": .init(de: "E-Mail", en: "E-mail"),
        "scopes": .init(de: "Rechte", en: "Scopes"),
        "visibility": .init(de: "Sichtbarkeit", en: "Visibility"),
        "deadline": .init(de: "Frist", en: "Deadline"),
    ]
}
