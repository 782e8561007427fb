import Foundation

/// How fast a hub promises to act, in its working days; each hub's manager sets them.
public struct ServiceLevels: Hashable, Sendable, Codable {
    public var vetWithin: Int
    public var routeWithin: Int
    public var answerReferralWithin: Int

    /// What a hub starts with: the examples of the agency's own rules.
    public static let standard = ServiceLevels(vetWithin: 2, routeWithin: 5, answerReferralWithin: 5)

    public init(vetWithin: Int, routeWithin: Int, answerReferralWithin: Int) {
        self.vetWithin = vetWithin
        self.routeWithin = routeWithin
        self.answerReferralWithin = answerReferralWithin
    }

    /// 1 to 60 working days each.
    public func validated() throws(ValidationFailure) -> ServiceLevels {
        var problems: [FieldProblem] = []
        for (field, value) in [("vetWithin", vetWithin), ("routeWithin", routeWithin), ("answerReferralWithin", answerReferralWithin)]
            where !(1...60).contains(value) {
            problems.append(FieldProblem(field: field, message: .init(
                de: "Bitte 1 bis 60 Arbeitstage angeben.", en: "Please give 1 to 60 working days.")))
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return self
    }
}

/// A promise not kept: which step is late, in which hub, since when.
public struct ServiceBreach: Hashable, Sendable {
    public enum Step: String, Sendable, CaseIterable {
        case vetting
        case routing
        case referral
    }

    public let step: Step
    public let hub: String
    public let due: Date

    /// A key that names this breach and no other, so its reminder is mailed once.
    public func key(for request: UUID) -> String {
        "sla:\(request.lowercased):\(step.rawValue):\(hub):\(Int(due.timeIntervalSince1970))"
    }
}

extension RoutingCase {
    /// What is overdue at `now`: vetting (since the last submission), routing (since
    /// publication) and each pending referral (since it was made), each measured in the
    /// working days of the hub that owes the step.
    public func breaches(at now: Date, levels: (String) -> ServiceLevels) -> [ServiceBreach] {
        var breaches: [ServiceBreach] = []
        func check(_ step: ServiceBreach.Step, hub: String, since: Date?, days: Int) {
            guard let since, let hubValue = Network.hub(hub) else { return }
            let due = WorkingCalendar(hub: hubValue).due(after: since, workingDays: days)
            if now >= due { breaches.append(ServiceBreach(step: step, hub: hub, due: due)) }
        }
        switch state {
        case .submitted:
            check(.vetting, hub: homeHub, since: history.last { $0.to == .submitted }?.at, days: levels(homeHub).vetWithin)
        case .published:
            check(.routing, hub: homeHub, since: history.last { $0.to == .published }?.at, days: levels(homeHub).routeWithin)
        default: break
        }
        if [.routed, .introduced].contains(state) {
            for (hub, referral) in referrals.sorted(by: { $0.key < $1.key }) where referral == .pending {
                let made = history.first { $0.event == RoutingEvent.routeName && Self.referredHubs(in: $0).contains(hub) }?.at
                check(.referral, hub: hub, since: made, days: levels(hub).answerReferralWithin)
            }
        }
        return breaches
    }

    /// The hubs a route step referred the request to (its subject).
    static func referredHubs(in step: RoutingStep) -> [String] {
        step.subject.map(referredHubs) ?? []
    }

    /// The hubs a route step's subject names.
    public static func referredHubs(_ subject: String) -> [String] {
        subject.split(separator: ",").map(String.init)
    }
}
