import Foundation
import HubnetCore

/// Draws Germany and the hub cities as inline SVG, so the map works without JavaScript. Every
/// city has its own label ("Darmstadt" as well as "Frankfurt"), the drawing has room around the
/// border so no label is cut, and each hub is a link that shows a small card of the hub when
/// hovered or reached with the keyboard.
struct HubMap {
    struct Place {
        let hubSlug: String
        let hubName: String
        let url: String
        let organisations: Int
        let cities: [City]
        /// The hub's focus, as the card shows it.
        let focus: String
        /// "148 Organisationen", in the page's language.
        let count: String
    }

    let places: [Place]
    let title: String
    let language: SiteLanguage

    static let width = 440.0
    /// Room around the country for labels and cards near the border.
    static let margin = 56.0
    // Equirectangular around 51° N: a degree of longitude is cos(51°) of a degree of latitude.
    private static let west = 5.6, east = 15.3, south = 47.1, north = 55.2
    private static let longitudeScale = cos(51.0 * .pi / 180)
    private static var scale: Double { width / ((east - west) * longitudeScale) }
    static var height: Double { (north - south) * scale }

    static func project(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        ((longitude - west) * longitudeScale * scale, (north - latitude) * scale)
    }

    /// Where each city's label goes, relative to its dot, so that neighbours do not collide:
    /// twin cities take opposite sides, Potsdam sits below-left of Berlin.
    private static let labelPlacement: [String: (dx: Double, dy: Double, anchor: String)] = [
        "Berlin": (12, -6, "start"), "Potsdam": (-12, 16, "end"), "Hamburg": (12, 5, "start"),
        "Dortmund": (12, -6, "start"), "Köln": (-12, 6, "end"), "Frankfurt am Main": (12, -6, "start"),
        "Darmstadt": (12, 5, "start"), "Ludwigshafen": (-12, 4, "end"), "Mannheim": (12, 16, "start"),
        "Karlsruhe": (-12, 10, "end"), "Stuttgart": (12, 10, "start"), "München": (12, 6, "start"),
        "Nürnberg": (12, 10, "start"), "Erlangen": (12, -6, "start"), "Dresden": (12, 12, "start"),
        "Leipzig": (-12, -8, "end"),
    ]

    var svg: String {
        let outline = GermanyOutline.points.map { point in
            let (x, y) = Self.project(latitude: point.latitude, longitude: point.longitude)
            return String(format: "%.1f,%.1f", x, y)
        }.joined(separator: " ")
        let most = Double(places.map(\.organisations).max() ?? 1)
        var marks = ""
        for place in places {
            let radius = 5 + 9 * (Double(place.organisations) / max(most, 1)).squareRoot()
            marks += "<a href=\"\(escape(place.url))\" data-hub=\"\(escape(place.hubSlug))\" class=\"hub\">"
            marks += "<title>\(escape("\(place.hubName): \(place.focus) · \(place.count)"))</title>"
            for city in place.cities {
                let (x, y) = Self.project(latitude: city.latitude, longitude: city.longitude)
                marks += String(format: "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/>", x, y, radius)
                let placement = Self.labelPlacement[city.name.de] ?? (12, 4, "start")
                marks += String(format: "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%@\">", x + placement.dx, y + placement.dy,
                                placement.anchor)
                marks += "\(escape(city.name[language]))</text>"
            }
            marks += "</a>"
        }
        // The cards come last, so that a shown card lies above every dot and label.
        let cards = places.map(card).joined()
        let box = String(format: "%.0f %.0f %.0f %.0f", -Self.margin, -Self.margin / 3, Self.width + 2 * Self.margin, Self.height + Self.margin * 2 / 3)
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="\(box)" role="img" aria-labelledby="map-title">\
        <title id="map-title">\(escape(title))</title>\
        <polygon class="land" points="\(outline)"/>\(marks)\(cards)</svg>
        """
    }

    /// The hub's card beside its first city, turned towards the middle so it stays in view.
    private func card(_ place: Place) -> String {
        guard let first = place.cities.first else { return "" }
        let (x, y) = Self.project(latitude: first.latitude, longitude: first.longitude)
        // Wide enough for its longest line (about 0.55 em per character).
        let cardWidth = 24 + max(Double(place.hubName.count) * 8.5, Double(max(place.focus.count, place.count.count)) * 7.2)
        let cardHeight = 64.0
        let left = x + cardWidth + 16 > Self.width + Self.margin ? x - cardWidth - 16 : x + 16
        let top = min(max(y - cardHeight - 14, -Self.margin / 3), Self.height - cardHeight)
        return "<g class=\"hub-card\" data-hub=\"\(escape(place.hubSlug))\">"
            + String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" rx=\"8\"/>", left, top, cardWidth, cardHeight)
            + String(format: "<text x=\"%.1f\" y=\"%.1f\" class=\"card-name\">", left + 12, top + 22) + escape(place.hubName) + "</text>"
            + String(format: "<text x=\"%.1f\" y=\"%.1f\">", left + 12, top + 40) + escape(place.focus) + "</text>"
            + String(format: "<text x=\"%.1f\" y=\"%.1f\">", left + 12, top + 56) + escape(place.count) + "</text></g>"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
