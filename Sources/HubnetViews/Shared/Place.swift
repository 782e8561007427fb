import HubnetCore

extension Organisation {
    /// Where an organisation is, said once: "Hamburg" rather than "Hamburg · Hamburg", "Munich"
    /// rather than "München · Munich" on an English page; "Darmstadt · Frankfurt/Darmstadt"
    /// where city and hub differ. A hub city is written in the page's language.
    public func place(_ language: SiteLanguage) -> String {
        let city = hub?.cities.first { $0.name.de == self.city || $0.name.en == self.city }?.name[language] ?? self.city
        guard let hubName = hub?.name[language] else { return city }
        return hubName == city ? hubName : "\(city) · \(hubName)"
    }
}
