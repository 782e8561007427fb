import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// Owns this instance's directory and match indexes and keeps them in step with the database
/// journal.
///
/// Writes made here are applied at once; writes made by other instances are picked up at the
/// latest `freshness` later. Syncs run one after the other, so an older read never overwrites
/// a newer one.
public actor DirectoryService {
    private var index = DirectoryIndex()
    /// Searched inside the actor: a copy handed out would be duplicated by the next write.
    private var matches = MatchIndex()
    private var loaded = false
    private var lastSequence = 0
    /// Journal entries applied recently: on PostgreSQL a lower sequence number can commit after
    /// a higher one, so a window below the newest is read again and filtered by this set.
    private var appliedRecently: Set<Int> = []
    private var lastSync: ContinuousClock.Instant?
    private var pending: Task<Void, any Error>?
    private let freshness: Duration

    static let lookback = 64

    public init(freshness: Duration = .milliseconds(500)) {
        self.freshness = freshness
    }

    /// The index as of now: synchronised when it is older than `freshness` (or never loaded).
    public func snapshot(on database: any Database) async throws -> DirectoryIndex {
        if !loaded || lastSync.map({ ContinuousClock.now - $0 > freshness }) ?? true {
            try await synchronize(on: database)
        }
        return index
    }

    /// Partners for a request, from an index no older than `freshness`.
    public func findPartners(_ query: MatchQuery, on database: any Database) async throws -> MatchOutcome {
        _ = try await snapshot(on: database)
        return matches.search(query)
    }

    /// Applies every journal entry not yet applied; call after a write to see it at once.
    public func synchronize(on database: any Database) async throws {
        let previous = pending
        let task = Task {
            _ = try? await previous?.value
            try await self.applyJournal(on: database)
        }
        pending = task
        try await task.value
    }

    private func applyJournal(on database: any Database) async throws {
        let store = OrganisationStore(database)
        guard loaded else { return try await reload(on: database) }
        let changes = try await store.changes(after: max(0, lastSequence - Self.lookback))
            .filter { !appliedRecently.contains($0.sequence) }
        lastSync = .now
        guard !changes.isEmpty else { return }
        if changes.contains(where: { $0.organisationID == nil }) { return try await reload(on: database) }
        let ids = Array(Set(changes.compactMap(\.organisationID)))
        let current = try await store.find(ids)
        for organisation in current {
            index.upsert(organisation)
            matches.upsert(MatchDocument(organisation: organisation))
        }
        for id in Set(ids).subtracting(current.map(\.id)) {
            index.remove(id)
            matches.remove(id)
        }
        record(changes.map(\.sequence))
    }

    private func reload(on database: any Database) async throws {
        let store = OrganisationStore(database)
        // Read the journal position first: what changes during the load is applied again later.
        let sequence = try await store.latestChangeSequence()
        var organisations: [Organisation] = []
        try await store.forEachBatch { organisations += $0 }
        index = DirectoryIndex(organisations)
        matches = MatchIndex(documents: organisations.lazy.map { MatchDocument(organisation: $0) })
        loaded = true
        lastSync = .now
        lastSequence = 0
        appliedRecently = []
        let seen = try await store.changes(after: max(0, sequence - Self.lookback)).map(\.sequence).filter { $0 <= sequence }
        record(seen + [sequence])
    }

    private func record(_ sequences: [Int]) {
        appliedRecently.formUnion(sequences)
        lastSequence = max(lastSequence, sequences.max() ?? 0)
        appliedRecently = appliedRecently.filter { $0 > lastSequence - Self.lookback }
    }
}
