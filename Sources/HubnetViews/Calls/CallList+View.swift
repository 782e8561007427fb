import Foundation
import HubnetCore
import Plot

/// Every call of the network: open ones first, then upcoming, then finished.
public enum CallListView {
    public static func render(_ model: CallPages.ListModel, _ context: PageContext) -> String {
        let language = context.language
        let t = CallWords.t(language)
        func rank(_ call: Call) -> Int {
            switch call.phase(at: model.now) {
            case .open: 0
            case .upcoming: 1
            case .closed: 2
            }
        }
        let calls = model.calls.sorted { (rank($0), $1.created) < (rank($1), $0.created) }
        return Layout.page(
            context, title: CallWords.title(language), section: .calls,
            .h1(.text(CallWords.title(language))),
            .p(.class("lead"), .text(t("Programme, Pitch-Abende, Preise und Wettbewerbe der Hubs und der Hub-Agentur: bewerben Sie sich mit Ihrer Organisation; eine Expertenjury begutachtet und entscheidet.",
                                       "Programmes, pitch nights, awards and competitions of the hubs and the hub agency: apply with your organisation; an expert jury reviews and decides."))),
            .if(model.mayCreate, .p(.a(.class("button"), .id("new-call-link"), .href(context.link(.newCall)), .text(t("Neuen Call anlegen", "Create a call"))))),
            calls.isEmpty ? .p(.text(t("Noch keine Calls.", "No calls yet."))) :
                .ul(.class("results"), .id("calls"), .forEach(calls) { call in
                    .li(.class("card"), .attribute(named: "data-call", value: call.id.lowercased),
                        .h3(.a(.href(context.link(.call(id: call.id))), .text(call.title[language]))),
                        .p(.class("meta"), .text(call.kind.label[language] + " · " + CallWords.organiser(call, language) + " · "),
                           CallWords.phase(call, now: model.now, language)))
                })
        ).render()
    }
}
