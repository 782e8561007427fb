import Fluent
import HubnetActions
import HubnetCore
import HubnetPersistence
import Vapor

/// Sets up the application from its settings: database, middleware, routes and commands.
public func configure(_ app: Application, settings: AppSettings) async throws {
    app.hubnetSettings = settings
    app.http.server.configuration.hostname = settings.host
    app.http.server.configuration.port = settings.port
    app.databases.use(try settings.database.configuration(), as: settings.database.databaseID)
    app.migrations.add(HubnetMigrations.all)

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Dates in every answer as ISO 8601, never Foundation's seconds since 2001.
    encoder.dateEncodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    // So that clients built on Vapor, the tests among them, read problem details as JSON.
    ContentConfiguration.global.use(decoder: JSONDecoder(), for: HTTPMediaType(type: "application", subType: "problem+json"))

    app.middleware = Middlewares()
    app.middleware.use(RequestLogger())
    app.middleware.use(SecurityHeaders(https: settings.publicURL.hasPrefix("https://")))
    app.middleware.use(ErrorResponder())
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.sessions.use { _ in DatabaseSessionDriver() }
    app.sessions.configuration = SessionsConfiguration(cookieName: "hubnet_session") { id in
        HTTPCookies.Value(string: id.string, expires: Date().addingTimeInterval(DatabaseSessionDriver.lifetime),
                          path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    // A directory of 100,000 organisations must not be loaded by every test of a command.
    app.directory(DirectoryService())
    app.investors(InvestorService())
    let directory = app.directory
    app.actionServices = ActionServices(
        passwords: BcryptPasswords(cost: settings.bcryptCost, threadPool: app.threadPool), publicURL: settings.publicURL,
        directoryChanged: { database in try await directory.synchronize(on: database) }, attachmentFolder: settings.attachmentFolder)
    try routes(app)
    app.routeTable = RouteTable(app.routes)

    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(EvalCommand(), as: "eval")
    app.asyncCommands.use(MatchCommand(), as: "match")
    app.asyncCommands.use(LogoCommand(), as: "logo")
}

/// Reads the settings from the environment; a malformed one stops start-up with its name.
public func configure(_ app: Application) async throws {
    try await configure(app, settings: AppSettings.fromEnvironment())
}

/// What `hubnet serve` does before it listens: migrate, bring the reference data up to date,
/// give an empty network a demo ecosystem, and load the directory index.
public func prepareForServing(_ app: Application) async throws {
    try await app.db.prepareForConcurrentWriters()
    try await app.autoMigrate()
    try await ReferenceData.sync(on: app.db)
    let store = OrganisationStore(app.db)
    if try await store.count() == 0, app.hubnetSettings.demoOrganisations > 0 {
        app.logger.info("Empty database: seeding a demo network of \(app.hubnetSettings.demoOrganisations) organisations.")
        try await DemoSeeder.seed(count: app.hubnetSettings.demoOrganisations, seed: DemoEcosystem().seed, on: app.db)
    }
    let index = try await app.directory.snapshot(on: app.db)
    app.logger.info("Directory ready: \(index.count) organisations.")
    if app.hubnetSettings.smtpURL == nil {
        let readers = app.hubnetSettings.devMailbox ? "anyone (HUBNET_DEV_MAILBOX=1: never in production)" : "network admins"
        app.logger.notice("No HUBNET_SMTP_URL: e-mails stay in the local mailbox at \(app.hubnetSettings.publicURL)/dev/mailbox, readable by \(readers).")
    }
    app.lifecycle.use(OutboxWorker(mailer: app.hubnetSettings.mailer))
    app.lifecycle.use(RoutingClock())
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = AppSettings }
    private struct DirectoryKey: StorageKey { typealias Value = DirectoryService }

    public var hubnetSettings: AppSettings {
        get { storage[SettingsKey.self] ?? AppSettings() }
        set { storage[SettingsKey.self] = newValue }
    }

    public var directory: DirectoryService {
        guard let service = storage[DirectoryKey.self] else { fatalError("configure(_:) sets up the directory") }
        return service
    }

    func directory(_ service: DirectoryService) {
        storage[DirectoryKey.self] = service
    }
}
