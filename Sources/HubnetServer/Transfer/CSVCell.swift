/// Text from members in a CSV that people open in a spreadsheet: a cell that starts like a
/// formula (= + - @, tab, return) is prefixed with an apostrophe, so it shows as text and
/// never runs (OWASP's advice on CSV injection).
enum CSVCell {
    static func safe(_ text: String) -> String {
        guard let first = text.first, "=+-@\t\r".contains(first) else { return text }
        return "'" + text
    }
}
