import Foundation
import HubnetCore
import Plot

/// The staff's start page: what waits for them (claims, new organisations), the way to the
/// audit log, and for the hub agency who holds which role, with appointing and removing —
/// what staff did with curl before.
public enum StaffView {
    public struct Model: Sendable {
        public struct Person: Sendable {
            public let id: UUID
            public let name: String
            public let email: String
            public let role: Role

            public init(id: UUID, name: String, email: String, role: Role) {
                self.id = id
                self.name = name
                self.email = email
                self.role = role
            }
        }

        public let claimsWaiting: Int
        public let organisationsWaiting: Int
        public let requestsWaiting: Int
        /// Nil for a hub manager, who appoints nobody.
        public let staff: [Person]?
        public let values: [String: String]
        public let problems: [FieldProblem]
        public let notice: String?
        public let csrf: String

        public init(claimsWaiting: Int, organisationsWaiting: Int, requestsWaiting: Int = 0, staff: [Person]?, values: [String: String] = [:],
                    problems: [FieldProblem] = [], notice: String? = nil, csrf: String) {
            self.claimsWaiting = claimsWaiting
            self.organisationsWaiting = organisationsWaiting
            self.requestsWaiting = requestsWaiting
            self.staff = staff
            self.values = values
            self.problems = problems
            self.notice = notice
            self.csrf = csrf
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> String {
        let language = context.language
        func t(_ de: String, _ en: String) -> String { language == .de ? de : en }
        return Layout.page(
            context, title: t("Für das Hub-Team", "For hub staff"),
            .h1(.text(t("Für das Hub-Team", "For hub staff"))),
            .unwrap(model.notice) { .p(.class("notice"), .id("saved"), .attribute(named: "role", value: "status"), .text($0)) },
            FormParts.notice(model.problems.filter { $0.field.isEmpty }.map { $0.message[language] }),
            .div(
                .class("grid"),
                .section(
                    .class("card"), .id("waiting"),
                    .h2(.text(t("Wartet auf Sie", "Waiting for you"))),
                    .ul(
                        .li(.a(.href(context.link(.claims())), .text(t("Ansprüche auf Profile", "Claims for profiles"))),
                            .text(": " + model.claimsWaiting.formatted(in: language))),
                        .li(.a(.href(context.link(.claims()) + "#new-organisations"), .text(t("Neue Organisationen", "New organisations"))),
                            .text(": " + model.organisationsWaiting.formatted(in: language))),
                        .li(.a(.id("routing-queue-link"), .href(context.link(.routingQueue(RoutingQueueFilter(state: .submitted)))),
                               .text(t("Anfragen zur Prüfung", "Requests to vet"))),
                            .text(": " + model.requestsWaiting.formatted(in: language)),
                            .text(" · "), .a(.href(context.link(.routingQueue())), .text(t("ganzes Verteilzentrum", "whole routing desk")))),
                        .li(.a(.id("scouting-link"), .href(context.link(.scouting)), .text(t("Scouting-Anfragen", "Scouting requests"))))),
                    .if(model.claimsWaiting + model.organisationsWaiting + model.requestsWaiting == 0, .p(.text(t("Alles erledigt.", "All done."))))),
                .section(
                    .class("card"),
                    .h2(.text(t("Nachvollziehen", "Look back"))),
                    .p(.a(.href(context.link(.audit())), .text(t("Protokoll: jede Änderung mit vorher und nachher", "Audit log: every change, before and after")))))),
            .unwrap(model.staff) { staff in roles(staff, model, context) }
        ).render()
    }

    private static func roles(_ staff: [Model.Person], _ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        func t(_ de: String, _ en: String) -> String { language == .de ? de : en }
        let chosenRole = model.values["role"] ?? "hub_manager"
        return .section(
            .class("card"), .id("roles"),
            .h2(.text(t("Rollen im Netzwerk", "Roles in the network"))),
            .div(.class("table-wrap"), .table(
                .id("staff-table"),
                .thead(.tr(.th(.text(t("Person", "Person"))), .th(.text(t("Rolle", "Role"))), .th(.text("")))),
                .tbody(.forEach(staff) { person in
                    .tr(.td(.text(person.name), .br(), .span(.class("meta"), .text(person.email))),
                        .td(.text(person.role.label[language])),
                        .td(.form(.class("inline"), .method(.post), .action(context.link(.removeRole)),
                                  FormParts.csrf(model.csrf),
                                  .input(.type(.hidden), .name("member"), .value(person.id.uuidString.lowercased())),
                                  .input(.type(.hidden), .name("role"), .value(RoleName(person.role).role)),
                                  .input(.type(.hidden), .name("scope"), .value(RoleName(person.role).scope ?? "")),
                                  .button(.type(.submit), .class("link"), .text(t("entziehen", "remove"))))))
                }))),
            .h3(.text(t("Jemanden ernennen", "Appoint someone"))),
            .p(.class("meta"), .text(t("Die Person braucht ein Konto in Hubnet. Die Ernennung steht im Protokoll.",
                                       "The person needs a Hubnet account. The appointment is recorded in the audit log."))),
            .form(
                .class("search"), .id("appoint-form"), .method(.post), .action(context.link(.appointRole)),
                FormParts.csrf(model.csrf),
                .label(.text(t("E-Mail-Adresse", "E-mail address")),
                       FormParts.input(type: .email, name: "email", value: model.values["email"] ?? "", required: true,
                                       invalid: model.problems.contains { $0.field == "email" }, id: "appoint-email")),
                .label(.text(t("Rolle", "Role")), .select(
                    .named("role"), .id("appoint-role"),
                    .choice(value: "hub_manager", label: t("Hub-Management", "Hub manager"), selected: chosenRole == "hub_manager"),
                    .choice(value: "network_admin", label: t("Netzwerk-Administration (Hub-Agentur)", "Network admin (hub agency)"),
                            selected: chosenRole == "network_admin"))),
                .label(.text(t("Hub (für das Hub-Management)", "Hub (for a hub manager)")), .select(
                    .named("scope"), .id("appoint-hub"),
                    .forEach(Network.hubs) { hub in
                        .choice(value: hub.slug, label: hub.name[language], selected: model.values["scope"] == hub.slug)
                    })),
                .button(.type(.submit), .text(t("Ernennen", "Appoint")))),
            .ul(.class("problems"), .forEach(model.problems.filter { !$0.field.isEmpty }) { .li(.class("problem"), .text($0.message[language])) })
        )
    }
}
