import Foundation

extension AuditFilter {
    /// The areas of the audit log, in the order a filter offers them.
    public static let areas = ["organisation", "claim", "membership", "role", "member", "token", "opportunity"]

    /// Reads the filter form's fields; every value that does not fit is named.
    public init(parameters: [(name: String, value: String)]) throws(ValidationFailure) {
        self.init()
        var check = ProblemCollector()
        for (name, rawValue) in parameters {
            let value = rawValue.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            switch name {
            case "hub":
                if Network.hub(value) != nil { hub = value } else {
                    check(false, "hub", de: "Unbekannter Hub „\(value)“.", en: "Unknown hub '\(value)'.")
                }
            case "action":
                let area = String(value.prefix { $0 != "." })
                if Self.areas.contains(area), value.count <= 60, value.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" }) { action = value } else {
                    check(false, "action", de: "Unbekannte Aktion „\(value)“.",
                          en: "Unknown action '\(value)'; use an area (\(Self.areas.joined(separator: ", "))) or one of its actions.")
                }
            case "actor":
                if let id = UUID(uuidString: value) { actor = id } else {
                    check(false, "actor", de: "„\(value)“ ist keine Mitgliedskennung.", en: "'\(value)' is not a member id.")
                }
            case "from":
                if let day = NetworkCalendar.startOfDay(value) { from = day } else {
                    check(false, "from", de: "Bitte ein Datum wie 2026-11-27 angeben.", en: "Please give a date such as 2026-11-27.")
                }
            case "until":
                if let day = NetworkCalendar.startOfDay(value) { until = NetworkCalendar.nextDay(after: day) } else {
                    check(false, "until", de: "Bitte ein Datum wie 2026-11-27 angeben.", en: "Please give a date such as 2026-11-27.")
                }
            case "page":
                if let number = Int(value), (1...100_000).contains(number) { page = number } else {
                    check(false, "page", de: "Die Seite muss eine Zahl ab 1 sein.", en: "The page must be a number from 1.")
                }
            default:
                continue
            }
        }
        if let from, let until, until <= from {
            check(false, "until", de: "Das Ende liegt vor dem Anfang.", en: "The end lies before the start.")
        }
        try check.throwIfAny()
    }
}
