//! Minimum-cost maximum flow by successive shortest paths (Dijkstra with
//! potentials), and re-optimization when edges join a solved network.
//! Costs are non-negative integers, so the first potentials are 0.
//! Deterministic: ties are broken by node and edge order.
use std::cmp::Reverse;
use std::collections::BinaryHeap;

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

/// Working memory of the searches, kept between phases.
#[derive(Debug, Clone, Default)]
struct Search {
    distance: Vec<i64>,
    buckets: Vec<Vec<u32>>,
    overflow: BinaryHeap<Reverse<(i64, u32)>>,
    on_path: Vec<bool>,
    next_arc: Vec<u32>,
    path: Vec<u32>,
}

/// Distances below this wait in buckets (reduced costs are small integers),
/// others in a heap.
const BUCKETS: usize = 256;

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
    /// added since, without changing how much flows: each new edge whose
    /// reduced cost is negative is saturated, which leaves a unit too many at
    /// its head and one missing at its tail, and the cheapest paths from the
    /// one to the other carry them back. Potentials stay a certificate
    /// throughout, so the result is what solving from scratch would cost.
    /// Answers whether every unit went back (the saturated edges' twins
    /// always offer a way; if not, the caller solves from scratch).
    pub fn reoptimize(&mut self) -> bool {
        let mut imbalance = vec![0_i64; self.nodes];
        for spec in &mut self.specs[self.solved..] {
            let reduced = i64::from(spec.cost) + self.potential[spec.from as usize]
                - self.potential[spec.to as usize];
            if reduced < 0 && spec.capacity > 0 {
                spec.flow = spec.capacity;
                imbalance[spec.to as usize] += i64::from(spec.capacity);
                imbalance[spec.from as usize] -= i64::from(spec.capacity);
            }
        }
        self.solved = self.specs.len();
        let (surplus, shortage) = (self.nodes, self.nodes + 1);
        let mut extra = Vec::new();
        let (mut highest, mut lowest) = (i64::MIN, i64::MAX);
        let mut to_carry = 0;
        for (node, amount) in imbalance.iter().enumerate() {
            if *amount > 0 {
                to_carry += *amount;
                extra.push((surplus, node, *amount));
                highest = highest.max(self.potential[node]);
            } else if *amount < 0 {
                extra.push((node, shortage, -*amount));
                lowest = lowest.min(self.potential[node]);
            }
        }
        self.lay_out(&extra);
        if extra.is_empty() {
            return true;
        }
        // Arcs from the surplus and into the shortage start with a
        // non-negative reduced cost.
        self.potential[surplus] = highest;
        self.potential[shortage] = lowest;
        let (carried, _) = self.primal_dual(surplus, shortage);
        carried == to_carry
    }

    /// Lays the arcs out node by node from the specs and the flows they carry,
    /// with `extra` edges (from, to, capacity) of cost 0 that no spec records.
    /// Specs laid out before carry their flow in their arcs (it is read back
    /// first); specs added since, the flow `reoptimize` gave them.
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
        self.first = degree.clone();
        let mut next = degree;
        let empty = Arc {
            to: 0,
            twin: 0,
            capacity: 0,
            cost: 0,
        };
        self.arcs = vec![empty; self.first[nodes] as usize];
        self.forward = Vec::with_capacity(self.specs.len());
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

    /// Phases of shortest paths and augmentations from the current potentials.
    /// Returns (flow, cost).
    fn primal_dual(&mut self, source: usize, sink: usize) -> (i64, i64) {
        let nodes = self.first.len() - 1;
        let mut search = std::mem::take(&mut self.search);
        search.distance.resize(nodes, i64::MAX);
        search.buckets.resize_with(BUCKETS, Vec::new);
        let (mut flow, mut cost) = (0_i64, 0_i64);
        loop {
            let to_sink = self.shortest_distances(source, sink, &mut search);
            if to_sink == i64::MAX {
                break;
            }
            // Nodes farther than the sink move as if at the sink's distance: reduced
            // costs stay non-negative, and shortest paths to the sink cost 0.
            for (potential, distance) in self.potential.iter_mut().zip(&search.distance) {
                *potential += (*distance).min(to_sink);
            }
            let pushed = self.augment(source, sink, &mut search);
            if pushed == 0 {
                break;
            }
            flow += pushed;
            cost += pushed * (self.potential[sink] - self.potential[source]);
        }
        self.search = search;
        (flow, cost)
    }

    /// Dijkstra on reduced costs, stopped when the sink is reached (every node
    /// nearer is final; the others are at least as far). Small distances wait
    /// in buckets, larger ones in a heap. Returns the sink's distance.
    fn shortest_distances(&self, source: usize, sink: usize, search: &mut Search) -> i64 {
        let Search {
            distance,
            buckets,
            overflow,
            ..
        } = search;
        distance.fill(i64::MAX);
        buckets.iter_mut().for_each(Vec::clear);
        overflow.clear();
        distance[source] = 0;
        buckets[0].push(source as u32);
        let mut current = 0;
        loop {
            // The nearest node waiting: buckets in order, then the heap.
            let (dist, node) = loop {
                if current < BUCKETS {
                    match buckets[current].pop() {
                        Some(node) => break (current as i64, node as usize),
                        None => current += 1,
                    }
                } else {
                    match overflow.pop() {
                        Some(Reverse((dist, node))) => break (dist, node as usize),
                        None => return distance[sink],
                    }
                }
            };
            if dist > distance[node] {
                continue;
            }
            if node == sink {
                return dist;
            }
            for arc in &self.arcs[self.arcs_of(node)] {
                if arc.capacity <= 0 {
                    continue;
                }
                let to = arc.to as usize;
                let candidate =
                    dist + i64::from(arc.cost) + self.potential[node] - self.potential[to];
                if candidate < distance[to] {
                    distance[to] = candidate;
                    match usize::try_from(candidate) {
                        Ok(bucket) if bucket < BUCKETS => buckets[bucket].push(to as u32),
                        _ => overflow.push(Reverse((candidate, to as u32))),
                    }
                }
            }
        }
    }

    /// Whether an arc lies on a shortest path under the potentials.
    fn admissible(&self, from: usize, arc: &Arc) -> bool {
        arc.capacity > 0
            && i64::from(arc.cost) + self.potential[from] - self.potential[arc.to as usize] == 0
    }

    /// Pushes flow along admissible arcs (zero reduced cost) until a search
    /// from the source finds none: depth-first, each node's arcs tried in turn
    /// and never again once they lead nowhere, nodes on the current path
    /// skipped (zero-cost cycles). Returns the flow pushed; what it may miss,
    /// the next phase finds at distance 0.
    fn augment(&mut self, source: usize, sink: usize, search: &mut Search) -> i64 {
        let nodes = self.first.len() - 1;
        let Search {
            on_path,
            next_arc,
            path,
            ..
        } = search;
        on_path.clear();
        on_path.resize(nodes, false);
        next_arc.clear();
        next_arc.extend_from_slice(&self.first[..nodes]);
        let mut total = 0;
        let mut node = source;
        on_path[source] = true;
        path.clear();
        loop {
            if node == sink {
                let push = path
                    .iter()
                    .map(|&arc| self.arcs[arc as usize].capacity)
                    .min()
                    .unwrap_or(0);
                for &arc in path.iter() {
                    let arc = arc as usize;
                    let twin = self.arcs[arc].twin as usize;
                    self.arcs[arc].capacity -= push;
                    self.arcs[twin].capacity += push;
                    on_path[self.arcs[arc].to as usize] = false;
                }
                total += i64::from(push);
                path.clear();
                node = source;
                continue;
            }
            let end = self.first[node + 1];
            let mut advanced = false;
            while next_arc[node] < end {
                let index = next_arc[node] as usize;
                let arc = &self.arcs[index];
                let to = arc.to as usize;
                if !on_path[to] && self.admissible(node, arc) {
                    path.push(index as u32);
                    on_path[to] = true;
                    node = to;
                    advanced = true;
                    break;
                }
                next_arc[node] += 1;
            }
            if !advanced {
                // A dead end: retreat, and never try the arc that led here again.
                let Some(arc) = path.pop() else {
                    return total;
                };
                on_path[node] = false;
                let twin = self.arcs[arc as usize].twin as usize;
                node = self.arcs[twin].to as usize;
                next_arc[node] += 1;
            }
        }
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
        assert!(network.reoptimize(), "the unit goes back");
        assert_eq!(network.flow(first), 0);
        assert_eq!(network.flow(better), 1);
        // The potentials prove it: the edge now empty could not do better.
        let reduced = 10 + network.potential(1) - network.potential(3);
        assert!(reduced >= 0, "the old edge's reduced cost is {reduced}");
    }
}
