import Foundation
import HubnetCore
import Plot

public enum OpportunityListView {
    public static func render(_ model: OpportunityListModel, _ context: PageContext) -> String {
        let s = context.matchStrings
        let language = context.language
        return Layout.page(
            context, title: s.opportunitiesTitle, section: .opportunities,
            .h1(.text(s.opportunitiesTitle)),
            .p(.class("lead"), .text(s.opportunitiesIntro)),
            .p(.if(model.canPost, .a(.id("new-opportunity"), .href(context.link(.newOpportunity)), .text(s.newOpportunity)),
                   else: .text(s.signInToPost))),
            .form(.class("search"), .method(.get), .action(context.link(.opportunities)),
                  .label(.text(s.opportunityKind), .select(.named("kind"), .id("opportunity-kind-filter"),
                      .choice(value: "", label: s.allKinds, selected: model.kind == nil),
                      .forEach(OpportunityKind.allCases) { .choice(value: $0.rawValue, label: $0.label[language], selected: model.kind == $0) })),
                  .button(.type(.submit), .text(context.strings.searchButton))),
            .if(model.rows.isEmpty, .p(.text(s.noOpportunities))),
            .ul(.class("results"), .id("opportunities"), .forEach(model.rows) { .li(.class("card"), OpportunityParts.summary($0, context)) })
        ).render()
    }
}

public enum OpportunityView {
    public static func render(_ model: OpportunityModel, _ context: PageContext) -> String {
        let s = context.matchStrings
        let language = context.language
        let p = model.row.opportunity
        return Layout.page(
            context, title: p.title, section: .opportunities,
            .p(.a(.href(context.link(.opportunities)), .text("← " + s.opportunitiesTitle))),
            .h1(.id("opportunity-title"), .text(p.title)),
            .p(.class("lead"), .text(OpportunityParts.line(model.row, context))),
            .unwrap(model.notice) { .div(.class("notice"), .id("step-notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            .unwrap(model.problem) { .div(.class("notice"), .id("step-problem"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
            .div(.class("grid"),
                 .section(.class("card"), .p(.attribute(named: "lang", value: p.language.rawValue), .text(p.text))),
                 .section(.class("card"), .dl(.class("facts"),
                    .dt(.text(context.strings.topics)),
                    .dd(.ul(.class("tags"), .forEach(p.topicSlugs.compactMap(Taxonomy.topic)) { .li(.text($0.label[language])) })),
                    .dt(.text(s.soughtKinds)),
                    .dd(.text(p.partnerKinds.isEmpty ? s.allKinds : p.partnerKinds.map { $0.label[language] }.joined(separator: ", "))),
                    .dt(.text(s.preferredHubs)),
                    .dd(.text(p.preferredHubs.isEmpty ? s.wholeNetwork
                              : p.preferredHubs.compactMap { Network.hub($0)?.name[language] }.joined(separator: ", "))),
                    .dt(.text(s.deadline)),
                    .dd(.text(p.deadline.map { OpportunityParts.day($0, language) } ?? s.noDeadline)),
                    .dt(.text(s.visibility)),
                    .dd(.text(p.visibility.label[language]))),
                    .unwrap(model.csrf) { token in
                        .form(.class("danger"), .method(.post), .action(context.link(.deleteOpportunity(id: p.id))),
                              FormParts.csrf(token), .button(.type(.submit), .id("withdraw"), .text(s.withdraw)))
                    })),
            .unwrap(model.routing) { RoutingPanelView.section($0, opportunity: p, context) },
            .h2(.text(s.partnersForPost)),
            MatchParts.topicsAndHubs(topics: [], hubs: model.suggestedHubs, context),
            MatchParts.partnerList(model.partners, context)
        ).render()
    }
}

public enum OpportunityFormView {
    public static func render(_ model: OpportunityFormModel, _ context: PageContext) -> String {
        let s = context.matchStrings
        let language = context.language
        let problems = model.problems
        return Layout.page(
            context, title: s.newOpportunity, section: .opportunities,
            .h1(.text(s.newOpportunity)),
            .if(model.organisations.isEmpty, .p(.class("notice"), .text(s.noOrganisationToPostFor))),
            FormParts.notice(problems.map { $0.message[language] }),
            .if(!model.organisations.isEmpty, .form(
                .class("card"), .method(.post), .action(context.link(.newOpportunity)), .id("new-opportunity-form"),
                FormParts.csrf(model.csrf),
                .div(.class("field"), .label(.attribute(named: "for", value: "organisation"), .text(s.postFor)),
                     .select(.named("organisation"), .id("organisation"), .forEach(model.organisations) {
                         .choice(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == model.organisationID)
                     })),
                .div(.class("field"), .label(.attribute(named: "for", value: "kind"), .text(s.opportunityKind)),
                     .select(.named("kind"), .id("kind"), .forEach(OpportunityKind.allCases) {
                         .choice(value: $0.rawValue, label: $0.label[language], selected: $0 == model.kind)
                     })),
                FormParts.field(s.title, name: "title", value: model.title, problems: problems, language),
                FormParts.textArea(s.text, name: "text", value: model.text, problems: problems, language),
                .div(.class("field"), .label(.attribute(named: "for", value: "language"), .text(s.language)),
                     .select(.named("language"), .id("language"), .forEach(SiteLanguage.allCases) {
                         .choice(value: $0.rawValue, label: $0 == .de ? "Deutsch" : "English", selected: $0 == model.language)
                     })),
                .fieldset(.element(named: "legend", text: context.strings.topics),
                          .forEach(Taxonomy.topics) { topic in
                              .label(.class("topic-choice"), FormParts.input(type: .checkbox, name: "topics[]", value: topic.slug,
                                                                             checked: model.topics.contains(topic.slug)),
                                     .text(" " + topic.label[language] + " "))
                          }),
                .fieldset(.element(named: "legend", text: s.soughtKinds),
                          .forEach(OrganisationKind.allCases) { kind in
                              .label(.class("topic-choice"), FormParts.input(type: .checkbox, name: "soughtKinds[]", value: kind.rawValue,
                                                                             checked: model.soughtKinds.contains(kind)),
                                     .text(" " + kind.label[language] + " "))
                          }),
                .fieldset(.element(named: "legend", text: s.preferredHubs + " (" + s.wholeNetwork + ")"),
                          .forEach(Network.hubs) { hub in
                              .label(.class("topic-choice"), FormParts.input(type: .checkbox, name: "preferredHubs[]", value: hub.slug,
                                                                             checked: model.preferredHubs.contains(hub.slug)),
                                     .text(" " + hub.name[language] + " "))
                          }),
                FormParts.field(s.deadline, name: "deadline", type: .date, value: model.deadline, required: false, problems: problems, language),
                .div(.class("field"), .label(.attribute(named: "for", value: "visibility"), .text(s.visibility)),
                     .select(.named("visibility"), .id("visibility"), .forEach(OpportunityVisibility.allCases) {
                         .choice(value: $0.rawValue, label: $0.label[language], selected: $0 == model.visibility)
                     })),
                .button(.type(.submit), .id("publish"), .text(s.post))
            ))
        ).render()
    }
}

enum OpportunityParts {
    static func summary(_ row: OpportunityRow, _ context: PageContext) -> Node<HTML.BodyContext> {
        let p = row.opportunity
        return .group(
            .h3(.a(.href(context.link(.opportunity(id: p.id))), .text(p.title))),
            .p(.class("meta"), .text(line(row, context))),
            .p(.attribute(named: "lang", value: p.language.rawValue), .text(p.text.count > 240 ? String(p.text.prefix(240)) + "…" : p.text)))
    }

    static func line(_ row: OpportunityRow, _ context: PageContext) -> String {
        let s = context.matchStrings
        let language = context.language
        let p = row.opportunity
        let hub = Network.hub(row.posterHub)?.name[language] ?? row.posterHub
        var parts = [p.kind.label[language], s.postedBy + " " + (row.poster?.name ?? s.anonymousPoster), hub]
        if let deadline = p.deadline { parts.append(s.deadline + " " + day(deadline, language) + (p.isOpen() ? "" : " (" + s.closed + ")")) }
        return parts.joined(separator: " · ")
    }

    /// Deadlines are days kept as midnight UTC; shown in each language's own style.
    static func day(_ date: Date, _ language: SiteLanguage) -> String {
        date.formatted(Date.FormatStyle(date: .abbreviated, time: .omitted, locale: Locale(identifier: language == .de ? "de_DE" : "en_GB"),
                                        timeZone: TimeZone(identifier: "UTC")!))
    }
}
