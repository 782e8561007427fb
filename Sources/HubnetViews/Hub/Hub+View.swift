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
            .p(.class("lead"), .text(intro(hub, language))),
            .p(.class("actions"),
               .a(.id("find-partners-in-hub"), .href(context.link(.findPartners(hub: hub.slug))),
                  .text(language == .de ? "Partner in diesem Hub finden →" : "Find partners in this hub →")),
               .text(" · "),
               .a(.href(context.link(.directory(hubQuery))), .text(strings.showAllInDirectory(model.total)))),
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
                            },
                            .br(),
                            .a(.id("how-chosen"), .href(context.link(.call(id: HubCompetition.callID)) + "#hub-\(hub.slug)-\(hub.round.rawValue)"),
                               .text(language == .de ? "Wie der Hub gewählt wurde" : "How the hub was chosen"))
                        ),
                        .dt(.text(strings.agencyContact)),
                        .dd(.text(hub.agencyContact.team[language]), .br(),
                            .a(.href("mailto:" + hub.agencyContact.email), .text(hub.agencyContact.email)))
                    )
                ),
                topicsCard(model, context)
            ),
            .if(!model.posts.isEmpty, .section(
                .class("card"), .id("hub-posts"),
                .h2(.text(language == .de ? "Aktuelle Gesuche und Angebote aus dem Hub" : "Current opportunities from the hub")),
                .ul(.forEach(model.posts) { post in
                    .li(.a(.href(context.link(.opportunity(id: post.id))), .text(post.title)),
                        .span(.class("meta"), .text(" · " + ([post.kind.label[language]] + (post.poster.map { [$0] } ?? [])).joined(separator: " · "))))
                }),
                .p(.a(.href(context.link(.opportunities)), .text(language == .de ? "Alle Gesuche und Angebote" : "All opportunities"))))),
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

    /// What the hub is about, in a sentence.
    static func intro(_ hub: Hub, _ language: SiteLanguage) -> String {
        let focus = hub.focus.map { focusLabel($0, language) }
        let list = focus.count > 1 ? focus.dropLast().joined(separator: ", ") + (language == .de ? " und " : " and ") + focus.last! : focus.joined()
        return language == .de
            ? "Im Digital Hub \(hub.name.de) treiben Konzerne, Mittelstand, Startups, Wissenschaft und Investoren gemeinsam die digitale Transformation voran – mit dem Schwerpunkt \(list)."
            : "In the \(hub.name.en) Digital Hub, corporates, Mittelstand, startups, science and investors drive the digital transformation together – with a focus on \(list)."
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
