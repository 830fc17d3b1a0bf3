//! Minimum-cost maximum flow by successive shortest paths (Dijkstra with
//! potentials), and re-optimization when edges join a solved network.
//! Costs are non-negative integers, so the first potentials are 0.
//! Deterministic: ties are broken by node and edge order.
mod search;

use search::Search;

/// An edge as added: the network keeps them to lay its arcs out again when
/// edges join, with the flow each carries.
#[derive(Debug, Clone)]
struct Spec {
    from: u32,
    to: u32,
    capacity: i32,
    cost: i32,
    flow: i32,
}

/// One direction of an edge in the residual network. Arcs leaving a node sit
/// side by side (the searches read a node's arcs in one stretch of memory);
/// `twin` is the opposite direction.
#[derive(Debug, Clone, Copy)]
struct Arc {
    to: u32,
    twin: u32,
    capacity: i32,
    cost: i32,
}

/// A flow network. Edges are added, then `min_cost_max_flow` solves it; edges
/// added after that join with `reoptimize`, which keeps the flow optimal.
#[derive(Debug, Clone, Default)]
pub struct Network {
    nodes: usize,
    specs: Vec<Spec>,
    /// Specs already in the solved flow (the others joined since).
    solved: usize,
    /// The arcs of node `n` are `arcs[first[n]..first[n + 1]]`.
    first: Vec<u32>,
    arcs: Vec<Arc>,
    /// The forward arc of each spec.
    forward: Vec<u32>,
    /// Node potentials under which every residual arc has a non-negative
    /// reduced cost (the certificate of optimality). Two more nodes than the
    /// network's: a source and a sink for re-optimization.
    potential: Vec<i64>,
    search: Search,
}

impl Network {
    pub fn new(nodes: usize) -> Network {
        Network {
            nodes,
            potential: vec![0; nodes + 2],
            ..Network::default()
        }
    }

    /// Capacities and costs must fit in 32 bits (a cohort's are far smaller).
    pub fn add_edge(&mut self, from: usize, to: usize, capacity: i64, cost: i64) -> usize {
        self.specs.push(Spec {
            from: from as u32,
            to: to as u32,
            capacity: narrow(capacity),
            cost: narrow(cost),
            flow: 0,
        });
        self.specs.len() - 1
    }

    /// Room for this many more edges.
    pub fn reserve(&mut self, edges: usize) {
        self.specs.reserve(edges);
    }

    /// A node's potential after a solve: an edge from `a` to `b` of cost `c`
    /// left out of the network could not lower the cost of the flow if
    /// `c + potential(a) - potential(b) >= 0`.
    pub fn potential(&self, node: usize) -> i64 {
        self.potential[node]
    }

    /// The flow an edge carries (the capacity of its residual twin).
    pub fn flow(&self, edge: usize) -> i64 {
        match self.forward.get(edge) {
            Some(&arc) => i64::from(self.arcs[self.arcs[arc as usize].twin as usize].capacity),
            None => 0,
        }
    }

    /// Sends as much flow as possible from `source` to `sink` at the least cost.
    /// Returns (flow, cost).
    ///
    /// Primal-dual: each phase computes shortest distances with Dijkstra on
    /// reduced costs, moves the potentials so that every shortest path has
    /// reduced cost 0, then pushes flow along as many of them as one
    /// depth-first pass finds. Far fewer shortest-path runs than one per unit
    /// of flow; the result is the same minimum cost.
    pub fn min_cost_max_flow(&mut self, source: usize, sink: usize) -> (i64, i64) {
        self.potential.fill(0);
        self.forward.clear();
        for spec in &mut self.specs {
            spec.flow = 0;
        }
        self.lay_out(&[]);
        let (flow, cost) = self.primal_dual(source, sink);
        self.solved = self.specs.len();
        (flow, cost)
    }

    /// After `min_cost_max_flow`, makes the flow optimal again for the edges
    /// added since, without changing how much flows. Potentials stay a
    /// certificate throughout, so the result costs what solving from scratch
    /// would. Answers whether it succeeded (if not, the caller solves from
    /// scratch).
    ///
    /// Node by node rather than edge by edge: saturating every new edge whose
    /// reduced cost is negative makes as many units to carry back as there
    /// are such edges, and a node with k of them sends k − 1 back where they
    /// came from. Instead, each node that `movable` allows (a mentee: one
    /// unit through it, few arcs) and that a failing edge enters or leaves
    /// has its potential moved just enough for all of its arcs on that side,
    /// new ones included. Only arcs on its other side can then fail (a
    /// mentee has one residual arc there), and every arc still failing is
    /// saturated: at most a unit per node moved, often none. The units are
    /// carried from where they are too many to where they are missing by the
    /// cheapest paths, from a surplus node whose arcs cost each excess its
    /// own potential, so that all of them start at distance 0 (a complete
    /// carrying pays a constant on those arcs, so this changes no choice).
    pub fn reoptimize(&mut self, movable: impl Fn(usize) -> bool) -> bool {
        let nodes = self.nodes;
        let (surplus, shortage) = (nodes, nodes + 1);
        let joined = self.solved;
        // Room for the imbalances, empty until they are known: an arc from
        // the surplus to every node and from every node to the shortage.
        let room: Vec<(usize, usize, i64)> = (0..nodes)
            .flat_map(|node| [(surplus, node, 0), (node, shortage, 0)])
            .collect();
        self.lay_out(&room);
        self.solved = self.specs.len();
        self.move_potentials(joined, movable);
        let imbalance = self.saturate_failing();
        let to_carry: i64 = imbalance.iter().filter(|amount| **amount > 0).sum();
        if to_carry == 0 {
            return true;
        }
        self.potential[surplus] = 0;
        self.potential[shortage] = 0;
        for index in self.arcs_of(surplus) {
            let node = self.arcs[index].to as usize;
            if imbalance[node] > 0 && !self.open(index, imbalance[node], self.potential[node]) {
                return false;
            }
        }
        for index in self.arcs_of(shortage) {
            // The arc from the node to the shortage is this one's twin.
            let (node, twin) = (self.arcs[index].to as usize, self.arcs[index].twin as usize);
            if imbalance[node] < 0 && !self.open(twin, -imbalance[node], -self.potential[node]) {
                return false;
            }
        }
        let (carried, _) = self.primal_dual(surplus, shortage);
        self.recentre();
        carried == to_carry
    }

    /// Gives an empty arc a capacity and a cost (its twin the opposite cost);
    /// answers whether they fit in 32 bits.
    fn open(&mut self, index: usize, capacity: i64, cost: i64) -> bool {
        let (Ok(capacity), Ok(cost)) = (i32::try_from(capacity), i32::try_from(cost)) else {
            return false;
        };
        self.arcs[index].capacity = capacity;
        self.arcs[index].cost = cost;
        let twin = self.arcs[index].twin as usize;
        self.arcs[twin].cost = -cost;
        true
    }

    /// Moves the potential of each `movable` node that a failing new edge
    /// (from spec `joined` on) enters, down to the least its residual arcs in
    /// allow, or that one leaves, up to the most its residual arcs out allow.
    /// A node failing both ways is left as it is.
    fn move_potentials(&mut self, joined: usize, movable: impl Fn(usize) -> bool) {
        const LOWER: u8 = 1;
        const RAISE: u8 = 2;
        let mut moves = vec![0_u8; self.nodes];
        for (spec, &arc) in self.specs[joined..].iter().zip(&self.forward[joined..]) {
            let (from, to) = (spec.from as usize, spec.to as usize);
            if self.reduced(from, &self.arcs[arc as usize]) >= 0 {
                continue;
            }
            if movable(to) {
                moves[to] |= LOWER;
            } else if movable(from) {
                moves[from] |= RAISE;
            }
        }
        for (node, wanted) in moves.into_iter().enumerate() {
            let arcs = &self.arcs[self.arcs_of(node)];
            let bound = match wanted {
                // Arcs in: residual where their twin (leaving) has capacity.
                LOWER => arcs
                    .iter()
                    .filter(|arc| self.arcs[arc.twin as usize].capacity > 0)
                    .map(|arc| self.potential[arc.to as usize] - i64::from(arc.cost))
                    .fold(self.potential[node], i64::min),
                RAISE => arcs
                    .iter()
                    .filter(|arc| arc.capacity > 0)
                    .map(|arc| self.potential[arc.to as usize] - i64::from(arc.cost))
                    .fold(self.potential[node], i64::max),
                _ => continue,
            };
            self.potential[node] = bound;
        }
    }

    /// Saturates every residual arc with a negative reduced cost (its twin
    /// then has a positive one); answers each node's imbalance (units too
    /// many, or missing if negative).
    fn saturate_failing(&mut self) -> Vec<i64> {
        let mut imbalance = vec![0_i64; self.nodes];
        for node in 0..self.nodes {
            for index in self.arcs_of(node) {
                let arc = self.arcs[index];
                if arc.capacity <= 0 || self.reduced(node, &arc) >= 0 {
                    continue;
                }
                self.arcs[index].capacity = 0;
                self.arcs[arc.twin as usize].capacity += arc.capacity;
                imbalance[arc.to as usize] += i64::from(arc.capacity);
                imbalance[node] -= i64::from(arc.capacity);
            }
        }
        imbalance
    }

    /// An arc's reduced cost under the potentials.
    fn reduced(&self, from: usize, arc: &Arc) -> i64 {
        i64::from(arc.cost) + self.potential[from] - self.potential[arc.to as usize]
    }

    /// Shifts every potential by one amount (reduced costs do not change) so
    /// that they sit around 0: rounds in place keep adding to them, and the
    /// proof reads them in 32 bits when they are small enough.
    fn recentre(&mut self) {
        let real = &self.potential[..self.nodes];
        let (Some(low), Some(high)) = (real.iter().min(), real.iter().max()) else {
            return;
        };
        let middle = low / 2 + high / 2;
        for potential in &mut self.potential {
            *potential -= middle;
        }
    }

    /// Lays the arcs out node by node from the specs and the flows they carry,
    /// with `extra` edges (from, to, capacity) of cost 0 that no spec records
    /// (`reoptimize` gives them their capacity and cost afterwards). Specs
    /// laid out before carry their flow in their arcs (it is read back
    /// first); specs added since carry none. The arrays are reused, so that
    /// the rounds of a solve do not each ask the system for fresh memory.
    fn lay_out(&mut self, extra: &[(usize, usize, i64)]) {
        for (spec, &arc) in self.specs.iter_mut().zip(&self.forward) {
            let twin = self.arcs[arc as usize].twin as usize;
            spec.flow = self.arcs[twin].capacity;
        }
        let nodes = self.nodes + 2;
        let mut degree = vec![0_u32; nodes + 1];
        let ends = self
            .specs
            .iter()
            .map(|spec| (spec.from as usize, spec.to as usize))
            .chain(extra.iter().map(|(from, to, _)| (*from, *to)));
        for (from, to) in ends {
            degree[from + 1] += 1;
            degree[to + 1] += 1;
        }
        for node in 0..nodes {
            degree[node + 1] += degree[node];
        }
        self.first.clear();
        self.first.extend_from_slice(&degree);
        let mut next = degree;
        let empty = Arc {
            to: 0,
            twin: 0,
            capacity: 0,
            cost: 0,
        };
        self.arcs.clear();
        self.arcs.resize(self.first[nodes] as usize, empty);
        self.forward.clear();
        self.forward.reserve(self.specs.len());
        let all = self
            .specs
            .iter()
            .map(|spec| (spec.from, spec.to, spec.capacity, spec.cost, spec.flow))
            .chain(
                extra
                    .iter()
                    .map(|(from, to, amount)| (*from as u32, *to as u32, narrow(*amount), 0, 0)),
            );
        for (number, (from, to, capacity, cost, flow)) in all.enumerate() {
            let (out, back) = (next[from as usize], next[to as usize]);
            next[from as usize] += 1;
            next[to as usize] += 1;
            self.arcs[out as usize] = Arc {
                to,
                twin: back,
                capacity: capacity - flow,
                cost,
            };
            self.arcs[back as usize] = Arc {
                to: from,
                twin: out,
                capacity: flow,
                cost: -cost,
            };
            if number < self.specs.len() {
                self.forward.push(out);
            }
        }
        for spec in &mut self.specs {
            spec.flow = 0;
        }
    }

    fn arcs_of(&self, node: usize) -> std::ops::Range<usize> {
        self.first[node] as usize..self.first[node + 1] as usize
    }
}

/// A capacity or cost as stored (saturating: a cohort's never come near).
fn narrow(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(if value < 0 { i32::MIN } else { i32::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cheapest_of_two_routes_is_taken_first() {
        // source 0 → {1, 2} → sink 3; through 1 costs 1, through 2 costs 5.
        let mut network = Network::new(4);
        let cheap = network.add_edge(0, 1, 1, 0);
        network.add_edge(1, 3, 1, 1);
        let dear = network.add_edge(0, 2, 2, 0);
        network.add_edge(2, 3, 2, 5);
        assert_eq!(network.min_cost_max_flow(0, 3), (3, 11));
        assert_eq!(network.flow(cheap), 1);
        assert_eq!(network.flow(dear), 2);
    }

    #[test]
    fn a_cheaper_path_can_reroute_earlier_flow() {
        // Two mentees (1, 2), two mentors (3, 4). Mentee 1 likes both, mentee 2
        // only mentor 3: the optimum gives 3 to mentee 2.
        let mut network = Network::new(6);
        network.add_edge(0, 1, 1, 0);
        network.add_edge(0, 2, 1, 0);
        network.add_edge(1, 3, 1, 0);
        let detour = network.add_edge(1, 4, 1, 10);
        network.add_edge(2, 3, 1, 0);
        network.add_edge(3, 5, 1, 0);
        network.add_edge(4, 5, 1, 0);
        assert_eq!(network.min_cost_max_flow(0, 5), (2, 10));
        assert_eq!(network.flow(detour), 1);
    }

    #[test]
    fn an_edge_added_after_the_solve_reroutes_the_flow() {
        // Mentee 1 → mentor 3 (cost 10) is all there is; then mentor 4 joins
        // at cost 2: the unit moves there, and the potentials prove it.
        let mut network = Network::new(5);
        network.add_edge(0, 1, 1, 0);
        let first = network.add_edge(1, 3, 1, 10);
        network.add_edge(3, 2, 1, 0);
        network.add_edge(4, 2, 1, 0);
        assert_eq!(network.min_cost_max_flow(0, 2), (1, 10));
        let better = network.add_edge(1, 4, 1, 2);
        assert!(network.reoptimize(|node| node == 1), "the unit goes back");
        assert_eq!(network.flow(first), 0);
        assert_eq!(network.flow(better), 1);
        // The potentials prove it: the edge now empty could not do better.
        let reduced = 10 + network.potential(1) - network.potential(3);
        assert!(reduced >= 0, "the old edge's reduced cost is {reduced}");
    }

    /// Whether every residual arc between the network's own nodes has a
    /// non-negative reduced cost: the potentials prove the flow optimal.
    fn certified(network: &Network) -> bool {
        (0..network.nodes).all(|node| {
            network.arcs[network.arcs_of(node)].iter().all(|arc| {
                arc.capacity <= 0
                    || arc.to as usize >= network.nodes
                    || network.reduced(node, arc) >= 0
            })
        })
    }

    /// An assignment network like the engine's, mentees 1..=`mentees`,
    /// mentors after them, the sink last: supply edges, then the pairs
    /// (mentee, mentor, cost) in `rounds` (the first solved from scratch,
    /// each other one joining in place, or solved again if `in_place` is
    /// false). Returns (flow, cost, certified after every round).
    fn assignment(
        mentees: usize,
        places: &[i64],
        from_mentees: bool,
        rounds: &[Vec<(usize, usize, i64)>],
        in_place: bool,
    ) -> (i64, i64, bool) {
        let mentors = places.len();
        let (source, sink) = (0, mentees + mentors + 1);
        let left_over = 100 * (mentees as i64 + 1);
        let mut network = Network::new(sink + 1);
        let mut edges = Vec::new();
        for mentee in 1..=mentees {
            if from_mentees {
                edges.push((network.add_edge(source, mentee, 1, 0), 0));
                edges.push((network.add_edge(mentee, sink, 1, left_over), left_over));
            } else {
                edges.push((network.add_edge(mentee, sink, 1, 0), 0));
            }
        }
        for (index, places) in places.iter().enumerate() {
            let mentor = mentees + 1 + index;
            if from_mentees {
                edges.push((network.add_edge(mentor, sink, *places, 0), 0));
            } else {
                edges.push((network.add_edge(source, mentor, *places, 0), 0));
                let over = network.add_edge(mentor, sink, *places, left_over);
                edges.push((over, left_over));
            }
        }
        let mut certified_throughout = true;
        for (round, pairs) in rounds.iter().enumerate() {
            for &(mentee, mentor, cost) in pairs {
                let (from, to) = (1 + mentee, mentees + 1 + mentor);
                let (from, to) = if from_mentees { (from, to) } else { (to, from) };
                edges.push((network.add_edge(from, to, 1, cost), cost));
            }
            let movable = |node: usize| (1..=mentees).contains(&node);
            if round == 0 || !in_place || !network.reoptimize(movable) {
                network.min_cost_max_flow(source, sink);
            }
            certified_throughout &= certified(&network);
        }
        let cost = edges
            .iter()
            .map(|(edge, cost)| network.flow(*edge) * cost)
            .sum();
        let units = (0..network.specs.len())
            .filter(|edge| network.specs[*edge].from as usize == source)
            .map(|edge| network.flow(edge))
            .sum();
        (units, cost, certified_throughout)
    }

    /// Random assignment networks, their pairs joining over several rounds
    /// (many ties, so that potentials are off by a little everywhere, as
    /// when everyone ranks alike): re-optimized in place, the flow carries
    /// as much at the same cost as solving from scratch, and the
    /// potentials prove it optimal after every round.
    #[test]
    fn re_optimizing_in_place_matches_a_fresh_solve_and_is_certified() {
        let mut random = crate::seeded::Seeded(18);
        for case in 0..600 {
            let mentees = 1 + random.below(14) as usize;
            let places: Vec<i64> = (0..1 + random.below(6))
                .map(|_| random.below(4) as i64)
                .collect();
            let spread = 1 + random.below(40);
            let mut rounds = vec![Vec::new(); 1 + random.below(4) as usize];
            for mentee in 0..mentees {
                for mentor in 0..places.len() {
                    if random.chance(65) {
                        let round = random.below(rounds.len() as u64) as usize;
                        rounds[round].push((mentee, mentor, random.below(spread) as i64));
                    }
                }
            }
            let from_mentees = random.chance(50);
            let in_place = assignment(mentees, &places, from_mentees, &rounds, true);
            let fresh = assignment(mentees, &places, from_mentees, &rounds, false);
            assert!(in_place.2, "case {case}: a reduced cost is negative");
            assert!(
                fresh.2,
                "case {case}: a fresh solve's reduced cost is negative"
            );
            assert_eq!(
                (in_place.0, in_place.1),
                (fresh.0, fresh.1),
                "case {case}: in place, then from scratch"
            );
        }
    }
}
