import Foundation
import HubnetCore
import Plot

/// What the hubs lend: desks, 3D printers, VR headsets, labs and rooms, by hub, with who may
/// book and when they are open.
public enum PlaceListView {
    public static func render(_ model: PlacePages.ListModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        let byHub = Dictionary(grouping: model.resources, by: \.hubSlug)
        let hubs = Network.hubs.filter { byHub[$0.slug] != nil }
        return Layout.page(
            context, title: PlaceWords.placesTitle(language), section: .places,
            .h1(.text(PlaceWords.placesTitle(language))),
            .p(.class("lead"), .text(t("Flexible Arbeitsplätze, 3D-Drucker, VR-Brillen, Labore und Besprechungsräume der zwölf Hubs. Mit der Start-up Card buchen Startups jedes Netzwerks Arbeitsplätze in jedem Hub.",
                                       "Flexible desks, 3D printers, VR headsets, labs and meeting rooms of the twelve hubs. With the Start-up Card, the network's startups book desks in every hub."))),
            .form(.class("filters"), .method(.get), .action(context.link(.places())),
                  .div(.class("field"), .label(.attribute(named: "for", value: "hub"), .text("Hub")),
                       .select(.named("hub"), .id("hub"), PlaceWords.hubOptions(Network.hubs.map(\.slug), selected: model.hub, language, any: t("Alle Hubs", "All hubs")))),
                  .div(.class("field"), .label(.attribute(named: "for", value: "kind"), .text(t("Art", "Kind"))),
                       .select(.named("kind"), .id("kind"),
                               .choice(value: "", label: t("Alles", "Everything"), selected: model.kind == nil),
                               .forEach(ResourceKind.allCases) { .choice(value: $0.rawValue, label: $0.plural[language], selected: $0 == model.kind) })),
                  .div(.class("field"), .label(.text(" ")), .button(.type(.submit), .text(t("Zeigen", "Show"))))),
            .p(.class("actions"),
               .if(context.viewer != nil, .group(.a(.id("my-bookings-link"), .href(context.link(.bookings)), .text(t("Meine Buchungen", "My bookings"))), .text(" · "))),
               .a(.href(context.link(.events())), .text(PlaceWords.eventsTitle(language))),
               .forEach(model.managedHubs) { slug in
                   .group(.text(" · "), .a(.class("manage-hub-places"), .href(context.link(.hubPlaces(slug: slug))),
                                          .text(t("Auslastung ", "Utilisation ") + PlaceWords.hubName(slug, language))))
               }),
            hubs.isEmpty ? .p(.text(t("Keine passenden Ressourcen.", "No matching resources."))) :
                .div(.id("resources"), .forEach(hubs) { hub in
                    .section(.class("card"), .attribute(named: "data-hub", value: hub.slug),
                        .h2(.text("Hub " + hub.name[language])),
                        .ul(.class("plain"), .forEach(byHub[hub.slug]!) { resource in
                            .li(.attribute(named: "data-kind", value: resource.kind.rawValue),
                                .a(.class("resource-link"), .href(context.link(.resource(id: resource.id))), .strong(.text(resource.name[language]))),
                                .text(" · " + resource.kind.label[language] + " · " + resource.city),
                                .if(!resource.active, .text(t(" · nicht buchbar", " · not bookable"))),
                                .p(.class("meta"), .text(resource.openingHours.text(language) + " · " + resource.rule.label[language])))
                        }))
                })
        ).render()
    }
}
