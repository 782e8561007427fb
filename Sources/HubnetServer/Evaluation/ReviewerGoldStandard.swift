import Foundation

/// Reads the reviewer gold standard (Stelmakh, Wieting, Neubig, Shah; OpenReview-expertise
/// format): papers with title and abstract, each reviewer's publications, the ratings people
/// gave their own expertise, and the published baselines' scores for the same pairs.
struct ReviewerGoldStandard {
    struct Paper {
        let id: String
        let title: String
        let abstract: String
        /// Title and abstract as two lines, so no pair of words spans both.
        var text: String { title + "\n" + abstract }
    }

    let submissions: [String: Paper]
    let publications: [String: [Paper]]
    /// Per person, per paper: the expertise they reported (1–5).
    let ratings: [String: [String: Double]]
    /// Per baseline (tpms, specter, …), per person, per paper: its score.
    let baselines: [String: [String: [String: Double]]]

    init(folder: String) throws {
        let root = URL(fileURLWithPath: folder)
        let profiles = root.appendingPathComponent("d_20_1")
        func paper(_ id: String, _ object: Any?) -> Paper? {
            guard let content = (object as? [String: Any])?["content"] as? [String: Any] else { return nil }
            return Paper(id: id, title: content["title"] as? String ?? "", abstract: content["abstract"] as? String ?? "")
        }
        let submissionData = try Data(contentsOf: profiles.appendingPathComponent("submissions.json"))
        guard let submissionObject = try JSONSerialization.jsonObject(with: submissionData) as? [String: Any] else {
            throw CommandProblem("\(folder)/d_20_1/submissions.json is not a JSON object of papers.")
        }
        submissions = Dictionary(uniqueKeysWithValues: submissionObject.compactMap { id, value in paper(id, value).map { (id, $0) } })

        var publications: [String: [Paper]] = [:]
        let archives = profiles.appendingPathComponent("archives")
        for file in try FileManager.default.contentsOfDirectory(atPath: archives.path) where file.hasSuffix(".jsonl") {
            let person = String(file.dropLast(".jsonl".count).drop { $0 == "~" })
            let lines = try String(contentsOf: archives.appendingPathComponent(file), encoding: .utf8).split(whereSeparator: \.isNewline)
            publications[person] = try lines.compactMap { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return paper(object?["id"] as? String ?? "", object)
            }
        }
        self.publications = publications

        // evaluations.tsv: ParticipantID, Paper1…Paper10, Expertise1…Expertise10 (blank when fewer).
        var ratings: [String: [String: Double]] = [:]
        let table = try String(contentsOf: root.appendingPathComponent("evaluations.tsv"), encoding: .utf8)
        for line in table.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 21 else { continue }
            for slot in 1...10 where !cells[slot].isEmpty {
                if let rating = Double(cells[slot + 10]) { ratings[cells[0], default: [:]][cells[slot]] = rating }
            }
        }
        self.ratings = ratings

        // The baselines' file also lists people whose ratings are withheld; only rated pairs are read.
        var baselines: [String: [String: [String: Double]]] = [:]
        let baselineTable = try String(contentsOf: root.appendingPathComponent("baseline_predictions_d_20_1_ta.csv"), encoding: .utf8)
        let rows = baselineTable.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        if let header = rows.first, let person = header.firstIndex(of: "participant_id"), let paper = header.firstIndex(of: "paper_id") {
            let methods = header.indices.filter { ![person, paper].contains($0) && header[$0] != "self_reported_expertise" }
            for row in rows.dropFirst() where row.count == header.count && ratings[row[person]]?[row[paper]] != nil {
                for column in methods {
                    if let score = Double(row[column]) { baselines[header[column], default: [:]][row[person], default: [:]][row[paper]] = score }
                }
            }
        }
        self.baselines = baselines
    }
}
