import Foundation
import HubnetCore
import Plot

/// A member's notifications: what happened to the requests that concern them, newest first.
public enum NotificationsView {
    public struct Item: Sendable {
        public let text: LocalizedText
        public let path: String
        public let createdAt: Date
        public let read: Bool

        public init(text: LocalizedText, path: String, createdAt: Date, read: Bool) {
            self.text = text
            self.path = path
            self.createdAt = createdAt
            self.read = read
        }
    }

    public static func render(_ items: [Item], csrf: String, _ context: PageContext) -> String {
        let language = context.language
        let t = { (de: String, en: String) in language == .de ? de : en }
        let title = t("Mitteilungen", "Notifications")
        return Layout.page(
            context, title: title,
            .h1(.text(title)),
            .if(items.contains { !$0.read }, .form(
                .method(.post), .action(context.link(.markNotificationsRead)), FormParts.csrf(csrf),
                .button(.type(.submit), .id("mark-read"), .text(t("Alle als gelesen markieren", "Mark all as read"))))),
            items.isEmpty
                ? .p(.id("no-notifications"), .text(t("Noch keine Mitteilungen.", "No notifications yet.")))
                : .ul(.class("results"), .id("notifications"), .forEach(items) { item in
                    .li(.class(item.read ? "card" : "card unread"),
                        .p(.class("meta"), .text(AuditView.when(item.createdAt, language) + (item.read ? "" : t(" · neu", " · new")))),
                        // Paths come from the server's own steps ("opportunities/<id>"); the link stays on this site.
                        .p(.a(.href("/" + language.rawValue + "/" + item.path), .text(item.text[language]))))
                })
        ).render()
    }
}
