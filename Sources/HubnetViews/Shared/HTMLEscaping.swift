import Foundation
import HubnetCore
import Plot

/// The one place where values reach HTML attributes. Plot 0.14 escapes text nodes but prints
/// attribute values as they are, so a `"` in a name or a query would end the attribute and
/// start markup of its own. The functions below shadow Plot's attribute builders with the same
/// signatures inside this module: every view that writes `.href(…)`, `.value(…)`,
/// `.content(…)`, `.attribute(named:value:)`, `.data(named:value:)` … gets the escaping one
/// without knowing it.
/// `HTMLEscapingTests` renders every page with hostile view models to keep it so.
extension String {
    /// The text as an HTML attribute value inside double quotes.
    public var attributeEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

/// Plot keeps `URLRepresentable.string` to itself; its two kinds are strings and URLs.
private func urlText(_ url: URLRepresentable) -> String {
    switch url {
    case let url as URL: url.absoluteString
    case let text as String: text
    default: "\(url)"
    }
}

extension Node {
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(Attribute(name: name, value: value?.attributeEscaped, ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }

}

// Plot declares its `data(named:value:)` for HTML contexts; the same constraint makes these win.
extension Node where Context: HTMLContext {
    /// `data-…` attributes; Plot's own prints the value unescaped.
    static func data(named name: String, value: String) -> Node {
        .attribute(named: "data-\(name)", value: value)
    }
}

extension Attribute where Context: HTMLContext {
    static func data(named name: String, value: String) -> Self {
        Attribute(name: "data-\(name)", value: value.attributeEscaped)
    }
}

extension Attribute {
    static func attribute(named name: String, value: String?) -> Self {
        Attribute(name: name, value: value?.attributeEscaped)
    }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute {
        Attribute(name: "value", value: value.attributeEscaped)
    }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node {
        .attribute(named: "value", value: value)
    }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Attribute {
        Attribute(name: "href", value: urlText(url).attributeEscaped)
    }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Node {
        .attribute(named: "href", value: urlText(url))
    }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: URLRepresentable) -> Node {
        .attribute(named: "action", value: urlText(url))
    }
}

extension Attribute where Context == HTML.MetaContext {
    static func content(_ content: String) -> Attribute {
        Attribute(name: "content", value: content.attributeEscaped)
    }
}

extension Node where Context == HTML.HeadContext {
    /// The page's title and its social-sharing twins; Plot's own prints the twins unescaped.
    static func title(_ title: String) -> Node {
        .group([
            .element(named: "title", text: title),
            .meta(.name("twitter:title"), .content(title)),
            .meta(.property("og:title"), .content(title)),
        ])
    }
}
