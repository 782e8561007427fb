import HubnetCore

public struct OrganisationProfileModel: Sendable {
    public let organisation: Organisation

    public init(organisation: Organisation) {
        self.organisation = organisation
    }
}
