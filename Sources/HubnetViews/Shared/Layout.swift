import HubnetCore
import Plot

/// The frame around every page: header with navigation and language switch, main, footer.
enum Layout {
    static func page(
        _ context: PageContext, title: String, section: Section? = nil, _ content: Node<HTML.BodyContext>...
    ) -> HTML {
        let strings = context.strings
        return HTML(
            .lang(context.language == .de ? .german : .english),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                .title(title == "Hubnet" ? "Hubnet – \(strings.tagline)" : "\(title) · Hubnet"),
                .meta(.name("description"), .content(strings.tagline)),
                .link(.rel(.alternate), .href(context.samePage(in: .de)), .attribute(named: "hreflang", value: "de")),
                .link(.rel(.alternate), .href(context.samePage(in: .en)), .attribute(named: "hreflang", value: "en")),
                .stylesheet(Stylesheet.path),
                .link(.rel(.icon), .href(Favicon.path), .type("image/svg+xml")),
                .script(.src(Script.path), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                .a(.class("skip"), .href("#main"), .text(strings.skipToContent)),
                .header(
                    .class("site-header"),
                    .a(.class("brand"), .href(context.link(.home)), .strong("Hubnet"), .span(.class("tagline"), .text(strings.tagline))),
                    .nav(
                        .attribute(named: "aria-label", value: "Hubnet"),
                        navLink(context, .home, strings.navHubs, current: section == .hubs),
                        navLink(context, .directory(), strings.navDirectory, current: section == .directory),
                        navLink(context, .findPartners(), context.matchStrings.navFindPartners, current: section == .matches),
                        navLink(context, .opportunities, context.matchStrings.navOpportunities, current: section == .opportunities),
                        navLink(context, .calls, "Calls", current: section == .calls),
                        navLink(context, .events(), context.language == .de ? "Termine" : "Events", current: section == .events),
                        navLink(context, .places(), context.language == .de ? "Orte" : "Places", current: section == .places),
                        accountLinks(context),
                        .a(
                            .id("language-switch"), .class("language"),
                            .href(context.samePage(in: context.otherLanguage)),
                            .attribute(named: "hreflang", value: context.otherLanguage.rawValue),
                            .attribute(named: "lang", value: context.otherLanguage.rawValue),
                            .text(strings.switchLanguage)
                        )
                    )
                ),
                .main(.id("main"), .group(content)),
                .footer(
                    .class("site-footer"),
                    .nav(.class("footer-links"), .attribute(named: "aria-label", value: strings.footerLinks),
                         .a(.id("api-guide-link"), .href(context.link(.apiGuide)), .text(strings.navAPI)),
                         .a(.href(SiteURL.openAPIDocument), .text("OpenAPI")),
                         .a(.id("imprint-link"), .href(context.link(.imprint)), .text(LegalPageView.Kind.imprint.title[context.language])),
                         .a(.id("privacy-link"), .href(context.link(.privacy)), .text(LegalPageView.Kind.privacy.title[context.language]))),
                    .p(.text(strings.footerData)), .p(.text(strings.footerDemo)))
            )
        )
    }

    /// Sign in and sign up for visitors; account, reviews and sign-out for members.
    private static func accountLinks(_ context: PageContext) -> Node<HTML.BodyContext> {
        let strings = context.strings
        guard let viewer = context.viewer else {
            return .group(
                .a(.id("sign-in-link"), .href(context.link(.signIn)), .text(context.accountStrings.signIn)),
                .a(.href(context.link(.signUp)), .text(context.accountStrings.signUp)))
        }
        return .group(
            // Staff get one link to their start page (claims, audit log, roles), with what waits.
            .if(viewer.reviewsClaims || viewer.readsAudit, .a(
                .id("staff-link"), .href(context.link(.staff)), .text(context.accountStrings.staffTitle),
                .if(viewer.waiting > 0, .span(.class("badge"), .attribute(named: "title", value: context.accountStrings.waiting(viewer.waiting)),
                                              .text(viewer.waiting.formatted(in: context.language)))))),
            .a(.id("notifications-link"), .href(context.link(.notifications)),
               .text(context.language == .de ? "Mitteilungen" : "Notifications"),
               .if(viewer.unread > 0, .span(.class("badge"), .id("unread-count"),
                                            .attribute(named: "title", value: context.language == .de ? "\(viewer.unread) ungelesen" : "\(viewer.unread) unread"),
                                            .text(viewer.unread.formatted(in: context.language))))),
            .a(.id("account-link"), .href(context.link(.account)), .text(viewer.name)),
            .form(.class("inline"), .method(.post), .action(context.link(.signOut)),
                  FormParts.csrf(viewer.csrfToken),
                  .button(.type(.submit), .id("sign-out"), .class("link"), .text(context.accountStrings.signOut))))
    }

    enum Section {
        case hubs
        case directory
        case matches
        case opportunities
        case calls
        case places
        case events
    }

    private static func navLink(_ context: PageContext, _ url: SiteURL, _ label: String, current: Bool) -> Node<HTML.BodyContext> {
        .a(.href(context.link(url)), .text(label), .if(current, .attribute(named: "aria-current", value: "page")))
    }
}
