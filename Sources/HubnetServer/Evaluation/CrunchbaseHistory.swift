import CSV
import Foundation
import HubnetCore

/// Reads the Crunchbase 2013 export (companies.csv and investments.csv) into the terms of
/// the investor evaluation. Investments name their company, not its permalink, so a name
/// shared by several companies is taken to mean the first of them.
enum CrunchbaseHistory {
    static func companies(at path: String) throws -> [InvestorEvaluation.Company] {
        var reader = try CrunchbaseHistory.reader(path, required: ["permalink", "name", "category_code", "region", "state_code",
                                                                   "country_code", "founded_year", "first_funding_at"])
        var companies: [InvestorEvaluation.Company] = []
        while reader.csv.next() != nil {
            let field = reader.field
            let category = field("category_code")
            let country = field("country_code")
            let state = field("state_code")
            let profile = CompanyProfile(
                topics: category.isEmpty ? [] : [category],
                region: field("region").isEmpty ? nil : country + "/" + field("region"),
                state: country.isEmpty ? nil : (state.isEmpty ? country : country + "/" + state),
                foundedYear: Int(field("founded_year")))
            companies.append(.init(id: field("name"), profile: profile, firstFunding: decimalYear(field("first_funding_at"))))
        }
        return companies
    }

    static func deals(at path: String) throws -> [InvestorEvaluation.Deal] {
        var reader = try CrunchbaseHistory.reader(path, required: ["company_name", "investor_name", "funded_when"])
        var deals: [InvestorEvaluation.Deal] = []
        while reader.csv.next() != nil {
            let field = reader.field
            guard let year = decimalYear(field("funded_when")), !field("investor_name").isEmpty else { continue }
            deals.append(.init(companyID: field("company_name"), investor: field("investor_name"), year: year))
        }
        return deals
    }

    /// "2012-06-30" → 2012.49…; a date without a day or month counts from its start.
    static func decimalYear(_ text: String) -> Double? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first, (1900...2100).contains(year) else { return nil }
        let month = parts.count > 1 ? parts[1] : 1
        let day = parts.count > 2 ? parts[2] : 1
        return Double(year) + Double(month - 1) / 12 + Double(day - 1) / 365
    }

    private struct Reader {
        let csv: CSVReader
        let columns: [String: Int]

        func field(_ name: String) -> String {
            guard let index = columns[name], let row = csv.currentRow, index < row.count else { return "" }
            return row[index]
        }
    }

    private static func reader(_ path: String, required: [String]) throws -> Reader {
        guard let stream = InputStream(fileAtPath: path), FileManager.default.isReadableFile(atPath: path) else {
            throw CommandProblem("Cannot read \(path).")
        }
        let csv = try CSVReader(stream: stream, hasHeaderRow: true)
        let header = csv.headerRow ?? []
        let missing = required.filter { !header.contains($0) }
        guard missing.isEmpty else { throw CommandProblem("\(path) lacks the column(s) \(missing.joined(separator: ", ")).") }
        return Reader(csv: csv, columns: Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}
