import HubnetCore
import Plot

public enum HubView {
    public static func render(_ model: HubModel, _ context: PageContext) -> String {
        let strings = context.strings
        let language = context.language
        let hub = model.hub
        let hubQuery = DirectoryQuery(hubs: [hub.slug])
        return Layout.page(
            context, title: hub.name[language], section: .hubs,
            .h1(.text("Digital Hub " + hub.name[language])),
            .div(
                .class("grid"),
                .section(
                    .class("card"),
                    .dl(
                        .class("facts"),
                        .dt(.text(strings.cities)),
                        .dd(.text(hub.cities.map { $0.name[language] }.joined(separator: ", "))),
                        .dt(.text(strings.federalStates)),
                        .dd(.text(hub.federalStates.map { $0.name[language] }.joined(separator: ", "))),
                        .dt(.text(strings.focus)),
                        .dd(.ul(.class("tags"), .forEach(hub.focus) { focus in
                            .li(.class("focus"), .a(
                                .href(context.link(.directory(.init(hubs: [hub.slug], topics: [focus.topicSlug])))),
                                .text(focusLabel(focus, language))))
                        })),
                        .dt(.text(strings.selection)),
                        .dd(
                            .text(strings.roundNamed(hub.round.rawValue, hub.round.date.formatted(in: language), hub.round.occasion[language])),
                            .forEach(hub.cities.filter { $0.namedOn != hub.round.date }) { city in
                                .group(.br(), .text(strings.cityJoined(city.name[language], city.namedOn.formatted(in: language))))
                            }
                        ),
                        .dt(.text(strings.agencyContact)),
                        .dd(.text(hub.agencyContact.team[language]), .br(),
                            .a(.href("mailto:" + hub.agencyContact.email), .text(hub.agencyContact.email)))
                    )
                ),
                topicsCard(model, context)
            ),
            .h2(.text(strings.organisationsOfHub + " (" + model.total.formatted(in: language) + ")")),
            .if(model.total == 0, .p(.text(strings.noOrganisationsYet))),
            .div(.class("grid"), .forEach(model.groups.filter { $0.total > 0 }) { group in
                .section(
                    .class("card kind-group"), .id("kind-\(group.kind.rawValue)"),
                    .h3(.text("\(group.kind.pluralLabel[language]) (\(group.total.formatted(in: language)))")),
                    .ul(.forEach(group.organisations) { organisation in
                        .li(.a(.href(context.link(.organisation(id: organisation.id))), .text(organisation.name)),
                            .span(.class("meta"), .text(" · " + organisation.city)))
                    }),
                    .a(.href(context.link(.directory(.init(hubs: [hub.slug], kinds: [group.kind])))),
                       .text(strings.showAllInDirectory(group.total)))
                )
            }),
            .p(.a(.href(context.link(.directory(hubQuery))), .text(strings.showAllInDirectory(model.total))))
        ).render()
    }

    private static func topicsCard(_ model: HubModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let hub = model.hub
        let present = Taxonomy.topics.filter { (model.topicCounts[$0.slug] ?? 0) > 0 }
        return .section(
            .class("card"),
            .h2(.text(context.strings.topics)),
            .ul(.class("tags"), .forEach(present) { topic in
                let count = (model.topicCounts[topic.slug] ?? 0).formatted(in: language)
                let link = context.link(.directory(.init(hubs: [hub.slug], topics: [topic.slug])))
                return .li(
                    .class(hub.focusTopicSlugs.contains(topic.slug) ? "focus" : "topic"),
                    .a(.href(link), .text("\(topic.label[language]) (\(count))")))
            })
        )
    }

    static func focusLabel(_ focus: FocusArea, _ language: SiteLanguage) -> String {
        let label = Taxonomy.topic(focus.topicSlug)?.label[language] ?? focus.topicSlug
        return focus.city.map { "\(label) (\($0))" } ?? label
    }
}
