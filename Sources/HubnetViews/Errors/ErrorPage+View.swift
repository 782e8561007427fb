import HubnetCore
import Plot

/// The friendly page for a 4xx or 5xx in the HTML part of the site.
public enum ErrorPageView {
    public static func render(status: Int, messages: [String], _ context: PageContext) -> String {
        let strings = context.strings
        let title: String
        let text: [String]
        switch status {
        case 404: (title, text) = (strings.notFoundTitle, [strings.notFoundText])
        case 400..<500: (title, text) = (strings.badRequestTitle, messages)
        default: (title, text) = (strings.errorTitle, [strings.errorText])
        }
        return Layout.page(
            context, title: title,
            .h1(.text(title)),
            .div(.class("notice"), .forEach(text) { .p(.text($0)) }),
            .p(.a(.href(context.link(.directory())), .text(strings.navDirectory)), .text(" · "),
               .a(.href(context.link(.home)), .text(strings.backHome)))
        ).render()
    }
}
