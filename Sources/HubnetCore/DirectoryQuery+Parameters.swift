import Foundation

extension DirectoryQuery {
    /// Reads the query from URL parameters as the directory form and the API send them:
    /// `q`, `hub`, `kind`, `topic` (each may repeat), `sort`, `page`, `per`.
    /// Problems name the parameter; unknown parameters are ignored, as browsers add their own.
    public init(parameters: [(name: String, value: String)]) throws(ValidationFailure) {
        self.init()
        var check = ProblemCollector()
        for (name, rawValue) in parameters {
            let value = rawValue.trimmingCharacters(in: .whitespaces)
            switch name {
            case "q":
                text = rawValue
            case "hub", "hub[]":
                if !value.isEmpty { hubs.insert(value) }
            case "topic", "topic[]":
                if !value.isEmpty { topics.insert(value) }
            case "kind", "kind[]":
                guard !value.isEmpty else { continue }
                if let kind = OrganisationKind(rawValue: value) {
                    kinds.insert(kind)
                } else {
                    check(false, "kind", de: "Unbekannte Art „\(value)“.",
                          en: "Unknown kind '\(value)'; use one of \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
            case "sort":
                guard !value.isEmpty else { continue }
                if let parsed = Sort(rawValue: value) {
                    sort = parsed
                } else {
                    check(false, "sort", de: "Unbekannte Sortierung „\(value)“.",
                          en: "Unknown sort '\(value)'; use one of \(Sort.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
            case "page":
                guard !value.isEmpty else { continue }
                if let number = Int(value) { page = number } else {
                    check(false, "page", de: "Die Seite muss eine Zahl sein.", en: "The page must be a number.")
                }
            case "per":
                guard !value.isEmpty else { continue }
                if let number = Int(value) { perPage = number } else {
                    check(false, "per", de: "„per“ muss eine Zahl sein.", en: "'per' must be a number.")
                }
            default:
                continue
            }
        }
        try check.throwIfAny()
        self = try validated()
    }
}
