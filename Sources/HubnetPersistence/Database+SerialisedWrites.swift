import FluentKit
import Foundation
import SQLKit

/// SQLite takes one writer at a time. Its busy handler makes a single statement wait for the
/// lock, but a transaction that read before it writes fails at once with "database is locked"
/// when another connection wrote in between. So every write of this process that spans
/// statements waits here for its turn; PostgreSQL needs no such thing and passes straight on.
public actor WriteGate {
    public static let shared = WriteGate()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        }
        busy = true
        defer { handOver() }
        return try await body()
    }

    private func handOver() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

extension Database {
    /// Whether this is SQLite, where writers must queue (see `WriteGate`).
    public var isSQLite: Bool { (self as? any SQLDatabase)?.dialect.name == "sqlite" }

    /// A transaction that on SQLite waits for the process's one writer slot. Inside a
    /// transaction it simply runs: the slot is held already.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard isSQLite, !inTransaction else { return try await transaction(body) }
        return try await WriteGate.shared.run { try await self.transaction(body) }
    }

    /// A single write statement, queued like a transaction so it never slips between the
    /// read and the write of one.
    public func serialisedWrite<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard isSQLite, !inTransaction else { return try await body(self) }
        return try await WriteGate.shared.run { try await body(self) }
    }
}

extension Database {
    /// SQLite in write-ahead-log mode: readers never wait for the writer and the writer never
    /// waits for readers. The mode is kept in the file, so once per start is enough.
    public func prepareForConcurrentWriters() async throws {
        guard isSQLite, let sql = self as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
}
