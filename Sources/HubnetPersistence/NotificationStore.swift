import FluentKit
import Foundation
import HubnetCore

/// Members' in-app notifications.
public struct NotificationStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public struct Notification: Sendable, Equatable {
        public let id: UUID
        public let text: LocalizedText
        public let path: String
        public let createdAt: Date
        public let read: Bool
    }

    public func add(to memberID: UUID, text: LocalizedText, path: String, opportunity: UUID?, at time: Date) async throws {
        let record = NotificationRecord()
        record.memberID = memberID
        record.opportunityID = opportunity
        record.textDE = text.de
        record.textEN = text.en
        record.path = path
        record.createdAt = time
        try await record.create(on: database)
    }

    public func unreadCount(of memberID: UUID) async throws -> Int {
        try await NotificationRecord.query(on: database).filter(\.$memberID == memberID).filter(\.$readAt == nil).count()
    }

    /// The newest first.
    public func list(of memberID: UUID, limit: Int = 100) async throws -> [Notification] {
        try await NotificationRecord.query(on: database).filter(\.$memberID == memberID)
            .sort(\.$createdAt, .descending).limit(limit).all()
            .compactMap { record in
                record.id.map { Notification(id: $0, text: .init(de: record.textDE, en: record.textEN), path: record.path,
                                             createdAt: record.createdAt, read: record.readAt != nil) }
            }
    }

    public func markAllRead(of memberID: UUID, at time: Date) async throws {
        try await NotificationRecord.query(on: database).filter(\.$memberID == memberID).filter(\.$readAt == nil)
            .set(\.$readAt, to: time).update()
    }
}
