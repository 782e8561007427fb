import Foundation
import HubnetCore
import Plot

/// A matchmaking day for its participants (profile and times, whom to meet, requests to answer)
/// and its organiser (slots, tables, cap, "Schedule all", the day's table plan).
public enum MatchmakingView {
    public static func render(_ model: PlacePages.MatchmakingModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        let event = model.event
        let s = model.settings
        let summary = t("\(s.slots) Zeitfenster à \(s.slotMinutes) Minuten ab \(PlaceWords.clock(s.firstSlot)), \(s.tables) Tische, höchstens \(s.capPerPerson) Treffen pro Person.",
                        "\(s.slots) slots of \(s.slotMinutes) minutes from \(PlaceWords.clock(s.firstSlot)), \(s.tables) tables, at most \(s.capPerPerson) meetings per person.")
        return Layout.page(
            context, title: "Matchmaking · " + event.title[language], section: .events,
            .p(.a(.href(context.link(.event(id: event.id))), .text("← " + event.title[language]))),
            .h1(.text("Matchmaking · " + event.title[language])),
            .p(.class("meta"), .text(PlaceWords.eventTime(event.start, event.end, language) + " · " + summary)),
            FormParts.notice(model.problems.map { $0.message[language] }),
            .unwrap(model.outcome) { outcome in
                .div(.class("notice"), .id("schedule-outcome"), .attribute(named: "role", value: "status"),
                     .p(.text(t("Geplant: \(outcome.placed) Treffen (obere Schranke \(outcome.bound)); ohne Platz: \(outcome.unplaced).",
                                "Scheduled: \(outcome.placed) meetings (upper bound \(outcome.bound)); without a place: \(outcome.unplaced)."))))
            },
            .if(model.manages, organiser(model, context)),
            !model.signedIn ? .p(.a(.href(context.link(.signIn)), .text(t("Melden Sie sich an", "Sign in"))), .text(t(", um teilzunehmen.", " to take part."))) :
                .group(profile(model, context), requests(model, context), people(model, context))
        ).render()
    }

    static func profile(_ model: PlacePages.MatchmakingModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = PlaceWords.t(language)
        let own = model.own
        guard !model.organisations.isEmpty else {
            return .section(.class("card"), .p(.text(t("Teilnehmen können Mitglieder von Organisationen. Legen Sie Ihre Organisation im Verzeichnis an.",
                                                      "Members of organisations take part. Add your organisation to the directory."))))
        }
        return .form(.class("card"), .id("join-form"), .method(.post), .action(context.link(.joinMatchmaking(id: model.event.id))),
            FormParts.csrf(model.csrf),
            .h2(.text(own == nil ? t("Teilnehmen", "Take part") : t("Mein Profil für diesen Tag", "My profile for this day"))),
            .div(.class("field"), .label(.attribute(named: "for", value: "organisation"), .text(t("Für", "For"))),
                 .select(.named("organisation"), .id("organisation"),
                         .forEach(model.organisations) { .choice(value: $0.id.lowercased, label: $0.name, selected: $0.id == own?.organisationID) })),
            .div(.class("two"),
                 FormParts.textArea(t("Was wir anbieten", "What we offer"), name: "offer", value: own?.offer ?? model.profile.offer, problems: model.problems, language),
                 FormParts.textArea(t("Was wir suchen", "What we seek"), name: "seek", value: own?.seek ?? model.profile.seek, problems: model.problems, language)),
            .fieldset(.element(named: "legend", text: t("Wann ich da bin", "When I am there")),
                      .forEach(Array(0..<model.settings.slots)) { slotChoice($0, own: own, model) }),
            .button(.type(.submit), .id("join"), .text(own == nil ? t("Teilnehmen", "Take part") : t("Speichern", "Save"))))
    }

    static func slotChoice(_ slot: Int, own: MeetingParticipant?, _ model: PlacePages.MatchmakingModel) -> Node<HTML.FormContext> {
        let checked = own.map { $0.availability & (1 << UInt64(slot)) != 0 } ?? true
        return .label(.class("topic-choice"), FormParts.input(type: .checkbox, name: "slots[]", value: "\(slot)", checked: checked, id: "slot-\(slot)"),
                      .text(" " + PlaceWords.clock(model.settings.start(of: slot))))
    }

    static func requests(_ model: PlacePages.MatchmakingModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = PlaceWords.t(language)
        guard let own = model.own else { return .empty }
        let mine = model.requests.filter { $0.involves(own.id) && $0.state != .cancelled }
        return .section(.class("card"), .id("my-requests"),
            .h2(.text(t("Meine Treffen und Anfragen", "My meetings and requests"))),
            .p(.a(.id("agenda-link"), .href(context.link(.agenda(id: model.event.id))), .text(t("Meine Agenda", "My agenda")))),
            mine.isEmpty ? .p(.text(t("Noch keine Anfragen.", "No requests yet."))) :
                .ul(.class("plain"), .forEach(mine) { request in requestRow(request, own: own, model, context) }))
    }

    static func requestRow(_ request: MeetingRequest, own: MeetingParticipant, _ model: PlacePages.MatchmakingModel,
                           _ context: PageContext) -> Node<HTML.ListContext> {
        let language = context.language
        let t = PlaceWords.t(language)
        let other = model.person(request.other(than: own.id))
        let incoming = request.inviteeID == own.id
        var line = " · " + (incoming ? t("an mich", "to me") : t("von mir", "from me")) + " · " + request.state.label[language]
        if let slot = request.slot {
            line += " · " + PlaceWords.clock(model.settings.start(of: slot)) + t(", Tisch ", ", table ") + "\((request.table ?? 0) + 1)"
        }
        let answer: Node<HTML.FormContext> = .if(incoming && request.state == .requested, .group(
            .button(.type(.submit), .name("answer"), .value("accept"), .class("accept"), .text(t("Annehmen", "Accept"))),
            .button(.type(.submit), .name("answer"), .value("decline"), .class("secondary"), .text(t("Ablehnen", "Decline")))))
        let callOff: Node<HTML.FormContext> = .if(request.state == .accepted || (!incoming && request.state == .requested),
            .button(.type(.submit), .name("answer"), .value("cancel"), .class("secondary"), .text(t("Absagen", "Call off"))))
        let form: Node<HTML.BodyContext> = .form(.class("inline-form"), .method(.post), .action(context.link(.answerMeeting(id: request.id))),
                                                  FormParts.csrf(model.csrf), answer, callOff)
        return .li(.class("meeting-request"), .attribute(named: "data-state", value: request.state.rawValue),
                   .strong(.text((other?.organisation ?? "") + " · " + (other?.name ?? ""))), .text(line),
                   .if(!request.message.isEmpty, .p(.class("meta pre"), .text(request.message))), form)
    }

    static func people(_ model: PlacePages.MatchmakingModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = PlaceWords.t(language)
        let own = model.own
        let asked = Set(model.requests.compactMap { request in own.flatMap { request.involves($0.id) ? request.other(than: $0.id) : nil } })
        let others = model.people.filter { $0.participant.id != own?.id }
            .sorted { ($0.suggestion == nil ? 1 : 0, $0.organisation) < ($1.suggestion == nil ? 1 : 0, $1.organisation) }
        return .section(.class("card"), .id("participants"),
            .h2(.text(t("Teilnehmende (\(others.count))", "Participants (\(others.count))"))),
            others.isEmpty ? .p(.text(t("Noch niemand sonst.", "Nobody else yet."))) :
                .ul(.class("plain"), .forEach(others) { person in
                    .li(.class("participant"), .attribute(named: "data-participant", value: person.participant.id.lowercased),
                        .strong(.text(person.organisation)), .text(" · " + person.name),
                        .unwrap(person.suggestion) { .p(.class("why suggested"), .text(t("Vorschlag: ", "Suggested: ") + $0)) },
                        .if(!person.participant.offer.isEmpty, .p(.class("meta"), .text(t("Bietet: ", "Offers: ") + person.participant.offer))),
                        .if(!person.participant.seek.isEmpty, .p(.class("meta"), .text(t("Sucht: ", "Seeks: ") + person.participant.seek))),
                        .if(own != nil && !asked.contains(person.participant.id),
                            .form(.class("inline-form"), .method(.post), .action(context.link(.requestMeeting(id: model.event.id))),
                                  FormParts.csrf(model.csrf),
                                  .input(.type(.hidden), .name("participant"), .value(person.participant.id.lowercased)),
                                  .input(.type(.text), .name("message"), .attribute(named: "aria-label", value: t("Nachricht", "Message")),
                                         .placeholder(t("Kurze Nachricht (optional)", "Short message (optional)"))),
                                  .button(.type(.submit), .class("request-meeting"), .text(t("Treffen anfragen", "Ask to meet"))))))
                }))
    }

    static func organiser(_ model: PlacePages.MatchmakingModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = PlaceWords.t(language)
        let s = model.settings
        let accepted = model.requests.filter { $0.state == .accepted }
        let placed = accepted.filter { $0.slot != nil }.sorted { ($0.slot!, $0.table ?? 0) < ($1.slot!, $1.table ?? 0) }
        return .section(.class("card"), .id("organiser"),
            .h2(.text(t("Organisation", "Organiser"))),
            .form(.id("settings-form"), .method(.post), .action(context.link(.matchmakingSettings(id: model.event.id))),
                  FormParts.csrf(model.csrf),
                  .div(.class("two"),
                       FormParts.field(t("Erstes Zeitfenster (Berliner Zeit)", "First slot (Berlin time)"), name: "first_slot", type: .datetimeLocal,
                                       value: NetworkCalendar.formValue(of: s.firstSlot), problems: model.problems, language),
                       FormParts.field(t("Minuten je Treffen", "Minutes per meeting"), name: "slot_minutes", type: .number, value: "\(s.slotMinutes)", problems: model.problems, language),
                       FormParts.field(t("Zeitfenster", "Slots"), name: "slots", type: .number, value: "\(s.slots)", problems: model.problems, language),
                       FormParts.field(t("Tische", "Tables"), name: "tables", type: .number, value: "\(s.tables)", problems: model.problems, language),
                       FormParts.field(t("Höchstens Treffen pro Person", "Most meetings per person"), name: "cap", type: .number, value: "\(s.capPerPerson)", problems: model.problems, language)),
                  .button(.type(.submit), .class("secondary"), .id("save-settings"), .text(t("Einstellungen speichern", "Save settings")))),
            .form(.id("schedule-form"), .method(.post), .action(context.link(.scheduleMatchmaking(id: model.event.id))),
                  FormParts.csrf(model.csrf),
                  .p(.id("day-counts"), .text(t("Teilnehmende: \(model.people.count) · angenommene Treffen: \(accepted.count) · davon geplant: \(placed.count)",
                                                "Participants: \(model.people.count) · accepted meetings: \(accepted.count) · scheduled: \(placed.count)"))),
                  .div(.class("field consent"), .label(FormParts.input(type: .checkbox, name: "move_confirmed", value: "on", id: "move-confirmed"),
                                                      .text(t(" auch bestätigte Treffen verschieben", " move confirmed meetings too")))),
                  .button(.type(.submit), .id("schedule-all"), .text(t("Alle planen", "Schedule all")))),
            .if(!placed.isEmpty, .details(.summary(.text(t("Tischplan", "Table plan"))),
                .div(.class("table-wrap"), .table(.id("table-plan"),
                    .thead(.tr(.th(.text(t("Zeit", "Time"))), .th(.text(t("Tisch", "Table"))), .th(.text(t("Treffen", "Meeting"))))),
                    .tbody(.forEach(placed) { request in
                        .tr(.td(.text(PlaceWords.clock(s.start(of: request.slot!)))), .td(.text("\((request.table ?? 0) + 1)")),
                            .td(.text((model.person(request.requesterID)?.organisation ?? "") + " – " + (model.person(request.inviteeID)?.organisation ?? ""))))
                    }))))))
    }
}
