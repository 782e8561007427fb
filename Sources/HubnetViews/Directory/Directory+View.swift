import HubnetCore
import Plot

public enum DirectoryView {
    public static func render(_ model: DirectoryModel, _ context: PageContext) -> String {
        let strings = context.strings
        let language = context.language
        return Layout.page(
            context, title: strings.directoryTitle, section: .directory,
            .h1(.text(strings.directoryTitle)),
            searchForm(model, context),
            .if(!model.problems.isEmpty, .div(
                .class("notice"), .attribute(named: "role", value: "alert"),
                .ul(.forEach(model.problems) { .li(.text($0.message[language])) }))),
            .div(
                .class("directory"),
                facets(model, context),
                .section(
                    .attribute(named: "aria-live", value: "polite"),
                    .p(.id("result-count"), .strong(.text(strings.resultCount(model.result.total))),
                       .if(model.hasFilters, .group(.text(" · "), .a(.href(context.link(.directory())), .text(strings.clearFilters))))),
                    .if(model.organisations.isEmpty, .p(.text(strings.noResults))),
                    .ol(.class("results"), .forEach(model.organisations) { result($0, context) }),
                    pagination(model, context)
                )
            )
        ).render()
    }

    private static func searchForm(_ model: DirectoryModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let strings = context.strings
        let language = context.language
        let query = model.query
        return .form(
            .class("search"), .method(.get), .action(context.link(.directory())), .attribute(named: "role", value: "search"),
            .label(.text(strings.searchLabel),
                   .input(.type(.search), .name("q"), .id("q"), .value(query.text), .placeholder(strings.searchPlaceholder))),
            choice(name: "hub", label: strings.hub, any: strings.anyHub, selected: query.hubs,
                   options: Network.hubs.map { ($0.slug, $0.name[language]) }),
            choice(name: "kind", label: strings.kind, any: strings.anyKind, selected: Set(query.kinds.map(\.rawValue)),
                   options: OrganisationKind.allCases.map { ($0.rawValue, $0.pluralLabel[language]) }),
            choice(name: "topic", label: strings.topics, any: strings.anyTopic, selected: query.topics,
                   options: Taxonomy.topics.map { ($0.slug, $0.label[language]) }),
            .label(.text(strings.sortBy), .select(
                .named("sort"), .id("sort"),
                // The default follows the query: best match when words were typed, else names.
                .choice(value: "", label: strings.bestMatch, selected: query.sort == nil || query.sort == .relevance),
                .forEach(DirectoryQuery.Sort.allCases.filter { $0 != .relevance }) { sort in
                    .choice(value: sort.rawValue, label: sort.label[language], selected: sort == query.sort)
                })),
            .button(.type(.submit), .text(strings.searchButton))
        )
    }

    /// A select for one value; when facet links chose several, they travel as hidden fields.
    private static func choice(
        name: String, label: String, any: String, selected: Set<String>, options: [(value: String, label: String)]
    ) -> Node<HTML.FormContext> {
        if selected.count > 1 {
            return .forEach(selected.sorted()) { .input(.type(.hidden), .name(name), .value($0)) }
        }
        return .label(.text(label), .select(
            .named(name), .id("filter-\(name)"),
            .choice(value: "", label: any, selected: selected.isEmpty),
            .forEach(options) { option in
                .choice(value: option.value, label: option.label, selected: selected.contains(option.value))
            }))
    }

    private static func facets(_ model: DirectoryModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let strings = context.strings
        let language = context.language
        let result = model.result
        let hubs = Network.hubs.filter { (result.hubCounts[$0.slug] ?? 0) > 0 || model.query.hubs.contains($0.slug) }
        let kinds = OrganisationKind.allCases.filter { (result.kindCounts[$0] ?? 0) > 0 || model.query.kinds.contains($0) }
        let topics = Taxonomy.topics.filter { (result.topicCounts[$0.slug] ?? 0) > 0 || model.query.topics.contains($0.slug) }
        // A heading only over a list with something to choose; no panel at all without any.
        return .if(!(hubs.isEmpty && kinds.isEmpty && topics.isEmpty), .aside(
            .class("facets card"), .attribute(named: "aria-label", value: strings.refine),
            .if(!hubs.isEmpty, .group(
                .h3(.text(strings.hub)),
                .ul(.id("facet-hub"), .forEach(hubs) { hub in
                    facetLink(context.link(.directory(model.toggling(\.hubs, hub.slug))), hub.name[language],
                              count: result.hubCounts[hub.slug] ?? 0, on: model.query.hubs.contains(hub.slug), language)
                }))),
            .if(!kinds.isEmpty, .group(
                .h3(.text(strings.kind)),
                .ul(.id("facet-kind"), .forEach(kinds) { kind in
                    facetLink(context.link(.directory(model.toggling(\.kinds, kind))), kind.pluralLabel[language],
                              count: result.kindCounts[kind] ?? 0, on: model.query.kinds.contains(kind), language)
                }))),
            .if(!topics.isEmpty, .group(
                .h3(.text(strings.topics)),
                .ul(.id("facet-topic"), .forEach(topics) { topic in
                    facetLink(context.link(.directory(model.toggling(\.topics, topic.slug))), topic.label[language],
                              count: result.topicCounts[topic.slug] ?? 0, on: model.query.topics.contains(topic.slug), language)
                })))
        ))
    }

    private static func facetLink(_ href: String, _ label: String, count: Int, on: Bool, _ language: SiteLanguage) -> Node<HTML.ListContext> {
        .li(.a(
            .href(href), .attribute(named: "aria-pressed", value: on ? "true" : "false"),
            .span(.text(label)), .span(.class("count"), .text(count.formatted(in: language)))))
    }

    private static func result(_ organisation: Organisation, _ context: PageContext) -> Node<HTML.ListContext> {
        let language = context.language
        let description = organisation.description.preferring(language)
        return .li(
            .class("card result"),
            .h3(OrganisationLogo.image(organisation, .card),
                .a(.class("result-name"), .href(context.link(.organisation(id: organisation.id))), .text(organisation.name))),
            .p(.class("meta"), .text(organisation.kind.label[language] + " · " + organisation.place(language))),
            .ul(.class("tags"), .forEach(organisation.topics) { topic in
                .li(.class(organisation.hub?.focusTopicSlugs.contains(topic.slug) == true ? "focus" : "topic"), .text(topic.label[language]))
            }),
            .p(.text(description.count > 220 ? String(description.prefix(220)) + "…" : description))
        )
    }

    private static func pagination(_ model: DirectoryModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let strings = context.strings
        let page = model.query.page
        let pages = model.result.pageCount
        return .nav(
            .class("pagination"), .attribute(named: "aria-label", value: strings.pageOf(page, pages)),
            .if(page > 1, .a(.rel(.prev), .href(context.link(.directory(model.page(page - 1)))), .text("← " + strings.previousPage))),
            .span(.text(strings.pageOf(page, pages))),
            .if(page < pages, .a(.rel(.next), .id("next-page"), .href(context.link(.directory(model.page(page + 1)))), .text(strings.nextPage + " →")))
        )
    }
}
