import FluentKit
import Foundation
import SQLKit

extension Database {
    /// Takes a row for the rest of the transaction, so that writes depending on it (seats of an
    /// event, bookings of a resource) queue up one after the other. PostgreSQL locks the row;
    /// on SQLite the write gate already lets one writer in at a time. Without it, two
    /// overlapping bookings on PostgreSQL can each wait for the other inside the exclusion
    /// constraint until one of them is aborted as a deadlock.
    public func lockRow(of table: String, id: UUID) async throws {
        try await lockRow(of: table, key: "id", value: id)
    }

    public func lockRow(of table: String, key: String, value: some Encodable & Sendable) async throws {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT \(ident: key) FROM \(ident: table) WHERE \(ident: key) = \(bind: value) FOR UPDATE").run()
    }
}
