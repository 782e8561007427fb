import Foundation
import HubnetActions
import HubnetCore
import HubnetViews
import Vapor

/// Builds the routing desk's panel for one reader of a request: what they may see of it and
/// which steps they may take, each asked of the Policy.
enum RoutingPanel {
    static func model(for post: VisibleOpportunity, partners: [PartnerRow], suggestedHubs: [HubSuggestion],
                      request: Request) async throws -> RoutingPanelModel? {
        guard let routing = post.routing, let reading = try await RoutingActions(request.actions()).reading(post) else { return nil }
        let actor = try await request.actor()
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
        let organisations = reading.organisations.values.sorted { $0.name < $1.name }
        let visible = Set(routing.recipients(visibleTo: actor, poster: poster))
        model.recipients = organisations.filter { visible.contains($0.id) }.map { organisation in
            .init(organisation: organisation, state: routing.recipients[organisation.id] ?? .invited,
                  outcome: routing.outcomes[organisation.id], contacts: reading.contacts[organisation.id] ?? [])
        }
        model.answerFor = organisations.filter { routing.recipients[$0.id] == .invited && actor.actsFor(organisation: $0.id) }
        model.outcomeFor = organisations.filter {
            routing.recipients[$0.id] == .introduced && may(.recordOutcome(organisation: $0.id, .nothing))
        }
        model.referralsToAnswer = routing.referrals.filter { $0.value == .pending && actor.manages(hub: $0.key) }.keys.sorted()
        model.referrals = routing.referrals(visibleTo: actor, poster: poster)
        model.candidates = partners.filter { $0.organisation.id != poster && routing.recipients[$0.organisation.id] == nil }
        model.hubCandidates = suggestedHubs.filter { $0.hubSlug != home && routing.referrals[$0.hubSlug] == nil }
        model.posterContacts = reading.posterContacts
        let language = request.pageLanguage
        model.history = reading.history.map { step in
            let subject = step.subject.flatMap { subject in
                organisations.first { $0.id.lowercased == subject }?.name
                    ?? RoutingCase.referredHubs(subject).compactMap { Network.hub($0)?.name[language] }.joined(separator: ", ").nilIfEmpty
            }
            return .init(step: step, actorName: step.actor.flatMap { reading.actorNames[$0] }, subjectName: subject)
        }
        model.csrf = actor.isSignedIn ? request.csrfToken : nil
        return model
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
