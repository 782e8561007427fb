import Vapor

extension Request {
    /// A return address after sign-in: only a page this site serves, as a plain path with no
    /// spaces, control characters or backslashes, so it can neither leave the site
    /// (`//evil.example`, `/\t/evil.example`) nor break into the response's headers.
    func safeReturn(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), path.count <= 2_000,
              path.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" })
        else { return nil }
        let pagePath = path.prefix { $0 != "?" && $0 != "#" }
        return application.routeTable.servesPage(at: String(pagePath)) ? path : nil
    }
}
