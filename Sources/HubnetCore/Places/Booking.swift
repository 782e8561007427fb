import Foundation

public enum BookingState: String, Hashable, Sendable, Codable, CaseIterable {
    case booked
    case cancelled
    /// Booked, but nobody came: the hub manager marks it after the start.
    case noShow = "no_show"

    public var label: LocalizedText {
        switch self {
        case .booked: .init(de: "Gebucht", en: "Booked")
        case .cancelled: .init(de: "Storniert", en: "Cancelled")
        case .noShow: .init(de: "Nicht erschienen", en: "No-show")
        }
    }

    /// Whether the booking holds its time: a no-show held it too.
    public var holdsTime: Bool { self != .cancelled }
}

/// A resource taken for a time by a member for one of their organisations.
public struct Booking: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var resourceID: UUID
    public var organisationID: UUID
    public var memberID: UUID?
    public var start: Date
    public var end: Date
    public var state: BookingState
    public var createdAt: Date
    public var updatedAt: Date
    /// Counts changes, for calendar subscribers (iCalendar SEQUENCE).
    public var sequence: Int

    public init(id: UUID = UUID(), resourceID: UUID, organisationID: UUID, memberID: UUID?, start: Date, end: Date,
                state: BookingState = .booked, createdAt: Date, updatedAt: Date? = nil, sequence: Int = 0) {
        self.id = id
        self.resourceID = resourceID
        self.organisationID = organisationID
        self.memberID = memberID
        self.start = start
        self.end = end
        self.state = state
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.sequence = sequence
    }

    /// The database's unit of occupation: a booking holds one row per quarter hour, and a
    /// unique key on (resource, quarter) makes a second booking of the same time impossible.
    public static let unitMinutes = 15

    public var units: [Date] {
        stride(from: start.timeIntervalSince1970, to: end.timeIntervalSince1970, by: Double(Self.unitMinutes * 60))
            .map { Date(timeIntervalSince1970: $0) }
    }

    public func overlaps(_ start: Date, _ end: Date) -> Bool { self.start < end && start < self.end }

    /// The day it falls on (YYYY-MM-DD, Berlin): quotas count days.
    public var day: String { NetworkCalendar.day(of: start) }

    /// The month it falls on (YYYY-MM).
    public var month: String { String(day.prefix(7)) }
}

/// The quota of a kind of resource at a hub: days with a booking per organisation and month.
public enum BookingQuota {
    /// Whether one more booking on `day` stays within `limit`, given the days the organisation
    /// has booked this month already (a second booking on a booked day costs nothing).
    public static func allows(day: String, booked: Set<String>, limit: Int?) -> Bool {
        guard let limit else { return true }
        return booked.contains(day) || booked.filter { $0.hasPrefix(day.prefix(7)) }.count < limit
    }
}
