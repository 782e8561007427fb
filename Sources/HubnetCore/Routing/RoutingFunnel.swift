import Foundation

/// How requests move through the agency's work, from their histories: how many reached each
/// stage, and the median time from the stage before. For the dashboards, and for hub
/// managers now as a table.
public struct RoutingFunnel: Hashable, Sendable {
    public enum Stage: String, CaseIterable, Sendable {
        case submitted, vetted, published, routed, interest, introduction, outcome

        public var label: LocalizedText {
            switch self {
            case .submitted: .init(de: "Eingereicht", en: "Submitted")
            case .vetted: .init(de: "Geprüft", en: "Vetted")
            case .published: .init(de: "Veröffentlicht", en: "Published")
            case .routed: .init(de: "Verteilt", en: "Routed")
            case .interest: .init(de: "Interesse", en: "Interest")
            case .introduction: .init(de: "Vorgestellt", en: "Introduction")
            case .outcome: .init(de: "Ergebnis", en: "Outcome")
            }
        }
    }

    public struct Row: Hashable, Sendable {
        public let stage: Stage
        public let reached: Int
        /// Median seconds from reaching the stage before to reaching this one; nil for the
        /// first stage or when no request got here.
        public let medianSeconds: Double?
    }

    public let rows: [Row]

    /// The first moment each stage was reached in one history; vetting publishes, so a
    /// vetted request is published at the same moment.
    static func reached(_ history: [RoutingStep]) -> [Stage: Date] {
        var first: [Stage: Date] = [:]
        func mark(_ stage: Stage, _ at: Date) { if first[stage] == nil { first[stage] = at } }
        for step in history {
            if step.from == .submitted || step.to == .submitted { mark(.submitted, step.at) }
            switch step.event {
            case "accept": mark(.vetted, step.at); mark(.published, step.at)
            case RoutingEvent.routeName, "forward": mark(.routed, step.at)
            case "express-interest": mark(.interest, step.at)
            case "introduce": mark(.introduction, step.at)
            case "record-outcome": mark(.outcome, step.at)
            default: break
            }
        }
        return first
    }

    public init(histories: [[RoutingStep]]) {
        let reached = histories.map(Self.reached)
        var rows: [Row] = []
        for (index, stage) in Stage.allCases.enumerated() {
            let here = reached.filter { $0[stage] != nil }
            var durations: [Double] = []
            if index > 0 {
                let previous = Stage.allCases[index - 1]
                durations = here.compactMap { times in times[previous].map { times[stage]!.timeIntervalSince($0) } }.sorted()
            }
            let median: Double? = durations.isEmpty ? nil
                : (durations.count % 2 == 1 ? durations[durations.count / 2]
                    : (durations[durations.count / 2 - 1] + durations[durations.count / 2]) / 2)
            rows.append(Row(stage: stage, reached: here.count, medianSeconds: median))
        }
        self.rows = rows
    }
}
