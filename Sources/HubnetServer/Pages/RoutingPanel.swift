import Fluent
import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// Builds the routing desk's panel for one reader of a request: what they may see of it and
/// which steps they may take, each asked of the Policy.
enum RoutingPanel {
    static func model(for post: VisibleOpportunity, partners: [PartnerRow], suggestedHubs: [HubSuggestion],
                      request: Request) async throws -> RoutingPanelModel? {
        guard let routing = post.routing else { return nil }
        let actor = try await request.actor()
        let database = request.db
        let poster = post.opportunity.organisationID, home = post.posterHub
        func may(_ event: RoutingEvent) -> Bool {
            Policy.decide(.routingStep(event, poster: poster, homeHub: home), for: actor) == .allowed
        }
        var model = RoutingPanelModel(state: routing.state)
        model.mayVet = may(.accept)
        model.mayRoute = may(.route(recipients: [], hubs: []))
        model.mayIntroduce = may(.introduce(organisation: poster))
        model.mayResubmit = may(.resubmit)
        model.mayClose = may(.close)
        // The poster's side and the agency see every recipient; a recipient sees itself.
        let wholeCase = model.mayVet || model.mayResubmit
        let organisations = try await OrganisationStore(database).find(Array(routing.recipients.keys))
            .sorted { $0.name < $1.name }
        let contacts = Contacts(database: database)
        for organisation in organisations where wholeCase || actor.actsFor(organisation: organisation.id) {
            let state = routing.recipients[organisation.id] ?? .invited
            let introduced = [.introduced, .concluded].contains(state)
            model.recipients.append(.init(organisation: organisation, state: state, outcome: routing.outcomes[organisation.id],
                                          contacts: introduced && wholeCase ? try await contacts.of(organisation.id) : []))
        }
        model.answerFor = organisations.filter { routing.recipients[$0.id] == .invited && actor.actsFor(organisation: $0.id) }
        model.outcomeFor = organisations.filter {
            routing.recipients[$0.id] == .introduced && may(.recordOutcome(organisation: $0.id, .nothing))
        }
        model.referralsToAnswer = routing.referrals.filter { $0.value == .pending && actor.manages(hub: $0.key) }.keys.sorted()
        if wholeCase || !model.referralsToAnswer.isEmpty {
            model.referrals = routing.referrals.sorted { $0.key < $1.key }.map { (hub: $0.key, state: $0.value) }
        }
        model.candidates = partners.filter { $0.organisation.id != poster && routing.recipients[$0.organisation.id] == nil }
        model.hubCandidates = suggestedHubs.filter { $0.hubSlug != home && routing.referrals[$0.hubSlug] == nil }
        if routing.recipients.contains(where: { [.introduced, .concluded].contains($0.value) && actor.actsFor(organisation: $0.key) }) {
            model.posterContacts = try await contacts.of(poster)
        }
        // A recipient reads only the steps about the request as a whole and about itself.
        let steps = routing.history.filter { step in
            wholeCase || step.subject == nil || Network.hub(step.subject ?? "") != nil
                || organisations.contains { $0.id.lowercased == step.subject && actor.actsFor(organisation: $0.id) }
        }
        var names: [UUID: String] = [:]
        for id in Set(steps.compactMap(\.actor)) { names[id] = try await MemberStore(database).record(id)?.name }
        let language = request.pageLanguage
        model.history = steps.map { step in
            let subject = step.subject.flatMap { subject in
                organisations.first { $0.id.lowercased == subject }?.name
                    ?? RoutingCase.referredHubs(subject).compactMap { Network.hub($0)?.name[language] }.joined(separator: ", ").nilIfEmpty
            }
            return .init(step: step, actorName: wholeCase ? step.actor.flatMap { names[$0] } : nil, subjectName: subject)
        }
        model.csrf = actor.isSignedIn ? request.csrfToken : nil
        return model
    }

    /// The people of an organisation as an introduction names them: "Name <address>".
    struct Contacts {
        let database: any Database

        func of(_ organisation: UUID) async throws -> [String] {
            let memberships = try await MemberStore(database).memberships(ofOrganisation: organisation)
            var contacts: [String] = []
            for membership in memberships {
                if let member = try await MemberStore(database).record(membership.memberID), member.erasedAt == nil {
                    contacts.append("\(member.name) <\(member.email)>")
                }
            }
            return contacts.sorted()
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
