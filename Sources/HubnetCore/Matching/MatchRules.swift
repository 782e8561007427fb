import Foundation

extension MatchIndex {
    /// Everything a query asks besides words: who is admitted, and the points topics, hub focus,
    /// geography and recency add. Prepared once per query so each candidate costs a few lookups.
    struct Rules {
        let index: MatchIndex
        let query: MatchQuery
        let kinds: Set<OrganisationKind>
        let excluded: Set<UInt32>
        let askedMask: UInt64
        let askedTopics: [(slug: String, bit: UInt64, relatedMask: UInt64)]
        /// Per hub: the focus topics asked for, as bits.
        let focusMatches: [UInt64]
        let preferredHubs: [Bool]
        let nearness: [Double]
        let today: Double

        init(query: MatchQuery, topics: [String], index: MatchIndex) {
            self.index = index
            self.query = query
            kinds = query.kinds
            excluded = Set(query.excluding.compactMap { index.slotOfID[$0] })
            askedTopics = topics.compactMap { slug in
                guard let bit = Taxonomy.index(of: slug).map({ UInt64(1) << UInt64($0) }) else { return nil }
                let related = Taxonomy.related(slug).compactMap(Taxonomy.index(of:)).reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
                return (slug, bit, related)
            }
            let askedMask = askedTopics.reduce(UInt64(0)) { $0 | $1.bit }
            self.askedMask = askedMask
            focusMatches = Network.hubs.map { hub in
                hub.focusTopicSlugs.compactMap(Taxonomy.index(of:)).reduce(UInt64(0)) { $0 | (1 << UInt64($1)) } & askedMask
            }
            preferredHubs = Network.hubs.map { query.preferredHubs.contains($0.slug) }
            let home = query.homeHub.flatMap(Network.hub)
            nearness = Network.hubs.map { hub in
                guard let home, query.preferredHubs.isEmpty else { return 0 }
                let kilometres = Self.kilometres(home.cities[0], hub.cities[0])
                return max(0, 1 - kilometres / index.weights.nearbyKilometres)
            }
            today = query.now.timeIntervalSinceReferenceDate / 86_400
        }

        func admits(_ slot: UInt32) -> Bool {
            let index = Int(slot)
            guard let kind = self.index.kinds[index], !excluded.contains(slot) else { return false }
            if !kinds.isEmpty, case .organisation(let organisationKind) = kind, !kinds.contains(organisationKind) { return false }
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
            let w = index.weights
            let i = Int(slot)
            var points = 0.0
            let mask = index.topicMasks[i]
            if !askedTopics.isEmpty {
                let share = w.topic / Double(askedTopics.count)
                for topic in askedTopics {
                    if mask & topic.bit != 0 { points += share } else if mask & topic.relatedMask != 0 { points += share * w.relatedTopicShare }
                }
            }
            let hub = Int(index.hubs[i])
            if hub >= 0 {
                if focusMatches[hub] & mask != 0 { points += w.hubFocus }
                if preferredHubs[hub] { points += w.preferredHub } else if nearness[hub] > 0 { points += w.nearby * nearness[hub] }
            }
            let updated = Double(index.updatedDays[i])
            if !updated.isNaN {
                let recent = w.recent * exp(-max(0, today - updated) / w.recentDays)
                if recent >= 0.01 { points += recent }
            }
            return points
        }

        func reasons(_ slot: UInt32) -> [MatchReason] {
            let w = index.weights
            let i = Int(slot)
            var reasons: [MatchReason] = []
            let mask = index.topicMasks[i]
            if !askedTopics.isEmpty {
                // Each asked topic earns its share: whole when shared, partly when a neighbour is.
                let share = w.topic / Double(askedTopics.count)
                for topic in askedTopics {
                    if mask & topic.bit != 0 {
                        reasons.append(MatchReason(kind: .topic, subject: topic.slug, points: share))
                    } else if mask & topic.relatedMask != 0 {
                        let neighbour = Taxonomy.topics.indices.first { mask & topic.relatedMask & (1 << UInt64($0)) != 0 }!
                        reasons.append(MatchReason(kind: .relatedTopic, subject: Taxonomy.topics[neighbour].slug,
                                                   points: share * w.relatedTopicShare))
                    }
                }
            }
            let hub = Int(index.hubs[i])
            if hub >= 0 {
                let slug = Network.hubs[hub].slug
                let focus = focusMatches[hub] & mask
                if focus != 0 {
                    let topic = Taxonomy.topics.indices.first { focus & (1 << UInt64($0)) != 0 }!
                    reasons.append(MatchReason(kind: .hubFocus, subject: slug + ":" + Taxonomy.topics[topic].slug, points: w.hubFocus))
                }
                if preferredHubs[hub] {
                    reasons.append(MatchReason(kind: .preferredHub, subject: slug, points: w.preferredHub))
                } else if nearness[hub] > 0 {
                    reasons.append(MatchReason(kind: .nearby, subject: slug, points: w.nearby * nearness[hub]))
                }
            }
            let updated = Double(index.updatedDays[i])
            if !updated.isNaN {
                let points = w.recent * exp(-max(0, today - updated) / w.recentDays)
                if points >= 0.01 { reasons.append(MatchReason(kind: .recent, subject: "", points: points)) }
            }
            if !kinds.isEmpty, case .organisation(let kind) = index.kinds[i] {
                reasons.append(MatchReason(kind: .kindSought, subject: kind.rawValue, points: 0))
            }
            return reasons
        }

        /// Great-circle distance, good enough to tell near hubs from far ones.
        static func kilometres(_ a: City, _ b: City) -> Double {
            let radians = Double.pi / 180
            let dLatitude = (b.latitude - a.latitude) * radians, dLongitude = (b.longitude - a.longitude) * radians
            let h = sin(dLatitude / 2) * sin(dLatitude / 2)
                + cos(a.latitude * radians) * cos(b.latitude * radians) * sin(dLongitude / 2) * sin(dLongitude / 2)
            return 6_371 * 2 * atan2(sqrt(h), sqrt(1 - h))
        }
    }
}
