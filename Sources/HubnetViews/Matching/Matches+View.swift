import HubnetCore
import Plot

/// Find partners: a form, the results with their reasons, the hubs whose focus fits.
public enum FindPartnersView {
    public static func render(_ model: FindPartnersModel, _ context: PageContext) -> String {
        let s = context.matchStrings
        let strings = context.strings
        let language = context.language
        return Layout.page(
            context, title: s.findPartnersTitle, section: .matches,
            .h1(.text(s.findPartnersTitle)),
            .p(.class("lead"), .text(s.findPartnersIntro)),
            FormParts.notice(model.problems.map { $0.message[language] }),
            .form(
                .class("search card"), .method(.get), .action(context.link(.findPartners())), .id("find-partners"),
                .label(.text(s.whatDoYouSeek),
                       .input(.type(.search), .name("q"), .id("match-q"), .value(model.text),
                              .placeholder(s.whatDoYouSeekPlaceholder))),
                .label(.text(strings.topics), .select(.named("topic"), .id("match-topic"),
                    .choice(value: "", label: strings.anyTopic, selected: model.topic == nil),
                    .forEach(Taxonomy.topics) { .choice(value: $0.slug, label: $0.label[language], selected: model.topic == $0.slug) })),
                .label(.text(s.partnerKind), .select(.named("kind"), .id("match-kind"),
                    .choice(value: "", label: strings.anyKind, selected: model.kind == nil),
                    .forEach(OrganisationKind.allCases) { .choice(value: $0.rawValue, label: $0.label[language], selected: model.kind == $0) })),
                .label(.text(s.preferredHub), .select(.named("hub"), .id("match-hub"),
                    .choice(value: "", label: strings.anyHub, selected: model.hub == nil),
                    .forEach(Network.hubs) { .choice(value: $0.slug, label: $0.name[language], selected: model.hub == $0.slug) })),
                .label(.class("topic-choice"), FormParts.input(type: .checkbox, name: "only-hubs", value: "1", checked: model.onlyHub),
                       .text(" " + s.onlyThisHub)),
                .button(.type(.submit), .text(s.find))
            ),
            .unwrap(model.rows) { rows in
                .group(
                    MatchParts.topicsAndHubs(topics: model.topics, hubs: model.suggestedHubs, context),
                    MatchParts.partnerList(rows, context)
                )
            }
        ).render()
    }
}

public enum OrganisationMatchesView {
    public static func render(_ model: OrganisationMatchesModel, _ context: PageContext) -> String {
        let s = context.matchStrings
        let o = model.organisation
        return Layout.page(
            context, title: s.partnersFor(o.name), section: .matches,
            .p(.a(.href(context.link(.organisation(id: o.id))), .text("← " + o.name))),
            .h1(.text(s.partnersFor(o.name))),
            .p(.class("lead"), .text(s.partnersIntro)),
            MatchParts.topicsAndHubs(topics: [], hubs: model.suggestedHubs, context),
            MatchParts.partnerList(model.rows, context),
            .if(!model.opportunities.isEmpty, .group(
                .h2(.text(s.fittingOpportunities)),
                .ul(.class("results"), .id("fitting-opportunities"), .forEach(model.opportunities) { row, reasons in
                    .li(.class("card"), OpportunityParts.summary(row, context), MatchParts.reasons(reasons, context))
                })))
        ).render()
    }
}

public enum InvestorsView {
    public static func render(_ model: InvestorsModel, _ context: PageContext) -> String {
        let s = context.matchStrings
        let language = context.language
        let c = model.company
        return Layout.page(
            context, title: s.investorsFor(c.name), section: .matches,
            .p(.a(.href(context.link(.organisation(id: c.id))), .text("← " + c.name))),
            .h1(.text(s.investorsFor(c.name))),
            .p(.class("lead"), .text(s.investorsIntro)),
            .if(model.rows.isEmpty, .p(.text(s.noInvestors))),
            .ol(.class("results"), .id("investors"), .forEach(model.rows) { row in
                .li(.class("card"),
                    .h3(OrganisationLogo.image(row.investor, .card), .a(.href(context.link(.organisation(id: row.investor.id))), .text(row.investor.name))),
                    .p(.class("meta"), .text(row.investor.place(language))),
                    .ul(.class("reasons"), .forEach(row.shownFactors) { .li(.text($0.explanation[language])) }))
            })
        ).render()
    }
}

/// Pieces shared by the pages that list partners.
enum MatchParts {
    static func partnerList(_ rows: [PartnerRow], _ context: PageContext) -> Node<HTML.BodyContext> {
        let s = context.matchStrings
        let language = context.language
        guard !rows.isEmpty else { return .p(.id("no-partners"), .text(s.noPartners)) }
        return .group(.ol(.class("results"), .id("partners"), .forEach(rows) { row in
            let o = row.organisation
            return .li(
                .class("card partner"),
                .h3(OrganisationLogo.image(o, .card), .a(.href(context.link(.organisation(id: o.id))), .text(o.name))),
                .p(.class("meta"), .text([o.kind.label[language], o.place(language),
                                          "\(s.score): " + row.score.formatted(in: language, places: 1)].joined(separator: " · "))),
                reasons(row.reasons, context))
        }), .p(.class("meta"), .id("points-explained"), .text(s.pointsExplained)))
    }

    static func reasons(_ reasons: [MatchReason], _ context: PageContext) -> Node<HTML.BodyContext> {
        .details(
            .summary(.text(context.matchStrings.why + ": " + reasons.prefix(3).map { $0.explanation[context.language] }.joined(separator: "; "))),
            .ul(.class("reasons"), .forEach(reasons) { reason in
                .li(.text(reason.explanation[context.language]), .span(.class("meta"), .text(" +" + reason.points.formatted(in: context.language, places: 2))))
            }))
    }

    static func topicsAndHubs(topics: [String], hubs: [HubSuggestion], _ context: PageContext) -> Node<HTML.BodyContext> {
        let s = context.matchStrings
        let language = context.language
        return .group(
            .if(!topics.isEmpty, .p(.id("recognised-topics"), .text(s.recognisedTopics + ": "),
                                    .forEach(topics) { .span(.class("tag"), .text((Taxonomy.topic($0)?.label[language] ?? $0))) })),
            .if(!hubs.isEmpty, .section(.class("card"), .id("suggested-hubs"),
                .h2(.text(s.suggestedHubs)),
                .ul(.forEach(hubs) { suggestion in
                    let hub = Network.hub(suggestion.hubSlug)
                    let topics = suggestion.fittingTopics.compactMap { Taxonomy.topic($0)?.label[language] }.joined(separator: ", ")
                    return .li(.a(.href(context.link(.hub(slug: suggestion.hubSlug))),
                                  .text(s.suggestedHubLine(hub?.name[language] ?? suggestion.hubSlug, topics, suggestion.results))))
                }))))
    }
}
