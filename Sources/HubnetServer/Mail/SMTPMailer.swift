import Foundation
import NIOCore
import NIOExtras
import NIOPosix

/// A small SMTP client (RFC 5321): EHLO, optional AUTH PLAIN, MAIL, RCPT, DATA, QUIT.
/// Meant for a relay on the same network (a local MTA or the provider's submission relay
/// behind a TLS tunnel); it does not speak STARTTLS.
struct SMTPMailer: Mailer {
    let host: String
    let port: Int
    let username: String?
    let password: String?
    let sender: String
    let heloName: String

    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads `smtp://[user:password@]host[:port]`.
    init?(url: String, sender: String) {
        guard let components = URLComponents(string: url), components.scheme == "smtp", let host = components.host else { return nil }
        self.host = host
        self.port = components.port ?? 25
        self.username = components.user?.removingPercentEncoding
        self.password = components.password?.removingPercentEncoding
        self.sender = sender
        self.heloName = "hubnet.localhost"
    }

    func send(_ message: MailMessage) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            func expect(_ codes: Set<Int>) async throws {
                // A reply may span lines "250-…"; the last one has a space after the code.
                while true {
                    guard let buffer = try await replies.next() else { throw Refused(description: "the server closed the connection") }
                    let line = String(buffer: buffer).trimmingCharacters(in: .newlines)
                    guard let code = Int(line.prefix(3)) else { throw Refused(description: "unreadable reply '\(line)'") }
                    if line.count > 3, line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
                    guard codes.contains(code) else { throw Refused(description: line) }
                    return
                }
            }
            func command(_ line: String, expecting codes: Set<Int>) async throws {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                try await expect(codes)
            }
            try await expect([220])
            try await command("EHLO \(heloName)", expecting: [250])
            if let username, let password {
                let credentials = Data("\u{0}\(username)\u{0}\(password)".utf8).base64EncodedString()
                try await command("AUTH PLAIN \(credentials)", expecting: [235])
            }
            try await command("MAIL FROM:<\(sender)>", expecting: [250])
            try await command("RCPT TO:<\(message.recipient)>", expecting: [250, 251])
            try await command("DATA", expecting: [354])
            // Dot-stuffing: a line starting with "." gets another one (RFC 5321 §4.5.2).
            let data = message.rendered(from: sender).replacingOccurrences(of: "\r\n.", with: "\r\n..")
            try await command(data + "\r\n.", expecting: [250])
            try? await command("QUIT", expecting: [221])
        }
    }
}
