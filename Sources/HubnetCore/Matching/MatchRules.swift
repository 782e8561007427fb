import Foundation

extension MatchIndex {
    /// Everything a query asks besides words: who is admitted, and the points topics, hub focus,
    /// geography and recency add. Prepared once per query so each candidate costs a few lookups.
    struct Rules {
        let index: MatchIndex
        let query: MatchQuery
        let excluded: Set<UInt32>
        let askedTopics: [(slug: String, bit: UInt64, relatedMask: UInt64)]
        /// Per hub: the focus topics asked for, as bits.
        let focusMatches: [UInt64]
        let preferredHubs: [Bool]
        let nearness: [Double]
        let today: Double

        /// Only the topics asked for earn points: topics merely recognised in free text are
        /// already rewarded through the topic-label field.
        init(query: MatchQuery, index: MatchIndex) {
            self.index = index
            self.query = query
            excluded = Set(query.excluding.compactMap { index.slotOfID[$0] })
            askedTopics = query.topics.compactMap { slug in
                guard let position = Taxonomy.index(of: slug) else { return nil }
                return (slug, UInt64(1) << UInt64(position), Taxonomy.mask(Taxonomy.related(slug)))
            }
            let asked = Taxonomy.mask(query.topics)
            focusMatches = Network.hubs.map { Taxonomy.mask($0.focusTopicSlugs) & asked }
            preferredHubs = Network.hubs.map { query.preferredHubs.contains($0.slug) }
            let home = query.homeHub.flatMap(Network.hub)
            nearness = Network.hubs.map { hub in
                guard let home, query.preferredHubs.isEmpty else { return 0 }
                return max(0, 1 - home.cities[0].kilometres(to: hub.cities[0]) / index.weights.nearbyKilometres)
            }
            today = query.now.timeIntervalSinceReferenceDate / 86_400
        }

        func admits(_ slot: UInt32) -> Bool {
            let index = Int(slot)
            guard let kind = self.index.kinds[index], !excluded.contains(slot) else { return false }
            if !query.kinds.isEmpty, case .organisation(let organisationKind) = kind, !query.kinds.contains(organisationKind) { return false }
            if query.onlyPreferredHubs, !query.preferredHubs.isEmpty {
                let hub = Int(self.index.hubs[index])
                return hub >= 0 && preferredHubs[hub]
            }
            return true
        }

        /// The most any document can earn from these rules, as tight as cheaply known: the
        /// tighter it is, the sooner a search stops.
        var maximumPoints: Double {
            let w = index.weights
            var points = 0.0
            if index.newestUpdate.isFinite {
                points += w.recent * exp(-max(0, today - Double(index.newestUpdate)) / w.recentDays)
            }
            if !askedTopics.isEmpty { points += w.topic }
            if focusMatches.contains(where: { $0 != 0 }) { points += w.hubFocus }
            if !query.preferredHubs.isEmpty { points += w.preferredHub } else if query.homeHub != nil { points += w.nearby }
            return points
        }

        /// The sum of `reasons(slot)`, without building them: this runs for every candidate.
        func points(_ slot: UInt32) -> Double {
            var total = 0.0
            visit(slot) { _, _, points in total += points }
            return total
        }

        func reasons(_ slot: UInt32) -> [MatchReason] {
            var reasons: [MatchReason] = []
            visit(slot) { kind, subject, points in
                // Topic reasons, the hub's focus among them, come from the profile's topics.
                let field: MatchField? = [.topic, .relatedTopic, .hubFocus].contains(kind) ? .topics : nil
                reasons.append(MatchReason(kind: kind, subject: subject(), field: field, points: points))
            }
            return reasons
        }

        /// Every rule that applies to a document, with its points; the subject is only worked
        /// out when asked for, so that scoring a candidate builds no strings.
        private func visit(_ slot: UInt32, _ body: (MatchReason.Kind, () -> String, Double) -> Void) {
            let w = index.weights
            let i = Int(slot)
            let mask = index.topicMasks[i]
            func firstTopic(in bits: UInt64) -> String { Taxonomy.topics[bits.trailingZeroBitCount].slug }
            if !askedTopics.isEmpty {
                // Each asked topic earns its share: whole when shared, partly when a neighbour is.
                let share = w.topic / Double(askedTopics.count)
                for topic in askedTopics {
                    if mask & topic.bit != 0 {
                        body(.topic, { topic.slug }, share)
                    } else if mask & topic.relatedMask != 0 {
                        body(.relatedTopic, { firstTopic(in: mask & topic.relatedMask) }, share * w.relatedTopicShare)
                    }
                }
            }
            let hub = Int(index.hubs[i])
            if hub >= 0 {
                let slug = Network.hubs[hub].slug
                let focus = focusMatches[hub] & mask
                if focus != 0 { body(.hubFocus, { slug + ":" + firstTopic(in: focus) }, w.hubFocus) }
                if preferredHubs[hub] {
                    body(.preferredHub, { slug }, w.preferredHub)
                } else if nearness[hub] > 0 {
                    body(.nearby, { slug }, w.nearby * nearness[hub])
                }
            }
            let updated = Double(index.updatedDays[i])
            if !updated.isNaN {
                let points = w.recent * exp(-max(0, today - updated) / w.recentDays)
                if points >= 0.01 { body(.recent, { "" }, points) }
            }
            if !query.kinds.isEmpty, case .organisation(let kind) = index.kinds[i] {
                body(.kindSought, { kind.rawValue }, 0)
            }
        }
    }
}
