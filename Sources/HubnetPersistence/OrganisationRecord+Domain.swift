import FluentKit
import Foundation
import HubnetCore

extension OrganisationRecord {
    convenience init(_ organisation: Organisation) {
        self.init()
        id = organisation.id
        apply(organisation)
    }

    func apply(_ organisation: Organisation) {
        name = organisation.name
        kind = organisation.kind.rawValue
        hubSlug = organisation.hubSlug
        city = organisation.city
        descriptionDE = organisation.description.de
        descriptionEN = organisation.description.en
        offersDE = organisation.offers.de
        offersEN = organisation.offers.en
        seeksDE = organisation.seeks.de
        seeksEN = organisation.seeks.en
        website = organisation.website
        foundedYear = organisation.foundedYear
        employees = organisation.employees?.rawValue
        stage = organisation.stage?.rawValue
    }
}
