import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// Telling a person that something concerns them: a notification in Hubnet and a mail in
/// their language, both in the caller's transaction. The outbox key (`key` and the member)
/// makes it once per person; `onlyOnce` also skips people told under that key before (for
/// reminders that a clock may try again), and the one who acted is never told of their step.
struct Notice {
    let context: ActionContext
    let database: any Database
    let text: LocalizedText
    /// The page below the language, as `SiteURL` prints it.
    let path: String
    let subject: LocalizedText
    let opportunity: UUID?

    /// Returns how many were told.
    @discardableResult
    func send(to people: [MemberRecord], key: String, onlyOnce: Bool = false) async throws -> Int {
        var seen = Set<UUID>(), told = 0
        for person in people {
            guard let id = person.id, id != context.actor.memberID, seen.insert(id).inserted else { continue }
            let mailKey = "\(key):\(id.lowercased)"
            if onlyOnce, try await OutboxMessageRecord.query(on: database).filter(\.$key == mailKey).first() != nil { continue }
            told += 1
            try await NotificationStore(database).add(to: id, text: text, path: path, opportunity: opportunity, at: context.now)
            let language = SiteLanguage(rawValue: person.language) ?? .de
            let greeting = language == .de ? "Hallo \(person.name)," : "Hello \(person.name),"
            try await Outbox(database).enqueue(key: mailKey, to: person.email, subject: subject[language],
                                               body: "\(greeting)\n\n\(text[language])\n\n\(context.link(path, language))")
        }
        return told
    }
}
