import Foundation

/// An e-mail as the outbox stores it and a mailer sends it.
struct MailMessage: Sendable, Equatable {
    let key: String
    let recipient: String
    let subject: String
    let body: String

    /// The message in RFC 5322 form. The body travels base64-encoded, so any text and any
    /// server line-length limit are fine; the outbox key is the Message-ID, so a receiver can
    /// recognise a message sent again after a crash.
    func rendered(from sender: String, date: Date = Date()) -> String {
        let headers = [
            "From: Hubnet <\(sender)>",
            "To: <\(recipient)>",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Date: \(Self.dateFormatter.string(from: date))",
            "Message-ID: <\(key)@hubnet>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        ]
        let encoded = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + encoded
    }

    private static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()
}

/// Sends one message; throws when the receiving server did not take it.
protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws
}

/// Development: no SMTP server is set, so messages stay readable on the local mailbox page.
struct LocalMailbox: Mailer {
    func send(_ message: MailMessage) async throws {}
}
