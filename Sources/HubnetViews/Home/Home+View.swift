import HubnetCore
import Plot

public enum HomeView {
    public static func render(_ model: HomeModel, _ context: PageContext) -> String {
        let strings = context.strings
        let language = context.language
        let map = HubMap(
            places: Network.hubs.map { hub in
                HubMap.Place(
                    hubSlug: hub.slug, hubName: hub.name[language], url: context.link(.hub(slug: hub.slug)),
                    organisations: model.total(hub: hub.slug), cities: hub.cities,
                    focus: hub.focus.compactMap { Taxonomy.topic($0.topicSlug)?.label[language] }.joined(separator: ", "),
                    count: strings.organisationsCount(model.total(hub: hub.slug)))
            },
            title: strings.mapTitle, language: language)
        return Layout.page(
            context, title: "Hubnet", section: .hubs,
            .h1(.text(strings.homeTitle)),
            .forEach(strings.homeIntro) { .p(.class("lead"), .text($0)) },
            .div(
                .class("grid"),
                .section(
                    .class("card map"), .id("map"),
                    .h2(.text(strings.mapTitle)),
                    .raw(map.svg),
                    .p(.class("meta"), .text(strings.mapCaption))
                ),
                .section(
                    .class("card"),
                    .h2(.text(strings.navHubs)),
                    .ul(
                        .class("hub-list"),
                        .forEach(Network.hubs) { hub in
                            .li(
                                .a(.href(context.link(.hub(slug: hub.slug))), .strong(.text(hub.name[language]))),
                                .text(" – "),
                                .text(hub.focus.compactMap { Taxonomy.topic($0.topicSlug)?.label[language] }.joined(separator: ", ")),
                                .span(.class("meta"), .text(" · " + strings.organisationsCount(model.total(hub: hub.slug))))
                            )
                        }
                    )
                )
            ),
            .h2(.id("counts"), .text(strings.countsTitle)),
            .div(.class("table-wrap"), countsTable(model, context))
        ).render()
    }

    private static func countsTable(_ model: HomeModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let kinds = OrganisationKind.allCases
        return .table(
            .id("counts-table"),
            .thead(.tr(
                .th(.text(context.strings.hub)),
                .forEach(kinds) { kind in .th(.a(.href(context.link(.directory(.init(kinds: [kind])))), .text(kind.pluralLabel[language]))) },
                .th(.text(context.strings.total))
            )),
            .tbody(.forEach(Network.hubs) { hub in
                .tr(
                    .td(.a(.href(context.link(.hub(slug: hub.slug))), .text(hub.name[language]))),
                    .forEach(kinds) { kind in
                        .td(.a(
                            .href(context.link(.directory(.init(hubs: [hub.slug], kinds: [kind])))),
                            .text((model.counts[hub.slug]?[kind] ?? 0).formatted(in: language))))
                    },
                    .td(.text(model.total(hub: hub.slug).formatted(in: language)))
                )
            }),
            .tfoot(.tr(
                .td(.text(context.strings.total)),
                .forEach(kinds) { kind in .td(.text(model.total(kind: kind).formatted(in: language))) },
                .td(.text(model.total.formatted(in: language)))
            ))
        )
    }
}
