import Foundation
@testable import HubnetCore
import Testing

@Suite struct AuditTests {
    @Test func changesAreTheFieldsThatDifferWithNestedNamesJoined() {
        let before = #"{"name":"Kaikante","description":{"de":"Alt","en":"Old"},"public":true,"size":12,"topics":["logistics"]}"#
        let after = #"{"name":"Kaikante","description":{"de":"Neu","en":"Old"},"public":false,"size":12.5,"topics":["logistics","robotics"]}"#
        #expect(FieldChange.between(before, after) == [
            FieldChange(field: "description.de", before: "Alt", after: "Neu"),
            FieldChange(field: "public", before: "true", after: "false"),
            FieldChange(field: "size", before: "12", after: "12.5"),
            FieldChange(field: "topics", before: "logistics", after: "logistics, robotics"),
        ])
        #expect(FieldChange.between(nil, #"{"status":"pending"}"#) == [FieldChange(field: "status", before: nil, after: "pending")])
        #expect(FieldChange.between("plain", "text") == [FieldChange(field: "", before: "plain", after: "text")])
        #expect(FieldChange.between(before, before).isEmpty)
        #expect(FieldChange.objectName(in: before) == "Kaikante")
    }

    @Test func aFilterReadsItsFormAndNamesWhatDoesNotFit() throws {
        let filter = try AuditFilter(parameters: [("hub", "cologne"), ("action", "claim"), ("from", "2026-11-01"), ("until", "2026-11-30"), ("page", "2")])
        #expect(filter.hub == "cologne" && filter.action == "claim" && filter.page == 2)
        // Days are Berlin days: 1 November starts at 23:00 UTC the day before.
        #expect(filter.from == ISO8601DateFormatter().date(from: "2026-10-31T23:00:00Z"))
        #expect(filter.until == ISO8601DateFormatter().date(from: "2026-11-30T23:00:00Z"), "the last day counts whole")
        #expect(throws: ValidationFailure.self) { try AuditFilter(parameters: [("from", "2026-02-30")]) }
        #expect(throws: ValidationFailure.self) { try AuditFilter(parameters: [("action", "drop.table")]) }
        #expect(throws: ValidationFailure.self) { try AuditFilter(parameters: [("from", "2026-11-30"), ("until", "2026-11-01")]) }
        #expect(throws: ValidationFailure.self) { try AuditFilter(parameters: [("hub", "atlantis")]) }
    }
}
