import HubnetCore
import Plot

/// The profile form for the organisation's members, hub managers and the agency.
public enum OrganisationEditView {
    /// `isNew`: the form creates the organisation instead of changing it.
    public static func render(_ organisation: Organisation, problems: [FieldProblem], saved: Bool, csrf: String,
                              isNew: Bool = false, _ context: PageContext) -> String {
        let strings = context.strings
        let account = context.accountStrings
        let language = context.language
        let o = organisation
        let title = isNew ? account.newOrganisation : account.editTitle(o.name)
        return Layout.page(
            context, title: title,
            .if(!isNew, .p(.a(.href(context.link(.organisation(id: o.id))), .text("← " + o.name)))),
            .h1(.text(title)),
            .if(saved, .div(.class("notice"), .attribute(named: "role", value: "status"), .id("saved"), .p(.text(account.saved)))),
            .if(!problems.isEmpty, .div(.class("notice"), .attribute(named: "role", value: "alert"),
                                        .ul(.forEach(problems) { .li(.text($0.message[language])) }))),
            .form(
                .class("card"), .method(.post), .action(context.link(isNew ? .newOrganisation : .editOrganisation(id: o.id))), .id("edit-organisation"),
                FormParts.csrf(csrf),
                .p(.class("meta"), .text(account.requiredNote)),
                FormParts.field(account.name, name: "name", value: o.name, problems: problems, language),
                .div(.class("field"), .label(.attribute(named: "for", value: "kind"), .text(strings.kind)),
                     .select(.named("kind"), .id("kind"), .forEach(OrganisationKind.allCases) {
                         .choice(value: $0.rawValue, label: $0.label[language], selected: $0 == o.kind)
                     })),
                .div(.class("field"), .label(.attribute(named: "for", value: "hub"), .text(strings.hub)),
                     .select(.named("hub"), .id("hub"), .forEach(Network.hubs) {
                         .choice(value: $0.slug, label: $0.name[language], selected: $0.slug == o.hubSlug)
                     })),
                FormParts.field(strings.city, name: "city", value: o.city, problems: problems, language),
                .fieldset(
                    .element(named: "legend", text: account.topicSlugs),
                    .forEach(Taxonomy.topics) { topic in
                        .label(.class("topic-choice"),
                               FormParts.input(type: .checkbox, name: "topics[]", value: topic.slug,
                                               checked: o.topicSlugs.contains(topic.slug)),
                               .text(" " + topic.label[language] + " "))
                    },
                    .unwrap(problems.first { $0.field == "topics" }) { .p(.class("problem"), .text($0.message[language])) }
                ),
                FormParts.textArea(account.descriptionDE, name: "description_de", value: o.description.de, problems: problems, language),
                FormParts.textArea(account.descriptionEN, name: "description_en", value: o.description.en, problems: problems, language),
                FormParts.textArea(account.offersDE, name: "offers_de", value: o.offers.de, problems: problems, language),
                FormParts.textArea(account.offersEN, name: "offers_en", value: o.offers.en, problems: problems, language),
                FormParts.textArea(account.seeksDE, name: "seeks_de", value: o.seeks.de, problems: problems, language),
                FormParts.textArea(account.seeksEN, name: "seeks_en", value: o.seeks.en, problems: problems, language),
                FormParts.field(strings.website, name: "website", type: .url, value: o.website ?? "", required: false, problems: problems, language),
                FormParts.field(strings.founded, name: "foundedYear", type: .number, value: o.foundedYear.map(String.init) ?? "",
                                required: false, problems: problems, language),
                .div(.class("field"), .label(.attribute(named: "for", value: "employees"), .text(account.employees)),
                     .select(.named("employees"), .id("employees"),
                             .choice(value: "", label: account.notStated, selected: o.employees == nil),
                             .forEach(EmployeeBand.allCases) { .choice(value: $0.rawValue, label: $0.label[language], selected: $0 == o.employees) })),
                .div(.class("field"), .label(.attribute(named: "for", value: "stage"), .text(account.stage)),
                     .select(.named("stage"), .id("stage"),
                             .choice(value: "", label: account.notStated, selected: o.stage == nil),
                             .forEach(FundingStage.allCases) { .choice(value: $0.rawValue, label: $0.label[language], selected: $0 == o.stage) })),
                .button(.type(.submit), .id("save"), .text(account.save))
            ),
            isNew ? .p(.class("meta"), .text(LogoStrings.for(language).afterSaving)) : logoSection(o, problems: problems, csrf: csrf, context)
        ).render()
    }

    /// A form of its own: the file goes as multipart, the profile's texts do not need to.
    static func logoSection(_ organisation: Organisation, problems: [FieldProblem], csrf: String, _ context: PageContext) -> Node<HTML.BodyContext> {
        let strings = LogoStrings.for(context.language)
        let problem = problems.first { $0.field == "logo" }?.message[context.language]
        return .section(
            .class("card"), .id("logo"),
            .h2(.text(strings.title)),
            organisation.logoVersion == nil
                ? .p(.id("no-logo"), .text(strings.none))
                : .p(OrganisationLogo.image(organisation, .profile, alt: strings.altText(organisation.name))),
            .form(
                .method(.post), .action(context.link(.organisationLogo(id: organisation.id))), .id("logo-form"),
                .attribute(named: "enctype", value: "multipart/form-data"),
                FormParts.csrf(csrf),
                .div(.class("field"),
                     .label(.attribute(named: "for", value: "logo-file"), .text(strings.file)),
                     .input(.type(.file), .name("logo"), .id("logo-file"), .attribute(named: "accept", value: "image/png,image/jpeg"),
                            .required(true), .attribute(named: "aria-describedby", value: "logo-hint")),
                     .p(.class("meta"), .id("logo-hint"), .text(strings.hint)),
                     .unwrap(problem) { .p(.class("problem"), .id("logo-problem"), .text($0)) }),
                .div(.class("logo-actions"),
                     .button(.type(.submit), .id("upload-logo"), .text(strings.upload)),
                     // The removal posts its own form (forms cannot nest); `form=` ties the button to it.
                     .if(organisation.logoVersion != nil,
                         .button(.type(.submit), .class("secondary"), .id("remove-logo"), .attribute(named: "form", value: "remove-logo-form"),
                                 .attribute(named: "formnovalidate", value: "formnovalidate"), .text(strings.remove))))
            ),
            .if(organisation.logoVersion != nil, .form(
                .method(.post), .action(context.link(.removeOrganisationLogo(id: organisation.id))), .id("remove-logo-form"),
                FormParts.csrf(csrf)
            ))
        )
    }
}
