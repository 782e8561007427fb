import Foundation
import HubnetCore
import Plot

/// The hub manager's pages: pending claims and the mailbox.
public enum ReviewView {
    public struct PendingClaim: Sendable {
        public let id: UUID
        public let organisation: Organisation
        public let claimant: String
        public let message: String

        public init(id: UUID, organisation: Organisation, claimant: String, message: String) {
            self.id = id
            self.organisation = organisation
            self.claimant = claimant
            self.message = message
        }
    }

    /// A decided claim in the hub's history.
    public struct DecidedClaim: Sendable {
        public let id: UUID
        public let organisation: Organisation
        public let claimant: String
        public let approved: Bool
        public let decidedBy: String
        public let decidedAt: Date?

        public init(id: UUID, organisation: Organisation, claimant: String, approved: Bool, decidedBy: String, decidedAt: Date?) {
            self.id = id
            self.organisation = organisation
            self.claimant = claimant
            self.approved = approved
            self.decidedBy = decidedBy
            self.decidedAt = decidedAt
        }
    }

    /// `justDecided`: the claim decided a moment ago, confirmed at the top.
    public static func claims(_ claims: [PendingClaim], newOrganisations: [Organisation] = [], decided: [DecidedClaim] = [],
                              justDecided: UUID? = nil, csrf: String, _ context: PageContext) -> String {
        let strings = context.accountStrings
        let language = context.language
        let confirmed = justDecided.flatMap { id in decided.first { $0.id == id } }
        return Layout.page(
            context, title: strings.claimsTitle,
            .h1(.text(strings.claimsTitle)),
            .unwrap(confirmed) { claim in
                .p(.class("notice"), .id("saved"), .attribute(named: "role", value: "status"),
                   .text(claim.approved ? strings.approvedNotice(claim.claimant, claim.organisation.name)
                                        : strings.rejectedNotice(claim.claimant, claim.organisation.name)))
            },
            .if(claims.isEmpty, .p(.text(strings.noClaims))),
            .ul(.class("results"), .forEach(claims) { claim in
                .li(
                    .class("card claim"),
                    .h3(.a(.href(context.link(.organisation(id: claim.organisation.id))), .text(claim.organisation.name))),
                    .p(.class("meta"), .text("\(strings.claimant): \(claim.claimant) · \(claim.organisation.hub?.name[language] ?? claim.organisation.hubSlug)")),
                    .if(!claim.message.isEmpty, .p(.text(claim.message))),
                    .form(.class("inline"), .method(.post), .action(context.link(.decideClaim(id: claim.id, approve: true))),
                          FormParts.csrf(csrf), .button(.type(.submit), .class("approve"), .text(strings.approve))),
                    .text(" "),
                    .form(.class("inline danger"), .method(.post), .action(context.link(.decideClaim(id: claim.id, approve: false))),
                          FormParts.csrf(csrf), .button(.type(.submit), .text(strings.reject)))
                )
            }),
            .if(!newOrganisations.isEmpty, .group(
                .h2(.id("new-organisations"), .text(strings.newOrganisationsTitle)),
                .p(.class("lead"), .text(strings.newOrganisationsIntro)),
                .ul(.class("results"), .forEach(newOrganisations) { organisation in
                    .li(
                        .class("card claim"),
                        .h3(.a(.href(context.link(.organisation(id: organisation.id))), .text(organisation.name))),
                        .p(.class("meta"), .text(organisation.place(language))),
                        .form(.class("inline"), .method(.post), .action(context.link(.approveOrganisation(id: organisation.id))),
                              FormParts.csrf(csrf), .button(.type(.submit), .class("approve"), .text(strings.approve)))
                    )
                })
            )),
            .if(!decided.isEmpty, .group(
                .h2(.id("decided"), .text(strings.decidedTitle)),
                .ul(.class("results"), .id("decided-claims"), .forEach(decided) { claim in
                    .li(.class("card"),
                        .p(.a(.href(context.link(.organisation(id: claim.organisation.id))), .text(claim.organisation.name)),
                           .text(" · \(strings.claimant): \(claim.claimant)")),
                        .p(.class("meta"), .text([claim.approved ? strings.approvedBy(claim.decidedBy) : strings.rejectedBy(claim.decidedBy),
                                                  claim.decidedAt.map { AuditView.when($0, language) }].compactMap { $0 }.joined(separator: " · "))))
                })
            ))
        ).render()
    }

    public struct Mail: Sendable {
        public let createdAt: Date?
        public let recipient: String
        public let subject: String
        public let body: String
        public let sent: Bool

        public init(createdAt: Date?, recipient: String, subject: String, body: String, sent: Bool) {
            self.createdAt = createdAt
            self.recipient = recipient
            self.subject = subject
            self.body = body
            self.sent = sent
        }
    }

    public static func mailbox(_ mails: [Mail], _ context: PageContext) -> String {
        let strings = context.accountStrings
        return Layout.page(
            context, title: strings.mailboxTitle,
            .h1(.text(strings.mailboxTitle)),
            .p(.class("notice"), .text(strings.mailboxIntro)),
            .ol(.class("results"), .forEach(mails) { mail in
                .li(.class("card mail-message"),
                    .h3(.text(mail.subject)),
                    .p(.class("meta"), .text("→ \(mail.recipient) · \(mail.createdAt?.formatted(date: .numeric, time: .standard) ?? "")")),
                    .div(.class("mail"), .forEach(mail.body.components(separatedBy: "\n")) { line in
                        // Links are clickable, so the flows can be followed without a mail client.
                        line.hasPrefix("http") ? .group(.a(.href(line), .text(line)), .br()) : .group(.text(line), .br())
                    }))
            })
        ).render()
    }

}
