import FluentKit

/// Every migration, in the order they run. Append only: a shipped migration never changes.
public enum HubnetMigrations {
    public static let all: [any Migration] = [
        CreateReferenceData(),
        CreateOrganisations(),
        CreateOrganisationChanges(),
        CreateAccounts(),
        CreateOpportunitiesAndInvestments(),
        HardenAccounts(),
        RecordPrivacyConsent(),
        CreateOrganisationLogos(),
        CreateRoutingDesk(),
        CreateCalls(),
        CreatePlacesAndEvents(),
    ]
}
