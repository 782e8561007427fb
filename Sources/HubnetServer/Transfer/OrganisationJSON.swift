import Foundation
import HubnetCore

/// The JSON form of organisations: an array of API `Organisation` objects.
enum OrganisationJSON {
    static func encode(_ organisations: [Organisation]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(organisations.map(OrganisationDTO.init))
    }

    /// Reads each element on its own, so one bad element is reported with its position
    /// instead of failing the whole file.
    static func read(_ data: Data) throws -> [ImportRow] {
        guard let elements = try? JSONSerialization.jsonObject(with: data) as? [Any] else {
            throw CommandProblem("The JSON file must hold an array of organisations.")
        }
        let decoder = JSONDecoder()
        return elements.enumerated().map { offset, element in
            let position = offset + 1
            do {
                guard JSONSerialization.isValidJSONObject(element), var object = element as? [String: Any] else {
                    throw ValidationFailure([FieldProblem(field: "body", message: .init(
                        de: "Eintrag ist kein Objekt.", en: "The element is not an object."))])
                }
                // An export names each logo's address on the instance it came from; the images
                // themselves do not travel in the file, so the address is dropped.
                object["logo"] = nil
                let data = try JSONSerialization.data(withJSONObject: object)
                let input = try decoder.decode(OrganisationInput.self, from: data)
                return ImportRow(line: position, result: .success(try input.creating()))
            } catch let failure as ValidationFailure {
                return ImportRow(line: position, result: .failure(failure))
            } catch let decoding as DecodingError {
                return ImportRow(line: position, result: .failure(ValidationFailure([FieldProblem(
                    field: decoding.fieldPath, message: .init(de: decoding.hubnetDescription, en: decoding.hubnetDescription))])))
            } catch {
                return ImportRow(line: position, result: .failure(ValidationFailure([FieldProblem(
                    field: "body", message: .init(de: "\(error)", en: "\(error)"))])))
            }
        }
    }
}
