//! Minimum-cost maximum flow by successive shortest paths (Dijkstra with
//! potentials). Costs are non-negative integers, so the first potentials are 0.
//! Deterministic: ties are broken by node and edge order.
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Kept small (12 bytes): the searches walk every edge, and fewer cache lines
/// make them faster.
#[derive(Debug, Clone)]
struct Edge {
    to: u32,
    capacity: i32,
    cost: i32,
}

/// A flow network; edges are added in pairs (forward, residual).
#[derive(Debug, Clone, Default)]
pub struct Network {
    edges: Vec<Edge>,
    out: Vec<Vec<usize>>,
    /// After `min_cost_max_flow`: node potentials under which every residual
    /// edge has a non-negative reduced cost (the certificate of optimality).
    potential: Vec<i64>,
}

impl Network {
    pub fn new(nodes: usize) -> Network {
        Network {
            edges: Vec::new(),
            out: vec![Vec::new(); nodes],
            potential: vec![0; nodes],
        }
    }

    /// Capacities and costs must fit in 32 bits (a cohort's are far smaller).
    pub fn add_edge(&mut self, from: usize, to: usize, capacity: i64, cost: i64) -> usize {
        let index = self.edges.len();
        let (capacity, cost) = (narrow(capacity), narrow(cost));
        self.edges.push(Edge {
            to: to as u32,
            capacity,
            cost,
        });
        self.out[from].push(index);
        self.edges.push(Edge {
            to: from as u32,
            capacity: 0,
            cost: -cost,
        });
        self.out[to].push(index + 1);
        index
    }

    /// A node's potential after `min_cost_max_flow`: an edge from `a` to `b` of
    /// cost `c` left out of the network could not lower the cost of the flow
    /// if `c + potential(a) - potential(b) >= 0`.
    pub fn potential(&self, node: usize) -> i64 {
        self.potential[node]
    }

    /// The flow an edge carries (the capacity of its residual twin).
    pub fn flow(&self, edge: usize) -> i64 {
        i64::from(self.edges[edge ^ 1].capacity)
    }

    /// Sends as much flow as possible from `source` to `sink` at the least cost.
    /// Returns (flow, cost).
    ///
    /// Primal-dual: each phase computes shortest distances with Dijkstra on
    /// reduced costs, moves the potentials so that every shortest path has
    /// reduced cost 0, then pushes a blocking flow along all of them at once
    /// (Dinic on the zero-cost edges). Far fewer shortest-path runs than one
    /// per unit of flow; the result is the same minimum cost.
    pub fn min_cost_max_flow(&mut self, source: usize, sink: usize) -> (i64, i64) {
        let nodes = self.out.len();
        let mut potential = vec![0_i64; nodes];
        let (mut flow, mut cost) = (0_i64, 0_i64);
        let mut distance = vec![i64::MAX; nodes];
        let mut queue = BinaryHeap::new();
        loop {
            distance.fill(i64::MAX);
            distance[source] = 0;
            queue.clear();
            queue.push(Reverse((0_i64, source)));
            while let Some(Reverse((dist, node))) = queue.pop() {
                if dist > distance[node] {
                    continue;
                }
                if node == sink {
                    // Every node nearer than the sink is final; the others are
                    // at least as far, and only their capped distance matters.
                    break;
                }
                for &index in &self.out[node] {
                    let edge = &self.edges[index];
                    if edge.capacity <= 0 {
                        continue;
                    }
                    let to = edge.to as usize;
                    let candidate = dist + i64::from(edge.cost) + potential[node] - potential[to];
                    if candidate < distance[to] {
                        distance[to] = candidate;
                        queue.push(Reverse((candidate, to)));
                    }
                }
            }
            let to_sink = distance[sink];
            if to_sink == i64::MAX {
                self.potential = potential;
                return (flow, cost);
            }
            // Nodes farther than the sink move as if at the sink's distance: reduced
            // costs stay non-negative, and shortest paths to the sink cost 0.
            for node in 0..nodes {
                potential[node] += distance[node].min(to_sink);
            }
            let pushed = self.blocking_flow(source, sink, &potential);
            if pushed == 0 {
                self.potential = potential;
                return (flow, cost);
            }
            flow += pushed;
            cost += pushed * (potential[sink] - potential[source]);
        }
    }

    /// Whether an edge lies on a shortest path under these potentials.
    fn admissible(&self, from: usize, index: usize, potential: &[i64]) -> bool {
        let edge = &self.edges[index];
        edge.capacity > 0
            && i64::from(edge.cost) + potential[from] - potential[edge.to as usize] == 0
    }

    /// Dinic on the admissible edges: levels by breadth-first search, then
    /// depth-first pushes that never revisit a dead edge. Returns the flow pushed.
    fn blocking_flow(&mut self, source: usize, sink: usize, potential: &[i64]) -> i64 {
        let nodes = self.out.len();
        let mut total = 0;
        loop {
            let mut level = vec![u32::MAX; nodes];
            level[source] = 0;
            let mut frontier = std::collections::VecDeque::from([source]);
            while let Some(node) = frontier.pop_front() {
                if level[sink] != u32::MAX && level[node] >= level[sink] {
                    // Nothing deeper than the sink is on a shortest augmenting path.
                    break;
                }
                for &index in &self.out[node] {
                    let to = self.edges[index].to as usize;
                    if level[to] == u32::MAX && self.admissible(node, index, potential) {
                        level[to] = level[node] + 1;
                        frontier.push_back(to);
                    }
                }
            }
            if level[sink] == u32::MAX {
                return total;
            }
            let mut next_edge = vec![0_usize; nodes];
            loop {
                let pushed =
                    self.push_path(source, sink, i64::MAX, &level, &mut next_edge, potential);
                if pushed == 0 {
                    break;
                }
                total += pushed;
            }
        }
    }

    /// One augmenting path of the level graph, found iteratively (deep graphs
    /// must not overflow the stack). Returns the flow pushed along it.
    fn push_path(
        &mut self,
        source: usize,
        sink: usize,
        limit: i64,
        level: &[u32],
        next_edge: &mut [usize],
        potential: &[i64],
    ) -> i64 {
        let mut path: Vec<usize> = Vec::new();
        let mut node = source;
        loop {
            if node == sink {
                let push = path
                    .iter()
                    .map(|&index| i64::from(self.edges[index].capacity))
                    .fold(limit, i64::min);
                for &index in &path {
                    // `push` is at most an edge's capacity, so it fits in 32 bits.
                    let push = push as i32;
                    self.edges[index].capacity -= push;
                    self.edges[index ^ 1].capacity += push;
                }
                return push;
            }
            let mut advanced = false;
            while next_edge[node] < self.out[node].len() {
                let index = self.out[node][next_edge[node]];
                let to = self.edges[index].to as usize;
                if level[to] == level[node] + 1 && self.admissible(node, index, potential) {
                    path.push(index);
                    node = to;
                    advanced = true;
                    break;
                }
                next_edge[node] += 1;
            }
            if !advanced {
                // A dead end: retreat, and never try the edge that led here again.
                let Some(index) = path.pop() else {
                    return 0;
                };
                node = self.edges[index ^ 1].to as usize;
                next_edge[node] += 1;
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
}
