import Foundation
import HubnetCore
import Vapor

/// `hubnet bench schedule`: generates a matchmaking day, schedules it and prints the meetings
/// placed against an upper bound, the idle gaps per participant and the time taken.
extension BenchCommand {
    func schedule(using context: CommandContext, signature: Signature) throws {
        let participants = signature.participants ?? 2_000, requests = signature.requests ?? 20_000
        let slots = signature.slots ?? 16, tables = signature.tables ?? 200, cap = signature.cap ?? 8
        guard participants >= 2, requests >= 1, (1...64).contains(slots), tables >= 1, cap >= 1 else {
            throw CommandProblem("--participants ≥ 2, --requests ≥ 1, --slots 1…64, --tables ≥ 1, --cap ≥ 1.")
        }
        let seed = UInt64(max(0, signature.seed ?? 1))
        let day = MeetingDay.generated(participants: participants, requests: requests, slots: slots, tables: tables, capPerPerson: cap, seed: seed)
        if let export = signature.export { try Self.write(day, to: export) }
        let start = ContinuousClock.now
        let schedule = MeetingScheduler.schedule(day)
        let seconds = (ContinuousClock.now - start).seconds
        let bound = day.upperBound
        let ratio = bound > 0 ? Double(schedule.scheduled) / Double(bound) : 1
        let gaps = Double(schedule.idleGaps) / Double(participants)
        let console = context.console
        console.print("Matchmaking day: \(participants) participants, \(day.meetings.count) accepted requests, \(slots) slots, "
                      + "\(tables) tables, at most \(cap) meetings each, seed \(seed).")
        console.print("scheduled \(schedule.scheduled) of an upper bound of \(bound) (\(String(format: "%.2f", ratio * 100)) %, goal ≥ 99 %) "
                      + "in \(String(format: "%.3f", seconds)) s (goal ≤ 2 s); idle gaps \(String(format: "%.3f", gaps)) per participant")
        if signature.json {
            try console.printFigures([
                "participants": participants, "meetings": day.meetings.count, "slots": slots, "tables": tables, "cap": cap, "seed": Int(seed),
                "scheduled": schedule.scheduled, "bound": bound, "ratio": (ratio * 10_000).rounded() / 10_000,
                "idle_gaps_per_participant": Self.round(gaps), "seconds": (seconds * 1_000).rounded() / 1_000,
            ])
        }
    }

    /// The instance as `benchmarks/schedule_mip.py` reads it.
    static func write(_ day: MeetingDay, to path: String) throws {
        let availability = day.availability.map { mask in (0..<day.slots).filter { mask & (1 << UInt64($0)) != 0 } }
        let object: [String: Any] = ["participants": day.participants, "slots": day.slots, "tables": day.tables, "cap": day.capPerPerson,
                                     "availability": availability, "meetings": day.meetings.map { [$0.0, $0.1] }]
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    }
}
