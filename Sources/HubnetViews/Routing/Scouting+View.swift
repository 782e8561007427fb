import Foundation
import HubnetCore
import Plot

/// Scouting requests: the agency's list and form, one request with each hub's answer, a hub's
/// shortlist form, and the merged reply.
public enum ScoutingView {
    public struct ListItem: Sendable {
        public let request: ScoutingRequest
        public let pending: [String]

        public init(request: ScoutingRequest, pending: [String]) {
            self.request = request
            self.pending = pending
        }
    }

    public struct Form: Sendable {
        public var values: [String: String] = [:]
        public var topics: [String] = []
        public var hubs: [String] = []
        public var problems: [FieldProblem] = []

        public init() {}
    }

    public struct Detail: Sendable {
        public struct Answer: Sendable {
            public let hub: String
            public let note: String?
            public let answeredAt: Date?
            public let organisations: [Organisation]

            public init(hub: String, note: String?, answeredAt: Date?, organisations: [Organisation]) {
                self.hub = hub
                self.note = note
                self.answeredAt = answeredAt
                self.organisations = organisations
            }
        }

        public let request: ScoutingRequest
        public let answers: [Answer]
        /// Hubs the reader manages that have not answered, with the engine's suggestions from each.
        public let toAnswer: [(hub: String, candidates: [PartnerRow])]
        public let merged: [(organisation: Organisation, hubs: [String])]
        public let mayReply: Bool
        public let csrf: String
        public let notice: String?
        public let problems: [FieldProblem]

        public init(request: ScoutingRequest, answers: [Answer], toAnswer: [(hub: String, candidates: [PartnerRow])],
                    merged: [(organisation: Organisation, hubs: [String])], mayReply: Bool, csrf: String, notice: String? = nil,
                    problems: [FieldProblem] = []) {
            self.request = request
            self.answers = answers
            self.toAnswer = toAnswer
            self.merged = merged
            self.mayReply = mayReply
            self.csrf = csrf
            self.notice = notice
            self.problems = problems
        }
    }

    static func title(_ language: SiteLanguage) -> String { language == .de ? "Scouting-Anfragen" : "Scouting requests" }

    public static func list(_ items: [ListItem], form: Form?, csrf: String, _ context: PageContext) -> String {
        let language = context.language
        let t = { (de: String, en: String) in language == .de ? de : en }
        let hubName = { (slug: String) in Network.hub(slug)?.name[language] ?? slug }
        return Layout.page(
            context, title: title(language),
            .p(.a(.href(context.link(.staff)), .text("← " + context.accountStrings.staffTitle))),
            .h1(.text(title(language))),
            .p(.class("lead"), .text(t("Ein Unternehmen von außen sucht Innovation in einem Feld: Die Hub-Agentur fragt mehrere Hubs zugleich, jeder Hub nennt seine passenden Organisationen, die Agentur schickt eine zusammengeführte Antwort.",
                                       "An outside company looks for innovation in a field: the hub agency asks several hubs at once, each hub names its fitting organisations, the agency sends one merged reply."))),
            items.isEmpty ? .p(.id("no-scouting"), .text(t("Keine Scouting-Anfragen.", "No scouting requests."))) :
                .ul(.class("results"), .id("scouting-requests"), .forEach(items) { item in
                    .li(.class("card"),
                        .h3(.a(.href(context.link(.scoutingRequest(id: item.request.id))), .text(item.request.title))),
                        .p(.class("meta"), .text([item.request.clientName, t("Frist ", "deadline ") + NetworkCalendar.day(of: item.request.deadline),
                                                  item.request.repliedAt != nil ? t("beantwortet", "replied")
                                                    : (item.pending.isEmpty ? t("alle Hubs haben geantwortet", "all hubs answered")
                                                       : t("offen: ", "waiting for: ") + item.pending.map(hubName).joined(separator: ", "))]
                            .joined(separator: " · "))))
                }),
            .unwrap(form) { form in newForm(form, csrf: csrf, context) }
        ).render()
    }

    static func newForm(_ form: Form, csrf: String, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = { (de: String, en: String) in language == .de ? de : en }
        let problems = form.problems
        return .group(FormParts.notice(problems.map { $0.message[language] }), .form(
            .class("card"), .method(.post), .action(context.link(.newScouting)), .id("new-scouting"),
            FormParts.csrf(csrf),
            .h2(.text(t("Neue Scouting-Anfrage", "New scouting request"))),
            FormParts.field(t("Unternehmen", "Company"), name: "clientName", value: form.values["clientName"] ?? "", problems: problems, language),
            FormParts.field(t("E-Mail-Adresse des Unternehmens", "Company's e-mail address"), name: "clientEmail", type: .email,
                            value: form.values["clientEmail"] ?? "", problems: problems, language),
            .div(.class("field"), .label(.attribute(named: "for", value: "clientLanguage"), .text(t("Sprache der Antwort", "Language of the reply"))),
                 .select(.named("clientLanguage"), .id("clientLanguage"),
                         .choice(value: "de", label: "Deutsch", selected: form.values["clientLanguage"] == "de"),
                         .choice(value: "en", label: "English", selected: form.values["clientLanguage"] != "de"))),
            FormParts.field(t("Titel", "Title"), name: "title", value: form.values["title"] ?? "", problems: problems, language),
            FormParts.textArea(t("Was gesucht wird", "What is sought"), name: "text", value: form.values["text"] ?? "", problems: problems, language),
            .fieldset(.element(named: "legend", text: context.strings.topics), .forEach(Taxonomy.topics) { topic in
                .label(.class("topic-choice"), FormParts.input(type: .checkbox, name: "topics[]", value: topic.slug, checked: form.topics.contains(topic.slug)),
                       .text(" " + topic.label[language] + " "))
            }),
            .fieldset(.element(named: "legend", text: t("Gefragte Hubs", "Hubs asked")), .forEach(Network.hubs) { hub in
                .label(.class("topic-choice"), FormParts.input(type: .checkbox, name: "hubs[]", value: hub.slug, checked: form.hubs.contains(hub.slug)),
                       .text(" " + hub.name[language] + " "))
            }),
            FormParts.field(t("Frist der Hubs", "Hubs' deadline"), name: "deadline", type: .date, value: form.values["deadline"] ?? "",
                            problems: problems, language),
            .button(.type(.submit), .id("send-scouting"), .text(t("An die Hubs senden", "Send to the hubs")))))
    }

    public static func detail(_ model: Detail, _ context: PageContext) -> String {
        let language = context.language
        let t = { (de: String, en: String) in language == .de ? de : en }
        let hubName = { (slug: String) in Network.hub(slug)?.name[language] ?? slug }
        let request = model.request
        return Layout.page(
            context, title: request.title,
            .p(.a(.href(context.link(.scouting)), .text("← " + title(language)))),
            .h1(.id("scouting-title"), .text(request.title)),
            .p(.class("lead"), .text([request.clientName, request.clientEmail, t("Frist der Hubs ", "hubs' deadline ") + NetworkCalendar.day(of: request.deadline)]
                .joined(separator: " · "))),
            .unwrap(model.notice) { .div(.class("notice"), .id("scouting-notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            FormParts.notice(model.problems.map { $0.message[language] }),
            .div(.class("grid"),
                 .section(.class("card"), .p(.text(request.text)),
                          .ul(.class("tags"), .forEach(request.topicSlugs.compactMap(Taxonomy.topic)) { .li(.text($0.label[language])) })),
                 .section(.class("card"), .id("scouting-hubs"),
                          .h2(.text(t("Hubs", "Hubs"))),
                          .ul(.forEach(model.answers) { answer in
                              .li(.attribute(named: "data-hub", value: answer.hub),
                                  .strong(.text(hubName(answer.hub))),
                                  .text(answer.answeredAt == nil ? t(" · wartet", " · waiting")
                                        : t(" · geantwortet ", " · answered ") + AuditView.when(answer.answeredAt!, language)),
                                  .if(!answer.organisations.isEmpty, .text(": " + answer.organisations.map(\.name).joined(separator: ", "))),
                                  .unwrap(answer.note) { note in .if(!note.isEmpty, .blockquote(.text(note))) })
                          }))),
            .forEach(model.toAnswer) { entry in
                .form(.class("card"), .method(.post), .action(context.link(.answerScouting(id: request.id))), .id("answer-\(entry.hub)"),
                      FormParts.csrf(model.csrf), .input(.type(.hidden), .name("hub"), .value(entry.hub)),
                      .h2(.text(t("Antwort des Hubs ", "Answer of the hub ") + hubName(entry.hub))),
                      .p(.class("meta"), .text(t("Vorschläge der Partnersuche aus Ihrem Hub, die besten drei sind vorausgewählt.",
                                                 "Suggestions of the partner search from your hub; the best three are ticked."))),
                      .fieldset(.element(named: "legend", text: t("Organisationen", "Organisations")),
                                .if(entry.candidates.isEmpty, .p(.text(t("Keine passenden Organisationen gefunden.", "No fitting organisations found.")))),
                                .forEach(Array(entry.candidates.enumerated())) { index, row in
                                    .label(.class("choice"), FormParts.input(type: .checkbox, name: "organisations[]", value: row.organisation.id.lowercased,
                                                                             checked: index < 3),
                                           .text(" \(row.organisation.name) · \(row.organisation.kind.label[language]) · \(row.score.formatted(in: language, places: 1))"),
                                           .span(.class("meta why"), .text(row.reasons.prefix(2).map { $0.explanation[language] }.joined(separator: "; "))))
                                }),
                      .div(.class("field"), .label(.attribute(named: "for", value: "note-\(entry.hub)"), .text(t("Notiz für die Agentur", "Note for the agency"))),
                           .textarea(.name("note"), .id("note-\(entry.hub)"), .attribute(named: "rows", value: "2"), .attribute(named: "maxlength", value: "2000"))),
                      .button(.type(.submit), .text(t("Shortlist senden", "Send the shortlist"))))
            },
            .if(!model.merged.isEmpty, .section(
                .class("card routing"), .id("merged-reply"),
                .h2(.text(request.repliedAt == nil ? t("Zusammengeführte Antwort (Vorschau)", "Merged reply (preview)")
                                                   : t("Verschickte Antwort", "Reply sent") + " · " + AuditView.when(request.repliedAt!, language))),
                .ol(.forEach(model.merged) { item in
                    .li(.a(.href(context.link(.organisation(id: item.organisation.id))), .text(item.organisation.name)),
                        .text(" · " + t("genannt von ", "named by ") + item.hubs.map(hubName).joined(separator: ", ")))
                }),
                .if(model.mayReply && request.repliedAt == nil, .form(
                    .method(.post), .action(context.link(.replyScouting(id: request.id))), .id("send-reply"), FormParts.csrf(model.csrf),
                    .button(.type(.submit), .text(t("Antwort an \(request.clientName) senden", "Send the reply to \(request.clientName)")))))))
        ).render()
    }
}
