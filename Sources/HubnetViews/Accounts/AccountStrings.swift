import HubnetCore

/// The labels of sign-up, sign-in, the account and the review pages, once per language.
public struct AccountStrings: Sendable {
    public let signIn: String
    public let signUp: String
    public let signOut: String
    public let claimsTitle: String
    public let auditTitle: String
    public let name: String
    public let email: String
    public let password: String
    public let newPassword: String
    public let signUpIntro: String
    public let signUpButton: String
    /// "I have read the [privacy notice] and accept it.": before the link, the link, after it.
    public let privacyConsent: (before: String, link: String, after: String)
    public let signInButton: String
    public let forgotPassword: String
    public let forgotIntro: String
    public let sendResetLink: String
    public let resetTitle: String
    public let resetButton: String
    public let checkMailboxTitle: String
    public let checkMailboxText: String
    public let resetSentText: String
    public let confirmedTitle: String
    public let confirmedText: String
    public let linkInvalidTitle: String
    public let linkInvalidText: String
    public let passwordChangedText: String
    public let refused: String
    public let unconfirmed: String
    public let throttled: @Sendable (Int) -> String
    public let signInRequired: String
    public let accountTitle: String
    public let yourOrganisations: String
    public let noOrganisations: String
    public let edit: String
    public let apiTokens: String
    public let tokenName: String
    public let tokenScope: String
    public let scopeRead: String
    public let scopeWrite: String
    public let createToken: String
    public let newTokenOnce: String
    public let revoke: String
    public let revoked: String
    public let lastUsed: String
    public let never: String
    public let yourData: String
    public let exportData: String
    public let deleteAccount: String
    public let deleteExplain: String
    public let deleteConfirm: String
    public let deleteButton: String
    public let deletedText: String
    public let editTitle: @Sendable (String) -> String
    public let newOrganisation: String
    public let save: String
    public let saved: String
    public let descriptionDE: String
    public let descriptionEN: String
    public let offersDE: String
    public let offersEN: String
    public let seeksDE: String
    public let seeksEN: String
    public let topicSlugs: String
    public let claimThis: String
    public let claimIntro: String
    public let claimMessage: String
    public let claimSent: String
    public let claimant: String
    public let approve: String
    public let reject: String
    public let noClaims: String
    /// "3 waiting for your decision", for the number beside Claims in the header.
    public let waiting: @Sendable (Int) -> String
    public let decidedTitle: String
    public let approvedNotice: @Sendable (_ claimant: String, _ organisation: String) -> String
    public let rejectedNotice: @Sendable (_ claimant: String, _ organisation: String) -> String
    public let approvedBy: @Sendable (_ who: String) -> String
    public let rejectedBy: @Sendable (_ who: String) -> String
    public let myClaimsTitle: String
    public let staffTitle: String
    public let organisationCreated: String
    public let requiredNote: String
    public let employees: String
    public let stage: String
    public let notStated: String
    public let nextStepsTitle: String
    /// Each step: the link's words and what it leads to.
    public let nextSteps: (claim: String, add: String, post: String, find: String)
    public let passwordTitle: String
    public let currentPassword: String
    public let changePassword: String
    public let passwordChanged: String
    public let advancedTitle: String
    public let emailTitle: String
    public let newEmail: String
    public let passwordToConfirm: String
    public let changeEmail: String
    public let emailChangeSent: @Sendable (String) -> String
    public let emailPending: @Sendable (String) -> String
    public let emailChangedTitle: String
    public let emailChangedText: String
    public let claimStatus: @Sendable (String) -> String
    public let newOrganisationsTitle: String
    public let newOrganisationsIntro: String
    public let when: String
    public let who: String
    public let what: String
    public let mailboxTitle: String
    public let mailboxIntro: String

    public static func `for`(_ language: SiteLanguage) -> AccountStrings {
        language == .de ? .german : .english
    }
}
