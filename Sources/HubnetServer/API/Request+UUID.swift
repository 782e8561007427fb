import Foundation
import HubnetCore
import Vapor

extension Request {
    /// A path parameter that must be a UUID; anything else is a 400 naming the parameter.
    func uuid(_ name: String = "id") throws -> UUID {
        try Self.uuid(parameters.get(name) ?? "", field: name)
    }

    /// A query or path value that must be a UUID.
    static func uuid(_ raw: String, field: String) throws -> UUID {
        guard let id = UUID(uuidString: raw) else {
            throw ProblemDetails.validation(ValidationFailure([FieldProblem(field: field, message: .init(
                de: "„\(raw)“ ist keine UUID.", en: "'\(raw)' is not a UUID."))]), status: .badRequest)
        }
        return id
    }
}
