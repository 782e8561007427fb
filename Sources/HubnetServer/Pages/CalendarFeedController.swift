import Foundation
import HubnetActions
import HubnetCore
import Vapor

/// The iCalendar feeds calendar apps subscribe to: a hub's events, and a member's own
/// calendar behind its secret address. No session, no cookie: the address is the key.
struct CalendarFeedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("calendar", "hubs", ":file", use: hub)
        routes.get("calendar", "members", ":file", use: member)
    }

    func hub(_ request: Request) async throws -> Response {
        let slug = try Self.name(request, suffix: ".ics")
        let language: SiteLanguage = (try? request.query.get(String.self, at: "lang")) == "en" ? .en : .de
        let feed = try await CalendarFeeds(request.actions()).hub(slug, language: language)
        return Self.response(feed, cache: "public, max-age=300")
    }

    func member(_ request: Request) async throws -> Response {
        let token = try Self.name(request, suffix: ".ics")
        guard let feed = try await CalendarFeeds(request.actions()).member(token: token) else { throw Abort(.notFound) }
        return Self.response(feed, cache: "private, no-store")
    }

    static func name(_ request: Request, suffix: String) throws -> String {
        guard let file = request.parameters.get("file"), file.hasSuffix(suffix) else { throw Abort(.notFound) }
        return String(file.dropLast(suffix.count))
    }

    static func response(_ feed: ICalendar, cache: String) -> Response {
        let response = Response(status: .ok, body: .init(string: feed.text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: cache)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"hubnet.ics\"")
        return response
    }
}
