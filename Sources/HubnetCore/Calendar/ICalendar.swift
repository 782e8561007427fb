import Foundation

/// An iCalendar feed (RFC 5545) that calendar apps subscribe to. Every entry keeps its UID for
/// life and raises SEQUENCE with each change, and a cancelled entry stays in the feed with
/// STATUS:CANCELLED, so subscribers see updates and cancellations instead of stale copies.
public struct ICalendar: Sendable {
    public enum Status: String, Sendable {
        case confirmed = "CONFIRMED"
        /// On the waiting list: it may still happen for this person.
        case tentative = "TENTATIVE"
        case cancelled = "CANCELLED"
    }

    public struct Entry: Sendable {
        public var uid: String
        public var sequence: Int
        public var start: Date
        public var end: Date
        public var summary: String
        public var description: String
        public var location: String
        public var url: String?
        public var status: Status
        /// When it last changed (LAST-MODIFIED; DTSTAMP too, as feeds are not scheduling messages).
        public var modified: Date

        public init(uid: String, sequence: Int, start: Date, end: Date, summary: String, description: String = "", location: String = "",
                    url: String? = nil, status: Status = .confirmed, modified: Date) {
            self.uid = uid
            self.sequence = sequence
            self.start = start
            self.end = end
            self.summary = summary
            self.description = description
            self.location = location
            self.url = url
            self.status = status
            self.modified = modified
        }
    }

    public var name: String
    public var entries: [Entry]

    public init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
    }

    /// The feed's text: CRLF line ends, lines folded at 75 octets, text values escaped.
    public var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hubnet//Hubnet//DE", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:Europe/Berlin"]
        for entry in entries {
            lines += ["BEGIN:VEVENT",
                      "UID:" + Self.escape(entry.uid),
                      "SEQUENCE:\(entry.sequence)",
                      "DTSTAMP:" + Self.utc(entry.modified),
                      "LAST-MODIFIED:" + Self.utc(entry.modified),
                      "DTSTART:" + Self.utc(entry.start),
                      "DTEND:" + Self.utc(entry.end),
                      "SUMMARY:" + Self.escape(entry.summary)]
            if !entry.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(entry.description)) }
            if !entry.location.isEmpty { lines.append("LOCATION:" + Self.escape(entry.location)) }
            if let url = entry.url { lines.append("URL:" + url) }
            lines += ["STATUS:" + entry.status.rawValue, "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A UTC date-time: 20261201T170000Z.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as \n.
    /// Other control characters have no place in a calendar and are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r": result += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Folds a content line after 75 octets, never inside a UTF-8 sequence (RFC 5545 3.1).
    static func fold(_ line: String) -> String {
        var result = "", count = 0
        for character in line {
            let octets = String(character).utf8.count
            if count + octets > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += octets
        }
        return result
    }
}
