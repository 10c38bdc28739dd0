import ArgumentParser
import EcotopApp
import EcotopCore
import EcotopEngine

/// `ecotop review`: a review session over the dashboard (new, or resumed), the list of
/// sessions, and a session's report.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Walk through the ecosystem's review agenda at the keyboard, and keep a record.",
        discussion: """
            Sessions are saved after every decision under $XDG_DATA_HOME/ecotop/reviews/ \
            (else ~/.local/share/ecotop/reviews/).
            """,
        subcommands: [Start.self, List.self, Export.self],
        defaultSubcommand: Start.self
    )

    /// The archive of the user's data directory.
    static var archive: ReviewArchive { ReviewArchive(environment: ProcessEnvironment.current) }

    /// Runs `body`, printing a review archive's error by name instead of a stack of types.
    static func reportingArchiveErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ReviewArchiveError {
            printError("ecotop: \(error)")
            throw ExitCode.failure
        }
    }

    /// `ecotop review [--period 30d]` (the newest unfinished review, else a new one),
    /// `ecotop review --new`, `ecotop review --resume [ID]`: the dashboard with the review open;
    /// finishing the review (`q`) ends it.
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Continue the newest unfinished review, else start one (--new: always start one).")

        @Option(help: "The period reviewed, against the one before it: 7d, 30d, 90d, 12w...", transform: Start.period)
        var period = ReviewPeriod.standard

        @Flag(help: "Continue a review at the item where it stopped: the one named, else the newest unfinished one.")
        var resume = false

        @Flag(help: "Start a new review even when an unfinished one exists.")
        var new = false

        @Argument(help: ArgumentHelp("With --resume, the review to continue (`ecotop review list`).", valueName: "id"))
        var id: String?

        @OptionGroup var dashboard: DashCommand

        func validate() throws {
            if id != nil, !resume { throw ValidationError("a review id is given with --resume only") }
            if new, resume { throw ValidationError("--new and --resume exclude each other") }
        }

        func run() throws {
            let start: ReviewModel.Start = try ReviewCommand.reportingArchiveErrors {
                guard resume else { return new ? .new(period) : .latest(period) }
                let archive = ReviewCommand.archive
                guard let session = try id.map(archive.load) ?? archive.latestUnfinished() else {
                    throw ReviewArchiveError.noUnfinishedReview(directory: archive.directory)
                }
                guard !session.isFinished else { throw ReviewArchiveError.finished(id: session.id) }
                return .resume(session.id)
            }
            try dashboard.run(openingReview: start)
        }

        static func period(_ text: String) throws -> ReviewPeriod {
            guard let period = ReviewPeriod(label: text) else {
                throw ValidationError("expected a number of days or weeks such as 7d, 30d, 90d or 12w (at most \(ReviewPeriod.longestDays)d)")
            }
            return period
        }
    }

    /// `ecotop review list`: every session, newest last, with its state; a file that is not a
    /// session is listed with why.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the review sessions.")

        func run() throws {
            let archive = ReviewCommand.archive
            let listings = archive.list()
            guard !listings.isEmpty else {
                print("no reviews in \(archive.directory)")
                return
            }
            print(ReviewListText.text(listings), terminator: "")
        }
    }

    /// `ecotop review export ID --format markdown|json`: the report of one session.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a review's report.")

        @Argument(help: ArgumentHelp("The review (`ecotop review list`).", valueName: "id"))
        var id: String

        @Option(help: "The report's format: markdown or json.")
        var format: ReviewExport.Format = .markdown

        func run() throws {
            let session = try ReviewCommand.reportingArchiveErrors { try ReviewCommand.archive.load(id) }
            print(ReviewExport.text(of: session, format: format), terminator: "")
        }
    }
}

extension ReviewExport.Format: ExpressibleByArgument {}
