import HubnetCore
import Plot

public enum OrganisationProfileView {
    public static func render(_ model: OrganisationProfileModel, _ context: PageContext) -> String {
        let strings = context.strings
        let language = context.language
        let organisation = model.organisation
        let hub = organisation.hub
        let hubName = hub?.name[language] ?? organisation.hubSlug
        return Layout.page(
            context, title: organisation.name, section: .directory,
            .p(.a(.href(context.link(.directory())), .text("← " + strings.backToDirectory))),
            .h1(.id("organisation-name"), OrganisationLogo.image(organisation, .profile), .text(organisation.name)),
            .unwrap(model.notice) { .div(.class("notice"), .id("profile-notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            .if(model.canEdit, .p(.a(.id("edit-link"), .href(context.link(.editOrganisation(id: organisation.id))),
                                      .text(context.accountStrings.edit)))),
            .p(.class("lead"), .text(organisation.kind.label[language] + " · " + organisation.place(language))),
            .p(.class("actions"),
               .a(.id("find-partners-link"), .href(context.link(.organisationMatches(id: organisation.id))),
                  .text(context.matchStrings.findPartnersFor(organisation.name))),
               .if(organisation.kind == .startup, .group(.text(" · "),
                   .a(.id("investors-link"), .href(context.link(.organisationInvestors(id: organisation.id))),
                      .text(context.matchStrings.investorsFor(organisation.name)))))),
            .div(
                .class("grid"),
                .section(
                    .class("card"),
                    textBlock(strings.description, organisation.description, language),
                    textBlock(strings.offers, organisation.offers, language),
                    textBlock(strings.seeks, organisation.seeks, language)
                ),
                .section(
                    .class("card"),
                    .dl(
                        .class("facts"),
                        .dt(.text(strings.kind)),
                        .dd(.a(.href(context.link(.directory(.init(kinds: [organisation.kind])))), .text(organisation.kind.label[language]))),
                        .dt(.text(strings.hub)),
                        .dd(.a(.href(context.link(.hub(slug: organisation.hubSlug))), .text(hubName))),
                        .dt(.text(strings.city)),
                        .dd(.text(organisation.city)),
                        .dt(.text(strings.topics)),
                        .dd(.ul(.class("tags"), .forEach(organisation.topics) { topic in
                            .li(.class(hub?.focusTopicSlugs.contains(topic.slug) == true ? "focus" : "topic"),
                                .a(.href(context.link(.directory(.init(topics: [topic.slug])))), .text(topic.label[language])))
                        })),
                        .unwrap(organisation.website) { website in
                            .group(.dt(.text(strings.website)),
                                   .dd(.a(.href(website), .rel(.nofollow), .text(website))))
                        },
                        .unwrap(organisation.foundedYear) { year in
                            .group(.dt(.text(strings.founded)), .dd(.text(String(year))))
                        },
                        .unwrap(organisation.employees) { band in
                            .group(.dt(.text(strings.size)), .dd(.text(band.label[language])))
                        },
                        .unwrap(organisation.stage) { stage in
                            .group(.dt(.text(strings.stage)), .dd(.text(stage.label[language])))
                        }
                    ),
                    .p(.a(.href(context.link(.directory(.init(hubs: [organisation.hubSlug], kinds: [organisation.kind])))),
                          .text(strings.moreInHub(hubName))))
                )
            ),
            claimSection(model, context)
        ).render()
    }

    private static func claimSection(_ model: OrganisationProfileModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let strings = context.accountStrings
        switch model.claim {
        case .none:
            return .empty
        case .pending:
            return .p(.class("notice"), .text(strings.claimSent))
        case .signInFirst:
            return .section(.class("card"), .h2(.text(strings.claimThis)), .p(.text(strings.claimIntro)),
                            .p(.a(.href(context.link(.signIn)), .text(strings.signIn))))
        case .possible:
            return .section(
                .class("card"), .id("claim"),
                .h2(.text(strings.claimThis)), .p(.text(strings.claimIntro)),
                .form(.method(.post), .action(context.link(.claimOrganisation(id: model.organisation.id))),
                      FormParts.csrf(model.csrf ?? ""),
                      FormParts.textArea(strings.claimMessage, name: "message", value: "", problems: [], context.language),
                      .button(.type(.submit), .text(strings.claimThis))))
        }
    }

    private static func textBlock(_ title: String, _ text: LocalizedText, _ language: SiteLanguage) -> Node<HTML.BodyContext> {
        guard !text.isEmpty else { return .empty }
        let shown = text.preferring(language)
        // Say so when the member wrote this part only in the other language.
        let writtenIn = text[language].isEmpty ? (language == .de ? "en" : "de") : language.rawValue
        return .group(.h2(.text(title)), .p(.attribute(named: "lang", value: writtenIn), .text(shown)))
    }
}
