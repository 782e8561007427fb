import Plot

extension Node where Context == HTML.SelectContext {
    /// An `<option>` with text content; Plot's own writes a self-closed element with a label
    /// attribute, which screen readers and some browsers read poorly.
    static func choice(value: String, label: String, selected: Bool) -> Node {
        .element(named: "option", nodes: [
            .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
            .if(selected, .attribute(named: "selected", value: "selected")),
            .text(label),
        ])
    }

    static func named(_ name: String) -> Node {
        .attribute(named: "name", value: name)
    }

    static func id(_ id: String) -> Node {
        .attribute(named: "id", value: id)
    }
}
