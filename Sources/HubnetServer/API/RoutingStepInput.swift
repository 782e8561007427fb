import Foundation
import Vapor

/// A body of `POST /opportunities/{id}/steps`: the step's name and what it needs; unknown
/// fields are refused by name.
struct RoutingStepInput: Decodable {
    var event: String
    var message: String?
    var reason: String?
    var organisation: String?
    var hub: String?
    var outcome: String?
    var recipients: [String]?
    var hubs: [String]?

    static func decode(from request: Request) throws -> RoutingStepInput {
        try request.strictJSON(RoutingStepInput.self)
    }

    var fields: [String: String] {
        ["message": message, "reason": reason, "organisation": organisation, "hub": hub, "outcome": outcome].compactMapValues { $0 }
    }

    var lists: [String: [String]] {
        ["recipients": recipients ?? [], "hubs": hubs ?? []]
    }
}
