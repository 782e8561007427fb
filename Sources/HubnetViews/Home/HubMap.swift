import Foundation
import HubnetCore

/// Draws Germany and the hub cities as inline SVG, so the map works without JavaScript.
struct HubMap {
    struct Place {
        let hubSlug: String
        let hubName: String
        let url: String
        let organisations: Int
        let cities: [City]
    }

    let places: [Place]
    let title: String

    static let width = 440.0
    // Equirectangular around 51° N: a degree of longitude is cos(51°) of a degree of latitude.
    private static let west = 5.6, east = 15.3, south = 47.1, north = 55.2
    private static let longitudeScale = cos(51.0 * .pi / 180)
    private static var scale: Double { width / ((east - west) * longitudeScale) }
    static var height: Double { (north - south) * scale }

    static func project(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        ((longitude - west) * longitudeScale * scale, (north - latitude) * scale)
    }

    /// Where each hub's label goes, relative to its first city, so neighbours do not collide.
    private static let labelPlacement: [String: (dx: Double, dy: Double, anchor: String)] = [
        "berlin": (10, -6, "start"), "potsdam": (-10, 14, "end"), "hamburg": (10, 4, "start"),
        "dortmund": (-10, -4, "end"), "cologne": (-10, 6, "end"), "frankfurt-darmstadt": (10, -2, "start"),
        "ludwigshafen-mannheim": (-10, 2, "end"), "karlsruhe": (-10, 10, "end"), "stuttgart": (10, 8, "start"),
        "munich": (10, 6, "start"), "nuremberg-erlangen": (10, 4, "start"), "dresden-leipzig": (8, 24, "end"),
    ]

    var svg: String {
        let outline = GermanyOutline.points.map { point in
            let (x, y) = Self.project(latitude: point.latitude, longitude: point.longitude)
            return String(format: "%.1f,%.1f", x, y)
        }.joined(separator: " ")
        let most = Double(places.map(\.organisations).max() ?? 1)
        var marks = ""
        for place in places {
            let radius = 4 + 9 * (Double(place.organisations) / max(most, 1)).squareRoot()
            let label = "\(place.hubName) (\(place.organisations))"
            marks += "<a href=\"\(escape(place.url))\" data-hub=\"\(escape(place.hubSlug))\"><title>\(escape(label))</title>"
            for city in place.cities {
                let (x, y) = Self.project(latitude: city.latitude, longitude: city.longitude)
                marks += String(format: "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/>", x, y, radius)
            }
            if let first = place.cities.first {
                let (x, y) = Self.project(latitude: first.latitude, longitude: first.longitude)
                let placement = Self.labelPlacement[place.hubSlug] ?? (10, 4, "start")
                marks += String(format: "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%@\">",
                                x + placement.dx, y + placement.dy, placement.anchor)
                marks += "\(escape(place.hubName))</text>"
            }
            marks += "</a>"
        }
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" role="img" aria-labelledby="map-title">\
        <title id="map-title">\(escape(title))</title>\
        <polygon class="land" points="\(outline)"/>\(marks)</svg>
        """
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
