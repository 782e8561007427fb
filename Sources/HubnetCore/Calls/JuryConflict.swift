import Algorithms
import Foundation

/// Why a juror may not review an application: declared by the juror, or found in the
/// network's own data. Every conflict says why, so a manager can check it.
public struct JuryConflict: Hashable, Sendable {
    public enum Source: String, Codable, Sendable {
        case declared
        case automatic
    }

    public let juror: UUID
    public let application: UUID
    public let source: Source
    public let reason: LocalizedText

    public init(juror: UUID, application: UUID, source: Source, reason: LocalizedText) {
        self.juror = juror
        self.application = application
        self.source = source
        self.reason = reason
    }
}

/// Finds conflicts from the network graph: the juror acts for the applicant; the juror's
/// organisation invested in the applicant or shares an investor with it; the two were
/// introduced to each other (partners) on the routing desk; or both belong to the same hub
/// when the call says so.
public struct ConflictFinder: Sendable {
    public struct Juror: Sendable {
        public let id: UUID
        public let organisations: [Organisation]
        public init(id: UUID, organisations: [Organisation]) {
            self.id = id
            self.organisations = organisations
        }
    }

    /// Investor → the companies it funded.
    let portfolios: [UUID: Set<UUID>]
    /// Company → its investors.
    let investors: [UUID: Set<UUID>]
    /// Pairs of organisations introduced to each other, both ways.
    let partners: Set<[UUID]>
    let sameHubIsConflict: Bool

    public init(investments: [(investor: UUID, company: UUID)], introductions: [(UUID, UUID)], sameHubIsConflict: Bool) {
        var portfolios: [UUID: Set<UUID>] = [:], investors: [UUID: Set<UUID>] = [:]
        for deal in investments {
            portfolios[deal.investor, default: []].insert(deal.company)
            investors[deal.company, default: []].insert(deal.investor)
        }
        self.portfolios = portfolios
        self.investors = investors
        partners = Set(introductions.flatMap { [[$0.0, $0.1], [$0.1, $0.0]] })
        self.sameHubIsConflict = sameHubIsConflict
    }

    public func conflicts(of juror: Juror, with application: CallApplication, applicant: Organisation?, names: [UUID: String]) -> [JuryConflict] {
        guard let applicant else { return [] }
        var reasons: [LocalizedText] = []
        for own in juror.organisations {
            if own.id == applicant.id {
                reasons.append(.init(de: "Sie handeln für \(own.name), die sich bewirbt.", en: "You act for \(own.name), the applicant."))
                continue
            }
            if portfolios[own.id]?.contains(applicant.id) == true {
                reasons.append(.init(de: "\(own.name) hat in \(applicant.name) investiert.", en: "\(own.name) invested in \(applicant.name)."))
            }
            if portfolios[applicant.id]?.contains(own.id) == true {
                reasons.append(.init(de: "\(applicant.name) hat in \(own.name) investiert.", en: "\(applicant.name) invested in \(own.name)."))
            }
            let shared = (investors[own.id] ?? []).intersection(investors[applicant.id] ?? [])
            if let investor = shared.map({ names[$0] ?? $0.lowercased }).sorted().first {
                reasons.append(.init(de: "\(own.name) und \(applicant.name) haben einen gemeinsamen Investor: \(investor).",
                                     en: "\(own.name) and \(applicant.name) share an investor: \(investor)."))
            }
            if partners.contains([own.id, applicant.id]) {
                reasons.append(.init(de: "\(own.name) und \(applicant.name) wurden über Hubnet einander vorgestellt (Partner).",
                                     en: "\(own.name) and \(applicant.name) were introduced to each other through Hubnet (partners)."))
            }
            if sameHubIsConflict, own.hubSlug == applicant.hubSlug, let hub = Network.hub(own.hubSlug) {
                reasons.append(.init(de: "\(own.name) gehört wie \(applicant.name) zum Hub \(hub.name.de).",
                                     en: "\(own.name) belongs to the \(hub.name.en) hub, as \(applicant.name) does."))
            }
        }
        return reasons.uniqued().map { JuryConflict(juror: juror.id, application: application.id, source: .automatic, reason: $0) }
    }
}
