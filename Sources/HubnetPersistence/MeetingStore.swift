import FluentKit
import Foundation
import HubnetCore

/// A matchmaking day's settings, participants, requests and the seats of its schedule.
public struct MeetingStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func settings(event: UUID) async throws -> MatchmakingSettings? {
        try await MeetingDayRecord.query(on: database).filter(\.$eventID == event).first().map {
            MatchmakingSettings(firstSlot: $0.firstSlotAt, slotMinutes: $0.slotMinutes, slots: $0.slots, tables: $0.tables,
                                capPerPerson: $0.capPerPerson, scheduledAt: $0.scheduledAt)
        }
    }

    public func save(_ settings: MatchmakingSettings, event: UUID) async throws {
        let record = try await MeetingDayRecord.query(on: database).filter(\.$eventID == event).first() ?? MeetingDayRecord()
        record.eventID = event
        record.firstSlotAt = settings.firstSlot
        record.slotMinutes = settings.slotMinutes
        record.slots = settings.slots
        record.tables = settings.tables
        record.capPerPerson = settings.capPerPerson
        record.scheduledAt = settings.scheduledAt
        try await record.save(on: database)
    }

    // MARK: Participants

    public func save(_ participant: MeetingParticipant) async throws {
        let record = try await MeetingParticipantRecord.find(participant.id, on: database) ?? MeetingParticipantRecord()
        record.id = participant.id
        record.eventID = participant.eventID
        record.memberID = participant.memberID
        record.organisationID = participant.organisationID
        record.offer = participant.offer
        record.seek = participant.seek
        record.availability = Int64(bitPattern: participant.availability)
        try await record.save(on: database)
    }

    public func participants(event: UUID) async throws -> [MeetingParticipant] {
        try await MeetingParticipantRecord.query(on: database).filter(\.$eventID == event).all().map(Self.participant)
    }

    public func participant(event: UUID, member: UUID) async throws -> MeetingParticipant? {
        try await MeetingParticipantRecord.query(on: database).filter(\.$eventID == event).filter(\.$memberID == member).first()
            .map(Self.participant)
    }

    public func participants(member: UUID) async throws -> [MeetingParticipant] {
        try await MeetingParticipantRecord.query(on: database).filter(\.$memberID == member).all().map(Self.participant)
    }

    static func participant(_ record: MeetingParticipantRecord) -> MeetingParticipant {
        MeetingParticipant(id: record.id!, eventID: record.eventID, memberID: record.memberID, organisationID: record.organisationID,
                           offer: record.offer, seek: record.seek, availability: UInt64(bitPattern: record.availability))
    }

    // MARK: Requests and seats

    public func save(_ request: MeetingRequest) async throws {
        let record = try await MeetingRequestRecord.find(request.id, on: database) ?? MeetingRequestRecord()
        record.id = request.id
        record.eventID = request.eventID
        record.requesterID = request.requesterID
        record.inviteeID = request.inviteeID
        record.message = request.message
        record.state = request.state.rawValue
        record.slot = request.slot
        record.tableNumber = request.table
        record.confirmed = request.confirmed
        record.sequence = request.sequence
        record.createdAt = request.createdAt
        record.updatedAt = request.updatedAt
        try await record.save(on: database)
    }

    public func request(_ id: UUID) async throws -> MeetingRequest? {
        try await MeetingRequestRecord.find(id, on: database).map(Self.request)
    }

    public func requests(event: UUID) async throws -> [MeetingRequest] {
        try await MeetingRequestRecord.query(on: database).filter(\.$eventID == event).sort(\.$createdAt).all().map(Self.request)
    }

    public func requests(participants: [UUID]) async throws -> [MeetingRequest] {
        guard !participants.isEmpty else { return [] }
        return try await MeetingRequestRecord.query(on: database)
            .group(.or) { $0.filter(\.$requesterID ~~ participants).filter(\.$inviteeID ~~ participants) }
            .sort(\.$createdAt).all().map(Self.request)
    }

    static func request(_ record: MeetingRequestRecord) -> MeetingRequest {
        MeetingRequest(id: record.id!, eventID: record.eventID, requesterID: record.requesterID, inviteeID: record.inviteeID,
                       message: record.message, state: MeetingRequestState(rawValue: record.state) ?? .requested, slot: record.slot,
                       table: record.tableNumber, confirmed: record.confirmed, sequence: record.sequence,
                       createdAt: record.createdAt, updatedAt: record.updatedAt)
    }

    /// Writes a day's schedule: every request's slot and table, and a seat per person and slot.
    /// Old placements are cleared first, so the unique keys check the new schedule whole.
    public func replaceSchedule(event: UUID, requests: [MeetingRequest]) async throws {
        try await MeetingSeatRecord.query(on: database).filter(\.$eventID == event).delete()
        try await MeetingRequestRecord.query(on: database).filter(\.$eventID == event)
            .set(\.$slot, to: nil).set(\.$tableNumber, to: nil).update()
        var seats: [MeetingSeatRecord] = []
        for request in requests {
            try await save(request)
            guard let slot = request.slot else { continue }
            for participant in [request.requesterID, request.inviteeID] {
                let seat = MeetingSeatRecord()
                seat.eventID = event
                seat.requestID = request.id
                seat.participantID = participant
                seat.slot = slot
                seats.append(seat)
            }
        }
        try await seats.create(on: database)
    }
}
