import Foundation
import HubnetCore
import Plot

/// The routing desk on a request's page: state, the steps the reader may take, the history.
enum RoutingPanelView {
    static func section(_ model: RoutingPanelModel, opportunity post: Opportunity, _ context: PageContext) -> Node<HTML.BodyContext> {
        let opportunity = post.id
        let language = context.language
        let w = { (text: LocalizedText) in text[language] }
        return .section(
            .class("card routing"), .id("routing"),
            .h2(.text(w(RoutingWords.title))),
            .p(.text(w(RoutingWords.state) + ": "), .strong(.id("routing-state"), .text(model.state.label[language]))),
            .if(model.state == .submitted && model.mayResubmit && !model.mayVet, .p(.class("meta"), .text(w(RoutingWords.waitingForVetting)))),
            .unwrap(model.csrf) { csrf in steps(model, opportunity: post, csrf: csrf, context) },
            .if(!model.recipients.isEmpty, .group(
                .h3(.text(w(RoutingWords.recipients))),
                .ul(.id("recipients"), .forEach(model.recipients) { recipient in
                    .li(.attribute(named: "data-state", value: recipient.state.rawValue),
                        .a(.href(context.link(.organisation(id: recipient.organisation.id))), .text(recipient.organisation.name)),
                        .text(" · " + w(RoutingWords.recipientState(recipient.state))),
                        .unwrap(recipient.outcome) { .text(" · " + $0.label[language]) },
                        .if(!recipient.contacts.isEmpty, .text(" · " + w(RoutingWords.contact) + ": " + recipient.contacts.joined(separator: ", "))))
                }))),
            .if(!model.referrals.isEmpty, .group(
                .h3(.text(w(RoutingWords.referredTo))),
                .ul(.id("referrals"), .forEach(model.referrals) { referral in
                    .li(.text((Network.hub(referral.hub)?.name[language] ?? referral.hub) + " · " + w(RoutingWords.referralState(referral.state))))
                }))),
            .if(!model.posterContacts.isEmpty,
                .p(.id("poster-contacts"), .text(w(RoutingWords.contact) + ": " + model.posterContacts.joined(separator: ", ")))),
            .h3(.text(w(RoutingWords.history))),
            .ol(.class("history"), .id("routing-history"), .forEach(model.history) { entry in
                .li(.attribute(named: "data-event", value: entry.step.event),
                    .span(.class("meta"), .text(AuditView.when(entry.step.at, language) + " · ")),
                    .strong(.text(RoutingEvent.label(entry.step.event)[language])),
                    .unwrap(entry.subjectName) { .text(" · " + $0) },
                    .unwrap(entry.actorName) { .span(.class("meta"), .text(" · " + $0)) },
                    .if(!entry.step.note.isEmpty && entry.step.event != "record-outcome", .blockquote(.text(entry.step.note))),
                    .if(entry.step.event == "record-outcome",
                        .text(" · " + (RoutingOutcome(rawValue: entry.step.note)?.label[language] ?? entry.step.note))))
            })
        )
    }

    /// The forms for the steps the reader may take now.
    static func steps(_ model: RoutingPanelModel, opportunity post: Opportunity, csrf: String, _ context: PageContext) -> Node<HTML.BodyContext> {
        let opportunity = post.id
        let language = context.language
        let w = { (text: LocalizedText) in text[language] }
        let action = context.link(.routingStep(id: opportunity))
        func form(_ event: String, id: String, _ button: LocalizedText, _ fields: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
            .form(.class("step"), .method(.post), .action(action), .id(id),
                  FormParts.csrf(csrf), .input(.type(.hidden), .name("event"), .value(event)),
                  .group(fields), .button(.type(.submit), .text(w(button))))
        }
        func text(_ name: String, _ label: LocalizedText, id: String, required: Bool = true) -> Node<HTML.FormContext> {
            .div(.class("field"), .label(.attribute(named: "for", value: id), .text(w(label))),
                 .textarea(.name(name), .id(id), .attribute(named: "rows", value: "2"), .attribute(named: "maxlength", value: "2000"),
                           .if(required, .required(true))))
        }
        func organisation(_ id: UUID) -> Node<HTML.FormContext> {
            .input(.type(.hidden), .name("organisation"), .value(id.lowercased))
        }
        let routeOpen = [.published, .routed, .introduced].contains(model.state)
        return .div(
            .class("steps"),
            .if(model.mayVet && model.state == .submitted, .div(.class("step-row"),
                form("accept", id: "vet-accept", RoutingWords.accept),
                form("ask-for-changes", id: "vet-changes", RoutingWords.askForChanges, text("message", RoutingWords.message, id: "changes-message")),
                form("reject", id: "vet-reject", RoutingWords.reject, text("reason", RoutingWords.reason, id: "reject-reason")))),
            .if(model.mayResubmit && model.state == .changesRequested, form("resubmit", id: "resubmit", RoutingWords.resubmit,
                .div(.class("field"), .label(.attribute(named: "for", value: "resubmit-title"), .text(context.matchStrings.title)),
                     .input(.type(.text), .name("title"), .id("resubmit-title"), .value(post.title), .required(true))),
                .div(.class("field"), .label(.attribute(named: "for", value: "resubmit-text"), .text(context.matchStrings.text)),
                     .textarea(.name("text"), .id("resubmit-text"), .attribute(named: "rows", value: "5"), .required(true), .text(post.text))))),
            .if(model.mayRoute && routeOpen, form("route", id: "route-form", RoutingWords.route,
                .p(.class("meta"), .text(w(RoutingWords.routeIntro))),
                .fieldset(.element(named: "legend", text: w(RoutingWords.organisations)),
                          .if(model.candidates.isEmpty, .p(.text(w(RoutingWords.noCandidates)))),
                          .forEach(Array(model.candidates.enumerated())) { index, row in
                              .label(.class("choice"), FormParts.input(type: .checkbox, name: "recipients[]", value: row.organisation.id.lowercased,
                                                                       checked: index < RoutingPanelModel.preTicked),
                                     .text(" \(row.organisation.name) · \(row.organisation.kind.label[language]) · \(row.organisation.place(language)) · "
                                           + "\(row.score.formatted(in: language, places: 1))"),
                                     .span(.class("meta why"), .text(row.reasons.prefix(2).map { $0.explanation[language] }.joined(separator: "; "))))
                          }),
                .if(!model.hubCandidates.isEmpty, .fieldset(.element(named: "legend", text: w(RoutingWords.hubs)),
                          .forEach(model.hubCandidates) { suggestion in
                              .label(.class("choice"), FormParts.input(type: .checkbox, name: "hubs[]", value: suggestion.hubSlug),
                                     .text(" " + (Network.hub(suggestion.hubSlug)?.name[language] ?? suggestion.hubSlug)),
                                     .span(.class("meta why"), .text(suggestion.fittingTopics.compactMap { Taxonomy.topic($0)?.label[language] }
                                        .joined(separator: ", "))))
                          })))),
            .forEach(model.referralsToAnswer) { hub in
                .div(.class("step-row"),
                     form("forward", id: "forward-\(hub)", RoutingWords.forward,
                          .input(.type(.hidden), .name("hub"), .value(hub)),
                          .fieldset(.element(named: "legend", text: w(RoutingWords.organisations)),
                                    .forEach(model.candidates.filter { $0.organisation.hubSlug == hub }) { row in
                                        .label(.class("choice"), FormParts.input(type: .checkbox, name: "recipients[]", value: row.organisation.id.lowercased),
                                               .text(" " + row.organisation.name))
                                    })),
                     form("decline-referral", id: "decline-referral-\(hub)", RoutingWords.declineReferral,
                          .input(.type(.hidden), .name("hub"), .value(hub)), text("reason", RoutingWords.reason, id: "referral-reason-\(hub)")))
            },
            .forEach(model.answerFor) { recipient in
                .div(.class("step-row"),
                     .p(.text(w(RoutingWords.answerFor) + " " + recipient.name)),
                     form("express-interest", id: "interest-\(recipient.id.lowercased)", RoutingWords.interest, organisation(recipient.id),
                          text("message", RoutingWords.message, id: "interest-message-\(recipient.id.lowercased)", required: false)),
                     form("decline", id: "decline-\(recipient.id.lowercased)", RoutingWords.decline, organisation(recipient.id),
                          text("reason", RoutingWords.reason, id: "decline-reason-\(recipient.id.lowercased)", required: false)))
            },
            .if(model.mayIntroduce, .forEach(model.recipients.filter { $0.state == .interested }) { recipient in
                form("introduce", id: "introduce-\(recipient.organisation.id.lowercased)", RoutingWords.introduce, organisation(recipient.organisation.id),
                     .p(.text(recipient.organisation.name)))
            }),
            .forEach(model.outcomeFor) { recipient in
                form("record-outcome", id: "outcome-\(recipient.id.lowercased)", RoutingWords.outcome, organisation(recipient.id),
                     .div(.class("field"), .label(.attribute(named: "for", value: "outcome-choice-\(recipient.id.lowercased)"), .text(recipient.name)),
                          .select(.named("outcome"), .id("outcome-choice-\(recipient.id.lowercased)"),
                                  .forEach(RoutingOutcome.allCases) { .choice(value: $0.rawValue, label: $0.label[language], selected: false) })))
            },
            .if(model.mayClose && routeOpen, form("close", id: "close-request", RoutingWords.close))
        )
    }
}
