import Foundation

extension MatchIndex {
    /// Everything a query asks besides words: who is admitted, and the points topics, hub focus,
    /// geography and recency add. Prepared once per query so each candidate costs a few lookups.
    struct Rules {
        let index: MatchIndex
        let query: MatchQuery
        let excluded: Set<UInt32>
        let askedTopics: [(slug: String, bit: UInt64, relatedMask: UInt64)]
        /// The asked topics' bits and their neighbours', apart: `points` runs for every
        /// candidate and should touch no strings.
        let askedBits: [UInt64]
        let askedRelatedMasks: [UInt64]
        /// Per asked topic: its place in the taxonomy, its neighbours' places and the hubs that
        /// focus on it, for `pointsBound`.
        let askedPlaces: [(topic: Int, related: [Int], focusingHubs: [Int])]
        /// Per hub: the focus topics asked for, as bits.
        let focusMatches: [UInt64]
        let preferredHubs: [Bool]
        /// Per organisation kind (`OrganisationKind.allCases` order): whether it is asked for.
        let admittedKinds: [Bool]
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
            askedBits = askedTopics.map(\.bit)
            askedRelatedMasks = askedTopics.map(\.relatedMask)
            let asked = Taxonomy.mask(query.topics)
            focusMatches = MatchIndex.focusMasks.map { $0 & asked }
            let focusMatches = focusMatches
            askedPlaces = askedTopics.map { topic in
                (topic.bit.trailingZeroBitCount, Taxonomy.related(topic.slug).compactMap(Taxonomy.index(of:)),
                 focusMatches.indices.filter { focusMatches[$0] & topic.bit != 0 })
            }
            preferredHubs = Network.hubs.map { query.preferredHubs.contains($0.slug) }
            admittedKinds = OrganisationKind.allCases.map(query.kinds.contains)
            let home = query.homeHub.flatMap(Network.hub)
            nearness = Network.hubs.map { hub in
                guard let home, query.preferredHubs.isEmpty else { return 0 }
                return max(0, 1 - home.cities[0].kilometres(to: hub.cities[0]) / index.weights.nearbyKilometres)
            }
            today = query.now.timeIntervalSinceReferenceDate / 86_400
            let w = index.weights
            askedMask = asked
            recencyBound = index.newestUpdate.isFinite ? w.recent * exp(-max(0, today - Double(index.newestUpdate)) / w.recentDays) : 0
            let preferredHubs = preferredHubs, nearness = nearness
            placePoints = Network.hubs.indices.map { hub in
                preferredHubs[hub] ? w.preferredHub : nearness[hub] > 0 ? w.nearby * nearness[hub] : 0
            } + [0]
            var besidesTopics = recencyBound
            if !query.preferredHubs.isEmpty { besidesTopics += w.preferredHub } else if query.homeHub != nil { besidesTopics += w.nearby }
            maximumPointsBesidesTopics = besidesTopics
        }

        let askedMask: UInt64
        /// The most recency can add: what the most recently changed document earns.
        let recencyBound: Double
        /// Per hub (and last for no hub): what being there earns.
        let placePoints: [Double]

        /// Whether `pointsBound(_: RuleBlock)` can differ between blocks: when topics are asked
        /// for or places earn points.
        var varyByBlock: Bool { !askedBits.isEmpty || placePoints.contains { $0 != 0 } }

        /// At least `points` of every document in a rule block, from the block's bits: topics
        /// and hub focus as `points` gives them, the block's best hub, recency at its most.
        func pointsBound(_ block: RuleBlock) -> Double {
            let w = index.weights
            var bound = recencyBound
            var hubs = block.hubs, place = 0.0
            while hubs != 0 {
                place = max(place, placePoints[hubs.trailingZeroBitCount])
                hubs &= hubs - 1
            }
            bound += place + topicPoints(block.topics)
            if block.focusTopics & askedMask != 0 { bound += w.hubFocus }
            // A hair above, so that adding in another order than `points` never makes it low.
            return bound * (1 + 1e-9)
        }

        /// Whether every live document is admitted but the excluded ones.
        var admitsAllButExcluded: Bool { query.kinds.isEmpty && !onlyPreferred }
        var onlyPreferred: Bool { query.onlyPreferredHubs && !query.preferredHubs.isEmpty }

        func admits(_ slot: UInt32) -> Bool {
            let facts = index.facts[Int(slot)]
            guard facts.live, excluded.isEmpty || !excluded.contains(slot) else { return false }
            // Opportunities are not filtered by organisation kind.
            if !query.kinds.isEmpty, facts.organisationKind >= 0, !admittedKinds[Int(facts.organisationKind)] { return false }
            if onlyPreferred { return facts.hub >= 0 && preferredHubs[Int(facts.hub)] }
            return true
        }

        /// The most any document can earn from these rules, as tight as cheaply known: the
        /// tighter it is, the sooner a search stops.
        var maximumPoints: Double {
            let w = index.weights
            var points = maximumPointsBesidesTopics
            if !askedTopics.isEmpty { points += w.topic }
            if focusMatches.contains(where: { $0 != 0 }) { points += w.hubFocus }
            return points
        }

        /// The most recency and place can add.
        let maximumPointsBesidesTopics: Double

        /// At least `points(slot)`, from the topic and hub bits alone: topics and hub focus
        /// exactly, recency and place at their most. Cheaper than `points`, whose facts are a
        /// read from memory per candidate.
        func pointsBound(_ slot: UInt32) -> Double {
            let w = index.weights
            var bound = maximumPointsBesidesTopics
            guard !askedPlaces.isEmpty else { return bound }
            let share = w.topic / Double(askedPlaces.count)
            var focus = false
            for asked in askedPlaces {
                if index.topicBits[asked.topic].contains(slot) {
                    bound += share
                    focus = focus || asked.focusingHubs.contains { index.hubBits[$0].contains(slot) }
                } else if asked.related.contains(where: { index.topicBits[$0].contains(slot) }) {
                    bound += share * w.relatedTopicShare
                }
            }
            return focus ? bound + w.hubFocus : bound
        }

        /// The sum of `reasons(slot)`, without building them: this runs for every candidate,
        /// so it repeats `visit`'s arithmetic in the same order on plain numbers.
        func points(_ slot: UInt32) -> Double {
            let w = index.weights
            let facts = index.facts[Int(slot)]
            let mask = facts.topicMask
            var total = topicPoints(mask)
            let hub = Int(facts.hub)
            if hub >= 0 {
                if focusMatches[hub] & mask != 0 { total += w.hubFocus }
                if preferredHubs[hub] {
                    total += w.preferredHub
                } else if nearness[hub] > 0 {
                    total += w.nearby * nearness[hub]
                }
            }
            if let recency = recency(facts) { total += recency }
            return total
        }

        /// What the asked topics give a document with these topics: each its share, whole when
        /// shared, partly when a neighbour is (`visit`'s arithmetic, in its order).
        private func topicPoints(_ mask: UInt64) -> Double {
            guard !askedBits.isEmpty else { return 0 }
            let w = index.weights
            let share = w.topic / Double(askedBits.count)
            var total = 0.0
            for (bit, related) in zip(askedBits, askedRelatedMasks) {
                if mask & bit != 0 {
                    total += share
                } else if mask & related != 0 {
                    total += share * w.relatedTopicShare
                }
            }
            return total
        }

        /// What being recently updated earns, when it is enough to mention.
        private func recency(_ facts: Facts) -> Double? {
            let updated = Double(facts.updatedDays)
            guard !updated.isNaN else { return nil }
            let points = index.weights.recent * exp(-max(0, today - updated) / index.weights.recentDays)
            return points >= 0.01 ? points : nil
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
            let facts = index.facts[i]
            let mask = facts.topicMask
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
            let hub = Int(facts.hub)
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
            if let recency = recency(facts) { body(.recent, { "" }, recency) }
            if !query.kinds.isEmpty, case .organisation(let kind) = index.kinds[i] {
                body(.kindSought, { kind.rawValue }, 0)
            }
        }
    }
}
