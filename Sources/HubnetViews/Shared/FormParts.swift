import HubnetCore
import Plot

/// Pieces every form uses: the CSRF field, a labelled input with its problem, a notice.
enum FormParts {
    static func csrf(_ token: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("_csrf"), .value(token))
    }

    static func field(
        _ label: String, name: String, type: HTMLInputType = .text, value: String = "", required: Bool = true,
        autocomplete: String? = nil, problems: [FieldProblem], _ language: SiteLanguage
    ) -> Node<HTML.FormContext> {
        let problem = problems.first { $0.field == name }?.message[language]
        return .div(
            .class("field"),
            .label(.attribute(named: "for", value: name), .if(required, .class("required")), .text(label)),
            input(type: type, name: name, value: value, required: required, autocomplete: autocomplete, invalid: problem != nil),
            .unwrap(problem) { .p(.class("problem"), .text($0)) }
        )
    }

    /// An input whose attributes depend on the field; Plot's `.input` takes a fixed list.
    static func input<Context>(type: HTMLInputType, name: String, value: String, required: Bool = false, autocomplete: String? = nil,
                      invalid: Bool = false, checked: Bool = false, id: String? = nil) -> Node<Context> {
        var attributes: [Attribute<HTML.InputContext>] = [.type(type), .name(name), .value(value)]
        if let id = id ?? (type == .checkbox ? nil : name) { attributes.append(.id(id)) }
        if required { attributes.append(.required(true)) }
        if let autocomplete { attributes.append(.attribute(named: "autocomplete", value: autocomplete)) }
        if invalid { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        if checked { attributes.append(.checked(true)) }
        return .selfClosedElement(named: "input", attributes: attributes)
    }

    static func textArea(_ label: String, name: String, value: String, problems: [FieldProblem], _ language: SiteLanguage) -> Node<HTML.FormContext> {
        let problem = problems.first { $0.field == name || name.hasPrefix($0.field + "_") }?.message[language]
        return .div(
            .class("field"),
            .label(.attribute(named: "for", value: name), .text(label)),
            .textarea(.name(name), .id(name), .attribute(named: "rows", value: "4"), .text(value)),
            .unwrap(problem) { .p(.class("problem"), .text($0)) }
        )
    }

    /// A required tick box whose label holds a link (to the text it agrees to).
    static func consent(_ label: (before: String, link: String, after: String), link: String, name: String, checked: Bool,
                        problems: [FieldProblem], _ language: SiteLanguage) -> Node<HTML.FormContext> {
        let problem = problems.first { $0.field == name }?.message[language]
        return .div(
            .class("field consent"),
            .label(input(type: .checkbox, name: name, value: "on", required: true, invalid: problem != nil, checked: checked, id: name),
                   .text(" " + label.before), .a(.href(link), .target(.blank), .text(label.link)), .text(label.after)),
            .unwrap(problem) { .p(.class("problem"), .text($0)) }
        )
    }

    /// Problems that belong to no field of the form.
    static func notice(_ messages: [String]) -> Node<HTML.BodyContext> {
        .if(!messages.isEmpty, .div(.class("notice"), .attribute(named: "role", value: "alert"),
                                   .forEach(messages) { .p(.text($0)) }))
    }
}
